import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { minimalComplaint, openRegister, type Register } from './harness';
import { newPrinter, pdfPath, pdfText } from './noticeKit';
import { withStaff, type Staff } from './staff';

/**
 * cases.correct (API.md; issue [B] "Correct a registered case") on a real register: the row, the
 * search index, the version, the statistics, the timeline and the audit chain move together in one
 * transaction, or nothing moves; who may correct follows the workflow table; notices issued before
 * stay as issued and the next one carries the correction.
 */
// Issuing a notice prints a PDF in Chromium: a busy PC's time, not a quiet one's.
vi.setConfig({ testTimeout: 120_000 });
const printer = newPrinter();
let reg: Register;
let staff: Staff;

beforeAll(async () => {
  reg = await openRegister(undefined, { pdf: printer });
  staff = await withStaff(reg);
}, 60_000);
afterAll(async () => {
  reg.close();
  await printer.close();
});

const typo = (over: Record<string, unknown> = {}) =>
  minimalComplaint({ complainant: { name: '张晓明', phone: '13912345678' }, respondent: { name: '杭州某某数码有限公司' }, subject: '蓝牙耳机', ...over });

async function registered(over: Record<string, unknown> = {}) {
  const { id } = await staff.clerk.must<{ id: number }>('cases.register', typo(over));
  return id;
}

const searchIds = async (text: string) => ((await staff.clerk.must('cases.search', { text })) as { rows: { id: number }[] }).rows.map((r) => r.id);

/** The case's row as stored, for "nothing changed" checks. */
const rowOf = (id: number) => reg.core.db.prepare('SELECT * FROM cases WHERE id = ?').get(id);
const auditRows = (id: number) =>
  reg.core.db.prepare("SELECT user_id, data FROM audit_log WHERE action = 'cases.correct' AND entity_id = ?").all(id) as { user_id: number; data: string }[];

