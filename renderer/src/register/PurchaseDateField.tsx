import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { INCOMPLETE_DATE, type RegisterForm } from './registerForm';

function toFormDate(d: Dayjs | null): string {
  if (d === null) return '';
  return d.isValid() ? d.format('YYYY-MM-DD') : INCOMPLETE_DATE;
}

/**
 * 购买日期: the form keeps a plain "YYYY-MM-DD" (or "" / incomplete); the picker keeps its own
 * half-typed value, which must be handed back unchanged or the clerk's typing would be wiped.
 */
export function PurchaseDateField({ form }: { form: RegisterForm }) {
  const [shown, setShown] = useState<Dayjs | null>(null);
  return (
    <Controller
      control={form.control}
      name="purchasedOn"
      render={({ field, fieldState }) => {
        const formValue = field.value;
        const value =
          toFormDate(shown) === formValue
            ? shown
            : formValue && formValue !== INCOMPLETE_DATE
              ? dayjs(formValue)
              : null;
        return (
          <DatePicker
            label="购买日期"
            value={value}
            maxDate={dayjs()}
            onChange={(d) => {
              setShown(d);
              field.onChange(toFormDate(d));
            }}
            slotProps={{
              textField: {
                name: field.name,
                inputRef: field.ref,
                onBlur: field.onBlur,
                fullWidth: true,
                size: 'small',
                error: !!fieldState.error,
                helperText: fieldState.error?.message,
              },
            }}
          />
        );
      }}
    />
  );
}
