import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, fillComplaint, launchBrowser, openRegisterForm, newPage, screenshot, startHost, tearDown, type RunningHost } from './host';

let host: RunningHost;
let browser: Browser;
let page: Page;
let adminToken: string;

beforeAll(async () => {
  host = await startHost();
  await apiCall(host, 'setup.init', { officeName: '温州市消费者权益保护委员会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
  ({ token: adminToken } = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' }));
  await apiCall(host, 'users.create', { username: 'clerk', displayName: '陈晓', password: 'clerk-pass-1', role: 'clerk' }, adminToken);
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(() => tearDown(host, browser));

const complaint = {
  name: '郑小芳',
  phone: '13622223333',
  respondent: '温州某某家具有限公司',
  subject: '实木餐桌',
  facts: '餐桌送货时桌面开裂，商家拒绝更换。',
  request: '更换新桌',
  category: '日用商品',
};

describe('a registration whose answer is lost', () => {
  it('gets the same case number when the clerk saves again after the host died between commit and answer', async () => {
    await openRegisterForm(page, host, 'clerk', 'clerk-pass-1');
    await fillComplaint(page, complaint);

    // The first save reaches the host and is committed; then the host is killed before its answer
    // reaches the page, which sees the connection die.
    const port = Number(new URL(host.url).port);
    const dataDir = host.dataDir;
    let committed: { ok: boolean; value: { caseNo: string } } | undefined;
    let sentRequestId: string | undefined;
    await page.route('**/api/cases.register', async (route) => {
      sentRequestId = (route.request().postDataJSON() as { requestId?: string }).requestId;
      committed = (await (await route.fetch()).json()) as typeof committed;
      await host.stop('SIGKILL');
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: '保存登记' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('已保存的不会重复登记');
    await page.unroute('**/api/cases.register');
    expect(committed?.ok).toBe(true);
    expect(sentRequestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Nothing the clerk typed is gone.
    expect(await page.getByLabel('投诉人姓名').inputValue()).toBe('郑小芳');
    await screenshot(page, 'register-answer-lost');

    // The host comes back on the same folder and port; the clerk saves again.
    host = await startHost(dataDir, { port });
    await page.getByRole('button', { name: '保存登记' }).click();
    const shown = page.getByTestId('registered-case-no');
    await expect.poll(() => shown.isVisible()).toBe(true);
    expect(await shown.textContent()).toBe(committed!.value.caseNo);
    await screenshot(page, 'register-retry-same-case');
    const { token } = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' });
    const stored = await apiCall<{ total: number; rows: { caseNo: string }[] }>(host, 'cases.search', {}, token);
    expect(stored.rows.map((r) => r.caseNo)).toEqual([committed!.value.caseNo]);

    // The next complaint on the fresh form is a new case with a new request id.
    await page.getByRole('button', { name: '继续登记' }).click();
    await fillComplaint(page, complaint);
    await page.getByRole('button', { name: '保存登记' }).click();
    await expect.poll(() => shown.isVisible()).toBe(true);
    expect(await shown.textContent()).not.toBe(committed!.value.caseNo);
    expect((await apiCall<{ total: number }>(host, 'cases.search', {}, token)).total).toBe(2);
  });
});
