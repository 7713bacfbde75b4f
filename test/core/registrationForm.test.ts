import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalComplaint, openRegister, type Register } from './harness';
import { BLOCK, keepPdf, keepPng, newPrinter, noticeText, pdfInfo, pdfLines, pdfPages, pdfPath } from './noticeKit';
import { withStaff, type Staff } from './staff';

/**
 * The 投诉登记表 (issue [B]): printed from the case through the notices' engine, stored frozen in
 * the vault, every registered field on it; and the 转办通知书 that lists it as 附件 carries it as
 * its following pages. Real Chromium, real SQLite, the PDF read back as text. The harness's clock
 * reads 2026-11-23 09:00 (+08:00).
 */
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

const complaint = (over: Record<string, unknown> = {}) =>
  minimalComplaint({
    complainant: { name: '王秀英', phone: '13612345678', idType: 'resident', idNumber: '11010519491231002x', address: '杭州市拱墅区米市巷街道某某小区3幢2单元501室' },
    agent: { name: '李志强', phone: '0571-8765 4321', relation: '儿子', authorizationReceived: true },
    respondent: { name: '杭州某某电器有限公司', creditCode: '91350100M000100Y43', address: '杭州市上城区解放路100号', contactPerson: '赵经理', phone: '0571-86001234' },
    purchasePlace: { shop: '旗舰店（滨江店）', platform: '某东商城', orderNo: 'JD2026110288776655' },
    purchasedOn: '2026-10-02',
    amountPaidFen: 499900,
    amountClaimedFen: 999800,
    requestTypes: ['refund', 'compensation'],
    request: '退货并退还货款4999元，赔偿4999元',
    consentPublication: false,
    ...over,
  });

/** Text as printed, with the line breaks and spaces a layout puts in taken out. */
const flat = (s: string) => s.replace(/\s+/g, '');

