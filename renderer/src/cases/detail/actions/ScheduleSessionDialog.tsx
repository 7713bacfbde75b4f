import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { sessionModeLabel, sessionModes } from '../../../../../shared/api/schemas/workflow';
import { RadioGroupField } from '../../../common/ChoiceFields';
import { PickerField } from '../../../common/PickerField';
import { textFieldProps } from '../../../common/textFieldProps';
import { ActionDialog } from './ActionDialog';
import { dateOf } from '../../../common/formValues';
import { useActionForm, type ActionDialogProps } from './useActionForm';

const modes = sessionModes.map((m) => ({ value: m, label: sessionModeLabel[m] }));

/** 安排调解: the time, place and mediator the 调解通知书 will give the parties in advance. */
export function ScheduleSessionDialog(props: ActionDialogProps) {
  const { form, dialog } = useActionForm({
    ...props,
    action: 'scheduleSession',
    defaults: { at: '', place: '', mode: 'onsite', mediator: '', mediatorPhone: '', bring: '' },
    toFields: (v, problems) => ({ ...v, at: dateOf(v.at, 'at', '调解时间', problems, true) }),
  });
  const onsite = form.watch('mode') === 'onsite';
  return (
    <ActionDialog {...dialog} intro="安排后可出具调解通知书，提前告知双方时间、地点和调解员。调解时间须在现在之后。">
      <PickerField form={form} name="at" label="调解时间" kind="dateTime" required minDate={props.c.today} autoFocus />
      <RadioGroupField control={form.control} name="mode" label="调解方式" required options={modes} />
      <TextField
        label="调解地点"
        required={onsite}
        placeholder={onsite ? '如：本会调解室' : '电话或视频调解可不填，或填写会议号、联系方式'}
        {...textFieldProps(form, 'place')}
      />
      <Stack direction="row" spacing={2}>
        <TextField label="调解员" required {...textFieldProps(form, 'mediator')} />
        <TextField label="调解员电话" {...textFieldProps(form, 'mediatorPhone')} />
      </Stack>
      <TextField label="需携带的材料" multiline minRows={2} {...textFieldProps(form, 'bring')} />
    </ActionDialog>
  );
}
