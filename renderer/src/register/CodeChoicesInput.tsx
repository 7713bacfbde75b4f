import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useMemo } from 'react';
import { useController } from 'react-hook-form';
import type { RegisterForm } from './registerForm';

type Coded = { code: string; name: string };

/**
 * A field of several codes chosen from a list (投诉性质, 请求类型), typed to filter and taken with
 * Enter. The same choice gives the same array on every render: Autocomplete clears the words being
 * typed whenever its value changes identity, so a re-render mid-typing (a draft saved, a warning
 * shown) would otherwise turn a typed filter into the list's first option.
 */
export function CodeChoicesInput<T extends Coded>({
  form,
  name,
  options,
  resolve,
  label,
  noOptionsText,
  hint,
}: {
  form: RegisterForm;
  name: 'natures' | 'requestTypes';
  options: readonly T[];
  /** The chosen codes as options, in their order (a code no longer offered may still be shown). */
  resolve: (codes: string[]) => T[];
  label: string;
  noOptionsText: string;
  hint: string;
}) {
  const { field, fieldState } = useController({ control: form.control, name });
  const key = ((field.value ?? []) as string[]).join(' ');
  const chosen = useMemo(() => resolve(key ? key.split(' ') : []), [key, resolve]);
  return (
    <Autocomplete<T, true>
      multiple
      options={options}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      autoHighlight
      disableCloseOnSelect
      filterSelectedOptions
      noOptionsText={noOptionsText}
      value={chosen}
      onChange={(_e, picked) => field.onChange(picked.map((o) => o.code))}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          name={field.name}
          inputRef={field.ref}
          onBlur={field.onBlur}
          error={!!fieldState.error}
          helperText={fieldState.error?.message ?? hint}
        />
      )}
    />
  );
}
