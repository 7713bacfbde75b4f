import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { sessionLogin } from '../../../shared/api/schemas/auth';
import { useApi } from '../api/ApiContext';
import { applyServerFieldErrors } from '../common/serverErrors';
import { textFieldProps } from '../common/textFieldProps';
import { AuthLayout } from './AuthLayout';

const KNOWN = new Set(['username', 'password']);

interface Props {
  /** A success message to show above the form (e.g. after first-run setup). */
  notice?: string;
  /** A warning to show above the form (e.g. the session expired). */
  warning?: string;
  onLoggedIn: () => Promise<void>;
}

export function LoginPage({ notice, warning, onLoggedIn }: Props) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(sessionLogin.input),
    defaultValues: { username: '', password: '' },
  });
  const { isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (input) => {
    setError(null);
    const result = await api.call('session.login', input);
    if (!result.ok) {
      setError(result.error.message);
      applyServerFieldErrors(form.setError, result.error.fields, KNOWN);
      return;
    }
    await onLoggedIn();
  });

  return (
    <AuthLayout title="登录">
      <Stack component="form" noValidate spacing={2} onSubmit={(e) => void submit(e)}>
        {notice && !error && <Alert severity="success">{notice}</Alert>}
        {warning && !error && <Alert severity="warning">{warning}</Alert>}
        {error && <Alert severity="error">{error}</Alert>}
        <TextField
          label="用户名"
          autoFocus
          autoComplete="username"
          {...textFieldProps(form, 'username')}
        />
        <TextField
          label="密码"
          type="password"
          autoComplete="current-password"
          {...textFieldProps(form, 'password')}
        />
        <Button type="submit" variant="contained" size="large" disabled={isSubmitting}>
          登录
        </Button>
      </Stack>
    </AuthLayout>
  );
}
