import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router-dom';

interface Props {
  /** Input that is neither registered nor kept in a saved draft. */
  dirty: boolean;
  /** Saves the draft now; true when everything typed is then kept. Absent: the form keeps no draft. */
  flush?: () => Promise<boolean>;
}

/**
 * Asks before a navigation would drop input that is not kept anywhere. With drafts on, leaving
 * first saves the draft and, once it is saved, simply goes (the draft waits on 今日 and is offered
 * when the form opens again); only a draft that cannot be saved brings up the question. Closing
 * the tab or window raises a beforeunload veto while typing is not yet in a draft: the browser asks
 * in browser mode; under Electron the main process turns the veto into a Chinese dialog
 * (electron/main/index.ts, will-prevent-unload).
 */
export function LeaveGuard({ dirty, flush }: Props) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  const [asking, setAsking] = useState(false);
  const blocked = blocker.state === 'blocked';
  // The blocker object is new on every render; the effect below runs once per blocked navigation.
  const latest = useRef(blocker);
  latest.current = blocker;

  useEffect(() => {
    if (!blocked) return;
    if (!flush) {
      setAsking(true);
      return;
    }
    let current = true;
    void flush().then((kept) => {
      if (!current) return;
      if (kept) latest.current.proceed?.();
      else setAsking(true);
    });
    return () => {
      current = false;
    };
  }, [blocked, flush]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const stay = () => {
    setAsking(false);
    blocker.reset?.();
  };
  return (
    <Dialog open={blocked && asking} onClose={stay}>
      <DialogTitle>离开登记页？</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {flush ? '最近填写的内容未能存为草稿，离开后将会丢失。' : '已填写的内容尚未保存，离开后将会丢失。'}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" autoFocus onClick={stay}>
          留在此页
        </Button>
        <Button
          color="error"
          onClick={() => {
            setAsking(false);
            blocker.proceed?.();
          }}
        >
          放弃并离开
        </Button>
      </DialogActions>
    </Dialog>
  );
}
