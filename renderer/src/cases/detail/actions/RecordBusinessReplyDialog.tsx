import TextField from '@mui/material/TextField';
import { contactMethodLabel, contactMethods } from '../../../../../shared/api/schemas/workflow';
import { deadlineMetByChecklistItem } from '../../../../../shared/domain/deadlines';
import { SelectField } from '../../../common/SelectField';
import { textFieldProps } from '../../../common/textFieldProps';
import { formatDateCn } from '../../../format';
import { ActionDialog } from './ActionDialog';
import { useActionForm, type ActionDialogProps } from './useActionForm';

const methods = contactMethods.map((m) => ({ value: m, label: contactMethodLabel[m] }));

/**
 * 记录经营者答复: the business's answer to the complaint passed to it. It meets the reply deadline
 * and ticks the checklist's 经营者答复 item, so neither stays open after the answer came.
 */
export function RecordBusinessReplyDialog(props: ActionDialogProps) {
  const { c } = props;
  const { form, dialog } = useActionForm({
    ...props,
    action: 'recordBusinessReply',
    defaults: { how: 'letter', summary: '' },
    toFields: (v) => v,
  });
  const due = c.deadlines.find((d) => d.kind === 'businessReply' && (d.state === 'running' || d.state === 'overdue' || d.state === 'paused'));
  const item = c.checklist.find((i) => i.state === 'todo' && deadlineMetByChecklistItem(i.text) === 'businessReply');
  const intro = [
    due ? `投诉已于 ${formatDateCn(due.startOn)} 转交${c.respondent.name}，答复期限 ${formatDateCn(due.dueOn)}。` : `记录${c.respondent.name}对所转交投诉的答复。`,
    '记录后答复期限即告完成',
    item ? `，调查清单“${item.text}”一并标为已完成。` : '。',
  ].join('');
  return (
    <ActionDialog {...dialog} intro={intro}>
      <SelectField control={form.control} name="how" label="答复方式" required options={methods} />
      <TextField label="经营者答复" required autoFocus multiline minRows={4} placeholder="经营者答复的主要内容，如：同意退货退款，于三日内办理" {...textFieldProps(form, 'summary')} />
    </ActionDialog>
  );
}
