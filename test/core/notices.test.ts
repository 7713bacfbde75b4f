import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { noticeTitle, noticeTypes, type NoticeType } from '../../shared/notices/types';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { bytes, keepPdf, keepPng, newPrinter, pdfFonts, pdfInfo, pdfPath, pdfText } from './noticeKit';
import { caseReadyFor } from './noticePath';
import { withStaff, type Staff } from './staff';

/**
 * Every notice of domain.md "Documents the office prints", issued for a case the workflow has
 * brought to the right state, read back from its stored PDF with poppler: what it says, its page,
 * its fonts. Page 1 of each is kept in test-output/notices for a person to look at.
 */
// Every issue prints a PDF or two in Chromium: the time a busy office PC needs, not a quiet one's.
vi.setConfig({ testTimeout: 180_000 });
const printer = newPrinter();
let reg: Register;
let staff: Staff;

beforeAll(async () => {
  reg = await openRegister(undefined, { pdf: printer });
  staff = await withStaff(reg);
  await staff.admin.must('office.update', { address: '杭州市西湖区文三路90号', phone: '0571-85150315', numberPrefix: '杭消协' });
  await staff.admin.must('office.setSeal', { png: readFileSync(join(__dirname, '../fixtures/seal.png')).toString('base64') });
}, 60_000);
afterAll(async () => {
  reg.close();
  await printer.close();
});

/** What each notice must say besides the parties and the case number. */
const says: Record<NoticeType, string[]> = {
  receipt: ['受理回执', '2026年12月2日前作出是否受理的决定', '0571-85150315'],
  acceptance: ['受理通知书', '决定受理', '第三十七条'],
  refusal: ['不予受理告知书', '第十六条第（三）项', '不是为生活消费需要', '经营者之间的争议', '第三十九条', '请求消费者协会或者依法成立的其他调解组织调解', '向人民法院提起诉讼'],
  materials: ['限期提供材料通知书', '居民身份证复印件', '购物发票或收据', '2026年12月4日前'],
  referral: ['转办通知书', '杭州市西湖区市场监督管理局', '属该局管辖', '2026年12月14日前'],
  mediationNotice: ['调解通知书', '2026年11月26日（星期四）14时30分', '本会二楼调解室', '李调解', '0571-85150315'],
  mediationAgreement: ['调解书', '4999元', '一式三份', '签字', '调解员'],
  mediationEnded: ['终止调解告知书', '无正当理由不参加调解', '第二十三条第（二）项', '第三十九条', '请求消费者协会或者依法成立的其他调解组织调解'],
  outcome: ['处理结果告知书', '退货退款、加倍赔偿', '9998.00元', '4999.00元'],
};

describe('each notice, for a case in the right state', () => {
  it.each(noticeTypes)('%s: number, text, A4, embedded fonts, page 1 kept as PNG', async (type) => {
    const id = await caseReadyFor(reg, staff, type);
    const issued = await staff.clerk.must<{ id: number; number: string; sha256: string }>('notices.issue', { caseId: id, type });
    const c = await staff.clerk.get(id);
    expect(issued.number).toMatch(/^杭消协.{1,2}〔2026〕\d+号$/);
    const file = pdfPath(reg.core, issued.sha256);
    const text = (await pdfText(file)).replace(/\s+/g, '');
    for (const s of [issued.number, c.caseNo, c.complainant.name, c.respondent.name, '杭州市消费者协会', '2026年11月23日', ...says[type]]) expect(text).toContain(s);
    expect(text).not.toMatch(/年0\d月|月0\d日/);
    const info = (await pdfInfo(file));
    expect(info.pageSize).toContain('(A4)');
    expect(info.pages).toBeGreaterThanOrEqual(1);
    const fonts = (await pdfFonts(file));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded || f.type === 'Type 3')).toEqual([]);
    expect(c.notices).toEqual([expect.objectContaining({ id: issued.id, type, number: issued.number, pages: info.pages, sha256: issued.sha256, prints: 0, supersedes: null, supersededBy: null })]);
    expect(c.events.at(-1)).toMatchObject({ type: 'noticeIssued', by: { displayName: '陈登记' }, data: { noticeId: issued.id, number: issued.number, title: noticeTitle[type] } });
    keepPng(file, type);
    keepPdf(file, type);
  });
});

