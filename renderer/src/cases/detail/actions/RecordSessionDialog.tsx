import TextField from '@mui/material/TextField';
import { sessionModeLabel } from '../../../../../shared/api/schemas/workflow';
import { RadioGroupField } from '../../../common/ChoiceFields';
import { SelectField } from '../../../common/SelectField';
import { textFieldProps } from '../../../common/textFieldProps';
import { formatDateTime } from '../../../format';
import { ActionDialog } from './ActionDialog';
import { idOf } from '../../../common/formValues';
import { useActionForm, type ActionDialogProps } from './useActionForm';

const HELD = [
  { value: 'yes', label: '如期进行' },
  { value: 'no', label: '未能进行' },
];

/** 记录调解: what happened at a session that was scheduled. */
export function RecordSessionDialog(props: ActionDialogProps) {
  const open = (props.c.mediation?.sessions ?? []).filter((s) => s.held === null);
  const { form, dialog } = useActionForm({
    ...props,
    action: 'recordSession',
    defaults: { sessionId: open[0] ? String(open[0].id) : '', held: 'yes', summary: '' },
    toFields: (v) => ({ sessionId: idOf(v.sessionId), held: v.held === 'yes', summary: v.summary }),
  });
  const options = open.map((s) => ({ value: String(s.id), label: `${formatDateTime(s.at)}${s.place ? ` ${s.place}` : ''}（${sessionModeLabel[s.mode]}，调解员 ${s.mediator}）` }));
  return (
    <ActionDialog {...dialog} intro="调解时间到了以后才能记录为如期进行；事先取消的，记录为未能进行。">
      <SelectField control={form.control} name="sessionId" label="调解安排" required options={options} />
      <RadioGroupField control={form.control} name="held" label="调解是否如期进行" required options={HELD} />
      <TextField label="调解情况" required autoFocus multiline minRows={4} placeholder="到场人员、各方意见、达成的共识或分歧" {...textFieldProps(form, 'summary')} />
    </ActionDialog>
  );
}
