import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { mediationResultLabel, mediationResults } from '../../../../../shared/api/schemas/workflow';
import { CheckboxField, RadioGroupField } from '../../../common/ChoiceFields';
import { formatDateTime } from '../../../format';
import { SelectField } from '../../../common/SelectField';
import { textFieldProps } from '../../../common/textFieldProps';
import { ActionDialog } from './ActionDialog';
import { RulesLoading } from './RulesLoading';
import { useActionForm, type ActionDialogProps } from './useActionForm';
import { useCaseRules } from './useCaseRules';

const results = mediationResults.map((r) => ({ value: r, label: mediationResultLabel[r] }));

/** 结束调解: the agreed terms of the 调解书, or 终止调解 on a ground of the rules the case is under. */
export function EndMediationDialog(props: ActionDialogProps) {
  const { rules, error } = useCaseRules(props.c);
  // Sessions still scheduled are not dropped without a word: the handler confirms they are called off.
  const pending = (props.c.mediation?.sessions ?? []).filter((s) => s.held === null);
  const { form, dialog } = useActionForm({
    ...props,
    action: 'endMediation',
    defaults: { result: 'agreement', terms: '', ground: '', cancelSessions: false },
    toFields: (v) => ({
      ...(v.result === 'agreement' ? { result: v.result, terms: v.terms } : { result: v.result, ground: v.ground || undefined }),
      cancelSessions: v.cancelSessions || undefined,
    }),
  });
  const agreed = form.watch('result') === 'agreement';
  return (
    <ActionDialog {...dialog}
      wide
      intro={agreed ? '达成协议的，填写调解书（协议）的内容，双方签字后生效。' : rules && `终止调解的，依据${rules.terminationArticle}选择情形；须在规定期限（${rules.limits.terminationNotice}）内告知当事人。`}
    >
      {pending.length > 0 && (
        <Alert severity="warning">
          还有 {pending.length} 次调解安排尚未记录：{pending.map((p) => formatDateTime(p.at)).join('、')}。可先“记录调解”，或勾选下面一项，结束调解并取消这些安排。
          <CheckboxField control={form.control} name="cancelSessions" label="结束调解，取消尚未进行的调解安排" />
        </Alert>
      )}
      <RadioGroupField control={form.control} name="result" label="调解结果" required options={results} />
      {agreed ? (
        <TextField label="调解协议内容" required autoFocus multiline minRows={4} placeholder="如：被投诉方于2026年11月30日前退还货款4999元" {...textFieldProps(form, 'terms')} />
      ) : rules ? (
        <SelectField
          control={form.control}
          name="ground"
          label="终止调解的情形"
          required
          options={rules.terminationGrounds.map((g) => ({ value: g.code, label: `${g.item}：${g.text}` }))}
        />
      ) : (
        <RulesLoading error={error} />
      )}
    </ActionDialog>
  );
}