describe('which notice a case allows', () => {
  it('refuses a refusal notice before the refusal is approved, using no number', async () => {
    const { clerk, supervisor } = staff;
    const { id } = await clerk.must<{ id: number }>('cases.register', { ...baseComplaint(), subject: '代购手表' });
    await clerk.act(id, 'refuse', { grounds: ['1'], reason: '不属于本会管辖' });
    const early = await clerk.call('notices.issue', { caseId: id, type: 'refusal' });
    expect(early.ok || early.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '不予受理尚待负责人批准，批准后才能签发不予受理告知书' });
    const next = await clerk.must<{ document: { number: { head: string; seq: null } } }>('notices.preview', { caseId: id, type: 'receipt' });
    expect(next.document.number.seq).toBeNull();
    await supervisor.act(id, 'approve', { comment: '同意' });
    const before = reg.core.db.prepare("SELECT last FROM notice_numbers WHERE type = 'refusal'").pluck().get() as number;
    const issued = await clerk.must<{ number: string }>('notices.issue', { caseId: id, type: 'refusal' });
    expect(issued.number).toBe(`杭消协不受〔2026〕${before + 1}号`);
  });

  it('refuses a type the status does not allow, and any new notice on a voided case', async () => {
    const { clerk, supervisor } = staff;
    const { id } = await clerk.must<{ id: number }>('cases.register', baseComplaint());
    await clerk.act(id, 'accept');
    const refusal = await clerk.call('notices.issue', { caseId: id, type: 'refusal' });
    expect(refusal.ok || refusal.error).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringContaining('不予受理') });
    const agreement = await clerk.call('notices.preview', { caseId: id, type: 'mediationAgreement' });
    expect(agreement.ok || agreement.error.message).toBe('调解尚未以达成协议结束，不能签发调解书');
    await supervisor.act(id, 'void', { reason: '重复登记' });
    const receipt = await clerk.call('notices.issue', { caseId: id, type: 'receipt' });
    expect(receipt.ok || receipt.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '案件已作废，不能再签发受理回执' });
  });

  it('names the agent of the complainant registered at the counter among the parties of the 调解书, and none where there is none', async () => {
    const agent = { name: '李志强', phone: '13788889999', relation: '儿子', authorizationReceived: true };
    const withAgent = await caseReadyFor(reg, staff, 'mediationAgreement', { agent });
    const issued = await staff.clerk.must<{ sha256: string }>('notices.issue', { caseId: withAgent, type: 'mediationAgreement' });
    const printed = (await pdfText(pdfPath(reg.core, issued.sha256))).replace(/\s+/g, '');
    expect(printed).toContain('委托代理人：李志强（儿子），联系电话：13788889999。');
    // The party with an agent may sign by that agent.
    expect(printed).toContain('投诉人（代理人）签字：');
    keepPdf(pdfPath(reg.core, issued.sha256), 'mediationAgreement-with-agent');
    const without = await caseReadyFor(reg, staff, 'mediationAgreement');
    const preview = await staff.clerk.must<{ document: { text: { complainantAgent: string } } }>('notices.preview', { caseId: without, type: 'mediationAgreement' });
    expect(preview.document.text.complainantAgent).toBe('');
  });

  it('refuses an agreement whose terms were emptied, and overrides it does not have', async () => {
    const id = await caseReadyFor(reg, staff, 'mediationAgreement');
    const blank = await staff.clerk.call('notices.issue', { caseId: id, type: 'mediationAgreement', overrides: { terms: '  ' } });
    expect(blank.ok || blank.error).toMatchObject({ code: 'VALIDATION', fields: { 'overrides.terms': '请填写协议内容' } });
    const foreign = await staff.clerk.call('notices.issue', { caseId: id, type: 'mediationAgreement', overrides: { addressee: '某人' } });
    expect(foreign.ok || foreign.error).toMatchObject({ code: 'VALIDATION', fields: { 'overrides.addressee': expect.stringContaining('没有可修改') } });
  });
});