describe('notices.printRegistrationForm', () => {
  it('prints every registered field — the agent and the order number too — stores the PDF frozen, and puts it on the timeline', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', complaint());
    const c = await staff.clerk.get(id);
    const before = reg.core.db.prepare('SELECT COUNT(*) FROM notice_numbers').pluck().get();
    const form = await staff.clerk.must<{ sha256: string; pages: number; fileName: string }>('notices.printRegistrationForm', { caseId: id });
    const file = pdfPath(reg.core, form.sha256);
    keepPdf(file, 'registration-form');
    keepPng(file, 'registration-form');
    expect(await pdfInfo(file)).toMatchObject({ pages: 1, pageSize: expect.stringContaining('A4') });
    // As laid out (pdftotext -layout): each label beside what it labels.
    const text = flat((await pdfPages(file)).join(''));
    for (const field of [
      '投诉登记表',
      c.caseNo,
      '2026年11月23日',
      '来访',
      '王秀英',
      '居民身份证',
      '11010519491231002X',
      '13612345678',
      '杭州市拱墅区米市巷街道某某小区3幢2单元501室',
      '李志强',
      '0571-87654321',
      '儿子',
      '已收到',
      '杭州某某电器有限公司',
      '91350100M000100Y43',
      '杭州市上城区解放路100号',
      '赵经理',
      '0571-86001234',
      '55英寸液晶电视机',
      '2026年10月2日',
      '旗舰店（滨江店）',
      '某东商城',
      'JD2026110288776655',
      '4999.00元',
      '9998.00元',
      flat(c.facts),
      '退款、赔偿',
      '退货并退还货款4999元，赔偿4999元',
      '同意调解同意',
      '同意公开不同意',
      '投诉人（代理人）（签字）：',
      '登记人：',
      c.registeredBy.displayName,
    ])
      expect(text, field).toContain(flat(field));
    // It is the record, not a decision: no number taken, and it says so on the case's timeline.
    expect(reg.core.db.prepare('SELECT COUNT(*) FROM notice_numbers').pluck().get()).toBe(before);
    const after = await staff.clerk.get(id);
    expect(after.events.at(-1)).toMatchObject({ type: 'registrationFormPrinted', data: { sha256: form.sha256, pages: 1, fileName: `投诉登记表-${c.caseNo}.pdf` } });
    expect(reg.core.vault.pathOf(form.sha256)).toBeTruthy();
  }, 60_000);

  it('runs 3000 characters of facts over pages with every character printed, every line inside the text block, and the signature with the consents', async () => {
    const facts = noticeText(3000, 7);
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', complaint({ facts }));
    const form = await staff.clerk.must<{ sha256: string; pages: number }>('notices.printRegistrationForm', { caseId: id });
    const file = pdfPath(reg.core, form.sha256);
    keepPdf(file, 'registration-form-long');
    const pages = await pdfPages(file);
    expect(form.pages).toBeGreaterThan(1);
    expect(pages).toHaveLength(form.pages);
    for (let p = 1; p <= form.pages; p++) keepPng(file, `registration-form-long-${p}`, p);
    // Nothing cut: the facts whole, in order, across the pages (page numbers aside).
    expect(flat(pages.join('')).replace(/—\d+—/g, '')).toContain(flat(facts));
    // Page numbers on a form of more than one page, as on the notices (GB/T 9704 7.5).
    expect(flat(pages[1]!)).toContain('—2—');
    for (let p = 1; p <= form.pages; p++)
      for (const line of await pdfLines(file, p).then((ls) => ls.filter((l) => !/^—\s*\d+\s*—$|^校验/.test(l.text.trim()))))
        expect(line.yMax, `page ${p}: ${line.text}`).toBeLessThanOrEqual(BLOCK.bottom + 1);
    // The signature never stands alone: the consents and the declaration are on its page.
    const last = flat(pages.at(-1)!);
    expect(last).toContain('投诉人（代理人）（签字）');
    expect(last).toContain('同意调解');
    expect(last).toContain('本人确认以上登记内容');
    expect(last, 'the request goes with the signature').toContain('退货并退还货款4999元');
  }, 60_000);

  it('at every length of facts around the page’s end, keeps the request’s row with the signature and the signature on the last page', async () => {
    const seen = new Set<number>();
    for (const chars of [120, 200, 280, 360, 440]) {
      const { id } = await staff.clerk.must<{ id: number }>('cases.register', complaint({ facts: noticeText(chars, 3) }));
      const form = await staff.clerk.must<{ sha256: string; pages: number }>('notices.printRegistrationForm', { caseId: id });
      const file = pdfPath(reg.core, form.sha256);
      const pages = (await pdfPages(file)).map(flat);
      seen.add(pages.length);
      const last = pages.at(-1)!;
      expect(last, `${chars} characters`).toContain('退货并退还货款4999元');
      expect(last, `${chars} characters`).toContain('投诉人（代理人）（签字）');
      expect(pages.slice(0, -1).join(''), `${chars} characters`).not.toContain('投诉人（代理人）（签字）');
      if (pages.length > 1) keepPng(file, `registration-form-edge-${chars}-2`, 2);
    }
    // The sweep crosses the page's end: some lengths fit one page, some do not.
    expect([...seen].sort()).toEqual([1, 2]);
  }, 120_000);

  it('refuses a case that does not exist or bad input, in Chinese, storing nothing', async () => {
    const events = () => reg.core.db.prepare("SELECT COUNT(*) FROM case_events WHERE type = 'registrationFormPrinted'").pluck().get();
    const n = events();
    expect(await staff.clerk.call('notices.printRegistrationForm', { caseId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await staff.clerk.call('notices.printRegistrationForm', { caseId: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
    expect(events()).toBe(n);
  });
});

describe('the 转办通知书 and its 附件', () => {
  it('carries the 投诉登记表 as its following pages, in the one stored PDF, with the pages numbered on', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', complaint());
    await staff.clerk.act(id, 'refer', { to: '杭州市西湖区市场监督管理局', reason: '被投诉方住所地在西湖区，属该局管辖' });
    const issued = await staff.clerk.must<{ id: number; sha256: string }>('notices.issue', { caseId: id, type: 'referral' });
    const file = pdfPath(reg.core, issued.sha256);
    keepPdf(file, 'referral-with-form');
    const pages = await pdfPages(file);
    for (let p = 1; p <= pages.length; p++) keepPng(file, `referral-with-form-${p}`, p);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const first = pages.findIndex((p) => flat(p).startsWith('附件杭州市消费者协会投诉登记表'));
    expect(first, 'the 登记表 starts a page of its own, headed 附件').toBeGreaterThan(0);
    expect(flat(pages.slice(0, first).join(''))).toContain('附件：1．投诉登记表');
    const form = flat(pages.slice(first).join(''));
    for (const field of ['李志强', 'JD2026110288776655', '91350100M000100Y43', '投诉人（代理人）（签字）：']) expect(form, field).toContain(field);
    expect(flat(pages[first]!)).toContain(`—${first + 1}—`);
    // The snapshot holds it too, so notices.get prints the same 附件 on paper.
    const got = await staff.clerk.must<{ document: { type: string; attachment?: { agent: { name: string } } } }>('notices.get', { id: issued.id });
    expect(got.document.attachment?.agent.name).toBe('李志强');
  }, 60_000);
});
