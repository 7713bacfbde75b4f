import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

export interface Choice {
  value: string;
  label: ReactNode;
}

interface Props<T extends FieldValues> {
  control: Control<T, any, any>;
  name: FieldPath<T>;
  label: string;
  options: readonly Choice[];
  required?: boolean;
  row?: boolean;
  autoFocus?: boolean;
}

/** Several of a list (grounds, measures): a labelled group of check boxes, its error under it; Tab and Space. */
export function CheckboxGroupField<T extends FieldValues>({ control, name, label, options, required, row, autoFocus }: Props<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const chosen = (field.value ?? []) as string[];
        const toggle = (value: string, on: boolean) =>
          // Kept in the list's own order, whatever order they were ticked in.
          field.onChange(options.map((o) => o.value).filter((v) => (v === value ? on : chosen.includes(v))));
        return (
          <FormControl component="fieldset" error={!!fieldState.error} required={required}>
            <FormLabel component="legend" sx={{ mb: 0.5 }}>
              {label}
            </FormLabel>
            <FormGroup row={row}>
              {options.map((o, i) => (
                <FormControlLabel
                  key={o.value}
                  label={o.label}
                  sx={{ alignItems: 'flex-start', '& .MuiCheckbox-root': { pt: 0.25 } }}
                  control={
                    <Checkbox
                      size="small"
                      checked={chosen.includes(o.value)}
                      autoFocus={autoFocus && i === 0}
                      onChange={(e) => toggle(o.value, e.target.checked)}
                      slotProps={{ input: { ref: i === 0 ? field.ref : undefined } }}
                    />
                  }
                />
              ))}
            </FormGroup>
            {fieldState.error && <FormHelperText>{fieldState.error.message}</FormHelperText>}
          </FormControl>
        );
      }}
    />
  );
}

/** One of a few (contact party, mediation result): radio buttons in a row; the arrow keys move between them. */
export function RadioGroupField<T extends FieldValues>({ control, name, label, options, required, row = true }: Props<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormControl error={!!fieldState.error} required={required}>
          <FormLabel id={`${field.name}-label`}>{label}</FormLabel>
          <RadioGroup row={row} aria-labelledby={`${field.name}-label`} name={field.name} value={field.value ?? ''} onChange={field.onChange}>
            {options.map((o, i) => (
              <FormControlLabel key={o.value} value={o.value} label={o.label} control={<Radio size="small" slotProps={{ input: { ref: i === 0 ? field.ref : undefined } }} />} />
            ))}
          </RadioGroup>
          {fieldState.error && <FormHelperText>{fieldState.error.message}</FormHelperText>}
        </FormControl>
      )}
    />
  );
}

/** A yes/no the clerk confirms (both parties consent, the complaint was passed on), its error under it. */
export function CheckboxField<T extends FieldValues>({ control, name, label }: Omit<Props<T>, 'options' | 'label'> & { label: ReactNode }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <FormControl error={!!fieldState.error}>
          <FormControlLabel
            label={label}
            control={<Checkbox size="small" checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)} slotProps={{ input: { ref: field.ref } }} />}
          />
          {fieldState.error && <FormHelperText sx={{ mt: 0 }}>{fieldState.error.message}</FormHelperText>}
        </FormControl>
      )}
    />
  );
}
