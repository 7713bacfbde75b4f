import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepPng, pdfFonts, pdfInfo, pdfText } from '../core/noticeKit';
import { readPdfLayout } from '../support/pdf';
import { addDays } from '../../shared/domain/calendar';
import { apiCall, caseNoOf, E2E_NOW, fillComplaint, launchBrowser, newPage, officeDate, screenshot, SCREENSHOTS, startHost, type RunningHost, tearDown } from './host';

/** The year of the host's clock, which every number of this file carries. */
const YEAR = officeDate(E2E_NOW).slice(0, 4);

/**
 * Printed notices in Chromium against the built host: the 受理回执 in one keystroke after a
 * registration, the print stylesheet that leaves only the notice on paper, and the 文书 tab that
 * previews, edits, issues and lists a notice.
 */
let host: RunningHost;
let browser: Browser;
let page: Page;
let clerkToken: string;

const api = <T>(op: string, body: unknown, token?: string) => apiCall<T>(host, op, body, token);

beforeAll(async () => {
  host = await startHost();
  await api('setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '王主任', password: 'admin-pass-1' } });
  const { token } = await api<{ token: string }>('session.login', { username: 'admin', password: 'admin-pass-1' });
  await api('users.create', { username: 'clerk', displayName: '陈晓', password: 'clerk-pass-1', role: 'clerk' }, token);
  await api('office.update', { address: '杭州市西湖区文三路90号', phone: '0571-85150315', numberPrefix: '杭消协' }, token);
  await api('office.setSeal', { png: readFileSync(join(__dirname, '../fixtures/seal.png')).toString('base64') }, token);
  ({ token: clerkToken } = await api<{ token: string }>('session.login', { username: 'clerk', password: 'clerk-pass-1' }));
  browser = await launchBrowser();
  page = await newPage(browser);
  // Headless Chromium has no print dialog: window.print starts a print (beforeprint) and the test
  // ends it (afterprint) once it has looked at the page as the printer gets it.
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { __prints: number }).__prints = ((window as unknown as { __prints?: number }).__prints ?? 0) + 1;
      window.dispatchEvent(new Event('beforeprint'));
    };
  });
});
afterAll(() => tearDown(host, browser));

const prints = () => page.evaluate(() => (window as unknown as { __prints?: number }).__prints ?? 0);
const endPrint = () => page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

/**
 * The sheet as the printer gets it, the moment window.print was called: the page in print media to
 * PDF. Its Chinese must be in the notice's own face (Noto Serif SC, shipped with the app) at the
 * sizes of the standard — not in a machine's fallback face, nor missing where the machine has none.
 */
async function printedSheet(name: string): Promise<{ file: string; text: string }> {
  await page.emulateMedia({ media: 'print' });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const fonts = await pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => !/NotoSerifSC/.test(f.name)), 'a face other than the notice face').toEqual([]);
  const { pages } = await readPdfLayout(readFileSync(file));
  const sizes = new Set(pages.flatMap((p) => p.lines.map((l) => Math.round(l.fontSize * 10) / 10)));
  expect(sizes.has(16) && sizes.has(22), `sizes ${[...sizes].join(', ')}`).toBe(true);
  expect([...sizes].every((s) => s >= 16 || s === 7 || s === 14), `sizes ${[...sizes].join(', ')}`).toBe(true);
  keepPng(file, name, 1, SCREENSHOTS);
  return { file, text: (await pdfText(file)).replace(/\s+/g, '') };
}

async function registerOne(p: Page): Promise<void> {
  await p.getByRole('link', { name: '登记投诉' }).first().click();
  await p.getByLabel('投诉人姓名').fill('张三');
  await p.getByLabel('联系电话').fill('13812345678');
  await p.getByLabel('被投诉方名称').fill('杭州某某电器有限公司');
  await p.getByLabel('商品或服务名称').fill('55英寸液晶电视机');
  await p.getByLabel('投诉事实').fill('购买后第三天屏幕出现竖线，商家拒绝退货。');
  await p.getByLabel('投诉请求').fill('退货并退还货款');
  await p.getByRole('combobox', { name: '投诉类别' }).click();
  await p.getByRole('option', { name: '家用电子电器' }).first().click();
  await p.getByRole('button', { name: '保存登记' }).click();
}

