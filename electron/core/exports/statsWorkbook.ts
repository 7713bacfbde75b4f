import ExcelJS from 'exceljs';
import type { Figures, StatsSummary } from '../../../shared/api/schemas/stats';
import { repeatRecountNote } from '../../../shared/domain/repeats';
import { cnDate } from '../../../shared/notices/format';
import { FORMAT, yuan } from './cells';

type Line = { label: string; value: (f: Figures & { enquiries?: number }) => number | null; numFmt: string };

/** The headline figures as associations publish them (domain.md "Headline statistics"), in that order. */
const HEADLINE: Line[] = [
  { label: '收到投诉（件）', value: (f) => f.received, numFmt: FORMAT.count },
  { label: '受理（件）', value: (f) => f.accepted, numFmt: FORMAT.count },
  { label: '解决（件）', value: (f) => f.resolved, numFmt: FORMAT.count },
  { label: '解决率', value: (f) => f.resolutionRate, numFmt: FORMAT.percent },
  { label: '为消费者挽回经济损失（元）', value: (f) => yuan(f.recoveredFen), numFmt: FORMAT.yuan },
  { label: '为消费者挽回经济损失（万元）', value: (f) => f.recoveredFen / 1_000_000, numFmt: FORMAT.wan },
  { label: '加倍赔偿（件）', value: (f) => f.punitiveCases, numFmt: FORMAT.count },
  { label: '加倍赔偿金额（元）', value: (f) => yuan(f.punitiveFen), numFmt: FORMAT.yuan },
  { label: '支持消费者起诉（件）', value: (f) => f.lawsuitSupport, numFmt: FORMAT.count },
  { label: '接待来访和咨询（人次）', value: (f) => f.enquiries ?? 0, numFmt: FORMAT.count },
  { label: '办结（件）', value: (f) => f.finished, numFmt: FORMAT.count },
  { label: '平均办理时间（工作日）', value: (f) => f.averageHandlingDays, numFmt: FORMAT.days },
  { label: '按期办结率', value: (f) => f.inTimeRate, numFmt: FORMAT.percent },
  { label: '重复投诉（件）', value: (f) => f.repeats, numFmt: FORMAT.count },
  { label: '重复投诉率', value: (f) => f.repeatRate, numFmt: FORMAT.percent },
];

/** The figures every breakdown sheet gives per row. */
const PER_ROW = HEADLINE.filter((l) => !['为消费者挽回经济损失（万元）', '接待来访和咨询（人次）'].includes(l.label));

/** The sheets a period report has, as the page lists them too. */
export const STATS_SHEETS = ['主要数字', '按类别', '按性质', '按渠道', '按月份', '按地区', '按经办人', '被投诉较多的经营者'] as const;

function breakdownSheet(workbook: ExcelJS.Workbook, name: string, first: string, rows: ({ name: string } & Figures)[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ header: first, width: 18 }, ...PER_ROW.map((l) => ({ header: l.label, width: 14, style: { numFmt: l.numFmt } }))];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.name, ...PER_ROW.map((l) => l.value(r))]);
}

/** The period report as associations send it upward: one sheet of headline figures, one per breakdown. */
export async function writeStatsWorkbook(file: string, officeName: string, s: StatsSummary): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ComplaintDesk';
  const period = `${cnDate(s.from)}至${cnDate(s.to)}`;
  const before = `${cnDate(s.yearEarlier.from)}至${cnDate(s.yearEarlier.to)}`;

  const head = workbook.addWorksheet(STATS_SHEETS[0]);
  head.columns = [{ width: 30 }, { width: 18 }, { width: 18 }, { width: 14 }];
  head.addRow([`${officeName}投诉统计`]).font = { bold: true, size: 14 };
  head.addRow([`统计期间：${period}（按收到投诉的日期；已作废的不计）`]);
  head.addRow([]);
  const titles = head.addRow(['指标', '本期', `上年同期（${before}）`, '增减']);
  titles.font = { bold: true };
  for (const line of HEADLINE) {
    const now = line.value(s);
    const then = line.value(s.yearEarlier);
    const row = head.addRow([line.label, now, then, now !== null && then !== null ? now - then : null]);
    for (const col of [2, 3, 4]) row.getCell(col).numFmt = line.numFmt;
  }
  const recounting = repeatRecountNote(s.repeatRecount);
  if (recounting) head.addRow([`注：重复投诉${recounting}`]).font = { italic: true };

  const named = <T extends Figures>(rows: (T & { name: string })[]) => rows;
  breakdownSheet(workbook, STATS_SHEETS[1], '投诉类别', named(s.byCategory));
  breakdownSheet(workbook, STATS_SHEETS[2], '投诉性质', named(s.byNature));
  breakdownSheet(workbook, STATS_SHEETS[3], '投诉渠道', named(s.byChannel));
  breakdownSheet(workbook, STATS_SHEETS[4], '月份', s.byMonth.map((m) => ({ ...m, name: `${Number(m.month.slice(0, 4))}年${Number(m.month.slice(5, 7))}月` })));
  breakdownSheet(workbook, STATS_SHEETS[5], '地区', named(s.byRegion));
  breakdownSheet(workbook, STATS_SHEETS[6], '经办人', named(s.byHandler));

  const top = workbook.addWorksheet(STATS_SHEETS[7]);
  top.columns = [{ header: '名次', width: 6 }, { header: '经营者', width: 32 }, { header: '统一社会信用代码', width: 22 }, { header: '投诉（件）', width: 12 }, { header: '解决（件）', width: 12 }];
  top.getRow(1).font = { bold: true };
  s.topRespondents.forEach((r, i) => top.addRow([i + 1, r.name, r.creditCode, r.received, r.resolved]));

  await workbook.xlsx.writeFile(file);
}
