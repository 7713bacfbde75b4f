/**
 * Values as a spreadsheet keeps them ([F]: dates as dates, amounts as numbers in 元). Excel has no
 * time zones: a cell holds the wall-clock time the office saw, written as that time in UTC (exceljs
 * turns a JS Date into a serial number by its UTC fields).
 */

/** 2026-11-02 → the date cell 2026-11-02. */
export function dateCell(date: string | null): Date | null {
  if (!date) return null;
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** 2026-11-02T09:30:00+08:00 → the date-time cell 2026-11-02 09:30, as the office read its clock. */
export function dateTimeCell(iso: string | null): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

/** Fen (分) as 元, a number with two decimals. */
export const yuan = (fen: number | null): number | null => (fen === null ? null : Math.round(fen) / 100);

export const FORMAT = {
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm',
  yuan: '#,##0.00',
  wan: '#,##0.0000',
  percent: '0.0%',
  count: '#,##0',
  days: '0.0',
} as const;