describe('cases.correct', () => {
  it('corrects a name: the row, search (new text found, old not), the version, the timeline and the audit row', async () => {
    const id = await registered();
    const before = await staff.clerk.get(id);
    expect(await searchIds('张晓明')).toContain(id);

    const out = await staff.clerk.must('cases.correct', { id, version: before.version, changes: { complainant: { name: '张晓敏' } }, reason: '登记时姓名录入错误，据身份证更正' });
    expect(out).toEqual({ version: before.version + 1 });

    const after = await staff.clerk.get(id);
    expect(after.version).toBe(before.version + 1);
    expect(after.caseNo).toBe(before.caseNo);
    expect(after.complainant).toEqual({ ...before.complainant, name: '张晓敏' });
    expect(await searchIds('张晓敏')).toContain(id);
    expect(await searchIds('张晓明')).not.toContain(id);
    expect(await searchIds('晓明')).not.toContain(id);

    expect(after.events.at(-1)).toMatchObject({
      type: 'corrected',
      by: { displayName: '陈登记' },
      data: { reason: '登记时姓名录入错误，据身份证更正', changes: [{ field: 'complainant.name', before: '张晓明', after: '张晓敏', beforeText: '张晓明', afterText: '张晓敏' }] },
    });
    const audit = auditRows(id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.user_id).toBe(staff.clerk.user.id);
    expect(JSON.parse(audit[0]!.data)).toEqual({ caseNo: before.caseNo, fields: ['complainant.name'], reason: '登记时姓名录入错误，据身份证更正' });
    expect((await staff.admin.must('audit.verify', {})).ok).toBe(true);
  });

  it('corrects several fields at once, each before → after in words, and normalises as registration does', async () => {
    const id = await registered({ amountPaidFen: 19900 });
    const { version } = await staff.clerk.get(id);
    await staff.clerk.must('cases.correct', {
      id,
      version,
      changes: {
        complainant: { phone: '139 1234 5679', idType: 'resident', idNumber: '11010519491231002x' },
        category: 'G02',
        natures: ['price', 'quality'],
        amountPaidFen: 29900,
        purchasedOn: '2026-11-01',
        consentMediation: false,
      },
      reason: '核对发票与身份证后更正',
    });
    const c = await staff.clerk.get(id);
    expect(c.complainant).toMatchObject({ phone: '13912345679', idType: 'resident', idNumber: '11010519491231002X' });
    expect(c.category.code).toBe('G02');
    expect(c.natures.map((n: { code: string }) => n.code).sort()).toEqual(['price', 'quality']);
    const changes = c.events.at(-1).data.changes as { field: string; beforeText: string; afterText: string }[];
    expect(Object.fromEntries(changes.map((x) => [x.field, `${x.beforeText} → ${x.afterText}`]))).toEqual({
      'complainant.idNumber': '（空） → 11010519491231002X',
      'complainant.phone': '13912345678 → 13912345679',
      purchasedOn: '（空） → 2026年11月1日',
      amountPaidFen: '199.00元 → 299.00元',
      category: '家用电子电器 → 服装鞋帽',
      natures: '质量 → 价格、质量',
      consentMediation: '是 → 否',
    });
    expect(await searchIds('13912345679')).toContain(id);
    expect(await searchIds('13912345678')).not.toContain(id);
  });

  it('a stale version is 409 CONFLICT and changes nothing', async () => {
    const id = await registered();
    const { version } = await staff.clerk.get(id);
    await staff.clerk.act(id, 'requestMaterials', { items: ['身份证复印件'], dueOn: '2026-11-30' });
    const row = rowOf(id);
    const r = await staff.clerk.call('cases.correct', { id, version, changes: { subject: '无线耳机' }, reason: '名称写错' });
    expect(r.ok || r.error).toMatchObject({ code: 'CONFLICT' });
    expect(rowOf(id)).toEqual(row);
    expect(auditRows(id)).toHaveLength(0);
  });

  it('without a reason, with no change, or with nothing to change: 400 VALIDATION in Chinese, nothing changed', async () => {
    const id = await registered();
    const { version, events } = await staff.clerk.get(id);
    const row = rowOf(id);
    const noReason = await staff.clerk.call('cases.correct', { id, version, changes: { subject: '无线耳机' } });
    expect(noReason.ok || noReason.error).toMatchObject({ code: 'VALIDATION', fields: { reason: '请填写更正原因' } });
    const blank = await staff.clerk.call('cases.correct', { id, version, changes: { subject: '无线耳机' }, reason: '   ' });
    expect(blank.ok || blank.error).toMatchObject({ code: 'VALIDATION', fields: { reason: '请填写更正原因' } });
    const same = await staff.clerk.call('cases.correct', { id, version, changes: { subject: '蓝牙耳机', complainant: { name: '张晓明' }, natures: ['quality'] }, reason: '核对' });
    expect(same.ok || same.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('未作任何更改'), fields: { changes: expect.any(String) } });
    const empty = await staff.clerk.call('cases.correct', { id, version, changes: {}, reason: '核对' });
    expect(empty.ok || empty.error).toMatchObject({ code: 'VALIDATION' });
    const caseNo = await staff.clerk.call('cases.correct', { id, version, changes: { caseNo: 'TS2026-99999' }, reason: '改号' });
    expect(caseNo.ok || caseNo.error).toMatchObject({ code: 'VALIDATION', fields: { 'changes.caseNo': '案件编号不能更正' } });
    const unknown = await staff.clerk.call('cases.correct', { id, version, changes: { status: 'closed' }, reason: '改状态' });
    expect(unknown.ok || unknown.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不能更正的项目') });
    expect(rowOf(id)).toEqual(row);
    expect((await staff.clerk.get(id)).events).toEqual(events);
  });

  it('checks the corrected fields as registration does: ID check digit, catalog codes, purchase after receipt, receipt in the future', async () => {
    const id = await registered({ receivedAt: '2026-11-20T10:00:00+08:00' });
    const { version } = await staff.clerk.get(id);
    const row = rowOf(id);
    const cases: [Record<string, unknown>, string][] = [
      [{ complainant: { idType: 'resident', idNumber: '110105194912310021' } }, 'complainant.idNumber'],
      [{ complainant: { phone: '12345' } }, 'changes.complainant.phone'],
      [{ category: 'NOPE' }, 'category'],
      [{ natures: ['quality', 'nope'] }, 'natures.1'],
      [{ purchasedOn: '2026-11-21' }, 'purchasedOn'],
      [{ receivedAt: '2026-11-23T12:00:00+08:00' }, 'receivedAt'],
      [{ receivedAt: '2025-12-31T10:00:00+08:00' }, 'receivedAt'],
      [{ respondent: { id: 999999 } }, 'respondent.id'],
    ];
    for (const [changes, field] of cases) {
      const r = await staff.clerk.call('cases.correct', { id, version, changes, reason: '更正' });
      expect(r.ok || r.error, JSON.stringify(changes)).toMatchObject({ code: 'VALIDATION', fields: { [field]: expect.any(String) } });
    }
    expect(rowOf(id)).toEqual(row);
  });

  it('who may correct: a clerk before acceptance, a supervisor after; never an investigator, nobody on a voided case', async () => {
    const { clerk, investigator, supervisor, admin } = staff;
    const id = await registered();
    const correctAs = async (who: typeof clerk, subject: string) => who.call('cases.correct', { id, version: (await who.get(id)).version, changes: { subject }, reason: '更正名称' });

    expect((await investigator.get(id)).correction).toEqual({ allowed: false, reason: expect.stringContaining('调查员不能更正'), receivedAt: false });
    expect((await clerk.get(id)).correction).toEqual({ allowed: true, reason: null, receivedAt: true });
    expect((await correctAs(clerk, '耳机A')).ok).toBe(true);

    await clerk.act(id, 'accept');
    expect((await clerk.get(id)).correction).toMatchObject({ allowed: false, reason: expect.stringContaining('请由负责人更正') });
    const late = await correctAs(clerk, '耳机B');
    expect(late.ok || late.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('请由负责人更正') });
    expect((await supervisor.get(id)).correction).toEqual({ allowed: true, reason: null, receivedAt: false });
    expect((await correctAs(supervisor, '耳机C')).ok).toBe(true);

    await supervisor.act(id, 'assign', { userId: investigator.user.id });
    const own = await correctAs(investigator, '耳机D');
    expect(own.ok || own.error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await correctAs(admin, '耳机E')).ok).toBe(true);

    await supervisor.act(id, 'void', { reason: '重复登记' });
    const voided = await correctAs(supervisor, '耳机F');
    expect(voided.ok || voided.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '案件已作废，登记信息不能再更正' });
    expect((await supervisor.get(id)).subject).toBe('耳机E');
  });

  it('the receipt time before acceptance counts the acceptance clock again; after acceptance it is refused', async () => {
    const id = await registered({ receivedAt: '2026-11-23T09:00:00+08:00' });
    const first = await staff.clerk.get(id);
    expect(first.deadlines[0]).toMatchObject({ kind: 'acceptance', startOn: '2026-11-23', dueOn: '2026-12-02' });
    await staff.clerk.must('cases.correct', { id, version: first.version, changes: { receivedAt: '2026-11-20T16:00:00+08:00' }, reason: '信函实为20日收到' });
    const c = await staff.clerk.get(id);
    expect(c.receivedAt).toBe('2026-11-20T16:00:00+08:00');
    // Received Friday 2026-11-20: 23,24,25,26,27,30 Nov, 1 Dec.
    expect(c.deadlines[0]).toMatchObject({ kind: 'acceptance', startOn: '2026-11-20', dueOn: '2026-12-01', state: 'running' });
    expect(c.events.at(-1).data).toMatchObject({ deadlines: [{ kind: 'acceptance', before: '2026-12-02', after: '2026-12-01' }] });
    const registeredOn20 = (await staff.clerk.must('cases.search', { from: '2026-11-20', to: '2026-11-20' })).rows.map((r: { id: number }) => r.id);
    expect(registeredOn20).toContain(id);

    await staff.clerk.act(id, 'accept');
    const r = await staff.supervisor.call('cases.correct', { id, version: (await staff.supervisor.get(id)).version, changes: { receivedAt: '2026-11-19T16:00:00+08:00' }, reason: '再改' });
    expect(r.ok || r.error).toMatchObject({ code: 'VALIDATION', fields: { receivedAt: expect.stringContaining('已作出受理决定') } });
  });

  it('statistics follow a category change, and a repeat that hung on a corrected phone is counted again', async () => {
    const stats = () => staff.clerk.must('stats.summary', { from: '2026-11-01', to: '2026-11-30' });
    const count = (s: any, key: string) => s.byCategory.find((r: { key: string }) => r.key === key)?.received ?? 0;
    const base = await stats();
    const first = await registered({ respondent: { name: '宁波重复商行' }, complainant: { name: '李重复', phone: '13700000001' } });
    await registered({ respondent: { name: '宁波重复商行' }, complainant: { name: '李重复', phone: '13700000001' } });
    const mid = await stats();
    expect(mid.repeats).toBe(base.repeats + 1);
    expect(count(mid, 'G01')).toBe(count(base, 'G01') + 2);

    const { version } = await staff.clerk.get(first);
    await staff.clerk.must('cases.correct', { id: first, version, changes: { category: 'S01', complainant: { phone: '13700000002' } }, reason: '类别与电话登记有误' });
    const after = await stats();
    expect(count(after, 'G01')).toBe(count(base, 'G01') + 1);
    expect(count(after, 'S01')).toBe(count(base, 'S01') + 1);
    // The second complaint was a repeat only by the phone the first one no longer has.
    expect(after.repeats).toBe(base.repeats);
    expect(after.received).toBe(mid.received);
  });

  it('a corrected category brings its checklist: what nobody touched is set aside as 不适用, the new items come, worked ones stay', async () => {
    const id = await registered({ category: 'G01' });
    const warranty = (await staff.clerk.get(id)).checklist.find((i: { text: string }) => i.text === '三包凭证或保修卡');
    await reg.must('checklist.mark', { caseId: id, itemId: warranty.id, state: 'done', note: '保修卡已复印' });
    const { version } = await staff.clerk.get(id);
    await staff.clerk.must('cases.correct', { id, version, changes: { category: 'G02' }, reason: '所购为羽绒服，类别登记有误' });

    const c = await staff.clerk.get(id);
    const state = Object.fromEntries(c.checklist.map((i: { text: string; state: string }) => [i.text, i.state]));
    const note = '投诉类别由“家用电子电器”更正为“服装鞋帽”，此项不再适用';
    expect(state).toEqual({
      // Worked: kept as marked.
      三包凭证或保修卡: 'done',
      // In both lists: kept to do.
      '购物凭证（发票、收据或订单截图）': 'todo',
      检测或鉴定报告: 'todo',
      经营者答复: 'todo',
      // Only in the old list and untouched: set aside, with the reason.
      '商品实物或照片（含铭牌、型号、序列号）': 'na',
      维修记录或检测单: 'na',
      现场核查记录: 'na',
      // The new category's own.
      '商品实物或照片（含吊牌、洗涤标识）': 'todo',
      商品标签与合格证: 'todo',
    });
    expect(c.checklist.find((i: { text: string }) => i.text === '维修记录或检测单').note).toBe(note);
    expect(c.checklistOrigin).toMatchObject({ version: 1 });
    expect(c.events.at(-1).data.checklist).toEqual({
      added: ['商品实物或照片（含吊牌、洗涤标识）', '商品标签与合格证'],
      setAside: ['商品实物或照片（含铭牌、型号、序列号）', '维修记录或检测单', '现场核查记录'],
    });
    // A correction that leaves the category as it is leaves the list alone.
    const again = await staff.clerk.get(id);
    await staff.clerk.must('cases.correct', { id, version: again.version, changes: { subject: '羽绒服' }, reason: '商品名称补全' });
    expect((await staff.clerk.get(id)).checklist).toEqual(c.checklist);
  });

  it('a retry with the same requestId answers the first correction instead of refusing it as stale', async () => {
    const id = await registered();
    const { version } = await staff.clerk.get(id);
    const input = { id, version, changes: { request: '退货退款并赔偿' }, reason: '请求写漏', requestId: randomUUID() };
    const once = await staff.clerk.must('cases.correct', input);
    const again = await staff.clerk.must('cases.correct', input);
    expect(again).toEqual(once);
    expect((await staff.clerk.get(id)).events.filter((e: { type: string }) => e.type === 'corrected')).toHaveLength(1);
  });

  it('a notice issued before stays as issued; the next one carries the correction', async () => {
    const id = await registered();
    const receipt = await staff.clerk.must<{ id: number; sha256: string }>('notices.issue', { caseId: id, type: 'receipt' });
    const file = pdfPath(reg.core, receipt.sha256);
    const bytesBefore = createHash('sha256').update(readFileSync(file)).digest('hex');
    const snapshotBefore = await staff.clerk.must('notices.get', { id: receipt.id });
    expect(await pdfText(file)).toContain('张晓明');

    const { version } = await staff.clerk.get(id);
    await staff.clerk.must('cases.correct', { id, version, changes: { complainant: { name: '张晓敏' } }, reason: '姓名录入错误' });

    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(bytesBefore);
    expect(bytesBefore).toBe(receipt.sha256);
    const snapshotAfter = await staff.clerk.must('notices.get', { id: receipt.id });
    expect(snapshotAfter).toEqual(snapshotBefore);
    expect(JSON.stringify(snapshotAfter.document)).toContain('张晓明');
    expect(JSON.stringify(snapshotAfter.document)).not.toContain('张晓敏');

    const next = await staff.clerk.must<{ id: number; sha256: string }>('notices.issue', { caseId: id, type: 'receipt', supersedes: receipt.id, reason: '投诉人姓名已更正' });
    const text = (await pdfText(pdfPath(reg.core, next.sha256))).replace(/\s+/g, '');
    expect(text).toContain('张晓敏');
    expect(text).not.toContain('张晓明');
    expect(JSON.stringify((await staff.clerk.must('notices.get', { id: next.id })).document)).toContain('张晓敏');
  });
});
