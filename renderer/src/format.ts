import dayjs from 'dayjs';

/**
 * Pure formatting and parsing helpers for what a clerk reads and types.
 * Money is integer fen everywhere except on screen, where it is 元 with two decimals.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Every date on screen reads one way, as on the office's own documents: "2026年11月22日", and a
 * time after it as "2026年11月22日 09:30" (no zero padding in the date). These two are the only
 * date formatters of the renderer.
 */
const cn = (y: string | number, m: string | number, d: string | number) => `${Number(y)}年${Number(m)}月${Number(d)}日`;

/**
 * "2026-11-22" or an ISO date-time → "2026年11月22日". A date-only string is read as written, never
 * shifted through a time zone; a date-time's date is the office date it was written with.
 */
export function formatDateCn(iso: string): string {
  const m = DATE_ONLY.exec(iso) ?? (iso.endsWith('Z') ? null : WITH_OFFSET.exec(iso));
  if (m) return cn(m[1]!, m[2]!, m[3]!);
  const d = dayjs(iso);
  return d.isValid() ? cn(d.year(), d.month() + 1, d.date()) : iso;
}

/**
 * ISO date-time → "2026年11月22日 09:30". The core writes times with the office's own offset, so their
 * wall-clock part is office time: shown as written, they read the same on a PC set to any zone.
 */
export function formatDateTime(iso: string): string {
  const m = WITH_OFFSET.exec(iso);
  if (m && !iso.endsWith('Z')) return `${cn(m[1]!, m[2]!, m[3]!)} ${m[4]}`;
  const d = dayjs(iso);
  return d.isValid() ? `${cn(d.year(), d.month() + 1, d.date())} ${d.format('HH:mm')}` : iso;
}

/** The time left on a clock as the core counted it, in its own unit: "还剩 43 日", "还剩 3 个工作日", "今天到期", "已超期 2 个工作日". */
export function formatLeft(left: { amount: number; unit: 'workingDays' | 'calendarDays' }, { short = false } = {}): string {
  const unit = left.unit === 'workingDays' ? (short ? '个工作日' : ' 个工作日') : short ? '日' : ' 日';
  const sp = short ? '' : ' ';
  if (left.amount === 0) return '今天到期';
  return left.amount > 0 ? `${short ? '剩' : '还剩'}${sp}${left.amount}${unit}` : `${short ? '超期' : '已超期'}${sp}${-left.amount}${unit}`;
}

/** 19950 → "199.50". Integer arithmetic only, so no floating-point cents appear. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 19950 → "199.50 元"; null → "—". */
export function formatYuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : `${fenToYuan(fen)} 元`;
}

/** The 元 rules live in shared/ (the core and the form check the same way); re-exported for the renderer's callers. */
export { yuanProblem, yuanToFen } from '../../shared/domain/intake';
