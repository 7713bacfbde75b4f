import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { Controller } from 'react-hook-form';
import { liftedLabel, textFieldProps } from '../common/textFieldProps';
import type { RegisterForm } from './registerForm';

/**
 * 代理人 (domain.md step 1: "agent with 授权委托书 if any"): collapsed behind 有代理人, so a walk-in
 * without one tabs straight past it; ticked (Space), the agent's fields follow in Tab order.
 */
export function AgentFields({ form }: { form: RegisterForm }) {
  const present = form.watch('agent.present');
  const lifted = liftedLabel;
  const [name, phone, relation] = form.watch(['agent.name', 'agent.phone', 'agent.relation']);
  return (
    <>
      <Grid size={12}>
        <BoxField form={form} name="agent.present" label="有代理人（代为投诉）" />
      </Grid>
      {present && (
        <>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField label="代理人姓名" required slotProps={{ inputLabel: lifted(name) }} {...textFieldProps(form, 'agent.name')} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 3 }}>
            <TextField
              label="代理人电话"
              required
              slotProps={{ htmlInput: { inputMode: 'tel' }, inputLabel: lifted(phone) }}
              {...textFieldProps(form, 'agent.phone')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 2 }}>
            <TextField label="与投诉人关系" placeholder="如 儿子、律师" slotProps={{ inputLabel: lifted(relation) }} {...textFieldProps(form, 'agent.relation')} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6, md: 4 }} sx={{ display: 'flex', alignItems: 'center' }}>
            <BoxField form={form} name="agent.authorizationReceived" label="已收到授权委托书" />
          </Grid>
        </>
      )}
    </>
  );
}

function BoxField({ form, name, label }: { form: RegisterForm; name: 'agent.present' | 'agent.authorizationReceived'; label: string }) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <FormControlLabel
          label={label}
          control={
            <Checkbox
              name={field.name}
              checked={field.value}
              onChange={(e) => field.onChange(e.target.checked)}
              onBlur={field.onBlur}
              slotProps={{ input: { ref: field.ref } }}
            />
          }
        />
      )}
    />
  );
}
