import { describe, expect, it } from 'vitest';
import { fenToYuan, formatDateCn, formatDateTime, formatLeft, yuanProblem, yuanToFen } from '../../renderer/src/format';

describe('money typed in 元 becomes integer fen', () => {
  it.each([
    ['199.50', 19950],
    ['199.5', 19950],
    ['3999', 399900],
    ['0.01', 1],
    ['¥1,234.56', 123456],
    ['１２３．４', 12340],
    ['  88元 ', 8800],
  ])('%s → %i fen', (text, fen) => {
    expect(yuanProblem(text)).toBeNull();
    expect(yuanToFen(text)).toBe(fen);
  });

  it('is empty when nothing is typed', () => {
    expect(yuanToFen('')).toBeUndefined();
  });

  it('refuses fractions of a fen, negatives and words, in Chinese', () => {
    expect(yuanProblem('1.234')).toMatch(/两位小数/);
    expect(yuanProblem('-5')).toMatch(/负数/);
    expect(yuanProblem('五十')).toMatch(/数字/);
    expect(yuanToFen('1.234')).toBeNull();
  });

  it('prints fen back as 元 without floating-point error', () => {
    expect(fenToYuan(19950)).toBe('199.50');
    expect(fenToYuan(7)).toBe('0.07');
    expect(fenToYuan(1_000_000_001)).toBe('10000000.01');
  });
});

describe('dates on screen', () => {
  it('print as on official documents, without zero padding', () => {
    expect(formatDateCn('2026-01-05')).toBe('2026年1月5日');
    expect(formatDateCn('2026-11-22')).toBe('2026年11月22日');
  });

  it('show a time in office time, as the core wrote it, whatever zone this PC is set to, in the same date format', () => {
    expect(formatDateTime('2026-11-22T09:05:00+08:00')).toBe('2026年11月22日 09:05');
    expect(formatDateTime('2026-11-22T23:30:00.123+08:00')).toBe('2026年11月22日 23:30');
    expect(formatDateCn('2026-11-22T23:30:00+08:00')).toBe('2026年11月22日');
  });

  it('say the time left on a clock in its own unit', () => {
    expect(formatLeft({ amount: 43, unit: 'calendarDays' })).toBe('还剩 43 日');
    expect(formatLeft({ amount: 3, unit: 'workingDays' })).toBe('还剩 3 个工作日');
    expect(formatLeft({ amount: 0, unit: 'calendarDays' })).toBe('今天到期');
    expect(formatLeft({ amount: -2, unit: 'workingDays' })).toBe('已超期 2 个工作日');
    expect(formatLeft({ amount: -5, unit: 'calendarDays' }, { short: true })).toBe('超期5日');
  });
});
