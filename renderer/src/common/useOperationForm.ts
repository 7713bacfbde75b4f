import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import { contract, type InputOf, type OutputOf } from '../../../shared/api/contract';
import type { JsonOperationName } from '../../../shared/api/operationNames';
import type { ApiErrorValue } from '../../../shared/api/errors';
import { useApi } from '../api/ApiContext';
import { applyServerFieldErrors, issueFields } from './serverErrors';

export interface Notice {
  severity: 'error' | 'warning' | 'success';
  text: string;
}

interface Options<K extends JsonOperationName, V extends FieldValues> {
  operation: K;
  defaults: V;
  /**
   * The operation's input from what was typed. Problems only a form can have (a 元 amount that is
   * not money, a half-typed date) go into `problems` under the form's own field names.
   */
  toInput: (values: V, problems: Record<string, string>) => InputOf<K>;
  /** The form field that shows an error the core reports at `apiPath`, where the names differ. */
  formPath?: (apiPath: string) => string;
  onDone: (value: OutputOf<K>, values: V) => void;
  /** An error answer the caller deals with itself (returns true), e.g. a version conflict. */
  onError?: (error: ApiErrorValue, setNotice: (n: Notice) => void) => boolean;
}

/** "grounds.1" → "grounds": an error about one item of a list shows under the list. */
export const listField = (apiPath: string) => apiPath.split('.').filter((s) => !/^\d+$/.test(s)).join('.');

/**
 * A form that calls one operation: checks what was typed with the contract's own schema (the same
 * Chinese messages the core would give), sends it, and puts the core's field errors (dotted paths)
 * under the fields; what has no field shows as a notice. Nothing typed is cleared on an error.
 */
export function useOperationForm<K extends JsonOperationName, V extends FieldValues>({ operation, defaults, toInput, formPath = listField, onDone, onError }: Options<K, V>) {
  const api = useApi();
  const form = useForm<V>({ defaultValues: defaults as DefaultValues<V> });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const known = new Set(Object.keys(defaults));
  const isKnown = (path: string) => known.has(path) || known.has(path.split('.')[0]!);

  /** Marks the fields; returns whether any message found no field to sit under. */
  const show = (fields: Record<string, string>, toForm: (p: string) => string): boolean => {
    const placed = new Set(Object.keys(fields).map(toForm).filter(isKnown));
    const wrong = applyServerFieldErrors(form.setError, fields, placed, toForm);
    if (wrong[0]) form.setFocus(wrong[0] as Path<V>);
    return Object.keys(fields).some((p) => !isKnown(toForm(p)));
  };

  const submit = async () => {
    form.clearErrors();
    setNotice(null);
    const problems: Record<string, string> = {};
    const values = form.getValues();
    const input = toInput(values, problems);
    if (Object.keys(problems).length > 0) return void show(problems, (p) => p);
    const parsed = contract[operation].input.safeParse(input);
    if (!parsed.success) {
      const fields = issueFields(parsed.error.issues);
      if (show(fields, formPath)) setNotice({ severity: 'error', text: Object.values(fields)[0]! });
      return;
    }
    setBusy(true);
    const result = await api.call(operation, input);
    setBusy(false);
    if (result.ok) return onDone(result.value, values);
    if (onError?.(result.error, setNotice)) return;
    const { code, message, fields } = result.error;
    const unplaced = fields ? show(fields, formPath) : true;
    if (unplaced || code !== 'VALIDATION') setNotice({ severity: 'error', text: message });
  };

  return { form, submit, notice, setNotice, busy };
}
