import { addDays } from '../../../shared/domain/calendar';

/** Periods of 统计 as calendar months (dates are YYYY-MM-DD, months YYYY-MM, compared as text). */

/**
 * The period cut into runs of `months` calendar months, the first and last clipped to it. A run
 * ends on its last month's 31st: dates are compared as text, so that is after every day of the
 * month and before the next month's first.
 */
export function periodSlices(from: string, to: string, months: number): { from: string; to: string }[] {
  const all = monthsOf(from, to);
  const out: { from: string; to: string }[] = [];
  for (let i = 0; i < all.length; i += months) {
    const last = Math.min(i + months, all.length) - 1;
    out.push({ from: i === 0 ? from : `${all[i]}-01`, to: last === all.length - 1 ? to : `${all[last]}-31` });
  }
  return out;
}

/** Every month from the one of `from` to the one of `to`, as YYYY-MM. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from.slice(0, 7), end = to.slice(0, 7); m <= end; m = nextMonth(m)) out.push(m);
  return out;
}

/** Every date from `from` to `to`, as YYYY-MM-DD. */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/** A period as its whole months (read from the counts kept per month) and the parts of months at its ends (read from the cases). */
export function wholeMonths(from: string, to: string): { first: string; last: string } | null {
  const firstWhole = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const lastWhole = to >= lastDayOf(to.slice(0, 7)) ? to.slice(0, 7) : previousMonth(to.slice(0, 7));
  return firstWhole <= lastWhole ? { first: firstWhole, last: lastWhole } : null;
}

/** The days of the period outside its whole months: none, one or two runs of days. */
export function partialRuns(from: string, to: string): { from: string; to: string }[] {
  const whole = wholeMonths(from, to);
  if (!whole) return [{ from, to }];
  const runs: { from: string; to: string }[] = [];
  if (from < `${whole.first}-01`) runs.push({ from, to: lastDayOf(previousMonth(whole.first)) });
  if (to > lastDayOf(whole.last)) runs.push({ from: `${nextMonth(whole.last)}-01`, to });
  return runs;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${pad(y + 1, 4)}-01` : `${pad(y, 4)}-${pad(m + 1, 2)}`;
}
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${pad(y - 1, 4)}-12` : `${pad(y, 4)}-${pad(m - 1, 2)}`;
}
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate(), 2)}`;
}
