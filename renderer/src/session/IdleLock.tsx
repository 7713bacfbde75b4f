import LockIcon from '@mui/icons-material/Lock';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useApi } from '../api/ApiContext';
import { useHasUnsaved } from '../common/unsavedChanges';
import { roleLabel } from './roleLabel';
import { useSession } from './SessionContext';
import { useIdleTimer } from './useIdleTimer';

/** Survives a reload of the page, so pressing F5 does not open a locked screen. */
const LOCK_KEY = 'complaintdesk.lockedUser';

/** Signing in proves who is at the PC as well as unlocking does. */
export const clearIdleLock = () => sessionStorage.removeItem(LOCK_KEY);

/**
 * 锁屏: after the office's idle time (session.me.idleLockMinutes, 0 = never) the screen is covered
 * until the signed-in user types their own password (session.unlock). The screens underneath stay
 * mounted, so nothing typed is lost; the navigation keys do nothing while it is locked.
 */
export function IdleLock() {
  const api = useApi();
  const { user, idleLockMinutes, logout } = useSession();
  const [locked, setLocked] = useState(() => sessionStorage.getItem(LOCK_KEY) === String(user.id));
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<{ field: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const hasUnsaved = useHasUnsaved();

  const lock = useCallback(() => {
    sessionStorage.setItem(LOCK_KEY, String(user.id));
    setLocked(true);
  }, [user.id]);
  useIdleTimer(idleLockMinutes, lock, locked);

  useEffect(() => {
    if (!locked) return;
    // Alt+1/2/3 and other shortcuts must not move the screens behind the lock.
    const swallow = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) {
        e.stopPropagation();
        if (e.altKey) e.preventDefault();
      }
    };
    window.addEventListener('keydown', swallow, { capture: true });
    return () => window.removeEventListener('keydown', swallow, { capture: true });
  }, [locked]);

  const unlock = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await api.call('session.unlock', { password });
    setBusy(false);
    if (result.ok) {
      clearIdleLock();
      setLocked(false);
      setPassword('');
      setProblem(null);
      return;
    }
    const field = result.error.fields?.password;
    setProblem(field ? { field: true, text: field } : { field: false, text: result.error.message });
  };

  const signOut = () => {
    clearIdleLock();
    void logout();
  };

  return (
    <Dialog
      open={locked}
      maxWidth="xs"
      fullWidth
      aria-labelledby="lock-title"
      slotProps={{ backdrop: { sx: { bgcolor: '#17324d' } } }}
    >
      <form noValidate onSubmit={(e) => void unlock(e)}>
        <DialogTitle id="lock-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <LockIcon color="primary" /> 屏幕已锁定
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {user.displayName}（{roleLabel[user.role]}）已离开 {idleLockMinutes} 分钟。请输入您的登录密码继续；刚才填写的内容都还在。
            </Typography>
            {problem && !problem.field && <Alert severity="error">{problem.text}</Alert>}
            <TextField
              label="登录密码"
              type="password"
              autoFocus
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={problem?.field ?? false}
              helperText={problem?.field ? problem.text : undefined}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button color="inherit" onClick={signOut}>
            {locked && hasUnsaved() ? '放弃未保存的内容并退出' : '退出登录'}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            解锁
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
