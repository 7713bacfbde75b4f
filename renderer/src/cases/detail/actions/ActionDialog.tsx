import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { CaseDetail } from '../../../../../shared/api/schemas/cases';
import { actionLabel, type CaseAction } from '../../../../../shared/domain/workflow';
import { FormDialog } from '../../../common/FormDialog';
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
 * The one frame of every step's dialog: the step and the case number, what the step means, its
 * fields, a notice for what has no field (a conflict, a status that no longer allows the step), and
 * the confirm button named after the step.
 */
export function ActionDialog({ c, action, onClose, onSubmit, notice, busy, intro, children, danger, wide, confirmFirst }: Props) {
  const label = actionLabel(action);
  const stillAllowed = c.allowedActions.includes(action);
  const title = (
    <>
      {label}
      <Typography component="span" color="text.secondary" sx={{ ml: 1.5 }}>
        {c.caseNo}
      </Typography>
    </>
  );
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={onSubmit}
      submitLabel={label}
      busy={busy}
      blocked={!stillAllowed}
      danger={danger}
      confirmFirst={confirmFirst}
      maxWidth={wide ? 'md' : 'sm'}
    >
      {intro && (
        <Typography variant="body2" color="text.secondary" component="div">
          {intro}
        </Typography>
      )}
      {notice && <Alert severity={notice.severity}>{notice.text}</Alert>}
      {!stillAllowed && <Alert severity="warning">案件现在的状态已不能进行“{label}”，请取消后查看案件的最新情况。</Alert>}
      {children}
    </FormDialog>
  );
}
