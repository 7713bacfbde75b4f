import TextField from '@mui/material/TextField';
import { PickerField } from '../../../common/PickerField';
import { textFieldProps } from '../../../common/textFieldProps';
import { ActionDialog } from './ActionDialog';
import { dateOf } from '../../../common/formValues';
import { useActionForm, type ActionDialogProps } from './useActionForm';
import { useCaseRules } from './useCaseRules';

/** 分流/转办: to the competent office, which reports back by a date (by the rules, unless one is set). */
export function ReferDialog(props: ActionDialogProps) {
  const { rules } = useCaseRules(props.c);
  const { form, dialog } = useActionForm({
    ...props,
    action: 'refer',
    defaults: { to: '', reason: '', reportDueOn: '' },
    toFields: (v, problems) => ({ to: v.to, reason: v.reason, reportDueOn: dateOf(v.reportDueOn, 'reportDueOn', '回复期限', problems) }),
  });
  const byRules = rules ? `留空则按规则为 ${rules.limits.referralReport}` : '留空则按规则计算';
  return (
    <ActionDialog {...dialog} intro="不属本会处理的，转至有权处理的部门或单位，并请其在期限内回复处理结果。">
      <TextField label="转办单位" required autoFocus {...textFieldProps(form, 'to')} />
      <TextField label="转办理由" required multiline minRows={2} {...textFieldProps(form, 'reason')} />
      <PickerField form={form} name="reportDueOn" label="回复期限" kind="date" hint={byRules} minDate={props.c.today} />
    </ActionDialog>
  );
}
