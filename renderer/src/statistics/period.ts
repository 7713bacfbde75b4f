/**
 * 统计's periods (month, quarter, year, or any two dates), as office dates YYYY-MM-DD worked out
 * from the core's "today" by plain calendar arithmetic: never the PC's clock or time zone.
 */
export const periodKinds = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];
export const periodKindLabel: Record<PeriodKind, string> = { month: '月', quarter: '季度', year: '年', custom: '自定义' };

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isDate = (s: string | null): s is string => {
  const m = s ? DATE.exec(s) : null;
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
};

export function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const ymd = (date: string) => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))] as const;

/** The month, quarter or year `date` falls in. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, date: string): Period {
  const [y, m] = ymd(date);
  if (kind === 'year') return { kind, from: `${y}-01-01`, to: `${y}-12-31` };
  const first = kind === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  const last = kind === 'month' ? m : first + 2;
  return { kind, from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(daysIn(y, last))}` };
}

/** The period before (−1) or after (+1) a month, quarter or year. */
export function shiftPeriod(p: Period, by: -1 | 1): Period {
  if (p.kind === 'custom') return p;
  const [y, m] = ymd(p.from);
  const months = p.kind === 'month' ? 1 : p.kind === 'quarter' ? 3 : 12;
  const total = y * 12 + (m - 1) + by * months;
  return periodOf(p.kind, `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`);
}

const QUARTER = ['一', '二', '三', '四'];

/** The period in words: 2026年11月, 2026年第四季度, 2026年, 2026年1月5日至2026年2月3日. */
export function periodLabel(p: Period): string {
  const [y, m] = ymd(p.from);
  if (p.kind === 'month') return `${y}年${m}月`;
  if (p.kind === 'quarter') return `${y}年第${QUARTER[Math.floor((m - 1) / 3)]}季度`;
  if (p.kind === 'year') return `${y}年`;
  return `${dateCn(p.from)}至${dateCn(p.to)}`;
}

/**
 * The period as the core counted it: through `through`, its last day, which is today while the
 * period runs (the core's today; the year earlier is then counted to the same day).
 */
export function countedLabel(p: Period, through: string): string {
  const running = through < p.to;
  if (p.kind === 'custom') return running ? `${dateCn(p.from)}至${dateCn(through)}（截至今日；所选期间至${dateCn(p.to)}）` : periodLabel(p);
  return `${periodLabel(p)}（${dateCn(p.from)}至${dateCn(through)}${running ? '，截至今日' : ''}）`;
}

/** 2026-11-02 → 2026年11月2日 (no zero padding, as on official documents). */
export function dateCn(date: string): string {
  const [y, m, d] = ymd(date);
  return `${y}年${m}月${d}日`;
}

/** "2026-03" → "2026年3月". */
export const monthCn = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/** The part of a month inside the period (the months at its edges count only the days inside it). */
export function monthWithin(month: string, p: { from: string; to: string }): { from: string; to: string } {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const from = `${month}-01`;
  const to = `${month}-${pad(daysIn(y, m))}`;
  return { from: from < p.from ? p.from : from, to: to > p.to ? p.to : to };
}

/** The period the address names (#/statistics?period=quarter&from=…&to=…), or the current month. */
export function periodFrom(search: URLSearchParams, today: string): Period {
  const kind = (periodKinds as readonly string[]).includes(search.get('period') ?? '') ? (search.get('period') as PeriodKind) : 'month';
  const from = search.get('from');
  const to = search.get('to');
  if (!isDate(from) || !isDate(to) || from > to) return periodOf(kind === 'custom' ? 'month' : kind, today);
  // A whole month, quarter or year is read from its first day, so a hand-typed end cannot skew it.
  return kind === 'custom' ? { kind, from, to } : periodOf(kind, from);
}
