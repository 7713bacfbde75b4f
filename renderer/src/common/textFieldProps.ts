import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';

/**
 * Registers a plain text field with react-hook-form and wires its error (or else `hint`) under the field.
 * The ref goes to the <input>, not the MUI wrapper, so "focus the first wrong field" works.
 */
export function textFieldProps<T extends FieldValues, C, O>(form: UseFormReturn<T, C, O>, name: FieldPath<T>, hint?: string) {
  const { ref, ...registered } = form.register(name);
  const { error } = form.getFieldState(name, form.formState);
  return { ...registered, inputRef: ref, error: !!error, helperText: error?.message ?? hint };
}

/**
 * The label of an uncontrolled field lifted when a value was put there by the form (a returning
 * complainant, a screenshot's fields): MUI notices only what is typed. Empty: MUI decides (focus).
 */
export const liftedLabel = (value: string | undefined | null) => (value ? { shrink: true } : {});
