import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import type { UserView } from '../../../shared/api/schemas/common';
import { useApi } from '../api/ApiContext';

/** 停用 or 启用 a user: a colleague who left can no longer sign in; their cases and records stay. */
export function DisableUserDialog({ user, onClose, onDone }: { user: (UserView & { disabled: boolean }) | null; onClose: () => void; onDone: () => void }) {
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  const disabling = !user.disabled;
  const confirm = async () => {
    setBusy(true);
    const result = await api.call('users.setDisabled', { userId: user.id, disabled: disabling });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.fields?.userId ?? result.error.message);
    setProblem(null);
    onDone();
  };
  const close = () => {
    setProblem(null);
    onClose();
  };
  return (
    <Dialog open onClose={close} maxWidth="xs" fullWidth>
      <DialogTitle>
        {disabling ? '停用' : '启用'}用户：{user.displayName}
      </DialogTitle>
      <DialogContent>
        {problem && <Alert severity="error" sx={{ mb: 2 }}>{problem}</Alert>}
        <DialogContentText>
          {disabling
            ? '停用后该用户不能再登录，已登录的电脑将退出；其承办的案件、办理记录和审批意见都保持不变。需要时可再启用。'
            : '启用后该用户可以用原密码再次登录。'}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>取消</Button>
        <Button variant="contained" color={disabling ? 'error' : 'primary'} onClick={() => void confirm()} disabled={busy} autoFocus>
          {disabling ? '停用' : '启用'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
