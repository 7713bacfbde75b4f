import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { Controller } from 'react-hook-form';
import { OLD_PURCHASE_WARNING } from '../../../shared/domain/intake';
import { requestTypes } from '../../../shared/domain/requestTypes';
import { liftedLabel, textFieldProps } from '../common/textFieldProps';
import { CodeChoicesInput } from './CodeChoicesInput';
import { FormSection } from './FormSection';
import { PickerField } from '../common/PickerField';
import { useToday } from '../session/useToday';
import { oldPurchaseShown, type RegisterForm } from './registerForm';

const money = { htmlInput: { inputMode: 'decimal' as const } };

/** 消费经过: what was bought or used, when, for how much, and what happened. */
export function PurchaseSection({ form }: { form: RegisterForm }) {
  const today = useToday();
  // Values put in from a screenshot (从截图识别) lift their labels too (the fields are uncontrolled).
  const [subject, amountPaid, shop, platform, orderNo] = form.watch(['subject', 'amountPaid', 'purchasePlace.shop', 'purchasePlace.platform', 'purchasePlace.orderNo']);
  return (
    <FormSection step={3} title="消费经过">
      <Grid size={{ xs: 12, md: 6 }}>
        <TextField label="商品或服务名称" required slotProps={{ inputLabel: liftedLabel(subject) }} {...textFieldProps(form, 'subject')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <PickerField form={form} name="purchasedOn" label="购买日期" kind="date" maxDate={today} />
      </Grid>
      <Grid size={{ xs: 12, sm: 6, md: 3 }}>
        <TextField label="实付金额（元）" placeholder="如 199.50" slotProps={{ ...money, inputLabel: liftedLabel(amountPaid) }} {...textFieldProps(form, 'amountPaid')} />
      </Grid>
      <OldPurchaseWarning form={form} today={today} />
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextField label="购买店铺" placeholder="门店或网店名称" slotProps={{ inputLabel: liftedLabel(shop) }} {...textFieldProps(form, 'purchasePlace.shop')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextField label="购买平台" placeholder="如 淘宝、京东、美团" slotProps={{ inputLabel: liftedLabel(platform) }} {...textFieldProps(form, 'purchasePlace.platform')} />
      </Grid>
      <Grid size={{ xs: 12, sm: 4 }}>
        <TextField label="订单号" slotProps={{ inputLabel: liftedLabel(orderNo) }} {...textFieldProps(form, 'purchasePlace.orderNo')} />
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

/**
 * 购买日期距收到投诉超过三年 (shared/domain/intake.ts; a possible refusal ground, domain.md): shown
 * as soon as the dates say so, by the office's today from the core; the clerk ticks it to register
 * all the same. Also shown when the core answers with it (it decides; the form only foresees).
 */
function OldPurchaseWarning({ form, today }: { form: RegisterForm; today: string }) {
  const [purchasedOn, receivedAt] = form.watch(['purchasedOn', 'receivedAt']);
  const { error } = form.getFieldState('oldPurchaseConfirmed', form.formState);
  if (!oldPurchaseShown(purchasedOn, receivedAt, today) && !error) return null;
  return (
    <Grid size={12}>
      <Alert severity="warning" sx={{ py: 0 }}>
        {OLD_PURCHASE_WARNING}
        <Controller
          control={form.control}
          name="oldPurchaseConfirmed"
          render={({ field }) => (
            <FormControlLabel
              label="已核实，仍予登记"
              sx={{ display: 'flex' }}
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
        {error && <FormHelperText error>请核实后勾选“已核实，仍予登记”</FormHelperText>}
      </Alert>
    </Grid>
  );
}

/** 请求类型 as codes of the list's order (shared/domain/requestTypes.ts). */
const chosenRequestTypes = (codes: string[]) => requestTypes.filter((t) => codes.includes(t.code));

/** 诉求: what kinds of remedy (a multi-choice typed like 投诉性质), what exactly in words, and how much. */
export function RequestSection({ form }: { form: RegisterForm }) {
  return (
    <FormSection step={4} title="诉求">
      <Grid size={12}>
        <CodeChoicesInput
          form={form}
          name="requestTypes"
          options={requestTypes}
          resolve={chosenRequestTypes}
          label="请求类型"
          noOptionsText="没有匹配的请求类型"
          hint="可多选：输入“退”“修”等筛选，回车选中"
        />
      </Grid>
      <Grid size={{ xs: 12, md: 9 }}>
        <TextField
          label="投诉请求"
          required
          multiline
          minRows={2}
          maxRows={8}
          placeholder="具体要求，如：退还货款 3999 元并赔偿往返交通费"
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
