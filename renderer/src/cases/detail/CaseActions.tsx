import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import { actionLabel, proposingActions, type CaseAction } from '../../../../shared/domain/workflow';
import { StepDialog } from './actions/stepDialogs';
import { CorrectDialog } from './correct/CorrectDialog';

/** Steps that undo or end the case sit apart, at the end, outlined in red. */
const APART: readonly CaseAction[] = ['void'];

/**
 * What the toast says once a step is taken: a proposal is proposed, not done — it takes effect
 * when a 负责人 approves it.
 */
export function stepDoneText(action: CaseAction): string {
  return proposingActions.includes(action) ? `已提出“${actionLabel(action)}”，待负责人审批` : `已完成“${actionLabel(action)}”`;
}

interface Props {
  c: CaseDetail;
  reload: () => void;
  /** The step whose dialog is open (opened here, or from a deadline chip or the sent-back banner). */
  open: CaseAction | null;
  setOpen: (action: CaseAction | null) => void;
}

/**
 * 下一步: the steps this user may take on this case now, exactly as the core's `allowedActions`
 * lists them (labels from the shared workflow table), each opening its dialog.
 */
export function CaseActions({ c, reload, open, setOpen }: Props) {
  const [done, setDone] = useState<string | null>(null);
  // 更正登记信息 is no step of the workflow: offered when the core says this user may correct now (cases.get `correction`).
  const [correcting, setCorrecting] = useState(false);
  const bar = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);

  // After a step the buttons change; the keyboard goes on from the first of the new ones.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    (bar.current?.querySelector('button') ?? document.getElementById('case-tab-overview'))?.focus();
  }, [c.version]);

  const main = c.allowedActions.filter((a) => !APART.includes(a));
  const apart = c.allowedActions.filter((a) => APART.includes(a));
  return (
    <>
      <Stack ref={bar} direction="row" spacing={1} useFlexGap role="toolbar" aria-label="下一步" sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary" sx={{ mr: 0.5 }}>
          下一步
        </Typography>
        {c.allowedActions.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            您在本案当前状态下没有可办理的步骤
          </Typography>
        )}
        {main.map((a) => (
          <Button key={a} variant="outlined" size="small" onClick={() => setOpen(a)}>
            {actionLabel(a)}
          </Button>
        ))}
        {apart.map((a) => (
          <Button key={a} variant="outlined" color="error" size="small" onClick={() => setOpen(a)} sx={{ ml: 'auto !important' }}>
            {actionLabel(a)}
          </Button>
        ))}
      </Stack>
      {/* A correction is no step of the workflow: it has its own bar, not 下一步. */}
      {c.correction.allowed && (
        <Stack direction="row" role="toolbar" aria-label="登记信息" sx={{ mt: 1 }}>
          <Button variant="outlined" size="small" onClick={() => setCorrecting(true)}>
            更正登记信息
          </Button>
        </Stack>
      )}
      {open && (
        <StepDialog
          key={open}
          action={open}
          c={c}
          reload={reload}
          onClose={() => setOpen(null)}
          onDone={() => {
            setDone(stepDoneText(open));
            setOpen(null);
            refocus.current = true;
            reload();
          }}
        />
      )}
      {correcting && (
        <CorrectDialog
          c={c}
          onClose={() => setCorrecting(false)}
          onDone={() => {
            setDone('已更正登记信息');
            setCorrecting(false);
            refocus.current = true;
            reload();
          }}
        />
      )}
      <Snackbar
        open={done !== null}
        message={done}
        autoHideDuration={4000}
        onClose={() => setDone(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      />
    </>
  );
}
