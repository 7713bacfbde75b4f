import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import type { FieldRef } from '@mui/x-date-pickers/models';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { Controller, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';

/** What a date or date-time field holds while its sections are incomplete or impossible (e.g. 2月30日). */
export const INCOMPLETE_DATE = 'incomplete';

type Kind = 'date' | 'dateTime';

/** How each kind travels in the form and to the API: a calendar date, or an instant with the PC's offset. */
const API_FORMAT: Record<Kind, string> = { date: 'YYYY-MM-DD', dateTime: 'YYYY-MM-DDTHH:mm:ssZ' };

interface Props<T extends FieldValues> {
  form: UseFormReturn<T, any, any>;
  name: FieldPath<T>;
  label: string;
  kind: Kind;
  required?: boolean;
  /** Shown under the field when there is no error. */
  hint?: string;
  /**
   * Office dates from the core (YYYY-MM-DD) outside which the calendar greys days out, as a guide
   * only: the core decides what is too early or too late, and says so under the field.
   */
  minDate?: string;
  maxDate?: string;
  autoFocus?: boolean;
}

/**
 * A date or date-time field of a react-hook-form form. The form keeps a plain string ("" for empty,
 * the incomplete marker, or the API format); the picker keeps its own half-typed value, which must
 * be handed back unchanged or the clerk's typing would be wiped.
 */
export function PickerField<T extends FieldValues>({ form, name, label, kind, required, hint, minDate, maxDate, autoFocus }: Props<T>) {
  const [shown, setShown] = useState<Dayjs | null>(null);
  const fieldRef = useRef<FieldRef<Dayjs | null>>(null);
  const toForm = (d: Dayjs | null) => (d === null ? '' : d.isValid() ? d.format(API_FORMAT[kind]) : INCOMPLETE_DATE);
  const Picker = kind === 'date' ? DatePicker : DateTimePicker;
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => {
        const formValue = field.value as string;
        const value = toForm(shown) === formValue ? shown : formValue && formValue !== INCOMPLETE_DATE ? dayjs(formValue) : null;
        // Typing into an empty picker publishes nothing until every section is filled; without
        // this a half-typed date would silently be saved as "not given".
        const notePartial = () => {
          if (shown !== null) return;
          const typed = fieldRef.current?.getSections().some((s) => s.value !== '') ?? false;
          const next = typed ? INCOMPLETE_DATE : '';
          if (next !== formValue) field.onChange(next);
        };
        return (
          <Picker
            label={label}
            value={value}
            autoFocus={autoFocus}
            minDate={minDate ? dayjs(minDate) : undefined}
            maxDate={maxDate ? dayjs(maxDate) : undefined}
            onChange={(d: Dayjs | null) => {
              setShown(d);
              field.onChange(toForm(d));
            }}
            slotProps={{
              field: { fieldRef },
              textField: {
                name: field.name,
                inputRef: field.ref,
                required,
                onBlur: () => {
                  notePartial();
                  field.onBlur();
                },
                onKeyUp: notePartial,
                fullWidth: true,
                size: 'small',
                error: !!fieldState.error,
                helperText: fieldState.error?.message ?? hint,
              },
            }}
          />
        );
      }}
    />
  );
}
