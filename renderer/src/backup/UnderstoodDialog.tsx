import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useEffect, useState } from 'react';

/**
 * A step that cannot be undone (restoring over the current data, deleting a kept copy): what it
 * does in words, and its button enabled only once the administrator ticks that they understand.
 * Cancel has the focus, so Enter never confirms by accident.
 */
export function UnderstoodDialog({ open, title, text, understood, action, onCancel, onConfirm }: {
  open: boolean;
  title: string;
  text: string;
  /** The tick box's label, e.g. 我已了解，确认恢复. */
  understood: string;
  action: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const [ticked, setTicked] = useState(false);
  useEffect(() => {
    if (open) setTicked(false);
  }, [open]);
  return (
    <Dialog open={open} onClose={onCancel}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{text}</DialogContentText>
        <FormControlLabel control={<Checkbox checked={ticked} onChange={(e) => setTicked(e.target.checked)} />} label={understood} />
      </DialogContent>
      <DialogActions>
        <Button autoFocus onClick={onCancel}>
          取消
        </Button>
        <Button color="warning" variant="contained" disabled={!ticked} onClick={onConfirm}>
          {action}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
