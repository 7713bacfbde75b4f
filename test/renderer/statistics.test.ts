import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../renderer/src/cases/Highlight';
import { countText, indexingNote } from '../../renderer/src/cases/listFormat';
import { shareSlices } from '../../renderer/src/statistics/breakdowns';
import { headlineFigures } from '../../renderer/src/statistics/figures';
import { axisEndWithRoom, changeText, percentText, wanYuanText, yuanText } from '../../renderer/src/statistics/numbers';
import { countedLabel, monthWithin, periodFrom, periodLabel, periodOf, shiftPeriod } from '../../renderer/src/statistics/period';

describe('统计’s periods, from the core’s date by calendar arithmetic', () => {
  it('gives the month, quarter and year a date falls in, leap years included', () => {
    expect(periodOf('month', '2028-02-10')).toEqual({ kind: 'month', from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('month', '2026-02-10')).toMatchObject({ to: '2026-02-28' });
    expect(periodOf('quarter', '2026-11-23')).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('quarter', '2026-05-31')).toMatchObject({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodOf('year', '2026-11-23')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  });

  it('steps back and forth across the new year', () => {
    expect(shiftPeriod(periodOf('month', '2026-01-15'), -1)).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(shiftPeriod(periodOf('quarter', '2026-11-01'), 1)).toMatchObject({ from: '2027-01-01', to: '2027-03-31' });
    expect(shiftPeriod(periodOf('year', '2026-11-01'), -1)).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('names the period as a report does', () => {
    expect(periodLabel(periodOf('month', '2026-11-23'))).toBe('2026年11月');
    expect(periodLabel(periodOf('quarter', '2026-11-23'))).toBe('2026年第四季度');
    expect(periodLabel(periodOf('year', '2026-11-23'))).toBe('2026年');
    expect(periodLabel({ kind: 'custom', from: '2026-01-05', to: '2026-02-03' })).toBe('2026年1月5日至2026年2月3日');
  });

  it('says which days were counted: a period still running is counted through the core’s today', () => {
    expect(countedLabel(periodOf('year', '2026-11-23'), '2026-11-23')).toBe('2026年（2026年1月1日至2026年11月23日，截至今日）');
    expect(countedLabel(periodOf('month', '2026-10-05'), '2026-10-31')).toBe('2026年10月（2026年10月1日至2026年10月31日）');
    expect(countedLabel({ kind: 'custom', from: '2026-10-15', to: '2026-11-30' }, '2026-11-23')).toBe('2026年10月15日至2026年11月23日（截至今日；所选期间至2026年11月30日）');
    expect(countedLabel({ kind: 'custom', from: '2026-01-05', to: '2026-02-03' }, '2026-02-03')).toBe('2026年1月5日至2026年2月3日');
  });

  it('reads the period from the address, else the current month; a hand-typed whole month is read from its start', () => {
    expect(periodFrom(new URLSearchParams(''), '2026-11-23')).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30' });
    expect(periodFrom(new URLSearchParams('period=quarter&from=2026-04-01&to=2026-05-02'), '2026-11-23')).toEqual({ kind: 'quarter', from: '2026-04-01', to: '2026-06-30' });
    expect(periodFrom(new URLSearchParams('period=custom&from=2026-01-05&to=2026-02-03'), '2026-11-23')).toEqual({ kind: 'custom', from: '2026-01-05', to: '2026-02-03' });
    expect(periodFrom(new URLSearchParams('period=custom&from=2026-02-30&to=2026-03-01'), '2026-11-23')).toMatchObject({ kind: 'month', from: '2026-11-01' });
    expect(periodFrom(new URLSearchParams('period=custom&from=2026-03-01&to=2026-02-01'), '2026-11-23')).toMatchObject({ kind: 'month', from: '2026-11-01' });
  });

  it('cuts a month at the edges of the period it belongs to', () => {
    expect(monthWithin('2026-01', { from: '2026-01-05', to: '2026-02-03' })).toEqual({ from: '2026-01-05', to: '2026-01-31' });
    expect(monthWithin('2026-02', { from: '2026-01-05', to: '2026-02-03' })).toEqual({ from: '2026-02-01', to: '2026-02-03' });
  });
});

describe('统计’s numbers', () => {
  it('writes fen as 元 with thousands and as 万元, without floating-point cents', () => {
    expect(yuanText(300000)).toBe('3,000.00');
    expect(yuanText(123456789)).toBe('1,234,567.89');
    expect(yuanText(5)).toBe('0.05');
    expect(wanYuanText(300000)).toBe('0.30');
    expect(wanYuanText(123456789)).toBe('123.46');
    expect(wanYuanText(0)).toBe('0.00');
  });

  it('reads 挽回经济损失 in 万元 from 10万元 on, so a city’s year fits its card', () => {
    const recovered = headlineFigures.find((d) => d.key === 'recovered')!;
    const at = (recoveredFen: number) => {
      const f = { recoveredFen } as Parameters<typeof recovered.text>[0];
      return [recovered.text(f), recovered.detail!(f)];
    };
    expect(at(9_999_999)).toEqual(['99,999.99 元', '10.00 万元（含加倍赔偿）']);
    expect(at(10_000_000)).toEqual(['10.00 万元', '100,000.00 元（含加倍赔偿）']);
    expect(at(25_092_055_874)).toEqual(['25,092.06 万元', '250,920,558.74 元（含加倍赔偿）']);
    // 上年同期 in the period's unit: a row of the report never sets 18.19 万元 beside 36,026.27 元.
    const f = (recoveredFen: number) => ({ recoveredFen }) as Parameters<typeof recovered.text>[0];
    expect(recovered.text(f(3_602_627), f(18_188_553))).toBe('3.60 万元');
    expect(recovered.text(f(18_188_553), f(3_602_627))).toBe('181,885.53 元');
  });

  it('shows the largest categories’ shares, the rest together', () => {
    const row = (key: string, received: number) => ({ key, name: key, received }) as Parameters<typeof shareSlices>[0][number];
    const rows = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((k, i) => row(k, i === 8 ? 100 : i + 1));
    expect(shareSlices(rows).map((s) => [s.label, s.value])).toEqual([
      ['I', 100],
      ['H', 8],
      ['G', 7],
      ['F', 6],
      ['E', 5],
      ['D', 4],
      ['C', 3],
      ['其他类别', 3],
    ]);
    expect(shareSlices([row('A', 2), row('B', 0)]).map((s) => s.label)).toEqual(['A']);
  });

  it('compares with the year before as reports word it, and says nothing where nothing compares', () => {
    expect(changeText(4, 1, 'count')).toBe('同比 ↑300.0%');
    expect(changeText(3, 4, 'amount')).toBe('同比 ↓25.0%');
    expect(changeText(2, 2, 'count')).toBe('同比持平');
    expect(changeText(2, 0, 'count')).toBeNull();
    expect(changeText(0.6667, 0.5, 'rate')).toBe('同比 ↑16.7个百分点');
    expect(changeText(7, 8.5, 'days')).toBe('同比 ↓1.5个工作日');
    expect(changeText(null, 0.5, 'rate')).toBeNull();
    expect(percentText(null)).toBe('—');
    expect(percentText(0.6667)).toBe('66.7%');
  });
});

describe('按渠道’s count axis', () => {
  it('ends a round number past the longest bar, with room for its count after it', () => {
    expect([0, 1, 4, 27, 950, 1499, 1600, 9999].map(axisEndWithRoom)).toEqual([2, 2, 5, 35, 1200, 2000, 2000, 12000]);
    for (const longest of [3, 17, 88, 123, 4567, 70_001]) expect(axisEndWithRoom(longest)).toBeGreaterThanOrEqual(longest * 1.15);
  });
});

describe('the register’s count and marks', () => {
  it('reads 10000+ past the core’s cap', () => {
    expect(countText(10000, true)).toBe('10000+');
    expect(countText(59, false)).toBe('59');
  });

  it('says how far the search index’s rewrite after an upgrade has come, never 100 % before it ends', () => {
    expect(indexingNote(undefined)).toBeNull();
    expect(indexingNote({ done: 283_109, total: 1_000_515 })).toBe('升级后正在更新搜索索引，已完成 28%：结果齐全，部分搜索稍慢');
    expect(indexingNote({ done: 1_000_514, total: 1_000_515 })).toMatch(/已完成 99%/);
  });

  it('marks every place a word was found, case-insensitively, overlaps merged', () => {
    expect(highlightRanges('会员卡里的预付款无法退还，预付款', ['预付款'])).toEqual([
      [5, 8],
      [13, 16],
    ]);
    expect(highlightRanges('Apple iPhone', ['apple', 'PHONE'])).toEqual([
      [0, 5],
      [7, 12],
    ]);
    expect(highlightRanges('13812340017', ['1234', '3400'])).toEqual([[3, 9]]);
    expect(highlightRanges('abc', [''])).toEqual([]);
  });
});
