import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfLayout } from '../support/pdf';
import { apiCall, launchBrowser, screenshot, SCREENSHOTS, startHost, tearDown, type RunningHost } from './host';
import { complaintOf, deskOf, openCase, registerCase, setUpOffice, type Office } from './office';
import { pdfToPngs } from './pdfPages';

/**
 * 典型案例 in Chromium (issue [H]): a supervisor opens a closed case, marks it as typical, edits the
 * anonymised write-up, is refused when a party's phone is typed back in, saves it with Ctrl+S, and
 * exports it as a .txt download and as the printed A4 page. Neither export holds a party's name,
 * phone or ID number; both are on the case's timeline and in the 典型案例 list.
 */
let host: RunningHost;
let browser: Browser;
let office: Office;
let page: Page;
let caseId: number;

const SECRETS = ['欧阳娜娜', '13812345678', '330106199001010034', '文三路90号', 'DD20261001123456', '杭州美家电器有限公司', '李强'];

async function act(id: number, token: string, action: string, fields: Record<string, unknown> = {}): Promise<void> {
  const { version } = await apiCall<{ version: number }>(host, 'cases.get', { id }, token);
  await apiCall(host, 'cases.act', { id, version, action, ...fields }, token);
}

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  const { clerk, investigator, supervisor } = office.tokens;
  caseId = await registerCase(
    host,
    clerk,
    complaintOf('欧阳娜娜', {
      complainant: { name: '欧阳娜娜', idType: 'resident', idNumber: '330106199001010034', phone: '13812345678', address: '浙江省杭州市西湖区文三路90号3幢201室' },
      respondent: { name: '杭州美家电器有限公司', contactPerson: '李强' },
      category: 'G01',
      natures: ['contract'],
      subject: '双开门冰箱',
      amountPaidFen: 399_900,
      facts: '欧阳娜娜（电话13812345678）在杭州美家电器有限公司购买冰箱，订单号：DD20261001123456，送货时外壳凹陷，店员李强拒绝更换。',
      request: '更换新机',
      consentPublication: true,
    }),
  );
  await act(caseId, clerk, 'accept');
  await act(caseId, supervisor, 'assign', { userId: office.ids.investigator });
  await act(caseId, investigator, 'startInvestigation');
  await act(caseId, investigator, 'recordContact', { with: 'respondent', how: 'visit', summary: '约见店员李强，其同意为欧阳娜娜更换新机。' });
  await act(caseId, investigator, 'proposeOutcome', { measures: ['exchange'], recoveredFen: 399_900, summary: '更换同型号新机一台。' });
  await act(caseId, supervisor, 'approve', { comment: '同意' });
  await act(caseId, investigator, 'notify');
  await act(caseId, investigator, 'followUp', { satisfaction: 5, note: '满意' });
  await act(caseId, investigator, 'close');

  browser = await launchBrowser();
  page = await deskOf(browser, host, 'supervisor');
  await page.setViewportSize({ width: 1366, height: 768 });
  // Headless Chromium has no print dialog: window.print starts a print (beforeprint); the test
  // looks at the page as the printer gets it, then ends it (afterprint).
  await page.addInitScript(() => {
    window.print = () => {
      (window as unknown as { __prints: number }).__prints = ((window as unknown as { __prints?: number }).__prints ?? 0) + 1;
      window.dispatchEvent(new Event('beforeprint'));
    };
  });
}, 120_000);
afterAll(() => tearDown(host, browser));

const prints = () => page.evaluate(() => (window as unknown as { __prints?: number }).__prints ?? 0);
const bodyBox = () => page.getByRole('textbox', { name: '正文' });

