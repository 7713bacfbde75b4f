import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { usersResetPassword } from '../../../shared/api/schemas/auth';
import type { UserView } from '../../../shared/api/schemas/common';
import { useApi } from '../api/ApiContext';
import { textFieldProps } from '../common/textFieldProps';

const schema = usersResetPassword.input.pick({ password: true });

/** 重置密码 (admin): for a colleague who forgot theirs; their open sessions end. */
export function ResetPasswordDialog({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const api = useApi();
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<{ password: string }>({ resolver: zodResolver(schema), defaultValues: { password: '' } });

  const close = () => {
    form.reset({ password: '' });
    setDone(false);
    setProblem(null);
    onClose();
  };
  const save = form.handleSubmit(async ({ password }) => {
    if (!user) return;
    const result = await api.call('users.resetPassword', { userId: user.id, password });
    if (result.ok) setDone(true);
    else setProblem(result.error.fields?.password ?? result.error.message);
  });

  return (
    <Dialog open={user !== null} onClose={close} maxWidth="xs" fullWidth>
      <form noValidate onSubmit={(e) => void save(e)}>
        <DialogTitle>重置密码：{user?.displayName}</DialogTitle>
        <DialogContent>
          {done ? (
            <Alert severity="success">已重置。请把新密码告知 {user?.displayName}，并提醒其登录后自行修改。</Alert>
          ) : (
            <>
              <DialogContentText sx={{ mb: 2 }}>该用户已登录的电脑将退出登录。</DialogContentText>
              {problem && <Alert severity="error" sx={{ mb: 2 }}>{problem}</Alert>}
              <TextField label="新密码" type="password" autoFocus autoComplete="new-password" fullWidth {...textFieldProps(form, 'password')} />
            </>
          )}
        </DialogContent>
        <DialogActions>
          {done ? (
            <Button variant="contained" autoFocus onClick={close}>
              完成
            </Button>
          ) : (
            <>
              <Button onClick={close}>取消</Button>
              <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>
                重置密码
              </Button>
            </>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
