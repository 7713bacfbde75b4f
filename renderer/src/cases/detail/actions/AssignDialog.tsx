import Alert from '@mui/material/Alert';
import { useApiQuery } from '../../../api/useApiQuery';
import { SelectField } from '../../../common/SelectField';
import { ActionDialog } from './ActionDialog';
import { idOf } from '../../../common/formValues';
import { RulesLoading } from './RulesLoading';
import { useActionForm, type ActionDialogProps } from './useActionForm';

/** 指派承办人: an active investigator, shown with how many open cases each already carries. */
export function AssignDialog(props: ActionDialogProps) {
  const assignable = useApiQuery('users.assignable', {});
  const { form, dialog } = useActionForm({
    ...props,
    action: 'assign',
    defaults: { userId: '' },
    toFields: (v) => ({ userId: idOf(v.userId) }),
  });
  const current = props.c.handler;
  const options = (assignable.data?.users ?? [])
    .filter((u) => u.id !== current?.id)
    .map((u) => ({ value: String(u.id), label: `${u.displayName}（在办 ${u.openCases} 件）` }));
  return (
    <ActionDialog {...dialog}
      intro={current ? `现承办人：${current.displayName}。改派后由新的承办人继续办理。` : '指派一位调查员承办本案。'}
    >
      {!assignable.data ? (
        <RulesLoading error={assignable.error?.message ?? null} />
      ) : options.length === 0 ? (
        <Alert severity="warning">没有其他在职的调查员可以指派，请管理员先添加调查员。</Alert>
      ) : (
        <SelectField control={form.control} name="userId" label="承办人" required autoFocus options={options} />
      )}
    </ActionDialog>
  );
}