describe('the 受理回执 right after registration', () => {
  it('prints in one keystroke (P): issued with its number, only the notice on the printed page, the print logged', async () => {
    await page.goto(host.url);
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码', { exact: true }).fill('clerk-pass-1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('陈晓').first().isVisible()).toBe(true);
    await registerOne(page);
    const dialog = page.getByRole('dialog').filter({ hasText: '登记成功' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await screenshot(page, 'notices-01-registered-dialog');

    // P right after saving: the receipt is issued and printed before any preview has loaded the notice face.
    await page.keyboard.press('p');
    await expect.poll(prints, { timeout: 30_000 }).toBe(1);
    // As the printer gets it: the notice alone, with its @page, no app bar, menu or dialog, in its own face.
    const { file: pdf, text } = await printedSheet('notices-02-receipt-printed-from-page');
    expect(text).toContain('受理回执');
    expect(text).toContain(`杭消协登〔${YEAR}〕1号`);
    expect(text).toContain(caseNoOf(1));
    expect(text).not.toContain('消费投诉受理处理系统');
    expect(text).not.toContain('登记成功');
    const stored = (await api<any>('cases.get', { id: 1 }, clerkToken)).notices[0];
    // The same page as the stored PDF: A4, as many pages, numbered alike.
    const info = await pdfInfo(pdf);
    expect(info.pageSize).toContain('(A4)');
    expect(info.pages).toBe(stored.pages);
    await endPrint();

    await expect.poll(() => dialog.getByTestId('receipt-status').textContent()).toBe(`已打印受理回执（杭消协登〔${YEAR}〕1号）`);
    await screenshot(page, 'notices-03-receipt-printed');
    const c = await api<any>('cases.get', { id: 1 }, clerkToken);
    expect(c.notices).toEqual([expect.objectContaining({ type: 'receipt', number: `杭消协登〔${YEAR}〕1号`, prints: 1 })]);
    expect(c.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(['noticeIssued', 'noticePrinted']));

    // The stored PDF, with the page's own session cookie.
    const res = await page.request.get(`${host.url}/files/notices/${c.notices[0].id}.pdf`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');

    // P again reprints the same receipt rather than issuing another.
    await page.keyboard.press('p');
    await expect.poll(prints).toBe(2);
    await endPrint();
    await expect.poll(async () => (await api<any>('cases.get', { id: 1 }, clerkToken)).notices.map((n: any) => n.prints)).toEqual([2]);
    await page.keyboard.press('Escape');
  });
});

describe('the 文书 tab', () => {
  it('previews a notice from the case, takes an edit, issues it with its number and lists it', async () => {
    const { version } = await api<any>('cases.get', { id: 1 }, clerkToken);
    await api('cases.act', { id: 1, version, action: 'accept' }, clerkToken);
    await page.goto(`${host.url}/#/cases/1`);
    await page.getByRole('tab', { name: '文书' }).click();
    await expect.poll(() => page.getByRole('cell', { name: `杭消协登〔${YEAR}〕1号`, exact: true }).first().isVisible()).toBe(true);
    // 打印 on a fresh page, no preview opened: the sheet waits for the notice face all the same.
    await page.reload();
    await page.getByRole('tab', { name: '文书' }).click();
    const before = await prints();
    await page.getByRole('button', { name: `打印 杭消协登〔${YEAR}〕1号` }).click();
    await expect.poll(prints, { timeout: 30_000 }).toBe(before + 1);
    expect((await printedSheet('notices-03b-receipt-printed-from-tab')).text).toContain('查询办理情况请告知案件编号');
    await endPrint();
    await expect.poll(() => page.getByText('已送打印并记录').isVisible()).toBe(true);
    // The refusal needs an approved refusal: its button is off, with the reason as its hint.
    expect(await page.getByRole('button', { name: '不予受理告知书' }).isDisabled()).toBe(true);
    await screenshot(page, 'notices-04-tab');

    await page.getByRole('button', { name: '受理通知书', exact: true }).click();
    const editor = page.getByRole('dialog').filter({ hasText: '签发受理通知书' });
    await expect.poll(() => editor.getByTestId('notice-sheet').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => editor.getByTestId('notice-sheet').textContent()).toContain('决定受理');
    await editor.getByLabel('说明').fill('请于收到本通知书后三日内与承办人联系。');
    await expect.poll(() => editor.getByTestId('notice-sheet').textContent()).toContain('三日内与承办人联系');
    expect(await editor.getByTestId('notice-sheet').textContent()).toContain(`杭消协受〔${YEAR}〕`);
    await screenshot(page, 'notices-05-editor-preview');

    await editor.getByRole('button', { name: '签发' }).click();
    const viewer = page.getByRole('dialog').filter({ hasText: `受理通知书 杭消协受〔${YEAR}〕1号` });
    // Issuing prints a PDF in Chromium: give it the time a busy PC needs.
    await expect.poll(() => viewer.isVisible(), { timeout: 30_000 }).toBe(true);
    await screenshot(page, 'notices-06-issued');
    await viewer.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => page.getByRole('cell', { name: `杭消协受〔${YEAR}〕1号`, exact: true }).first().isVisible()).toBe(true);
    const c = await api<any>('cases.get', { id: 1 }, clerkToken);
    expect(c.notices.map((n: any) => n.number)).toEqual([`杭消协登〔${YEAR}〕1号`, `杭消协受〔${YEAR}〕1号`]);
    const issued = await api<any>('notices.get', { id: c.notices[1].id }, clerkToken);
    expect(issued.document.text.note).toBe('请于收到本通知书后三日内与承办人联系。');
    await page.getByRole('tab', { name: '时间线' }).click();
    const row = page.getByRole('row').filter({ hasText: '签发文书' }).filter({ hasText: `受理通知书 杭消协受〔${YEAR}〕1号` });
    await expect.poll(() => row.first().isVisible()).toBe(true);
  });
});

describe('a letter registered after its acceptance decision was due', () => {
  it('is saved with a warning, and its receipt promises the decision at once, not a date gone by', async () => {
    await page.goto(host.url);
    await page.getByRole('link', { name: '登记投诉' }).first().click();
    await fillComplaint(page, {
      name: '周敏',
      phone: '13566667777',
      respondent: '宁波某某电器有限公司',
      subject: '空气净化器',
      facts: '来信称净化器使用一周后无法开机，商家拒绝维修。',
      request: '更换同型号新机',
      category: '家用电子电器',
    });
    await page.getByRole('combobox', { name: '投诉渠道' }).click();
    await page.getByRole('option', { name: '信函' }).click();
    // Received three weeks before today: its 7 工作日 ran out before it was entered.
    const received = addDays(officeDate(E2E_NOW), -21);
    await page.getByRole('group', { name: '收到时间' }).getByRole('spinbutton', { name: '年份' }).click();
    await page.keyboard.type(`${received}10:00`.replace(/\D/g, ''));
    await page.getByRole('button', { name: '保存登记' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '登记成功' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(() => dialog.getByTestId('registered-overdue').isVisible()).toBe(true);
    expect(await dialog.getByTestId('registered-overdue').textContent()).toContain('登记时受理期限已过');
    await screenshot(page, 'notices-07-registered-overdue');

    const before = await prints();
    await page.keyboard.press('p');
    await expect.poll(prints, { timeout: 30_000 }).toBe(before + 1);
    const { text } = await printedSheet('notices-08-overdue-receipt');
    expect(text).toContain('本会将及时作出是否受理的决定并告知你。');
    expect(text).not.toMatch(/本会将于\d{4}年\d+月\d+日前作出/);
    await endPrint();
    await page.keyboard.press('Escape');
  });
});