describe('an issued notice never changes', () => {
  it('reissuing gives a new number and leaves the first PDF byte for byte as it was', async () => {
    const id = await caseReadyFor(reg, staff, 'acceptance');
    const first = await staff.clerk.must<{ id: number; number: string; sha256: string }>('notices.issue', { caseId: id, type: 'acceptance' });
    const firstBytes = bytes(pdfPath(reg.core, first.sha256));
    const second = await staff.clerk.must<{ id: number; number: string; sha256: string }>('notices.issue', {
      caseId: id,
      type: 'acceptance',
      overrides: { note: '请于收到本通知书后三日内与承办人联系。' },
    });
    expect(second.number).not.toBe(first.number);
    expect(Number(/〕(\d+)号/.exec(second.number)![1])).toBe(Number(/〕(\d+)号/.exec(first.number)![1]) + 1);
    expect(bytes(pdfPath(reg.core, first.sha256)).equals(firstBytes)).toBe(true);
    expect(await reg.core.vault.check(first.sha256)).toBe('ok');
    expect((await pdfText(pdfPath(reg.core, second.sha256)))).toContain('承办人联系');
    expect(() => reg.core.db.prepare("UPDATE notices SET number = 'x' WHERE id = ?").run(first.id)).toThrow(/immutable/);
    expect(() => reg.core.db.prepare('DELETE FROM notices WHERE id = ?').run(first.id)).toThrow(/kept/);
  });

  it('corrects a notice by a new one that supersedes it; both stay, and the old one is read as issued', async () => {
    const id = await caseReadyFor(reg, staff, 'receipt');
    const old = await staff.clerk.must<{ id: number; number: string }>('notices.issue', { caseId: id, type: 'receipt' });
    const missingReason = await staff.clerk.call('notices.issue', { caseId: id, type: 'receipt', supersedes: old.id });
    expect(missingReason.ok || missingReason.error.fields).toEqual({ reason: '更正文书请填写更正理由' });
    const fixed = await staff.clerk.must<{ id: number; number: string }>('notices.issue', {
      caseId: id,
      type: 'receipt',
      supersedes: old.id,
      reason: '投诉事项写错',
      overrides: { matter: '55英寸液晶电视机屏幕竖线' },
    });
    const c = await staff.clerk.get(id);
    expect(c.notices.map((n: any) => [n.number, n.supersedes?.number ?? null, n.supersededBy?.number ?? null, n.correctionReason])).toEqual([
      [old.number, null, fixed.number, null],
      [fixed.number, old.number, null, '投诉事项写错'],
    ]);
    const again = await staff.clerk.call('notices.issue', { caseId: id, type: 'receipt', supersedes: old.id, reason: '再改' });
    expect(again.ok || again.error.fields?.supersedes).toContain('已被');
    const read = await staff.clerk.must<any>('notices.get', { id: old.id });
    expect(read.document.text.matter).toContain('投诉请求');
    expect(read.document.number.seq).toBeGreaterThan(0);
    expect(read.seal).toMatch(/^data:image\/png;base64,/);
    // The correction says on its face which notice, by number, it replaces; the reason stays on the record.
    const correction = await staff.clerk.must<any>('notices.get', { id: fixed.id });
    expect(correction.document.supersedes).toEqual({ number: old.number });
    const text = (await pdfText(pdfPath(reg.core, c.notices[1].sha256))).replace(/\s+/g, '');
    expect(text).toContain(`（本受理回执更正${old.number}受理回执，原受理回执作废）`);
    expect(text).not.toContain('投诉事项写错');
    expect((await pdfText(pdfPath(reg.core, c.notices[0].sha256))).replace(/\s+/g, '')).not.toContain('更正');
  });
});

