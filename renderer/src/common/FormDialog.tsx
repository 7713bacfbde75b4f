import Button from '@mui/material/Button';
import Dialog, { type DialogProps } from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { KeyboardEvent, ReactNode } from 'react';

interface Props {
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  busy: boolean;
  /** The confirm button is greyed out (the form cannot be sent as things stand). */
  blocked?: boolean;
  danger?: boolean;
  /** A form without fields: the confirm button takes the focus, so Enter confirms. */
  confirmFirst?: boolean;
  maxWidth?: DialogProps['maxWidth'];
  children: ReactNode;
}

/**
 * The frame of every form in a dialog: title, fields, 取消 and the confirm button. Enter in a line
 * field or Ctrl+Enter anywhere confirms; Esc cancels; nothing typed is cleared by an error.
 */
export function FormDialog({ title, onClose, onSubmit, submitLabel, busy, blocked, danger, confirmFirst, maxWidth = 'sm', children }: Props) {
  const send = () => {
    if (!busy && !blocked) onSubmit();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth={maxWidth} fullWidth aria-labelledby="form-dialog-title">
      <form
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <DialogTitle id="form-dialog-title">{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {children}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Typography variant="caption" color="text.secondary" sx={{ mr: 'auto', pl: 2 }}>
            Ctrl+Enter 确认 · Esc 取消
          </Typography>
          <Button onClick={onClose}>取消</Button>
          <Button type="submit" variant="contained" color={danger ? 'error' : 'primary'} disabled={busy || blocked} autoFocus={confirmFirst}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
