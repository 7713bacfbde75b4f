import { addDays } from '../../../shared/domain/calendar';

/**
 * The State Council's notice lists each holiday as a run of days ("春节：2月15日至23日放假"); the
 * register keeps single days. These turn one into the other for the calendar editor.
 */
export interface HolidayRow {
  name: string;
  from: string;
  /** The last day; empty for a one-day holiday. */
  to: string;
}

/** Days in a row with the same name become one run. */
export function runsOf(days: readonly { day: string; name: string }[]): HolidayRow[] {
  const rows: HolidayRow[] = [];
  for (const d of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    const last = rows[rows.length - 1];
    if (last && last.name === d.name && addDays(last.to || last.from, 1) === d.day) last.to = d.day;
    else rows.push({ name: d.name, from: d.day, to: '' });
  }
  return rows;
}

/** Longest run the editor accepts: no holiday in the notices lasts longer. */
const MAX_RUN = 15;

/**
 * The runs as single days, with the row each day came from (to put the core's error about day j
 * under row i). Rows whose dates are not both real dates are left to the schema's check.
 */
export function daysOf(rows: readonly HolidayRow[], problems: Record<string, string>): { days: { day: string; name: string }[]; rowOfDay: number[] } {
  const days: { day: string; name: string }[] = [];
  const rowOfDay: number[] = [];
  rows.forEach((r, i) => {
    const last = r.to || r.from;
    if (last < r.from) {
      problems[`holidays.${i}.to`] = '结束日期不能早于开始日期';
      return;
    }
    let d = r.from;
    for (let n = 0; n < MAX_RUN && d <= last; n++, d = addDays(d, 1)) {
      days.push({ day: d, name: r.name });
      rowOfDay.push(i);
    }
    if (d <= last) problems[`holidays.${i}.to`] = `一段假期不超过${MAX_RUN}天，请核对日期`;
  });
  return { days, rowOfDay };
}
