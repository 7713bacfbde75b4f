/**
 * The working-day calendar for statutory time limits (domain.md "Time limits", counting per
 * 民法典 第201、203条 [S]): the day of receipt is not counted; 工作日 skip weekends and public
 * holidays but count official make-up working days (调休); a calendar-day period whose last day
 * falls on a non-working day ends on the next working day.
 *
 * Holiday dates are set each year by the State Council, so the calendar knows only the years it
 * was given. Counting through an unknown year still gives a date (weekends only) but marks it
 * provisional, so nobody mistakes a guess for a legal deadline.
 */

export type DayKind = 'holiday' | 'workday';
export type IsoDate = string; // YYYY-MM-DD

export interface Deadline {
  date: IsoDate;
  /** True when the count crossed a year whose holidays the calendar does not know. */
  provisional: boolean;
}

const DAY_MS = 86_400_000;

function toUtc(date: IsoDate): number {
  // Every deadline walks day by day through here: a plain YYYY-MM-DD is read by slices (the same
  // numbers the split gives), without an array per day.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The day of the week of a UTC midnight (0 = Sunday; 1 January 1970 was a Thursday). */
function weekdayOf(utcMs: number): number {
  return (((Math.floor(utcMs / DAY_MS) + 4) % 7) + 7) % 7;
}

/** Weekdays (Monday–Friday) among the `n` days after a day of the week `weekday` (0 = Sunday). */
function weekdaysAfter(weekday: number, n: number): number {
  let count = Math.floor(n / 7) * 5;
  for (let i = 1; i <= n % 7; i++) {
    const d = (weekday + i) % 7;
    if (d !== 0 && d !== 6) count++;
  }
  return count;
}

export class WorkingDayCalendar {
  /** The special days in date order, so a span is counted by arithmetic plus the exceptions inside it. */
  private readonly specialDays: IsoDate[];
  /**
   * What the special days before index i change in a count of weekdays: −1 for a holiday on a
   * weekday, +1 for a make-up working day on a weekend. A span's correction is the difference of
   * two entries, so a list of 50 overdue cases does not walk each one's holidays (at 500,000 cases
   * that walk was a quarter of a page's time).
   */
  private readonly shiftBefore: Int32Array;

  constructor(
    private readonly special: ReadonlyMap<IsoDate, DayKind>,
    private readonly knownYears: ReadonlySet<number>,
  ) {
    this.specialDays = [...special.keys()].sort();
    this.shiftBefore = new Int32Array(this.specialDays.length + 1);
    this.specialDays.forEach((d, i) => {
      const weekday = weekdayOf(toUtc(d));
      const weekend = weekday === 0 || weekday === 6;
      const kind = special.get(d);
      const shift = kind === 'holiday' && !weekend ? -1 : kind === 'workday' && weekend ? 1 : 0;
      this.shiftBefore[i + 1] = this.shiftBefore[i]! + shift;
    });
  }

  knowsYear(year: number): boolean {
    return this.knownYears.has(year);
  }

  isWorkingDay(date: IsoDate): boolean {
    const kind = this.special.get(date);
    if (kind) return kind === 'workday';
    const weekday = weekdayOf(toUtc(date));
    return weekday !== 0 && weekday !== 6;
  }

  /** The n-th working day after `start` (start itself not counted). */
  addWorkingDays(start: IsoDate, n: number): Deadline {
    let date = start;
    let provisional = !this.knowsYear(Number(start.slice(0, 4)));
    let left = n;
    while (left > 0) {
      date = addDays(date, 1);
      if (!this.knowsYear(Number(date.slice(0, 4)))) provisional = true;
      if (this.isWorkingDay(date)) left--;
    }
    return { date, provisional };
  }

  /** n calendar days after `start`; a last day that is not a working day moves to the next one. */
  addCalendarDays(start: IsoDate, n: number): Deadline {
    let date = addDays(start, n);
    let provisional = !this.knowsYear(Number(date.slice(0, 4)));
    while (!this.isWorkingDay(date)) {
      date = addDays(date, 1);
      if (!this.knowsYear(Number(date.slice(0, 4)))) provisional = true;
    }
    return { date, provisional };
  }

  /**
   * Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier.
   * Counted as weekdays by arithmetic, corrected by the holidays and make-up days inside the span
   * (two look-ups in `shiftBefore`), so a case two years overdue costs no more than one due tomorrow.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    const start = toUtc(from);
    const weekdays = weekdaysAfter(weekdayOf(start), Math.round((toUtc(to) - start) / DAY_MS));
    return weekdays + this.shiftBefore[this.firstSpecialAfter(to)]! - this.shiftBefore[this.firstSpecialAfter(from)]!;
  }

  /** Index of the first special day after `date` (binary search). */
  private firstSpecialAfter(date: IsoDate): number {
    let lo = 0;
    let hi = this.specialDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.specialDays[mid]! <= date) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
