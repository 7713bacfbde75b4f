import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { RuleSetView } from '../../../shared/api/schemas/admin';
import { deadlineKindLabel, type LimitUnit } from '../../../shared/domain/deadlines';
import { ruleLimitKinds, type RuleLimitKind } from '../../../shared/domain/ruleSets';
import { FormDialog } from '../common/FormDialog';
import { PickerField } from '../common/PickerField';
import { SelectField } from '../common/SelectField';
import { textFieldProps } from '../common/textFieldProps';
import { useOperationForm } from '../common/useOperationForm';
import { dateOf } from '../common/formValues';

const units = [
  { value: 'workingDays', label: '个工作日' },
  { value: 'calendarDays', label: '日（自然日）' },
];

type Limits = Record<RuleLimitKind, { amount: string; unit: LimitUnit }>;

interface Props {
  /** The set to edit, or null for a new one. */
  set: RuleSetView | null;
  /** A new set starts from the limits of the latest one. */
  template: RuleSetView;
  onClose: () => void;
  onSaved: () => void;
}

/** A rule set's name, effective date and limits; a new set takes its grounds from the set it follows. */
export function RuleSetDialog({ set, template, onClose, onSaved }: Props) {
  const from = set ?? template;
  const limits = Object.fromEntries(ruleLimitKinds.map((k) => [k, { amount: String(from.limits[k].amount), unit: from.limits[k].unit }])) as Limits;
  const { form, submit, notice, busy } = useOperationForm({
    operation: 'ruleSets.save',
    defaults: { name: set?.name ?? '', effectiveFrom: set?.effectiveFrom ?? '', limits },
    toInput: (v, problems) => ({
      code: set?.code,
      name: v.name,
      effectiveFrom: dateOf(v.effectiveFrom, 'effectiveFrom', '施行日期', problems, true) ?? '',
      limits: Object.fromEntries(ruleLimitKinds.map((k) => [k, { amount: v.limits[k].amount.trim() === '' ? Number.NaN : Number(v.limits[k].amount), unit: v.limits[k].unit }])) as never,
    }),
    onDone: onSaved,
  });
  return (
    <FormDialog title={set ? `修改规则集：${set.name}` : '新增规则集'} onClose={onClose} onSubmit={() => void submit()} submitLabel="保存" busy={busy}>
      {!set && <Typography variant="body2" color="text.secondary">自施行日期起收到的投诉适用新规则集；不予受理和终止调解的情形沿用此前的规则集。</Typography>}
      {set && set.cases > 0 && <Typography variant="body2" color="text.secondary">已有 {set.cases} 件投诉适用该规则集。修改后的时限用于此后开始计算的期限，已在计算的期限不变。</Typography>}
      {notice && <Alert severity={notice.severity}>{notice.text}</Alert>}
      <TextField label="规则集名称" required autoFocus placeholder="如：某省消费者权益保护条例（2027年1月1日起）" {...textFieldProps(form, 'name')} />
      <PickerField form={form} name="effectiveFrom" label="施行日期" kind="date" required />
      <Grid container spacing={1.5}>
        {ruleLimitKinds.map((k) => (
          <Grid key={k} size={12} container spacing={1.5} sx={{ alignItems: 'flex-start' }}>
            <Grid size={4}>
              <Typography variant="body2" sx={{ pt: 1 }}>
                {deadlineKindLabel[k]}
              </Typography>
            </Grid>
            <Grid size={3}>
              <TextField label="天数" required slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `${deadlineKindLabel[k]}天数` } }} {...textFieldProps(form, `limits.${k}.amount`)} />
            </Grid>
            <Grid size={5}>
              <SelectField control={form.control} name={`limits.${k}.unit`} label="计算方式" options={units} />
            </Grid>
          </Grid>
        ))}
      </Grid>
    </FormDialog>
  );
}