describe('what issuing and printing record', () => {
  it('meets the termination-notice clock when 终止调解告知书 is issued, on the timeline', async () => {
    const id = await caseReadyFor(reg, staff, 'mediationEnded');
    expect((await staff.clerk.get(id)).deadlines.find((d: any) => d.kind === 'terminationNotice')).toMatchObject({ state: 'running' });
    await staff.investigator.must('notices.issue', { caseId: id, type: 'mediationEnded' });
    const c = await staff.clerk.get(id);
    expect(c.deadlines.find((d: any) => d.kind === 'terminationNotice')).toMatchObject({ state: 'met', endedOn: '2026-11-23' });
    expect(c.events.at(-1).data.deadlinesMet).toEqual([expect.objectContaining({ kind: 'terminationNotice', late: false })]);
  });

  it('logs every print and save as PDF as a case event', async () => {
    const id = await caseReadyFor(reg, staff, 'receipt');
    const issued = await staff.clerk.must<{ id: number }>('notices.issue', { caseId: id, type: 'receipt' });
    expect(await staff.clerk.must('notices.logPrint', { id: issued.id, how: 'print' })).toEqual({ prints: 1 });
    expect(await staff.supervisor.must('notices.logPrint', { id: issued.id, how: 'pdf' })).toEqual({ prints: 2 });
    const c = await staff.clerk.get(id);
    expect(c.notices[0]).toMatchObject({ prints: 2, lastPrintedAt: expect.stringMatching(/^2026-11-23T/) });
    expect(c.events.filter((e: any) => e.type === 'noticePrinted').map((e: any) => [e.by.displayName, e.data.how, e.data.copy])).toEqual([
      ['陈登记', 'print', 1],
      ['孙主任', 'pdf', 2],
    ]);
  });
});

describe('the words of an outgoing notice', () => {
  const printed = async (caseId: number, type: NoticeType, overrides?: Record<string, string>) => {
    const { id, sha256 } = await staff.clerk.must<{ id: number; sha256: string }>('notices.issue', { caseId, type, overrides });
    // The words as they run on, without the page numbers and the verification line in the margins.
    const text = (await pdfText(pdfPath(reg.core, sha256))).replace(/\s+/g, '').replace(/—\d+—|校验：存证[\w-]+/g, '');
    return { text, snapshot: (await staff.clerk.must<any>('notices.get', { id })).document };
  };

  it("leave the supervisor's approval and the handler's proposal on the record, not on the paper to the complainant", async () => {
    const refusal = await printed(await caseReadyFor(reg, staff, 'refusal'), 'refusal');
    expect(refusal.text).not.toMatch(/批准|孙主任|同意不予受理/);
    expect(refusal.snapshot.approval).toMatchObject({ by: '孙主任', comment: '同意不予受理' });

    const id = await caseReadyFor(reg, staff, 'outcome');
    const { outcome } = await staff.clerk.get(id);
    const result = await printed(id, 'outcome');
    expect(result.text).not.toMatch(/批准|孙主任/);
    expect(result.text).not.toContain(outcome.summary.replace(/。$/, ''));
    // 处理情况 tells the complainant what the office did, from the record.
    expect(result.text).toContain('三、处理情况本会于2026年11月23日受理你的投诉后，对投诉事项进行了调查核实。');
    expect(result.snapshot.approval).toMatchObject({ by: '孙主任' });
    expect(result.snapshot.text.handling).not.toContain(outcome.summary);
  });

  it("number the 调解书's terms once, print the request once, and end every sentence with 。", async () => {
    const id = await caseReadyFor(reg, staff, 'mediationAgreement');
    const typed = await printed(id, 'mediationAgreement', { terms: '一、被投诉人于2026年11月30日前退还货款4999元\n二、投诉人退还电视机' });
    expect(typed.text).toContain('如下协议：一、被投诉人于2026年11月30日前退还货款4999元。二、投诉人退还电视机。');
    expect(typed.text).not.toMatch(/\d．[一二]、/);
    expect(typed.text.match(/请求/g)).toHaveLength(1);
    expect(typed.text).toContain('投诉事项：购买后第三天屏幕出现竖线');
    const plain = await printed(id, 'mediationAgreement');
    expect(plain.text).toContain('如下协议：1．被投诉人于2026年11月30日前退还货款4999元。2．投诉人退还电视机。');

    const refusal = await printed(await caseReadyFor(reg, staff, 'refusal'), 'refusal', { reason: '投诉人购买电视机用于经营活动，系经营者之间的争议' });
    expect(refusal.text).toContain('系经营者之间的争议。依照');
    const receipt = await printed(await caseReadyFor(reg, staff, 'receipt'), 'receipt', { matter: '电视机屏幕竖线，要求退货，' });
    expect(receipt.text).toContain('一、被投诉方：杭州某某电器有限公司。二、投诉事项：电视机屏幕竖线，要求退货。三、');
  });
});

