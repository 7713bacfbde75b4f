import TextField from '@mui/material/TextField';
import { PickerField } from '../../../common/PickerField';
import { textFieldProps } from '../../../common/textFieldProps';
import { ActionDialog } from './ActionDialog';
import { dateOf, linesOf } from '../../../common/formValues';
import { useActionForm, type ActionDialogProps } from './useActionForm';

/** 限期补正: what is missing and by when; the acceptance clock waits meanwhile. */
export function RequestMaterialsDialog(props: ActionDialogProps) {
  const { form, dialog } = useActionForm({
    ...props,
    action: 'requestMaterials',
    defaults: { items: '', dueOn: '' },
    toFields: (v, problems) => ({ items: linesOf(v.items), dueOn: dateOf(v.dueOn, 'dueOn', '补正期限', problems, true) }),
  });
  return (
    <ActionDialog {...dialog}
      intro="通知投诉人在期限内补正材料；补正期间受理期限暂停计算，材料补齐后继续。"
    >
      <TextField label="需补正的材料" required autoFocus multiline minRows={3} placeholder="每行一项，如：购物发票复印件" {...textFieldProps(form, 'items')} />
      <PickerField form={form} name="dueOn" label="补正期限" kind="date" required minDate={props.c.today} />
    </ActionDialog>
  );
}
