import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import { pauseReasonLabel } from '../../../../shared/api/schemas/workflow';
import { answeredBy } from '../../../../shared/domain/deadlines';
import { actionLabel, type CaseAction } from '../../../../shared/domain/workflow';
import { formatDateCn, formatDateTime } from '../../format';
import { StatusChip } from '../StatusChip';
import { CaseActions } from './CaseActions';
import { DeadlineChip } from './DeadlineChip';
import { labelOf } from './labels';
import { RepeatLinks } from './RepeatLinks';
import { TypicalMark } from '../../typical/TypicalMark';

const OPEN_STATES = new Set(['running', 'overdue', 'paused']);

/** What stops the case from moving on its own, in one line each. */
function waitingFor(c: CaseDetail): string[] {
  const notes: string[] = [];
  if (c.proposal) {
    const what = c.proposal.kind === 'refusal' ? '不予受理' : '处理意见';
    notes.push(`${what}待负责人审批（${c.proposal.by.displayName} 提出）`);
  }
  if (c.materials) notes.push(`等待投诉人补正材料，期限 ${formatDateCn(c.materials.dueOn)}`);
  if (c.paused) {
    const reason = labelOf(pauseReasonLabel, c.paused.reason);
    notes.push(`计时自 ${formatDateCn(c.paused.since)} 起暂停：${reason}（${c.paused.note}）`);
  }
  if (c.voided) notes.push(`已作废：${c.voided.reason}（${c.voided.by.displayName}）`);
  return notes;
}

/**
 * A proposal the 负责人 sent back, in front of whoever opens the case until it is proposed again:
 * who sent it back, when, and why, with the step that answers it.
 */
function SentBackBanner({ c, onStep }: { c: CaseDetail; onStep: (a: CaseAction) => void }) {
  const s = c.sentBack;
  if (!s) return null;
  const again: CaseAction = s.kind === 'outcome' ? 'proposeOutcome' : 'refuse';
  const what = s.kind === 'outcome' ? '处理意见' : '不予受理意见';
  return (
    <Alert
      severity="warning"
      data-testid="sent-back"
      action={
        c.allowedActions.includes(again) && (
          <Button color="inherit" size="small" variant="outlined" onClick={() => onStep(again)}>
            {s.kind === 'outcome' ? '重新提出处理意见' : '重新提出不予受理'}
          </Button>
        )
      }
    >
      <AlertTitle>{what}被负责人退回</AlertTitle>
      {s.by.displayName} 于 {formatDateTime(s.at)} 退回 {s.proposedBy.displayName} 提出的{what}：{s.comment}
    </Alert>
  );
}

/** The step that answers a clock and that this user may take now, if any (shared/domain/deadlines.ts `answeredBy`). */
const answerOf = (c: CaseDetail, d: CaseDetail['deadlines'][number]) => answeredBy[d.kind].find((a) => c.allowedActions.includes(a)) ?? null;

/** Case number, status, the clocks running, the handler, and the next steps this user may take. */
export function CaseHeader({ c, reload, onShowTab }: { c: CaseDetail; reload: () => void; onShowTab: (tab: string) => void }) {
  const navigate = useNavigate();
  const [step, setStep] = useState<CaseAction | null>(null);
  // Opened directly (no history inside the app): "back" means the register.
  const firstPage = useLocation().key === 'default';
  const back = () => void (firstPage ? navigate('/cases') : navigate(-1));
  const open = c.deadlines.filter((d) => OPEN_STATES.has(d.state));
  const chipAnswer = (d: CaseDetail['deadlines'][number]) => {
    const a = answerOf(c, d);
    if (a) return { label: actionLabel(a), onClick: () => setStep(a) };
    // A 终止调解告知 is answered by issuing its notice, in 文书.
    if (d.kind === 'terminationNotice' && d.state !== 'paused') return { label: '出具终止调解告知书', onClick: () => onShowTab('notices') };
    return undefined;
  };
  return (
    <Stack spacing={1} sx={{ mb: 1.5 }}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Tooltip title="返回">
          <IconButton aria-label="返回" size="small" onClick={back}>
            <ArrowBackIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Typography variant="h5" component="h1" data-testid="case-no" sx={{ fontWeight: 600 }}>
          {c.caseNo}
        </Typography>
        <span data-testid="case-status">
          <StatusChip status={c.status} size="medium" />
        </span>
        <Typography variant="body2" data-testid="case-handler">
          承办人：{c.handler?.displayName ?? '未指派'}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {c.complainant.name} 投诉 {c.respondent.name}
        </Typography>
      </Stack>
      {open.length > 0 && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label="期限">
          {open.map((d) => (
            <DeadlineChip key={d.id} deadline={d} answer={chipAnswer(d)} />
          ))}
        </Stack>
      )}
      <RepeatLinks links={c.repeatLinks} />
      <SentBackBanner c={c} onStep={setStep} />
      {waitingFor(c).map((note) => (
        <Typography key={note} variant="body2" color="warning.dark">
          {note}
        </Typography>
      ))}
      {open.some((d) => d.provisional) && (
        <Alert severity="warning" variant="outlined" sx={{ py: 0 }}>
          节假日历未含期限所在年份，标“暂定”的期限按普通工作日计算；管理员在“设置 · 节假日历”录入该年节假日后自动重算
        </Alert>
      )}
      <CaseActions c={c} reload={reload} open={step} setOpen={setStep} />
      <TypicalMark c={c} reload={reload} />
    </Stack>
  );
}
