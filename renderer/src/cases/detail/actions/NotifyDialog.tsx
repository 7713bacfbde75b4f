import TextField from '@mui/material/TextField';
import { contactMethodLabel, contactMethods } from '../../../../../shared/api/schemas/workflow';
import { SelectField } from '../../../common/SelectField';
import { textFieldProps } from '../../../common/textFieldProps';
import { ActionDialog } from './ActionDialog';
import { useActionForm, type ActionDialogProps } from './useActionForm';
import { useCaseRules } from './useCaseRules';

const methods = contactMethods.map((m) => ({ value: m, label: contactMethodLabel[m] }));

/** 已告知投诉人: the approved outcome was made known; the follow-up clock starts. */
export function NotifyDialog(props: ActionDialogProps) {
  const { rules } = useCaseRules(props.c);
  const { form, dialog } = useActionForm({
    ...props,
    action: 'notify',
    defaults: { how: 'phone', note: '' },
    toFields: (v) => v,
  });
  return (
    <ActionDialog {...dialog}
      intro={`告知投诉人经批准的处理结果。告知后开始计算回访期限${rules ? `（${rules.limits.followUp}）` : ''}。`}
    >
      <SelectField control={form.control} name="how" label="告知方式" required options={methods} />
      <TextField label="告知情况（可不填）" autoFocus multiline minRows={2} {...textFieldProps(form, 'note')} />
    </ActionDialog>
  );
}
