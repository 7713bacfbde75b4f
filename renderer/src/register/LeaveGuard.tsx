import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect } from 'react';
import { useBlocker } from 'react-router-dom';

/**
 * Asks before a navigation would drop unsaved input. Closing the tab or window raises a
 * beforeunload veto: the browser asks in browser mode; under Electron the main process turns the
 * veto into a Chinese dialog (electron/main/index.ts, will-prevent-unload).
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  return (
    <Dialog open={blocker.state === 'blocked'} onClose={() => blocker.reset?.()}>
      <DialogTitle>离开登记页？</DialogTitle>
      <DialogContent>
        <DialogContentText>已填写的内容尚未保存，离开后将会丢失。</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" autoFocus onClick={() => blocker.reset?.()}>
          留在此页
        </Button>
        <Button color="error" onClick={() => blocker.proceed?.()}>
          放弃并离开
        </Button>
      </DialogActions>
    </Dialog>
  );
}
