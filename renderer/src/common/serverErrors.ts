import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';

/**
 * Puts the core's field errors (dotted paths such as "complainant.phone") under the matching form
 * fields. `toFormPath` maps an API path to the form's own name where they differ (e.g. fen → 元).
 * Returns the form paths that received an error, in the order the core listed them.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: Record<string, string> | undefined,
  known: ReadonlySet<string>,
  toFormPath: (apiPath: string) => string = (p) => p,
): FieldPath<T>[] {
  const applied: FieldPath<T>[] = [];
  for (const [apiPath, message] of Object.entries(fields ?? {})) {
    const path = toFormPath(apiPath);
    if (!known.has(path) || applied.includes(path as FieldPath<T>)) continue;
    setError(path as FieldPath<T>, { type: 'server', message });
    applied.push(path as FieldPath<T>);
  }
  return applied;
}

/**
 * A schema's complaints as the core would word them: dotted path → Chinese message, the first per
 * path. A form checking the contract's own schema before sending shows them the same way.
 */
export function issueFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    fields[path] ??= issue.message;
  }
  return fields;
}
