import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { setupInit } from '../../../shared/api/schemas/auth';
import { useApi } from '../api/ApiContext';
import { applyServerFieldErrors } from '../common/serverErrors';
import { textFieldProps } from '../common/textFieldProps';
import { AuthLayout } from './AuthLayout';

// The contract's own schema, plus the confirmation only a form needs.
const setupForm = setupInit.input
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.confirmPassword === v.admin.password, {
    message: '两次输入的密码不一致，请重新输入',
    path: ['confirmPassword'],
  });

const KNOWN = new Set(['officeName', 'admin.username', 'admin.displayName', 'admin.password']);

export function SetupPage({ onDone }: { onDone: () => void }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(setupForm),
    defaultValues: { officeName: '', admin: { username: '', displayName: '', password: '' }, confirmPassword: '' },
  });

  const submit = form.handleSubmit(async ({ officeName, admin }) => {
    setError(null);
    const result = await api.call('setup.init', { officeName, admin });
    if (result.ok) return onDone();
    setError(result.error.message);
    const wrong = applyServerFieldErrors(form.setError, result.error.fields, KNOWN);
    if (wrong[0]) form.setFocus(wrong[0]);
  });

  return (
    <AuthLayout title="首次设置">
      <Stack component="form" noValidate spacing={2} onSubmit={(e) => void submit(e)}>
        <Typography variant="body2" color="text.secondary">
          请填写本单位名称，并设置管理员账号。管理员登录后可为同事新建账号。
        </Typography>
        {error && <Alert severity="error">{error}</Alert>}
        <TextField label="单位名称" autoFocus required {...textFieldProps(form, 'officeName')} />
        <TextField label="管理员用户名" required autoComplete="username" {...textFieldProps(form, 'admin.username')} />
        <TextField label="管理员姓名" required {...textFieldProps(form, 'admin.displayName')} />
        <TextField
          label="密码"
          type="password"
          required
          autoComplete="new-password"
          {...textFieldProps(form, 'admin.password')}
        />
        <TextField
          label="确认密码"
          type="password"
          required
          autoComplete="new-password"
          {...textFieldProps(form, 'confirmPassword')}
        />
        <Button type="submit" variant="contained" size="large" disabled={form.formState.isSubmitting}>
          完成设置
        </Button>
      </Stack>
    </AuthLayout>
  );
}
