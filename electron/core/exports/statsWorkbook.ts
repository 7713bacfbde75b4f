import type { Figures, StatsSummary } from '../../../shared/api/schemas/stats';
import { repeatRecountNote } from '../../../shared/domain/repeats';
import { yearEarlierLabel } from '../../../shared/domain/yearEarlier';
import { cnDate } from '../../../shared/notices/format';
import { FORMAT, yuan } from './cells';
import { type SheetSpec, startWorkbookWriter } from './sheetWorker';

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

function breakdownSheet(name: string, first: string, rows: ({ name: string } & Figures)[]): SheetSpec {
  return {
    name,
    frozen: true,
    columns: [{ header: first, width: 18 }, ...PER_ROW.map((l) => ({ header: l.label, width: 14, numFmt: l.numFmt }))],
    rows: rows.map((r) => ({ cells: [r.name, ...PER_ROW.map((l) => l.value(r))] })),
  };
}

/** The period report's sheets: one of headline figures beside the year before, one per breakdown. */
export function statsSheets(officeName: string, s: StatsSummary): SheetSpec[] {
  // The days counted: through today while the period runs (statsReads.ts `summary`).
  const period = `${cnDate(s.from)}至${cnDate(s.through)}`;
  const before = yearEarlierLabel(s.yearEarlier);
  const head: SheetSpec = {
    name: STATS_SHEETS[0],
    columns: [{ width: 30 }, { width: 18 }, { width: 18 }, { width: 14 }],
    rows: [
      { cells: [`${officeName}投诉统计`], font: { bold: true, size: 14 } },
      { cells: [`统计期间：${period}（按收到投诉的日期；已作废的不计）`] },
      { cells: [] },
      { cells: ['指标', '本期', `上年同期（${before}）`, '增减'], font: { bold: true } },
      ...HEADLINE.map((line) => {
        const now = line.value(s);
        const then = line.value(s.yearEarlier);
        return { cells: [line.label, now, then, now !== null && then !== null ? now - then : null], numFmts: { 2: line.numFmt, 3: line.numFmt, 4: line.numFmt } };
      }),
    ],
  };
  const recounting = repeatRecountNote(s.repeatRecount);
  if (recounting) head.rows.push({ cells: [`注：重复投诉${recounting}`], font: { italic: true } });

  const named = <T extends Figures>(rows: (T & { name: string })[]) => rows;
  return [
    head,
    breakdownSheet(STATS_SHEETS[1], '投诉类别', named(s.byCategory)),
    breakdownSheet(STATS_SHEETS[2], '投诉性质', named(s.byNature)),
    breakdownSheet(STATS_SHEETS[3], '投诉渠道', named(s.byChannel)),
    breakdownSheet(STATS_SHEETS[4], '月份', s.byMonth.map((m) => ({ ...m, name: `${Number(m.month.slice(0, 4))}年${Number(m.month.slice(5, 7))}月` }))),
    breakdownSheet(STATS_SHEETS[5], '地区', named(s.byRegion)),
    breakdownSheet(STATS_SHEETS[6], '经办人', named(s.byHandler)),
    {
      name: STATS_SHEETS[7],
      frozen: true,
      columns: [{ header: '名次', width: 6 }, { header: '经营者', width: 32 }, { header: '统一社会信用代码', width: 22 }, { header: '投诉（件）', width: 12 }, { header: '解决（件）', width: 12 }],
      rows: s.topRespondents.map((r, i) => ({ cells: [i + 1, r.name, r.creditCode, r.received, r.resolved] })),
    },
  ];
}

/**
 * The period report as associations send it upward, written on the spreadsheet's thread
 * (sheetWorker.ts): exceljs is loaded there, not on the page's (540 ms at the first report).
 */
export async function writeStatsWorkbook(file: string, officeName: string, s: StatsSummary): Promise<void> {
  const writer = startWorkbookWriter(file, { title: `${officeName}投诉统计` });
  try {
    for (const sheet of statsSheets(officeName, s)) await writer.sheet(sheet);
    await writer.end();
  } finally {
    await writer.stop();
  }
}