describe('a receipt never promises a date that has passed', () => {
  it('warns at save of a letter registered after its acceptance decision was due, and the receipt promises the decision at once', async () => {
    // Received on Friday 29 May, due 7 工作日 later on 9 June, registered on 15 June.
    const late = await openRegister(fixedClock('2026-06-15T10:00:00+08:00'), { pdf: printer });
    try {
      const people = await withStaff(late);
      const letter = await people.clerk.must<any>('cases.register', minimalComplaint({ channel: 'letter', receivedAt: '2026-05-29T16:00:00+08:00' }));
      expect(letter).toMatchObject({ acceptanceDueOn: '2026-06-09', acceptanceOverdue: true });
      const walkIn = await people.clerk.must<any>('cases.register', minimalComplaint());
      expect(walkIn).toMatchObject({ acceptanceOverdue: false });

      const receiptOf = async (caseId: number) => {
        const { sha256, id } = await people.clerk.must<{ id: number; sha256: string }>('notices.issue', { caseId, type: 'receipt' });
        return { text: (await pdfText(pdfPath(late.core, sha256))).replace(/\s+/g, ''), doc: (await people.clerk.must<any>('notices.get', { id })).document };
      };
      const overdue = await receiptOf(letter.id);
      expect(overdue.text).toContain('三、本会将及时作出是否受理的决定并告知你。');
      expect(overdue.text).not.toContain('2026年6月9日');
      expect(overdue.doc).toMatchObject({ acceptanceDueOn: '2026-06-09', acceptanceDuePassed: true });
      const onTime = await receiptOf(walkIn.id);
      expect(onTime.text).toMatch(/三、本会将于2026年6月\d+日前作出是否受理的决定并告知你。/);
      expect(onTime.doc.acceptanceDuePassed).toBe(false);
    } finally {
      late.close();
    }
  });
});

const baseComplaint = () => minimalComplaint({ complainant: { name: '李四', phone: '13900001111' }, respondent: { name: '杭州某某商贸有限公司' }, subject: '冰箱', facts: '冰箱不制冷。', request: '更换' });

describe('a lost answer', () => {
  it('gives the retry with the same request id the notice already issued, not a second number', async () => {
    const id = await caseReadyFor(reg, staff, 'acceptance');
    const requestId = '2b7e6f0a-3c1d-4e5f-8a9b-0c1d2e3f4a5b';
    const first = await staff.clerk.must<{ id: number; number: string }>('notices.issue', { caseId: id, type: 'acceptance', requestId });
    const retry = await staff.clerk.must<{ id: number; number: string }>('notices.issue', { caseId: id, type: 'acceptance', requestId });
    expect(retry).toEqual(first);
    expect((await staff.clerk.get(id)).notices.map((n: { number: string }) => n.number)).toEqual([first.number]);
  });
});
