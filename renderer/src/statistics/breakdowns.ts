import type { BreakdownRow, Figures, StatsSummary } from '../../../shared/api/schemas/stats';
import { NONE, type CaseFilters } from '../cases/caseFilters';
import { monthCn, monthWithin } from './period';

/** One line of a breakdown: what it is, its figures, and the register's filters for its cases. */
export interface BreakdownLine {
  id: string;
  name: string;
  f: Figures;
  filter: Partial<CaseFilters>;
}

export interface Breakdown {
  key: string;
  title: string;
  /** What the first column is called. */
  what: string;
  lines: BreakdownLine[];
  /** The period's own figures as the 合计 line, where the lines add up to it. */
  total: boolean;
  note?: string;
}

const lines = (rows: BreakdownRow[], filter: (r: BreakdownRow) => Partial<CaseFilters>): BreakdownLine[] =>
  rows.map((r) => ({ id: r.key || NONE, name: r.name, f: r, filter: filter(r) }));

/** The breakdowns of 统计, each row opening its cases in the register. */
export function breakdownsOf(s: StatsSummary): Breakdown[] {
  return [
    { key: 'category', title: '按投诉类别', what: '类别', total: true, lines: lines(s.byCategory, (r) => ({ category: r.key })) },
    {
      key: 'nature',
      title: '按投诉性质',
      what: '性质',
      total: false,
      note: '一件投诉可有几种性质，各行之和可能大于投诉总数。',
      lines: lines(s.byNature, (r) => ({ nature: r.key })),
    },
    { key: 'channel', title: '按投诉渠道', what: '渠道', total: true, lines: lines(s.byChannel, (r) => ({ channel: r.key })) },
    {
      key: 'month',
      title: '按月份',
      what: '月份',
      total: true,
      lines: s.byMonth.map((m) => ({ id: m.month, name: monthCn(m.month), f: m, filter: monthWithin(m.month, s) })),
    },
    { key: 'region', title: '按地区', what: '地区', total: true, lines: lines(s.byRegion, (r) => ({ region: r.key || NONE })) },
    {
      key: 'handler',
      title: '按经办人',
      what: '经办人',
      total: true,
      lines: lines(s.byHandler, (r) => (r.key ? { handler: r.key, handlerName: r.name } : { handler: NONE })),
    },
  ];
}

/** Categories beyond these are shown together as 其他, so the share stays readable. */
export const SHARE_SLICES = 7;

/** The share of each category in a chart: the largest ones, then the rest together (id ''). */
export function shareSlices(byCategory: readonly BreakdownRow[]): { id: string; value: number; label: string }[] {
  const largest = [...byCategory].sort((a, b) => b.received - a.received);
  const rest = largest.slice(SHARE_SLICES).reduce((n, r) => n + r.received, 0);
  return [
    ...largest
      .slice(0, SHARE_SLICES)
      .filter((r) => r.received > 0)
      .map((r) => ({ id: r.key, value: r.received, label: r.name })),
    ...(rest > 0 ? [{ id: '', value: rest, label: '其他类别' }] : []),
  ];
}
