import dayjs from 'dayjs';

/**
 * Pure formatting and parsing helpers for what a clerk reads and types.
 * Money is integer fen everywhere except on screen, where it is 元 with two decimals.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2026-11-22" or an ISO date-time → "2026年11月22日" (no zero padding, as on official documents).
 * A date-only string is read as written, never shifted through a time zone.
 */
export function formatDateCn(iso: string): string {
  const m = DATE_ONLY.exec(iso);
  if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  const d = dayjs(iso);
  return d.isValid() ? `${d.year()}年${d.month() + 1}月${d.date()}日` : iso;
}

const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?[+-]\d{2}:\d{2}$/;

/**
 * ISO date-time → "2026-11-22 09:30". The core writes times with the office's own offset, so their
 * wall-clock part is office time: shown as written, they read the same on a PC set to any zone.
 */
export function formatDateTime(iso: string): string {
  const m = WITH_OFFSET.exec(iso);
  if (m) return `${m[1]} ${m[2]}`;
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
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

/** Clerks paste amounts with thousands separators, currency signs or full-width digits. */
function normaliseAmount(text: string): string {
  return text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^[¥￥]/, '')
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
}

const AMOUNT = /^(\d{1,12})(?:\.(\d*))?$/;

/** What is wrong with a typed 元 amount, in Chinese; null when it is a valid amount. */
export function yuanProblem(text: string): string | null {
  const t = normaliseAmount(text);
  if (t === '') return null;
  if (t.startsWith('-')) return '金额不能为负数';
  const m = AMOUNT.exec(t);
  if (!m) return '金额应为数字（单位：元），如 199.50';
  if ((m[2] ?? '').length > 2) return '金额最多保留两位小数（精确到分），如 199.50';
  return null;
}

/** "199.50" → 19950; "" → undefined; an invalid amount → null (check yuanProblem first). */
export function yuanToFen(text: string): number | undefined | null {
  const t = normaliseAmount(text);
  if (t === '') return undefined;
  if (yuanProblem(text)) return null;
  const m = AMOUNT.exec(t);
  if (!m) return null;
  const cents = (m[2] ?? '').padEnd(2, '0');
  return Number(m[1]) * 100 + Number(cents);
}
