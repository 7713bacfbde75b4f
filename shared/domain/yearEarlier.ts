import { cnDate } from '../notices/format';

/**
 * 上年同期 as 统计's page, its printed report and its workbook name it: the days, and the day its
 * acceptance, outcomes and ends are counted to (API.md `stats.summary` `yearEarlier.asOf`: a year
 * before today, so a period is compared with the same days at the same age).
 */
export function yearEarlierLabel(y: { from: string; to: string; asOf: string | null }): string {
  return `${cnDate(y.from)}至${cnDate(y.to)}${y.asOf ? `，${asOfLabel(y.asOf)}` : ''}`;
}

/** "办理情况截至2025年11月30日". */
export const asOfLabel = (asOf: string): string => `办理情况截至${cnDate(asOf)}`;
