import TextField from '@mui/material/TextField';
import { contactMethodLabel, contactMethods, contactParties, contactPartyLabel } from '../../../../../shared/api/schemas/workflow';
import { CheckboxField, RadioGroupField } from '../../../common/ChoiceFields';
import { PickerField } from '../../../common/PickerField';
import { SelectField } from '../../../common/SelectField';
import { textFieldProps } from '../../../common/textFieldProps';
import { ActionDialog } from './ActionDialog';
import { dateOf } from '../../../common/formValues';
import { useActionForm, type ActionDialogProps } from './useActionForm';
import { useCaseRules } from './useCaseRules';

const parties = contactParties.map((p) => ({ value: p, label: contactPartyLabel[p] }));
const methods = contactMethods.map((m) => ({ value: m, label: contactMethodLabel[m] }));

/**
 * 记录联系: a contact with the business or the complainant. Passing the complaint to the business
 * starts its reply clock (3 工作日 by default); its answer is recorded here too.
 */
export function RecordContactDialog(props: ActionDialogProps) {
  const { rules } = useCaseRules(props.c);
  const replyOpen = props.c.deadlines.some((d) => d.kind === 'businessReply' && (d.state === 'running' || d.state === 'overdue'));
  const { form, dialog } = useActionForm({
    ...props,
    action: 'recordContact',
    defaults: { with: 'respondent', how: 'phone', summary: '', transfer: false, replyDueOn: '', isReply: false },
    toFields: (v, problems) => {
      const business = v.with === 'respondent';
      return {
        with: v.with,
        how: v.how,
        summary: v.summary,
        transfer: business && v.transfer ? true : undefined,
        replyDueOn: business && v.transfer ? dateOf(v.replyDueOn, 'replyDueOn', '答复期限', problems) : undefined,
        isReply: business && v.isReply ? true : undefined,
      };
    },
  });
  const business = form.watch('with') === 'respondent';
  const transfer = form.watch('transfer');
  return (
    <ActionDialog {...dialog}>
      <RadioGroupField control={form.control} name="with" label="联系对象" required options={parties} />
      <SelectField control={form.control} name="how" label="联系方式" required options={methods} />
      <TextField label="联系情况" required autoFocus multiline minRows={3} {...textFieldProps(form, 'summary')} />
      {business && <CheckboxField control={form.control} name="transfer" label="已将投诉转交经营者，要求其限期答复" />}
      {business && transfer && <PickerField form={form} name="replyDueOn" label="答复期限" kind="date" hint={`留空则按规则为 ${rules?.limits.businessReply ?? "规定的期限"}`} minDate={props.c.today} />}
      {business && replyOpen && <CheckboxField control={form.control} name="isReply" label="这是经营者对转交投诉的答复" />}
    </ActionDialog>
  );
}