describe('典型案例', () => {
  it('a supervisor marks a closed case as typical from its page', async () => {
    await openCase(page, host, caseId);
    const mark = page.getByRole('button', { name: '标记为典型案例' });
    await expect.poll(() => mark.isVisible()).toBe(true);
    await screenshot(page, 'typical-01-closed-case', { fullPage: false });
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('typical-mark').textContent()).toContain('典型案例（孙主任');
    // An investigator on the same case sees the mark, not the button.
    const investigator = await deskOf(browser, host, 'investigator');
    await openCase(investigator, host, caseId);
    await expect.poll(() => investigator.getByTestId('typical-mark').textContent()).toContain('典型案例');
    expect(await investigator.getByRole('button', { name: '标记为典型案例' }).count()).toBe(0);
    expect(await investigator.getByRole('link', { name: '典型案例' }).count()).toBe(0);
    await investigator.context().close();
  });

  it('opens the anonymised draft, refuses a party typed back in, and saves the edit with Ctrl+S', async () => {
    await page.getByRole('button', { name: '编辑典型案例文稿' }).click();
    await expect.poll(() => bodyBox().inputValue()).toContain('【基本案情】');
    const draft = await bodyBox().inputValue();
    expect(draft).toContain('欧阳某');
    expect(draft).toContain('某电器有限公司');
    for (const s of SECRETS) expect(draft).not.toContain(s);
    await screenshot(page, 'typical-02-editor', { fullPage: false });

    await bodyBox().fill(`${draft}\n联系电话 138 1234 5678`);
    await page.getByRole('button', { name: '导出文本（.txt）' }).click();
    await expect.poll(() => page.getByTestId('typical-message').textContent()).toContain('文稿中仍有当事人的个人信息：电话“13812345678”');
    await screenshot(page, 'typical-03-refused', { fullPage: false });

    await bodyBox().fill(draft.replace('（请填写本案的意义与给消费者的提示）', '大件家电送货时应当场验货，发现问题及时拍照留存。'));
    await bodyBox().press('Control+s');
    await expect.poll(() => page.getByTestId('typical-message').textContent()).toBe('文稿已保存');
  });

  it('exports the text as a download and the document as the printed A4 page, both without the parties', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出文本（.txt）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^典型案例-TS\d{4}-\d{5}\.txt$/);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    expect(text).toContain('大件家电送货时应当场验货');
    expect(text).toContain('杭州市消费者协会');
    for (const s of SECRETS) expect(text).not.toContain(s);

    await page.getByRole('button', { name: '打印 / 另存为PDF' }).click();
    await expect.poll(prints, { timeout: 30_000 }).toBe(1);
    await page.emulateMedia({ media: 'print' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, 'typical-04-printed.pdf');
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    const pdf = readFileSync(file);
    const layout = await readPdfLayout(pdf);
    const printed = layout.pages.flatMap((p) => p.lines.map((l) => l.text)).join('').replace(/\s+/g, '');
    expect(printed).toContain('【处理结果】');
    expect(printed).toContain('大件家电送货时应当场验货');
    for (const s of SECRETS) expect(printed).not.toContain(s);
    expect(layout.fonts.every((f) => f.embedded)).toBe(true);
    // A4 in points, and the notice face only.
    expect(Math.round(layout.pages[0]!.width)).toBe(595);
    expect(layout.fonts.filter((f) => !/NotoSerifSC/.test(f.name))).toEqual([]);
    await pdfToPngs(browser, pdf, (n) => join(SCREENSHOTS, `typical-04-printed-p${n}.png`));

    await expect.poll(() => page.getByTestId('typical-exports').locator('li').count()).toBe(2);
    await screenshot(page, 'typical-05-exported', { fullPage: false });
    const c = await apiCall<{ events: { type: string; data: { format?: string; exported?: string } }[] }>(host, 'cases.get', { id: caseId }, office.tokens.supervisor);
    const exported = c.events.filter((e) => e.type === 'typical_exported');
    expect(exported.map((e) => e.data.format)).toEqual(['text', 'document']);
    expect(exported[0]!.data.exported).toBe(text);
  });

  it('lists the case under 典型案例 with its exports', async () => {
    await page.getByRole('link', { name: '典型案例', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: '双开门冰箱合同纠纷案' });
    await expect.poll(() => row.textContent()).toContain('2 次');
    await screenshot(page, 'typical-06-list', { fullPage: false });
  });

  it('undoes a marking with a reason, from the keyboard', async () => {
    await page.getByRole('link', { name: '双开门冰箱合同纠纷案' }).click();
    await page.getByRole('button', { name: '撤销典型案例' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('撤销原因').fill('与已发布的案例重复');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByText('还没有典型案例').isVisible()).toBe(true);
    const c = await apiCall<{ events: { type: string; data: { reason?: string } }[] }>(host, 'cases.get', { id: caseId }, office.tokens.supervisor);
    expect(c.events.at(-1)).toMatchObject({ type: 'typical_unmarked', data: { reason: '与已发布的案例重复' } });
  });
});
