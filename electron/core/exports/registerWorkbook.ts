import { caseStatusLabel } from '../../../shared/domain/caseStatus';
import { requestTypeName } from '../../../shared/domain/requestTypes';
import { yieldToLoop } from '../loop';
import type { ExportRow } from '../store/caseExport';
import { dateCell, dateTimeCell, FORMAT, yuan } from './cells';
import { startWorkbookWriter } from './sheetWorker';

type Column = { header: string; width: number; value: (r: ExportRow) => string | number | Date | null; numFmt?: string };

/** The register's columns with Chinese headers, in the order of the 投诉登记表. */
const COLUMNS: Column[] = [
  { header: '案件编号', width: 15, value: (r) => r.caseNo },
  { header: '收到时间', width: 17, value: (r) => dateTimeCell(r.receivedAt), numFmt: FORMAT.dateTime },
  { header: '登记时间', width: 17, value: (r) => dateTimeCell(r.registeredAt), numFmt: FORMAT.dateTime },
  { header: '状态', width: 11, value: (r) => caseStatusLabel[r.status] },
  { header: '投诉人', width: 10, value: (r) => r.complainantName },
  { header: '联系电话', width: 14, value: (r) => r.complainantPhone },
  { header: '证件号码', width: 20, value: (r) => r.complainantIdNumber },
  { header: '投诉人地址', width: 24, value: (r) => r.complainantAddress },
  { header: '代理人', width: 10, value: (r) => r.agentName },
  { header: '代理人电话', width: 14, value: (r) => r.agentPhone },
  { header: '与投诉人关系', width: 10, value: (r) => r.agentRelation },
  { header: '授权委托书', width: 9, value: (r) => (r.agentAuthorized === null ? null : r.agentAuthorized ? '已收到' : '未收到') },
  { header: '被投诉方', width: 24, value: (r) => r.respondentName },
  { header: '统一社会信用代码', width: 20, value: (r) => r.respondentCreditCode },
  { header: '投诉类别', width: 14, value: (r) => r.categoryName },
  { header: '投诉性质', width: 14, value: (r) => r.natureNames },
  { header: '渠道', width: 8, value: (r) => r.channelName },
  { header: '地区', width: 10, value: (r) => r.regionName },
  { header: '商品或服务', width: 16, value: (r) => r.subject },
  { header: '购买日期', width: 11, value: (r) => dateCell(r.purchasedOn), numFmt: FORMAT.date },
  { header: '支付金额（元）', width: 12, value: (r) => yuan(r.amountPaidFen), numFmt: FORMAT.yuan },
  { header: '购买店铺', width: 16, value: (r) => r.purchaseShop },
  { header: '购买平台', width: 12, value: (r) => r.purchasePlatform },
  { header: '订单号', width: 20, value: (r) => r.orderNo },
  { header: '投诉事实', width: 40, value: (r) => r.facts },
  { header: '请求类型', width: 14, value: (r) => r.requestTypes.map(requestTypeName).join('、') || null },
  { header: '投诉请求', width: 24, value: (r) => r.request },
  { header: '请求金额（元）', width: 12, value: (r) => yuan(r.amountClaimedFen), numFmt: FORMAT.yuan },
  { header: '经办人', width: 9, value: (r) => r.handlerName },
  { header: '受理日期', width: 11, value: (r) => dateCell(r.acceptedOn), numFmt: FORMAT.date },
  { header: '结案日期', width: 11, value: (r) => dateCell(r.closedOn), numFmt: FORMAT.date },
  { header: '是否解决', width: 8, value: (r) => (r.resolved === null ? null : r.resolved ? '是' : '否') },
  { header: '挽回经济损失（元）', width: 14, value: (r) => yuan(r.recoveredFen), numFmt: FORMAT.yuan },
  { header: '其中加倍赔偿（元）', width: 14, value: (r) => yuan(r.punitiveFen), numFmt: FORMAT.yuan },
  { header: '最近期限', width: 11, value: (r) => dateCell(r.nextDueOn), numFmt: FORMAT.date },
];

export const REGISTER_HEADERS = COLUMNS.map((c) => c.header);

/**
 * The rows of cases one sheet holds: Excel opens at most 1,048,576 rows a sheet (its specifications
 * and limits), the header one of them. Past that it loads the file truncated, saying only that it
 * was "not loaded completely", so a longer register goes on in sheets of its own.
 */
export const EXCEL_SHEET_ROWS = 1_048_576;

/**
 * The filtered register as an .xlsx written row by row to a file (exceljs's streaming writer, on a
 * thread of its own: sheetWorker.ts). `rows` yields chunks, read on the caller's thread while the
 * chunk before is written; the page's calls are answered between them. Each sheet has the header and
 * at most `sheetRows - 1` cases (a parameter for the tests alone); past the first, 案件登记簿（续2）….
 */
export async function writeRegisterWorkbook(
  file: string,
  title: string,
  rows: AsyncIterable<ExportRow[]>,
  progress: (done: number) => void,
  cancelled: () => boolean,
  sheetRows = EXCEL_SHEET_ROWS,
): Promise<{ rows: number; sheets: number; heldAtMost: number } | 'cancelled'> {
  const columns = COLUMNS.map(({ header, width, numFmt }) => ({ header, width, ...(numFmt ? { numFmt } : {}) }));
  const writer = startWorkbookWriter(file, { title, register: { sheetName: '案件登记簿', sheetRows, columns } });
  try {
    let done = 0;
    // The chunk being written, and how it failed: caught at once, said when the next chunk is handed over.
    let writing: Promise<void> | null = null;
    let failed: { error: unknown } | null = null;
    // The most the writer's thread held in buffers after a chunk (a megabyte's backlog and its sheet's).
    let heldAtMost = 0;
    const written = async () => {
      await writing;
      if (failed) throw failed.error;
    };
    for await (const chunk of rows) {
      if (cancelled()) return 'cancelled';
      const cells = chunk.map((r) => COLUMNS.map((c) => c.value(r)));
      await written();
      writing = writer.rows(cells).then(
        (held) => {
          heldAtMost = Math.max(heldAtMost, held);
          progress((done += chunk.length));
        },
        (error: unknown) => void (failed ??= { error }),
      );
      await yieldToLoop();
    }
    await written();
    if (cancelled()) return 'cancelled';
    return { rows: done, sheets: await writer.end(), heldAtMost };
  } finally {
    await writer.stop();
  }
}
