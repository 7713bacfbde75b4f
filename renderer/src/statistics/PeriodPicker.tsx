import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import { useEffect, useState } from 'react';
import { DateFilterField } from '../cases/DateFilterField';
import { isDate, periodKindLabel, periodKinds, periodOf, shiftPeriod, type Period, type PeriodKind } from './period';

const pad = (n: number) => String(n).padStart(2, '0');
const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];
const YEARS_BACK = 15;

interface Props {
  period: Period;
  /** The office's date (clock.today): the latest period offered starts by it. */
  today: string;
  onChange: (p: Period) => void;
}

/** 统计期间: a month, a quarter, a year (chosen, or stepped with ‹ ›), or any two dates. */
export function PeriodPicker({ period, today, onChange }: Props) {
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i);
  if (!years.includes(year)) years.push(year);
  const next = shiftPeriod(period, 1);

  // From a year to a quarter or a month: the one holding today if the year does, else its first.
  const anchor = period.from <= today && today <= period.to ? today : period.from;
  const setKind = (kind: PeriodKind) => onChange(kind === 'custom' ? { ...period, kind } : periodOf(kind, anchor));
  const at = (y: number, m: number) => onChange(periodOf(period.kind as Exclude<PeriodKind, 'custom'>, `${y}-${pad(m)}-01`));

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} role="group" aria-label="统计期间">
      <ToggleButtonGroup exclusive size="small" value={period.kind} onChange={(_e, k: PeriodKind | null) => k && setKind(k)} aria-label="期间类型">
        {periodKinds.map((k) => (
          <ToggleButton key={k} value={k} sx={{ px: 1.5, height: 40 }}>
            {periodKindLabel[k]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      {period.kind === 'custom' ? (
        <CustomRange period={period} onChange={onChange} />
      ) : (
        <>
          <Tooltip title="上一期">
            <IconButton aria-label="上一期" onClick={() => onChange(shiftPeriod(period, -1))}>
              <ChevronLeftIcon />
            </IconButton>
          </Tooltip>
          <TextField select label="年份" value={year} onChange={(e) => at(Number(e.target.value), month)} sx={{ width: 110 }}>
            {years.map((y) => (
              <MenuItem key={y} value={y}>
                {y}年
              </MenuItem>
            ))}
          </TextField>
          {period.kind === 'month' && (
            <TextField select label="月份" value={month} onChange={(e) => at(year, Number(e.target.value))} sx={{ width: 96 }}>
              {Array.from({ length: 12 }, (_, i) => (
                <MenuItem key={i + 1} value={i + 1}>
                  {i + 1}月
                </MenuItem>
              ))}
            </TextField>
          )}
          {period.kind === 'quarter' && (
            <TextField select label="季度" value={Math.floor((month - 1) / 3)} onChange={(e) => at(year, Number(e.target.value) * 3 + 1)} sx={{ width: 120 }}>
              {QUARTERS.map((q, i) => (
                <MenuItem key={q} value={i}>
                  {q}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Tooltip title="下一期">
            <span>
              <IconButton aria-label="下一期" onClick={() => onChange(next)} disabled={next.from > today}>
                <ChevronRightIcon />
              </IconButton>
            </span>
          </Tooltip>
        </>
      )}
    </Stack>
  );
}

/** Two dates, taken once both are whole and in order. */
function CustomRange({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
  }, [period.from, period.to]);
  const wrongOrder = isDate(from) && isDate(to) && from > to;
  const take = (f: string, t: string) => {
    if (isDate(f) && isDate(t) && f <= t && (f !== period.from || t !== period.to)) onChange({ kind: 'custom', from: f, to: t });
  };
  return (
    <>
      <DateFilterField
        label="开始日期"
        value={from}
        onChange={(f) => {
          setFrom(f);
          take(f, to);
        }}
        error={wrongOrder}
      />
      <DateFilterField
        label="结束日期"
        value={to}
        onChange={(t) => {
          setTo(t);
          take(from, t);
        }}
        error={wrongOrder}
      />
      {wrongOrder && (
        <Typography variant="body2" color="error" role="alert">
          结束日期不能早于开始日期
        </Typography>
      )}
    </>
  );
}
