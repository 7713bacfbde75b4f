import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';

interface Props<T extends string> {
  label: string;
  value: T | '';
  options: readonly T[];
  labelOf: (option: T) => string;
  onChange: (value: T | '') => void;
  width?: number;
}

/** A filter beside the register's search box; its first choice, 全部, means no filter. */
export function FilterSelect<T extends string>({ label, value, options, labelOf, onChange, width = 180 }: Props<T>) {
  // A value from the address that the list no longer offers (a retired region) still shows.
  const shown = value && !options.includes(value) ? [...options, value] : options;
  return (
    <TextField select label={label} value={value} onChange={(e) => onChange(e.target.value as T | '')} sx={{ width }}>
      <MenuItem value="">全部</MenuItem>
      {shown.map((o) => (
        <MenuItem key={o} value={o}>
          {labelOf(o)}
        </MenuItem>
      ))}
    </TextField>
  );
}
