import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportState } from '../../shared/api/schemas/exports';
import { SEARCH_COUNT_CAP } from '../../shared/api/schemas/caseSearch';
import { tokensOf } from '../../electron/core/store/searchTokens';
import { EXCEL_SHEET_ROWS, REGISTER_HEADERS, writeRegisterWorkbook } from '../../electron/core/exports/registerWorkbook';
import type { ExportRow } from '../../electron/core/store/caseExport';
import { join } from 'node:path';
import { STATS_SHEETS, writeStatsWorkbook } from '../../electron/core/exports/statsWorkbook';
import type { StatsSummary } from '../../shared/api/schemas/stats';
import { fixedClock, minimalComplaint, openRegister, tempDir, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/** Excel exports ([F]): the filtered register and the period report, read back with exceljs. */
let reg: Register;
let staff: Staff;
let closedId: number;

beforeAll(async () => {
  reg = await openRegister(fixedClock('2026-03-02T09:00:00+08:00'));
  staff = await withStaff(reg);
  const { clerk, investigator, supervisor } = staff;
  closedId = (
    await clerk.must<{ id: number }>(
      'cases.register',
      minimalComplaint({
        receivedAt: '2026-03-02T08:45:00+08:00',
        amountPaidFen: 499900,
        purchasedOn: '2026-02-20',
        facts: '=HYPERLINK("http://x")，屏幕出现竖线。',
        agent: { name: '李志强', phone: '13788889999', relation: '儿子', authorizationReceived: true },
        purchasePlace: { shop: '国美（天一店）', platform: '京东', orderNo: '0012026022000187' },
        requestTypes: ['compensation', 'exchange'],
      }),
    )
  ).id;
  await clerk.act(closedId, 'accept');
  await supervisor.act(closedId, 'assign', { userId: investigator.user.id });
  await investigator.act(closedId, 'startInvestigation');
  await investigator.act(closedId, 'proposeOutcome', { measures: ['refund', 'punitive'], recoveredFen: 1234567, punitiveFen: 1000000, summary: '退一赔三' });
  await supervisor.act(closedId, 'approve', { comment: '同意' });
  for (let i = 0; i < 5; i++) await clerk.must('cases.register', minimalComplaint({ category: 'S03', complainant: { name: `游客${i}`, phone: '13900001111' } }));
}, 120_000);
afterAll(() => reg.close());

async function finished(id: string, actor = staff.clerk): Promise<ExportState> {
  for (let i = 0; i < 200; i++) {
    const p = await actor.must<ExportState>('exports.progress', { id });
    if (p.state !== 'running') return p;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the export did not finish');
}

async function workbookOf(id: string): Promise<ExcelJS.Workbook> {
  const file = reg.core.services.exports.file(id, staff.clerk.user);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file.path);
  return workbook;
}

/** A case as the export reads it, its facts as given. */
const exportRow = (n: number, facts = '事实'): ExportRow => ({
  caseNo: `TS2026-${n}`, receivedAt: '2026-03-02T08:45:00+08:00', registeredAt: '2026-03-02T09:00:00+08:00', status: 'registered',
  complainantName: `投诉人${n}`, complainantPhone: '13900001111', complainantIdNumber: null, complainantAddress: null,
  agentName: null, agentPhone: null, agentRelation: null, agentAuthorized: null, respondentName: '某公司', respondentCreditCode: null,
  categoryName: '家用电子电器', natureNames: '', channelName: '来访', regionName: null, subject: '电视机', purchasedOn: null, amountPaidFen: null,
  purchaseShop: null, purchasePlatform: null, orderNo: null, facts, requestTypes: [], request: '请求', amountClaimedFen: null,
  handlerName: null, acceptedOn: null, closedOn: null, resolved: null, recoveredFen: null, punitiveFen: null, nextDueOn: null,
});

describe('exports.start', () => {
  it('writes the filtered register with Chinese headers, dates as dates and amounts as numbers in 元', async () => {
    const { id } = await staff.clerk.must<{ id: string }>('exports.start', { kind: 'register', filters: { category: 'G01', sort: 'receivedAt:desc' } });
    const done = await finished(id);
    expect(done).toMatchObject({ state: 'done', done: 1, total: 1, more: false, error: null });
    expect(done.fileName).toMatch(/^案件登记簿-\d{8}-\d{4}\.xlsx$/);
    const sheet = (await workbookOf(id)).getWorksheet('案件登记簿')!;
    expect(sheet.rowCount).toBe(2);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(REGISTER_HEADERS);
    const cell = (header: string) => sheet.getRow(2).getCell(REGISTER_HEADERS.indexOf(header) + 1);
    expect(cell('收到时间').value).toEqual(new Date(Date.UTC(2026, 2, 2, 8, 45)));
    expect(cell('收到时间').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(cell('购买日期').value).toEqual(new Date(Date.UTC(2026, 1, 20)));
    expect(cell('支付金额（元）').value).toBe(4999);
    expect(cell('挽回经济损失（元）').value).toBe(12345.67);
    expect(cell('其中加倍赔偿（元）').value).toBe(10000);
    expect(cell('状态').value).toBe('已批准');
    expect(cell('是否解决').value).toBe('是');
    // Text stays text, as typed: a cell of an .xlsx that starts with = is a string, never a formula.
    expect(cell('投诉事实').value).toBe('=HYPERLINK("http://x")，屏幕出现竖线。');
    expect(cell('投诉事实').type).toBe(ExcelJS.ValueType.String);
    // Every field of the 投诉登记表: the agent, where it was bought, the request types in the list's order.
    expect(['代理人', '代理人电话', '与投诉人关系', '授权委托书'].map((h) => cell(h).value)).toEqual(['李志强', '13788889999', '儿子', '已收到']);
    expect(['购买店铺', '购买平台', '订单号', '请求类型'].map((h) => cell(h).value)).toEqual(['国美（天一店）', '京东', '0012026022000187', '更换、赔偿']);
    // An order number of digits stays text: its leading zeros are part of it.
    expect(cell('订单号').type).toBe(ExcelJS.ValueType.String);
  });

  it("goes on in sheets of its own past the rows Excel opens a sheet with, each with the header, no case lost or repeated", async () => {
    // Excel opens 1,048,576 rows a sheet and truncates the rest with a vague warning; the same rule
    // with sheets of four rows (the header and three cases) so the test writes seven cases, not a million.
    expect(EXCEL_SHEET_ROWS).toBe(2 ** 20);
    async function* chunks() {
      yield [1, 2].map((n) => exportRow(n));
      yield [3, 4, 5, 6, 7].map((n) => exportRow(n));
    }
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'register.xlsx');
      const done: number[] = [];
      expect(await writeRegisterWorkbook(file, '案件登记簿', chunks(), (n) => done.push(n), () => false, 4)).toMatchObject({ rows: 7, sheets: 3 });
      expect(done).toEqual([2, 7]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['案件登记簿', '案件登记簿（续2）', '案件登记簿（续3）']);
      const numbers = workbook.worksheets.map((w) => {
        expect((w.getRow(1).values as unknown[]).slice(1)).toEqual(REGISTER_HEADERS);
        return w.getSheetValues().slice(2).map((values) => (values as unknown[])[1]);
      });
      expect(numbers).toEqual([['TS2026-1', 'TS2026-2', 'TS2026-3'], ['TS2026-4', 'TS2026-5', 'TS2026-6'], ['TS2026-7']]);
    } finally {
      tmp.remove();
    }
  });

  it('writes a long register in little memory: each chunk waits for the zip to take the one before', async () => {
    // exceljs hands a sheet's bytes to the zip without heeding its backpressure (its issues #1894,
    // #2916): 100,000 cases held 200 MB for the zip. Here 40,000 cases with 3 KB of facts each, 120 MB
    // of sheet, held for the zip at most a megabyte at a time.
    const facts = '投诉人称商家拒绝退款，且态度恶劣。'.repeat(60);
    async function* chunks() {
      for (let c = 0; c < 160; c++) yield Array.from({ length: 250 }, (_, i) => exportRow(c * 250 + i, facts));
    }
    const tmp = tempDir();
    try {
      const result = await writeRegisterWorkbook(join(tmp.dir, 'long.xlsx'), '案件登记簿', chunks(), () => {}, () => false);
      expect(result).toMatchObject({ rows: 40_000, sheets: 1 });
      // What its thread held in buffers after a chunk, at most: 30–36 MB here, most of it buffers
      // written and not yet collected; without the wait 106 MB, and growing with the rows.
      expect((result as { heldAtMost: number }).heldAtMost).toBeLessThan(64 * 2 ** 20);
    } finally {
      tmp.remove();
    }
    // It asserts memory, not time: 120 MB deflated under the thread's 32 MB heap took over 20 s with the other core busy.
  }, 120_000);

  it('goes on in new sheets across many chunks that wait for the zip, no case lost: a sheet the zip has not reached holds its rows until it does', async () => {
    const facts = '投诉人称商家拒绝退款，且态度恶劣。'.repeat(60);
    async function* chunks() {
      for (let c = 0; c < 40; c++) {
        yield Array.from({ length: 250 }, (_, i) => exportRow(c * 250 + i + 1, facts));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'sheets.xlsx');
      expect(await writeRegisterWorkbook(file, '案件登记簿', chunks(), () => {}, () => false, 3_001)).toMatchObject({ rows: 10_000, sheets: 4 });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      expect(workbook.worksheets.map((w) => [w.name, w.rowCount, w.getRow(2).getCell(1).value, w.getRow(w.rowCount).getCell(1).value])).toEqual([
        ['案件登记簿', 3_001, 'TS2026-1', 'TS2026-3000'],
        ['案件登记簿（续2）', 3_001, 'TS2026-3001', 'TS2026-6000'],
        ['案件登记簿（续3）', 3_001, 'TS2026-6001', 'TS2026-9000'],
        ['案件登记簿（续4）', 1_001, 'TS2026-9001', 'TS2026-10000'],
      ]);
    } finally {
      tmp.remove();
    }
  });

  it('writes the period report: headline figures beside the year before, and one sheet per breakdown', async () => {
    // 接待来访和咨询 from the enquiry log: two this quarter, one in the same quarter a year before.
    for (const receivedAt of ['2026-01-05T10:00:00+08:00', '2026-03-02T08:30:00+08:00', '2025-02-10T10:00:00+08:00']) {
      await staff.clerk.must('enquiries.log', { channel: 'phone', topic: '预付卡退费', answer: '告知投诉途径', receivedAt });
    }
    const { id } = await staff.clerk.must<{ id: string }>('exports.start', { kind: 'stats', period: { from: '2026-01-01', to: '2026-03-31' } });
    expect(await finished(id)).toMatchObject({ state: 'done', fileName: '投诉统计-2026-01-01至2026-03-31.xlsx' });
    const workbook = await workbookOf(id);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([...STATS_SHEETS]);
    const head = workbook.getWorksheet('主要数字')!;
    const line = (label: string) => head.getRows(1, head.rowCount)!.find((r) => r.getCell(1).value === label)!;
    expect(line('收到投诉（件）').getCell(2).value).toBe(6);
    expect(line('收到投诉（件）').getCell(3).value).toBe(0);
    expect(line('为消费者挽回经济损失（元）').getCell(2).value).toBe(12345.67);
    expect(line('为消费者挽回经济损失（万元）').getCell(2).value).toBeCloseTo(1.234567, 6);
    expect(line('解决率').getCell(2).numFmt).toBe('0.0%');
    expect(line('解决率').getCell(3).numFmt).toBe('0.0%');
    expect(line('为消费者挽回经济损失（元）').getCell(4).numFmt).toBe('#,##0.00');
    expect(head.getRow(1).getCell(1).value).toMatch(/投诉统计$/);
    expect(head.getRow(1).font).toMatchObject({ bold: true, size: 14 });
    expect(head.getRow(4).font).toMatchObject({ bold: true });
    expect([line('接待来访和咨询（人次）').getCell(2).value, line('接待来访和咨询（人次）').getCell(3).value]).toEqual([2, 1]);
    const categories = workbook.getWorksheet('按类别')!;
    expect(categories.getRow(2).getCell(1).value).toBe('家用电子电器');
    expect(categories.getRow(3).getCell(1).value).toBe('旅游');
    expect(categories.getRow(3).getCell(2).value).toBe(5);
    expect(categories.getRow(1).font).toMatchObject({ bold: true });
    expect(categories.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(workbook.getWorksheet('按月份')!.getRow(2).getCell(1).value).toBe('2026年1月');
  });

  it('says under the headline figures when the repeat figure is being counted again under a new window', async () => {
    const summary = await staff.clerk.must<StatsSummary>('stats.summary', { from: '2026-01-01', to: '2026-03-31' });
    const dir = tempDir();
    try {
      const lastLine = async (s: StatsSummary) => {
        const file = join(dir.dir, 'report.xlsx');
        await writeStatsWorkbook(file, '杭州市消费者协会', s);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        const head = workbook.getWorksheet('主要数字')!;
        return head.getRow(head.rowCount).getCell(1).value;
      };
      expect(await lastLine({ ...summary, repeatRecount: { windowDays: 180, done: 25, total: 100 } })).toBe('注：重复投诉正在按新的 180 天期限重新统计，已完成 25%，此数字暂不准确');
      expect(await lastLine({ ...summary, repeatRecount: null })).toBe('重复投诉率');
      // A folder that is not there: the file system's own error, with its code for the message.
      await expect(writeStatsWorkbook(join(dir.dir, 'gone', 'report.xlsx'), '杭州市消费者协会', summary)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      dir.remove();
    }
  });

  it('gives the file to the person who made it only, and puts the export on the audit chain', async () => {
    const { id } = await staff.clerk.must<{ id: string }>('exports.start', { kind: 'register', filters: { sort: 'receivedAt:desc' } });
    await finished(id);
    const other = await staff.investigator.call('exports.file', { id });
    expect(other.ok ? null : other.error.code).toBe('NOT_FOUND');
    const rows = reg.core.db.prepare("SELECT user_id, data FROM audit_log WHERE action = 'exports.register'").all() as { user_id: number; data: string }[];
    expect(rows.at(-1)!.user_id).toBe(staff.clerk.user.id);
    expect(JSON.parse(rows.at(-1)!.data)).toMatchObject({ rows: 6 });
  });

  it('is cancelled between chunks, leaving no file', async () => {
    const { id } = await staff.clerk.must<{ id: string }>('exports.start', { kind: 'register', filters: { sort: 'receivedAt:desc' } });
    await staff.clerk.must('exports.cancel', { id });
    const end = await finished(id);
    expect(['cancelled', 'done']).toContain(end.state);
    if (end.state === 'cancelled') {
      const r = await staff.clerk.call('exports.file', { id });
      expect(r.ok ? null : r.error.code).toBe('CONFLICT');
    }
  });

  it('refuses a second export of one person while the first runs, and bad input in Chinese', async () => {
    const r = await staff.clerk.call('exports.start', { kind: 'table' });
    expect(r.ok ? null : r.error.code).toBe('VALIDATION');
    const period = await staff.clerk.call('exports.start', { kind: 'stats', period: { from: '2026-02-01', to: '2026-01-01' } });
    expect(period.ok ? null : period.error.fields).toMatchObject({ 'period.to': '开始日期不能晚于结束日期' });
  });
});

describe('a text sorted other than by registration', () => {
  it("is written whole in the register's order when it matches more cases than the sorted list holds, and says so", async () => {
    // Sorted otherwise a text's list holds its newest matches up to the cap (cases.search). Index
    // entries of no case, newer than every case, fill the cap, so the sorted list holds no case at all.
    const older = (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ facts: '预付卡充值后门店关闭，罕见词语甲。' }))).id;
    const newer = (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ facts: '会员卡余额不退，罕见词语乙。' }))).id;
    const insert = reg.core.db.prepare('INSERT INTO case_index (rowid, short, long) VALUES (?, ?, ?)');
    const long = tokensOf(['罕见词语']);
    reg.core.db.transaction(() => {
      for (let i = 1; i <= SEARCH_COUNT_CAP + 1; i++) insert.run(50_000_000 + i, '', long);
    })();
    const sorted = await staff.clerk.must<{ rows: unknown[]; more: boolean }>('cases.search', { text: '罕见词语', sort: 'caseNo:asc' });
    expect({ rows: sorted.rows.length, more: sorted.more }).toEqual({ rows: 0, more: true });

    const { id } = await staff.clerk.must<{ id: string }>('exports.start', { kind: 'register', filters: { text: '罕见词语', sort: 'caseNo:asc' } });
    expect(await finished(id)).toMatchObject({ state: 'done', done: 2, more: true, registerOrder: true });
    const sheet = (await workbookOf(id)).worksheets[0]!;
    const numbers = (await Promise.all([newer, older].map((caseId) => staff.clerk.must<{ caseNo: string }>('cases.get', { id: caseId })))).map((c) => c.caseNo);
    expect(sheet.getSheetValues().slice(2).map((values) => (values as unknown[])[1])).toEqual(numbers);
    const audit = reg.core.db.prepare("SELECT data FROM audit_log WHERE action = 'exports.register' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ filters: { sort: 'caseNo:asc' }, rows: 2, order: 'registeredAt:desc' });

    // Within the cap the sort asked is kept.
    const few = await staff.clerk.must<{ id: string }>('exports.start', { kind: 'register', filters: { text: '余额不退', sort: 'caseNo:asc' } });
    expect(await finished(few.id)).toMatchObject({ state: 'done', done: 1, more: false, registerOrder: false });
  });
});
