import type { FieldValues } from 'react-hook-form';
import type { CaseDetail } from '../../../../../shared/api/schemas/cases';
import type { CaseActInput } from '../../../../../shared/api/schemas/workflow';
import type { CaseAction } from '../../../../../shared/domain/workflow';
import { useRequestId } from '../../../api/requestId';
import { useOperationForm } from '../../../common/useOperationForm';

/** What every step's dialog is given by the case page. */
export interface ActionDialogProps {
  c: CaseDetail;
  onClose: () => void;
  /** The step was taken: close, and read the case again. */
  onDone: () => void;
  /** Read the case again, keeping the dialog (and what was typed) open. */
  reload: () => void;
}

interface Options<V extends FieldValues> extends ActionDialogProps {
  action: CaseAction;
  defaults: V;
  /** The step's fields from what was typed; form-only problems (元, half-typed dates) go into `problems`. */
  toFields: (values: V, problems: Record<string, string>) => Record<string, unknown>;
  formPath?: (apiPath: string) => string;
}

const CONFLICT =
  '案件刚刚被其他人办理过，您看到的已不是最新内容。已重新载入案件；您填写的内容都还在，请核对后再提交。';

/**
 * One step of the workflow as a form (cases.act), sent with the case's version. On CONFLICT the
 * case is read again and the dialog stays, so nothing typed is lost; the next try carries the new version.
 */
export function useActionForm<V extends FieldValues>({ c, action, defaults, toFields, formPath, onClose, onDone, reload }: Options<V>) {
  // One id for this dialog's step: sent again after a lost answer, the core answers with the step already taken.
  const { requestId } = useRequestId();
  const { form, submit, notice, busy } = useOperationForm({
    operation: 'cases.act',
    defaults,
    toInput: (values, problems) => ({ id: c.id, version: c.version, action, requestId, ...toFields(values, problems) }) as CaseActInput,
    formPath,
    onDone,
    onError: (error, setNotice) => {
      if (error.code !== 'CONFLICT') return false;
      setNotice({ severity: 'warning', text: CONFLICT });
      reload();
      return true;
    },
  });
  /** What the step's ActionDialog needs besides its fields and words. */
  const dialog = { c, action, onClose, onSubmit: () => void submit(), notice, busy };
  return { form, dialog };
}
