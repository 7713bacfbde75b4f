import { INCOMPLETE_DATE } from './PickerField';
import { yuanProblem, yuanToFen } from '../format';

/**
 * What a step's form holds, turned into the step's fields: dates from the pickers, 元 into fen,
 * lines into lists. Problems only a form can have are put under the form's field names.
 */
type Problems = Record<string, string>;

/** A picker's value: "" → absent (or, when required, a problem); half-typed → a problem. */
export function dateOf(value: string, field: string, label: string, problems: Problems, required = false): string | undefined {
  if (value === INCOMPLETE_DATE) problems[field] = `${label}不完整或不是有效日期，请按 年/月/日 填写`;
  else if (value === '' && required) problems[field] = `请选择${label}`;
  return value === '' || value === INCOMPLETE_DATE ? undefined : value;
}

/** A 元 amount → fen; "" → absent (or, when required, a problem). */
export function fenOf(value: string, field: string, label: string, problems: Problems, required = false): number | undefined {
  const problem = yuanProblem(value);
  if (problem) problems[field] = problem;
  else if (value.trim() === '' && required) problems[field] = `请填写${label}，没有则填 0`;
  return yuanToFen(value) ?? undefined;
}

/** One item per line, blank lines dropped. */
export const linesOf = (value: string): string[] =>
  value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** A drop-down's value (a string) as the id the core expects; nothing chosen → absent. */
export const idOf = (value: string): number | undefined => (value === '' ? undefined : Number(value));
