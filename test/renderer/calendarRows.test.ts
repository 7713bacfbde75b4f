import { describe, expect, it } from 'vitest';
import { daysOf, runsOf } from '../../renderer/src/settings/calendarRows';

/** The calendar editor shows a year as the State Council's notice does, and saves single days. */
describe('holiday runs and days', () => {
  const days = [
    { day: '2026-10-01', name: '国庆节' },
    { day: '2026-10-02', name: '国庆节' },
    { day: '2026-10-03', name: '国庆节' },
    { day: '2026-09-25', name: '中秋节' },
    { day: '2026-01-01', name: '元旦' },
  ];

  it('groups consecutive days of the same name, in date order; a one-day holiday has no end', () => {
    expect(runsOf(days)).toEqual([
      { name: '元旦', from: '2026-01-01', to: '' },
      { name: '中秋节', from: '2026-09-25', to: '' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-03' },
    ]);
  });

  it('expands runs back into the same days, remembering the row of each (for errors by day)', () => {
    const problems = {};
    const { days: back, rowOfDay } = daysOf(runsOf(days), problems);
    expect(back.map((d) => d.day).sort()).toEqual(days.map((d) => d.day).sort());
    expect(rowOfDay).toEqual([0, 1, 2, 2, 2]);
    expect(problems).toEqual({});
  });

  it('crosses a month end, and refuses an end before the start or a run longer than any holiday', () => {
    expect(daysOf([{ name: '春节', from: '2027-01-30', to: '2027-02-02' }], {}).days.map((d) => d.day)).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02']);
    const problems: Record<string, string> = {};
    daysOf([{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }, { name: '长假', from: '2027-07-01', to: '2027-08-31' }], problems);
    expect(problems).toEqual({ 'holidays.0.to': '结束日期不能早于开始日期', 'holidays.1.to': expect.stringContaining('不超过15天') });
  });
});
