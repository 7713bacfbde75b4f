import { createPortal } from 'react-dom';
import type { StatsSummary } from '../../../shared/api/schemas/stats';
import { breakdownColumns } from './BreakdownTable';
import { breakdownsOf } from './breakdowns';
import { headlineFigures, repeatRecountNote } from './figures';
import { changeText } from './numbers';
import { countedLabel, dateCn, type Period } from './period';
import { yearEarlierLabel } from '../../../shared/domain/yearEarlier';

export const PRINT_ROOT = 'cd-stats-print';

/**
 * The period report on A4, what Ctrl+P or 打印报表 prints from 统计 (and what a PDF of the page
 * holds): no navigation, no buttons, no charts, only the office's tables: the headline figures
 * beside the year before and the month-by-month table on the first page, then each breakdown and
 * the businesses complained about most, none split across a page, numbered n / m (in figures: the margin boxes have no Chinese face).
 */
const PRINT_CSS = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  /* A margin box does not inherit the body's face: without its own, a PC with Noto Sans CJK printed the numbers in it as Type 3. */
  @bottom-center { content: counter(page) " / " counter(pages); font-family: "Noto Sans SC", sans-serif; font-size: 9pt; color: #444; } }
/* Laid out out of sight on screen, not left out: its characters then ask for their font slices as
   the page shows the figures, so the report prints in the bundled face (see printReport). */
@media screen { #${PRINT_ROOT} { position: fixed; top: 0; left: -10000px; width: 180mm; height: 1px; overflow: hidden; visibility: hidden; pointer-events: none; } }
@media print {
  html, body { background: #fff !important; margin: 0 !important; padding: 0 !important; }
  body > *:not(#${PRINT_ROOT}) { display: none !important; }
  #${PRINT_ROOT} { display: block; color: #000; font-size: 10pt; line-height: 1.45; }
  #${PRINT_ROOT} .office { text-align: center; font-size: 12pt; margin: 0; }
  #${PRINT_ROOT} h1 { text-align: center; font-size: 18pt; margin: 2mm 0 3mm; letter-spacing: 1pt; }
  #${PRINT_ROOT} .meta { text-align: center; margin: 0 0 5mm; }
  #${PRINT_ROOT} h2 { font-size: 12pt; margin: 6mm 0 2mm; break-after: avoid; }
  #${PRINT_ROOT} section { break-inside: avoid; }
  #${PRINT_ROOT} .new-page { break-before: page; }
  #${PRINT_ROOT} .new-page > h2:first-child { margin-top: 0; }
  /* A hair under the full width: a collapsed outer border at exactly 100% falls outside the page and is cut. */
  #${PRINT_ROOT} table { width: 99.6%; border-collapse: collapse; font-size: 9pt; }
  /* Sized for a large office's year: six-digit counts in 合计 and amounts up to 999,999,999.99 元 fit their cells. */
  #${PRINT_ROOT} table.breakdown { table-layout: fixed; font-size: 8.5pt; }
  #${PRINT_ROOT} table.breakdown th, #${PRINT_ROOT} table.breakdown td { padding: 1.2mm 1mm; }

  #${PRINT_ROOT} th, #${PRINT_ROOT} td { border: 0.6pt solid #333; padding: 1.2mm 1.5mm; }
  /* A heading wraps between its words only (BreakdownTable.tsx \`words\`). */
  #${PRINT_ROOT} th { background: #eee; font-weight: 600; word-break: keep-all; }
  #${PRINT_ROOT} td.n, #${PRINT_ROOT} th.n { text-align: right; }
  #${PRINT_ROOT} td.n, #${PRINT_ROOT} td:first-child { white-space: nowrap; }
  #${PRINT_ROOT} tr.total td { font-weight: 600; }
  #${PRINT_ROOT} .note { font-size: 8.5pt; color: #333; margin: 1mm 0 0; }
  #${PRINT_ROOT} .sign { margin-top: 8mm; display: flex; justify-content: space-between; }
}`;

/**
 * 打印报表: prints once the bundled face has come for every character of the report in both
 * weights. The UI's face comes in slices by character, loaded as text needs them; a slice still on
 * its way at print time is printed in whatever the PC has (on a PC without Chinese fonts, nothing).
 */
export async function printReport(): Promise<void> {
  const text = document.getElementById(PRINT_ROOT)?.textContent ?? '';
  try {
    await Promise.all([400, 700].map((weight) => document.fonts.load(`${weight} 10pt "Noto Sans SC"`, text)));
    await document.fonts.ready;
  } catch {
    // A face that cannot load is no reason to refuse the print: the PC's own face stands in.
  }
  window.print();
}

/**
 * The breakdown tables' columns on paper, in per cent: the name, then breakdownColumns in order.
 * At 100,000 cases a year's 挽回损失 (151,852,959.36) ran past its cell at 11 %, and 房屋装修及物业服务
 * past the name's at 14 %.
 */
const BREAKDOWN_WIDTHS = [21, 6.8, 6.8, 6.8, 6.6, 15.4, 7, 7, 6.8, 8.3, 7.5];

interface Props {
  summary: StatsSummary;
  period: Period;
  officeName: string;
  preparedBy: string;
  today: string;
}

export function PrintReport(props: Props) {
  return createPortal(
    <div id={PRINT_ROOT} data-testid="stats-print">
      <style>{PRINT_CSS}</style>
      <ReportBody {...props} />
    </div>,
    document.body,
  );
}

function ReportBody({ summary: s, period, officeName, preparedBy, today }: Props) {
  const breakdowns = breakdownsOf(s);
  const month = breakdowns.find((b) => b.key === 'month')!;
  const rest = breakdowns.filter((b) => b.key !== 'month');
  const table = (b: (typeof breakdowns)[number]) => (
    <table className="breakdown">
      <colgroup>
        {BREAKDOWN_WIDTHS.map((w, i) => (
          <col key={i} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>{b.what}</th>
          {breakdownColumns.map((c) => (
            <th key={c.label} className="n">
              {c.words ? c.words.flatMap((w, i) => (i ? [<wbr key={i} />, w] : [w])) : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {b.lines.length === 0 && (
          <tr>
            <td colSpan={breakdownColumns.length + 1}>本期没有投诉</td>
          </tr>
        )}
        {b.lines.map((l) => (
          <tr key={l.id}>
            <td>{l.name}</td>
            {breakdownColumns.map((c) => (
              <td key={c.label} className="n">
                {c.cell(l.f)}
              </td>
            ))}
          </tr>
        ))}
        {b.total && b.lines.length > 1 && (
          <tr className="total">
            <td>合计</td>
            {breakdownColumns.map((c) => (
              <td key={c.label} className="n">
                {c.cell(s)}
              </td>
            ))}
          </tr>
        )}
      </tbody>
    </table>
  );

  return (
    <>
      <p className="office">{officeName}</p>
      <h1>消费者投诉统计报表</h1>
      <p className="meta">
        统计期间：{countedLabel(period, s.through)}
        <br />
        上年同期：{yearEarlierLabel(s.yearEarlier)}
      </p>
      <section>
        <h2>一、主要数字</h2>
        <table>
          <thead>
            <tr>
              <th>指标</th>
              <th className="n">本期</th>
              <th className="n">上年同期</th>
              <th className="n">增减</th>
              <th>说明</th>
            </tr>
          </thead>
          <tbody>
            {headlineFigures.map((f) => (
              <tr key={f.key}>
                <td>{f.label}</td>
                <td className="n">{f.text(s)}</td>
                <td className="n">{f.text(s.yearEarlier, s)}</td>
                <td className="n">{changeText(f.value(s), f.value(s.yearEarlier), f.compare)?.replace(/^同比\s*/, '') ?? '—'}</td>
                <td>{(f.key === 'repeat' && repeatRecountNote(s.repeatRecount)) || (f.detail?.(s) ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="note">
          投诉按收到日期计入期间，已作废的不计。解决率 = 解决数 ÷ 受理数；挽回经济损失含加倍赔偿；办理时间自收到次日起至办结日，按工作日计。
          {s.yearEarlier.asOf && '上年同期按一年前同日登记簿所记计算（此后补登记、作废或更改的不计），使两期案件经过的办理时间相同。'}
        </p>
      </section>
      <section>
        <h2>二、{month.title}</h2>
        {table(month)}
      </section>
      {rest.map((b, i) => (
        <section key={b.key} className={i === 0 ? 'new-page' : undefined}>
          <h2>
            {['三', '四', '五', '六', '七'][i]}、{b.title}
          </h2>
          {table(b)}
          {b.note && <p className="note">{b.note}</p>}
        </section>
      ))}
      <section>
        <h2>八、被投诉较多的经营者</h2>
        <table>
          <thead>
            <tr>
              <th className="n">名次</th>
              <th>经营者</th>
              <th>统一社会信用代码</th>
              <th className="n">投诉</th>
              <th className="n">解决</th>
            </tr>
          </thead>
          <tbody>
            {s.topRespondents.length === 0 && (
              <tr>
                <td colSpan={5}>本期没有投诉</td>
              </tr>
            )}
            {s.topRespondents.map((r, i) => (
              <tr key={r.id}>
                <td className="n">{i + 1}</td>
                <td>{r.name}</td>
                <td>{r.creditCode ?? '—'}</td>
                <td className="n">{r.received}</td>
                <td className="n">{r.resolved}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="sign">
          <span>制表人：{preparedBy}</span>
          <span>制表日期：{dateCn(today)}</span>
        </div>
      </section>
    </>
  );
}
