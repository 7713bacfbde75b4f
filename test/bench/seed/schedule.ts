import { addDays, atOffice, minuteOf, officeDate } from './officeTime';
import { Random, Weighted, type RandomState } from './random';

/**
 * When complaints are registered over the three years before `now`: on working days in office
 * hours (a duty clerk on some weekends), more in March (3·15) and after 双十一, fewer over 春节,
 * and slowly more each year. Exactly `total` instants, in time order, drawn day by day so a
 * million of them never sit in memory at once.
 */

export interface WorkingDays {
  isWorkingDay(date: string): boolean;
}

/** Month factors (Jan…Dec) [L]: 3·15 in March, 春节 in Jan/Feb, shopping festivals in Nov/Dec. */
const MONTH = [0.9, 0.8, 1.25, 1.0, 1.0, 1.05, 1.05, 1.0, 0.95, 0.95, 1.15, 1.1];
/** Share of a working day's complaints a non-working day gets (the duty clerk). */
const OFF_DAY = 0.06;
/** Growth of complaints per year. */
const GROWTH = 0.08;

/** Half-hour slots of the office day from 08:30 to 17:30, busiest mid-morning and mid-afternoon. */
const SLOTS = new Weighted(
  Array.from({ length: 18 }, (_, i) => 510 + i * 30),
  [4, 8, 10, 10, 9, 8, 6, 3, 3, 5, 8, 9, 9, 8, 7, 6, 4, 2],
);

export const YEARS = 3;

export function scheduleSpan(nowMs: number): { first: string; last: string } {
  const last = officeDate(nowMs);
  return { first: addDays(last, -Math.round(YEARS * 365.25) + 1), last };
}

export interface ScheduleState {
  dayIndex: number;
  today: number[];
  at: number;
  r: RandomState;
}

export class RegistrationSchedule {
  private readonly days: { date: string; count: number }[] = [];
  private dayIndex = 0;
  private today: number[] = [];
  private at = 0;
  private readonly r: Random;
  readonly total: number;

  constructor(seed: number, total: number, private readonly nowMs: number, calendar: WorkingDays) {
    const r = Random.stream(seed, 'schedule');
    const { first, last } = scheduleSpan(nowMs);
    const weights: { date: string; w: number }[] = [];
    const nowMinute = minuteOf(nowMs);
    for (let d = first, i = 0; d <= last; d = addDays(d, 1), i++) {
      let w = (calendar.isWorkingDay(d) ? 1 : OFF_DAY) * MONTH[Number(d.slice(5, 7)) - 1]! * (1 + (GROWTH * i) / 365);
      // Today counts only up to now.
      if (d === last) w *= Math.max(0, Math.min(1, (nowMinute - 510) / 540));
      weights.push({ date: d, w: w * (0.9 + 0.2 * r.next()) });
    }
    const sum = weights.reduce((s, x) => s + x.w, 0);
    // Largest remainders, so the days add up to exactly `total`.
    const exact = weights.map((x) => (x.w / sum) * total);
    const counts = exact.map(Math.floor);
    let left = total - counts.reduce((s, c) => s + c, 0);
    const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
    for (const [, i] of order) {
      if (left-- <= 0) break;
      counts[i]!++;
    }
    weights.forEach((x, i) => this.days.push({ date: x.date, count: counts[i]! }));
    this.total = total;
    this.r = r;
  }

  /** Where the schedule stands, to carry on from it in another process. */
  snapshot(): ScheduleState {
    return { dayIndex: this.dayIndex, today: this.today, at: this.at, r: this.r.state() };
  }

  restore(s: ScheduleState): void {
    this.dayIndex = s.dayIndex;
    this.today = s.today;
    this.at = s.at;
    this.r.restore(s.r);
  }

  /** The next registration instant, or null when all are out. */
  peek(): number | null {
    while (this.at >= this.today.length) {
      const day = this.days[this.dayIndex++];
      if (!day) return null;
      this.today = this.instantsOf(day.date, day.count);
      this.at = 0;
    }
    return this.today[this.at]!;
  }

  take(): number {
    const t = this.peek();
    if (t === null) throw new Error('the schedule is exhausted');
    this.at++;
    return t;
  }

  private instantsOf(date: string, count: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      let t = atOffice(date, SLOTS.draw(this.r) + this.r.next() * 30);
      // The day the register is measured at ends at now.
      if (t > this.nowMs) t = this.nowMs - Math.floor(this.r.next() * Math.max(1, minuteOf(this.nowMs) - 510) * 60_000);
      out.push(Math.floor(t / 1000) * 1000);
    }
    return out.sort((a, b) => a - b);
  }
}
