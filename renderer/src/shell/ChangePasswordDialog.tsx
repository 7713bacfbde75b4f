import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { sessionChangePassword } from '../../../shared/api/schemas/auth';
import { useApi } from '../api/ApiContext';
import { applyServerFieldErrors } from '../common/serverErrors';
import { textFieldProps } from '../common/textFieldProps';

/** The contract's rules, plus typing the new password twice, which only a form needs. */
const schema = z
  .object({ currentPassword: z.string(), newPassword: z.string(), confirmPassword: z.string() })
  .superRefine((v, ctx) => {
    const parsed = sessionChangePassword.input.safeParse(v);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path.map(String) });
    if (v.confirmPassword !== v.newPassword) ctx.addIssue({ code: 'custom', message: '两次输入的新密码不一致', path: ['confirmPassword'] });
  });
type Values = z.infer<typeof schema>;
const KNOWN = new Set(['currentPassword', 'newPassword']);
const EMPTY: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** 修改密码: a clerk given an initial password by the administrator makes it their own. */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const api = useApi();
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: EMPTY });

  const close = () => {
    form.reset(EMPTY);
    setDone(false);
    setProblem(null);
    onClose();
  };

  const save = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setProblem(null);
    const result = await api.call('session.changePassword', { currentPassword, newPassword });
    if (result.ok) return setDone(true);
    const wrong = applyServerFieldErrors(form.setError, result.error.fields, KNOWN);
    if (wrong[0]) form.setFocus(wrong[0]);
    else setProblem(result.error.message);
  });

  return (
    <Dialog open={open} onClose={close} maxWidth="xs" fullWidth>
      <form noValidate onSubmit={(e) => void save(e)}>
        <DialogTitle>修改密码</DialogTitle>
        <DialogContent>
          {done ? (
            <Alert severity="success">密码已修改。其他电脑上的登录已退出，本机继续使用。</Alert>
          ) : (
            <Stack spacing={2} sx={{ pt: 1 }}>
              {problem && <Alert severity="error">{problem}</Alert>}
              <TextField label="当前密码" type="password" autoFocus autoComplete="current-password" {...textFieldProps(form, 'currentPassword')} />
              <TextField label="新密码" type="password" autoComplete="new-password" {...textFieldProps(form, 'newPassword')} />
              <TextField label="确认新密码" type="password" autoComplete="new-password" {...textFieldProps(form, 'confirmPassword')} />
            </Stack>
          )}
        </DialogContent>
        <DialogActions>
          {done ? (
            <Button variant="contained" onClick={close} autoFocus>
              完成
            </Button>
          ) : (
            <>
              <Button onClick={close}>取消</Button>
              <Button type="submit" variant="contained" disabled={form.formState.isSubmitting}>
                保存新密码
              </Button>
            </>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
