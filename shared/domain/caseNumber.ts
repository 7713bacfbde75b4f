/**
 * A case number: the office's prefix, the receipt year, a dash and the year's sequence, padded to
 * `CASE_NO_DIGITS` digits (TS2026-00042); past 99,999 a year the sequence simply has more digits.
 * The store writes it, 办公设置 previews the next one, and the search reads a typed beginning by it.
 */
export const CASE_NO_DIGITS = 5;

export const caseNumberOf = (prefix: string, year: number | string, sequence: number): string => `${prefix}${year}-${String(sequence).padStart(CASE_NO_DIGITS, '0')}`;
