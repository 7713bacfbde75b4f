import TextField from '@mui/material/TextField';
import { CheckboxGroupField } from '../../../common/ChoiceFields';
import { textFieldProps } from '../../../common/textFieldProps';
import { ActionDialog } from './ActionDialog';
import { RulesLoading } from './RulesLoading';
import { useActionForm, type ActionDialogProps } from './useActionForm';
import { useCaseRules } from './useCaseRules';

/** 不予受理: one or more grounds of the rules the case is under, and why; a supervisor then approves or sends it back. */
export function RefuseDialog(props: ActionDialogProps) {
  const { rules, error } = useCaseRules(props.c);
  // Sent back: proposed again from what it said.
  const previous = props.c.sentBack?.proposal?.kind === 'refusal' ? props.c.sentBack.proposal : null;
  const { form, dialog } = useActionForm({
    ...props,
    action: 'refuse',
    defaults: { grounds: previous?.grounds ?? ([] as string[]), reason: previous?.reason ?? '' },
    toFields: (v) => ({ grounds: v.grounds, reason: v.reason }),
  });
  return (
    <ActionDialog {...dialog}
      wide
      intro={
        rules &&
        `${props.c.sentBack ? `负责人退回意见：${props.c.sentBack.comment}。` : ''}本案适用${rules.name}，依据${rules.refusalArticle}。提出后由负责人批准方才生效；告知书将写明其他解决途径（消法第三十九条）。`
      }
    >
      {rules ? (
        <CheckboxGroupField
          control={form.control}
          name="grounds"
          label="不予受理的理由"
          required
          autoFocus
          options={rules.refusalGrounds.map((g) => ({ value: g.code, label: `${g.item}：${g.text}` }))}
        />
      ) : (
        <RulesLoading error={error} />
      )}
      <TextField label="具体说明" required multiline minRows={3} maxRows={10} {...textFieldProps(form, 'reason')} />
    </ActionDialog>
  );
}
