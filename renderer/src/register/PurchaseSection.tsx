import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { textFieldProps } from '../common/textFieldProps';
import { FormSection } from './FormSection';
import { PickerField } from '../common/PickerField';
import { useToday } from '../session/useToday';
import type { RegisterForm } from './registerForm';

const money = { htmlInput: { inputMode: 'decimal' as const } };

/** 消费经过: what was bought or used, when, for how much, and what happened. */
export function PurchaseSection({ form }: { form: RegisterForm }) {
  const today = useToday();
  return (
    <FormSection step={3} title="消费经过">
      <Grid size={{ xs: 12, md: 6 }}>
        <TextField label="商品或服务名称" required {...textFieldProps(form, 'subject')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <PickerField form={form} name="purchasedOn" label="购买日期" kind="date" maxDate={today} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <TextField label="实付金额（元）" placeholder="如 199.50" slotProps={money} {...textFieldProps(form, 'amountPaid')} />
      </Grid>
      <Grid size={12}>
        <TextField
          label="投诉事实"
          required
          multiline
          minRows={4}
          maxRows={12}
          placeholder="何时、何地、购买或接受了什么，出现了什么问题，与经营者协商的经过"
          {...textFieldProps(form, 'facts')}
        />
      </Grid>
    </FormSection>
  );
}

/** 诉求: what the complainant asks for, and how much. */
export function RequestSection({ form }: { form: RegisterForm }) {
  return (
    <FormSection step={4} title="诉求">
      <Grid size={{ xs: 12, md: 9 }}>
        <TextField
          label="投诉请求"
          required
          multiline
          minRows={2}
          maxRows={8}
          placeholder="如：退货退款、更换、修理、赔偿等"
          {...textFieldProps(form, 'request')}
        />
      </Grid>
      <Grid size={{ xs: 12, md: 3 }}>
        <TextField
          label="请求金额（元）"
          placeholder="如 199.50"
          slotProps={money}
          {...textFieldProps(form, 'amountClaimed')}
        />
      </Grid>
    </FormSection>
  );
}
