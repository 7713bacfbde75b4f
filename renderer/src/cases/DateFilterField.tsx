import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';

interface Props {
  label: string;
  /** YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (date: string) => void;
  width?: number;
  minDate?: string;
  maxDate?: string;
  error?: boolean;
}

const asDate = (d: Dayjs | null) => (d && d.isValid() ? d.format('YYYY-MM-DD') : '');

/**
 * A date for a filter or a period, typed 年/月/日 whatever the PC's language (a browser's own date
 * box follows the system's). It keeps what is half typed to itself and passes on a whole date, or ''
 * once cleared.
 */
export function DateFilterField({ label, value, onChange, width = 184, minDate, maxDate, error }: Props) {
  const [shown, setShown] = useState<Dayjs | null>(value ? dayjs(value) : null);
  // Changed from outside (the address, 清除筛选): show it.
  useEffect(() => {
    setShown((prev) => (asDate(prev) === value ? prev : value ? dayjs(value) : null));
  }, [value]);
  return (
    <DatePicker
      label={label}
      value={shown}
      minDate={minDate ? dayjs(minDate) : undefined}
      maxDate={maxDate ? dayjs(maxDate) : undefined}
      onChange={(d: Dayjs | null) => {
        setShown(d);
        if (d === null) onChange('');
        else if (d.isValid()) onChange(asDate(d));
      }}
      slotProps={{ textField: { size: 'small', sx: { width }, error }, field: { clearable: true } }}
    />
  );
}
