import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { CheckboxGroupField } from '../../../common/ChoiceFields';
import { textFieldProps } from '../../../common/textFieldProps';
import { ActionDialog } from './ActionDialog';
import { fenOf } from '../../../common/formValues';
import { fenToYuan } from '../../../format';
import { RulesLoading } from './RulesLoading';
import { useActionForm, type ActionDialogProps } from './useActionForm';
import { useCaseRules } from './useCaseRules';

const money = { htmlInput: { inputMode: 'decimal' as const } };
/** Amounts are typed in 元 and travel in fen: the core's complaints about fen show under the 元 fields. */
const FORM_PATH: Record<string, string> = { recoveredFen: 'recovered', punitiveFen: 'punitive' };

/** 提出处理意见: the measures, the money recovered (its punitive part), and the reasoning, for 主管领导批示. */
export function ProposeOutcomeDialog(props: ActionDialogProps) {
  const { rules, error } = useCaseRules(props.c);
  // Sent back: the handler starts from what was proposed and changes what the 负责人 asked for.
  const previous = props.c.sentBack?.proposal?.kind === 'outcome' ? props.c.sentBack.proposal : null;
  const { form, dialog } = useActionForm({
    ...props,
    action: 'proposeOutcome',
    defaults: previous
      ? { measures: previous.measures, recovered: fenToYuan(previous.recoveredFen), punitive: previous.punitiveFen ? fenToYuan(previous.punitiveFen) : '', summary: previous.summary }
      : { measures: [] as string[], recovered: '', punitive: '', summary: '' },
    toFields: (v, problems) => ({
      measures: v.measures,
      recoveredFen: fenOf(v.recovered, 'recovered', '挽回经济损失', problems, true),
      punitiveFen: fenOf(v.punitive, 'punitive', '加倍赔偿部分', problems),
      summary: v.summary,
    }),
    formPath: (p) => FORM_PATH[p] ?? p.split('.')[0]!,
  });
  return (
    <ActionDialog
      {...dialog}
      wide
      intro={
        props.c.sentBack
          ? `负责人退回意见：${props.c.sentBack.comment}。以下为退回前的处理意见，请修改后重新提出。`
          : '处理意见经负责人批准后，方可告知投诉人并出具处理结果告知书。'
      }
    >
      {rules ? (
        <CheckboxGroupField control={form.control} name="measures" label="处理结果" required row autoFocus options={rules.measures.map((m) => ({ value: m.code, label: m.name }))} />
      ) : (
        <RulesLoading error={error} />
      )}
      <Stack direction="row" spacing={2}>
        <TextField label="挽回经济损失（元）" required placeholder="没有则填 0" slotProps={money} {...textFieldProps(form, 'recovered')} />
        <TextField label="其中加倍赔偿（元）" placeholder="如 0" slotProps={money} {...textFieldProps(form, 'punitive')} />
      </Stack>
      <TextField label="处理意见" required multiline minRows={3} placeholder="调查核实的情况、责任认定和处理意见" {...textFieldProps(form, 'summary')} />
    </ActionDialog>
  );
}
