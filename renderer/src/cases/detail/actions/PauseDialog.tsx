import TextField from '@mui/material/TextField';
import { pauseReasonLabel, pauseReasons } from '../../../../../shared/api/schemas/workflow';
import { SelectField } from '../../../common/SelectField';
import { textFieldProps } from '../../../common/textFieldProps';
import { ActionDialog } from './ActionDialog';
import { useActionForm, type ActionDialogProps } from './useActionForm';

const reasons = pauseReasons.map((r) => ({ value: r, label: pauseReasonLabel[r] }));

/** 暂停计时: testing, appraisal and recusal do not count toward the mediation limit (order 20 第19、20条). */
export function PauseDialog(props: ActionDialogProps) {
  const { form, dialog } = useActionForm({
    ...props,
    action: 'pause',
    defaults: { reason: 'appraisal', note: '' },
    toFields: (v) => v,
  });
  return (
    <ActionDialog {...dialog} intro="检定、检验、检测、鉴定或申请回避期间，调解期限暂停计算；恢复计时后期限顺延。">
      <SelectField control={form.control} name="reason" label="暂停原因" required options={reasons} />
      <TextField label="暂停说明" required autoFocus multiline minRows={2} placeholder="如：委托某某检测机构检测，预计10个工作日" {...textFieldProps(form, 'note')} />
    </ActionDialog>
  );
}
