import { CheckboxField } from '../../../common/ChoiceFields';
import { ActionDialog } from './ActionDialog';
import { useActionForm, type ActionDialogProps } from './useActionForm';

/** 开始调解: only with both parties' consent (domain.md step 5); the complainant's word at registration is shown. */
export function StartMediationDialog(props: ActionDialogProps) {
  const { form, dialog } = useActionForm({
    ...props,
    action: 'startMediation',
    defaults: { bothConsent: false },
    toFields: (v) => ({ bothConsent: v.bothConsent || undefined }),
  });
  const atRegistration = props.c.consentMediation ? '登记时投诉人表示同意调解。' : '登记时投诉人未表示同意调解，请先征得其同意。';
  return (
    <ActionDialog {...dialog} intro={`调解须经双方当事人同意。${atRegistration}`}>
      <CheckboxField control={form.control} name="bothConsent" label="投诉人和被投诉方均同意调解" />
    </ActionDialog>
  );
}
