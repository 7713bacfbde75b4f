import { scaleLinear } from 'd3-scale';

/** How 统计 writes its numbers (integer fen in, 元 and 万元 out; no floating-point cents). */

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 1234567 fen → "12,345.67". */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${group(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1234567 fen → "1.23" (万元, rounded half up to two places as reports give it). */
export function wanYuanText(fen: number): string {
  const hundredths = Math.round(Math.abs(fen) / 10_000);
  return `${fen < 0 ? '-' : ''}${group(String(Math.floor(hundredths / 100)))}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** 0.6667 → "66.7%"; null (nothing to divide by) → "—". */
export const percentText = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** 6.66 → "6.7"; null → "—". */
export const daysText = (days: number | null) => (days === null ? '—' : days.toFixed(1));

export type CompareMode = 'count' | 'amount' | 'rate' | 'days';

/**
 * This period against the same period a year earlier, as reports word it: "同比 ↑25.0%",
 * "同比 ↓3.1个百分点", "同比持平"; null where there is nothing to compare with (no figure, or a
 * count that was zero a year ago).
 */
export function changeText(now: number | null, before: number | null, mode: CompareMode): string | null {
  if (now === null || before === null) return null;
  if (now === before) return '同比持平';
  const arrow = now > before ? '↑' : '↓';
  if (mode === 'rate') return `同比 ${arrow}${Math.abs((now - before) * 100).toFixed(1)}个百分点`;
  if (mode === 'days') return `同比 ${arrow}${Math.abs(now - before).toFixed(1)}个工作日`;
  if (before === 0) return null;
  return `同比 ${arrow}${Math.abs(((now - before) / before) * 100).toFixed(1)}%`;
}

/**
 * The end of a bar chart's count axis with room after the longest bar for its count written there:
 * at least 15 % more than the longest, rounded up as the chart rounds its own axis (d3's `nice`
 * over five ticks), so the axis ends on a tick. An axis ending at the longest bar left its count
 * outside the chart (every channel at 1 件).
 */
export function axisEndWithRoom(longest: number): number {
  const [, niceEnd] = scaleLinear()
    .domain([0, Math.max(1, longest) * 1.15])
    .nice(5)
    .domain();
  // A whole number: the axis counts cases (1 件 ends at 2, not at 1.2).
  return Math.ceil(niceEnd ?? 1);
}
