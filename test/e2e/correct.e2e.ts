import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfLayout } from '../support/pdf';
import { apiCall, fillComplaint, launchBrowser, screenshot, startHost, tearDown, type RunningHost } from './host';
import { deskOf, setUpOffice, type Office } from './office';

/**
 * 更正登记信息 in Chromium (issue [B]): a clerk registers a complaint with a typo in the name,
 * corrects it from the case page with a reason (keyboard only), the timeline shows before → after,
 * the register's search finds the corrected name and no longer the typo, and a receipt issued
 * after the correction carries it while the one issued before stays as it was.
 */
let host: RunningHost;
let browser: Browser;
let office: Office;
let clerk: Page;

beforeAll(async () => {
  host = await startHost();
  office = await setUpOffice(host);
  browser = await launchBrowser();
  clerk = await deskOf(browser, host, 'clerk');
});
afterAll(() => tearDown(host, browser));

const api = <T>(op: string, body: unknown) => apiCall<T>(host, op, body, office.tokens.clerk);
const pdfWords = async (id: number) => {
  const res = await clerk.request.get(`${host.url}/files/notices/${id}.pdf`);
  expect(res.status()).toBe(200);
  const { pages } = await readPdfLayout(await res.body());
  return pages.flatMap((p) => p.lines.map((l) => l.text)).join('').replace(/\s+/g, '');
};

describe('a typo at the counter, corrected', () => {
  let id: number;
  let receiptId: number;

  it('registers a complaint with a typo in the name, and issues its receipt', async () => {
    await clerk.getByRole('link', { name: '登记投诉' }).first().click();
    await fillComplaint(clerk, {
      name: '张晓明',
      phone: '13912345678',
      respondent: '杭州某某数码有限公司',
      subject: '蓝牙耳机',
      facts: '购买一周后左耳无声，商家拒绝更换。',
      request: '更换新品',
      category: '家用电子电器',
    });
    await clerk.getByRole('button', { name: '保存登记' }).click();
    await expect.poll(() => clerk.getByRole('dialog').filter({ hasText: '登记成功' }).isVisible()).toBe(true);
    await clerk.keyboard.press('Escape');
    const { rows } = await api<{ rows: { id: number }[] }>('cases.search', { text: '张晓明' });
    expect(rows).toHaveLength(1);
    id = rows[0]!.id;
    receiptId = (await api<{ id: number }>('notices.issue', { caseId: id, type: 'receipt' })).id;
    expect(await pdfWords(receiptId)).toContain('张晓明');
  });

  it('corrects the name from the case page with a reason, keyboard only; the timeline shows before → after', async () => {
    await clerk.goto(`${host.url}/#/cases/${id}`);
    const button = clerk.getByRole('toolbar', { name: '登记信息' }).getByRole('button', { name: '更正登记信息' });
    await button.focus();
    await clerk.keyboard.press('Enter');
    const dialog = clerk.getByRole('dialog').filter({ has: clerk.getByRole('heading', { name: /^更正登记信息/ }) });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Pre-filled with the case as registered; 投诉人姓名 has the focus.
    const name = dialog.getByLabel('投诉人姓名');
    expect(await name.inputValue()).toBe('张晓明');
    expect(await dialog.getByLabel('商品或服务名称').inputValue()).toBe('蓝牙耳机');
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);

    // Without a reason nothing is sent: the reason's field says so.
    await clerk.keyboard.press('Control+a');
    await clerk.keyboard.type('张晓敏');
    await clerk.keyboard.press('Control+Enter');
    await expect.poll(() => dialog.getByText('请填写更正原因').isVisible()).toBe(true);
    expect(await dialog.getByLabel('更正原因').evaluate((el) => el === document.activeElement)).toBe(true);
    await clerk.keyboard.type('登记时姓名录入错误，据身份证更正');
    await screenshot(clerk, 'correct-01-dialog', { fullPage: false });
    await clerk.keyboard.press('Control+Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => clerk.getByText('已更正登记信息').isVisible()).toBe(true);
    await expect.poll(() => clerk.getByText('张晓敏 投诉 杭州某某数码有限公司').isVisible()).toBe(true);

    await clerk.getByRole('tab', { name: '时间线' }).click();
    const timeline = clerk.getByRole('table', { name: '时间线' });
    await expect.poll(() => timeline.getByText('更正：投诉人姓名 张晓明 → 张晓敏').isVisible()).toBe(true);
    expect(await timeline.getByText('更正原因：登记时姓名录入错误，据身份证更正').isVisible()).toBe(true);
    expect(await timeline.getByRole('cell', { name: '更正登记信息' }).isVisible()).toBe(true);
    await screenshot(clerk, 'correct-02-timeline');
  });

  it('offers no change as a correction, and the register finds the corrected name, not the typo', async () => {
    await clerk.getByRole('toolbar', { name: '登记信息' }).getByRole('button', { name: '更正登记信息' }).click();
    const dialog = clerk.getByRole('dialog').filter({ has: clerk.getByRole('heading', { name: /^更正登记信息/ }) });
    await dialog.getByLabel('更正原因').fill('核对');
    await dialog.getByRole('button', { name: '提交更正' }).click();
    await expect.poll(() => dialog.getByText('没有改动任何登记信息：请先修改要更正的项目').isVisible()).toBe(true);
    await clerk.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await clerk.goto(`${host.url}/#/cases`);
    await clerk.getByLabel('搜索').fill('张晓敏');
    await expect.poll(() => clerk.getByTestId('case-count').textContent()).toBe('1');
    await clerk.getByLabel('搜索').fill('张晓明');
    await expect.poll(() => clerk.getByTestId('case-count').textContent()).toBe('0');
  });

  it('the receipt issued before stays as issued; the reprinted one carries the corrected name', async () => {
    expect(await pdfWords(receiptId)).toContain('张晓明');
    const again = await api<{ id: number }>('notices.issue', { caseId: id, type: 'receipt', supersedes: receiptId, reason: '投诉人姓名已更正' });
    const text = await pdfWords(again.id);
    expect(text).toContain('张晓敏');
    expect(text).not.toContain('张晓明');
  });
});
