import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { KeyboardEvent, ReactNode } from 'react';
import type { CaseDetail } from '../../../../../shared/api/schemas/cases';
import { actionLabel, type CaseAction } from '../../../../../shared/domain/workflow';
import type { Notice } from '../../../common/useOperationForm';

interface Props {
  c: CaseDetail;
  action: CaseAction;
  onClose: () => void;
  onSubmit: () => void;
  notice: Notice | null;
  busy: boolean;
  /** What the step means, above its fields. */
  intro?: ReactNode;
  children?: ReactNode;
  /** 作废 and the like: the confirm button is red. */
  danger?: boolean;
  wide?: boolean;
  /** A step without fields: the confirm button takes the focus, so Enter takes the step. */
  confirmFirst?: boolean;
}

/**
 * The one frame of every step's dialog: title with the case number, the step's fields, a notice
 * for what has no field (a conflict, a status that no longer allows the step), and the confirm
 * button named after the step. Enter in a line field or Ctrl+Enter anywhere confirms; Esc cancels.
 */
export function ActionDialog({ c, action, onClose, onSubmit, notice, busy, intro, children, danger, wide, confirmFirst }: Props) {
  const label = actionLabel(action);
  const stillAllowed = c.allowedActions.includes(action);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!busy && stillAllowed) onSubmit();
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth={wide ? 'md' : 'sm'} fullWidth aria-labelledby="action-title">
      <form
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && stillAllowed) onSubmit();
        }}
      >
        <DialogTitle id="action-title">
          {label}
          <Typography component="span" color="text.secondary" sx={{ ml: 1.5 }}>
            {c.caseNo}
          </Typography>
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {intro && (
              <Typography variant="body2" color="text.secondary" component="div">
                {intro}
              </Typography>
            )}
            {notice && <Alert severity={notice.severity}>{notice.text}</Alert>}
            {!stillAllowed && <Alert severity="warning">案件现在的状态已不能进行“{label}”，请取消后查看案件的最新情况。</Alert>}
            {children}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Typography variant="caption" color="text.secondary" sx={{ mr: 'auto', pl: 2 }}>
            Ctrl+Enter 确认 · Esc 取消
          </Typography>
          <Button onClick={onClose}>取消</Button>
          <Button type="submit" variant="contained" color={danger ? 'error' : 'primary'} disabled={busy || !stillAllowed} autoFocus={confirmFirst}>
            {label}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
