import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';

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
/** Typing 2026-10-15 passes through whole dates (2026-11-01, 2026-01-01 …): only the one typed last is sent. */
const SETTLE_MS = 350;

/**
 * A date for a filter or a period, typed 年/月/日 whatever the PC's language (a browser's own date
 * box follows the system's). It keeps what is being typed to itself and passes on the whole date
 * once the typing pauses, or '' once cleared.
 */
export function DateFilterField({ label, value, onChange, width = 184, minDate, maxDate, error }: Props) {
  const [shown, setShown] = useState<Dayjs | null>(value ? dayjs(value) : null);
  const sent = useRef(value);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => () => window.clearTimeout(timer.current), []);

  // Changed from outside (the address, 清除筛选), not the echo of what was sent from here: show it.
  useEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    window.clearTimeout(timer.current);
    setShown(value ? dayjs(value) : null);
  }, [value]);

  const send = (date: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (date === sent.current) return;
      sent.current = date;
      latest.current(date);
    }, SETTLE_MS);
  };

  return (
    <DatePicker
      label={label}
      value={shown}
      minDate={minDate ? dayjs(minDate) : undefined}
      maxDate={maxDate ? dayjs(maxDate) : undefined}
      onChange={(d: Dayjs | null) => {
        setShown(d);
        if (d === null) send('');
        else if (d.isValid()) send(asDate(d));
      }}
      slotProps={{ textField: { size: 'small', sx: { width }, error }, field: { clearable: true } }}
    />
  );
}
