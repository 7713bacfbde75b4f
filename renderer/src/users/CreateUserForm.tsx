import { zodResolver } from '@hookform/resolvers/zod';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { usersCreate } from '../../../shared/api/schemas/auth';
import { roles } from '../../../shared/api/schemas/common';
import { useApi } from '../api/ApiContext';
import { useRequestId } from '../api/requestId';
import { SelectField } from '../common/SelectField';
import { applyServerFieldErrors } from '../common/serverErrors';
import { textFieldProps } from '../common/textFieldProps';
import { roleLabel } from '../session/roleLabel';

const roleOptions = roles.map((r) => ({ value: r, label: roleLabel[r] }));
const KNOWN = new Set(['username', 'displayName', 'password', 'role']);
const EMPTY: z.input<typeof usersCreate.input> = { username: '', displayName: '', password: '', role: 'clerk' };

/** 新建用户: the contract's own schema checks the form before the core does. */
export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const api = useApi();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm({ resolver: zodResolver(usersCreate.input), defaultValues: EMPTY });
  const { requestId, renew } = useRequestId();

  const submit = form.handleSubmit(async (input) => {
    setMessage(null);
    const result = await api.call('users.create', { ...input, requestId });
    if (!result.ok) {
      setMessage({ ok: false, text: result.error.message });
      const wrong = applyServerFieldErrors(form.setError, result.error.fields, KNOWN);
      if (wrong[0]) form.setFocus(wrong[0]);
      return;
    }
    setMessage({ ok: true, text: `已新建用户 ${input.displayName}（${input.username}），请把初始密码告知本人` });
    form.reset(EMPTY);
    renew();
    onCreated();
  });

  return (
    <Grid container spacing={1.5} component="form" noValidate onSubmit={(e) => void submit(e)} aria-label="新建用户">
      {message && (
        <Grid size={12}>
          <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>
        </Grid>
      )}
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <TextField label="用户名" required autoComplete="off" {...textFieldProps(form, 'username')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <TextField label="姓名" required {...textFieldProps(form, 'displayName')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <TextField label="密码" type="password" required autoComplete="new-password" {...textFieldProps(form, 'password')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <SelectField control={form.control} name="role" label="角色" required options={roleOptions} />
      </Grid>
      <Grid size={12}>
        <Button type="submit" variant="contained" startIcon={<PersonAddIcon />} disabled={form.formState.isSubmitting}>
          新建用户
        </Button>
      </Grid>
    </Grid>
  );
}
