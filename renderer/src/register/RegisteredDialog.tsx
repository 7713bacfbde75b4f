import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { OutputOf } from '../../../shared/api/contract';
import { formatDateCn } from '../format';

interface Props {
  open: boolean;
  /** Kept after closing so the dialog does not empty itself while it fades out. */
  saved: OutputOf<'cases.register'> | null;
  onOpenCase: (id: number) => void;
  onContinue: () => void;
  /** After the dialog has gone: focus can move back into the form without the dialog taking it. */
  onClosed: () => void;
}

/** Shown after a save: the case number the clerk reads out to the complainant, and the due date. */
export function RegisteredDialog({ open, saved, onOpenCase, onContinue, onClosed }: Props) {
  return (
    <Dialog
      open={open && saved !== null}
      onClose={onContinue}
      maxWidth="xs"
      fullWidth
      disableRestoreFocus
      slotProps={{ transition: { onExited: onClosed } }}
    >
      <DialogTitle>登记成功</DialogTitle>
      {saved && (
        <DialogContent>
          <Typography color="text.secondary">案件编号</Typography>
          <Typography
            data-testid="registered-case-no"
            variant="h4"
            component="p"
            sx={{ fontWeight: 600, color: 'primary.main', my: 1, letterSpacing: 1, userSelect: 'all' }}
          >
            {saved.caseNo}
          </Typography>
          <Typography>
            受理决定期限：<strong data-testid="registered-due-on">{formatDateCn(saved.acceptanceDueOn)}</strong>
          </Typography>
        </DialogContent>
      )}
      <DialogActions>
        <Button onClick={() => saved && onOpenCase(saved.id)}>打开案件</Button>
        <Button variant="contained" autoFocus onClick={onContinue}>
          继续登记
        </Button>
      </DialogActions>
    </Dialog>
  );
}
