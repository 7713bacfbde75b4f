import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, caseNoOf, launchBrowser, newPage, screenshot, startHost, type RunningHost, tearDown } from './host';

let host: RunningHost;
let browser: Browser;
let page: Page;

const api = <T>(op: string, body: unknown, token?: string) => apiCall<T>(host, op, body, token);

beforeAll(async () => {
  host = await startHost();
  // Set up through the headless API, as the office's IT would script it.
  await api('setup.init', { officeName: '宁波市消费者权益保护委员会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
  const { token } = await api<{ token: string }>('session.login', { username: 'admin', password: 'admin-pass-1' });
  await api('users.create', { username: 'clerk', displayName: '陈晓', password: 'clerk-pass-1', role: 'clerk' }, token);
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(() => tearDown(host, browser));

const typeAndTab = async (text: string) => {
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
};
const tabs = async (n: number) => {
  for (let i = 0; i < n; i++) await page.keyboard.press('Tab');
};
const focusedLabel = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent?.replace(/[\s*]/g, '') ?? el?.getAttribute('aria-label') ?? '';
  });

describe('the front desk works from the keyboard', () => {
  it('signs in with Enter and registers a complaint without touching the mouse', async () => {
    await page.goto(host.url);
    await expect.poll(focusedLabel).toBe('用户名');
    await typeAndTab('clerk');
    await page.keyboard.type('clerk-pass-1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('陈晓').first().isVisible()).toBe(true);

    await page.keyboard.press('Alt+2');
    await expect.poll(focusedLabel).toBe('投诉人姓名');
    await typeAndTab('刘芳');
    expect(await focusedLabel()).toBe('联系电话');
    await typeAndTab('13655556666');
    // Tab walks the form in reading order: 证件类型, 证件号码, 投诉人地址, 有代理人 (unticked: no agent's fields), then the respondent.
    await tabs(4);
    expect(await focusedLabel()).toBe('被投诉方名称');
    await typeAndTab('宁波某某健身有限公司');
    await tabs(4); // 统一社会信用代码, 联系人, 被投诉方电话, 被投诉方地址
    expect(await focusedLabel()).toBe('商品或服务名称');
    await typeAndTab('私教课程');
    await tabs(2); // 购买日期 and its calendar button
    expect(await focusedLabel()).toBe('实付金额（元）');
    await typeAndTab('6000');
    await tabs(3); // 购买店铺, 购买平台, 订单号
    expect(await focusedLabel()).toBe('投诉事实');
    await page.keyboard.type('购买30节私教课后门店停业，剩余22节无法使用。');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('请求类型');
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('投诉请求');
    await typeAndTab('退还剩余课时费用');
    expect(await focusedLabel()).toBe('请求金额（元）');
    await typeAndTab('4400');
    expect(await focusedLabel()).toBe('投诉类别');
    await page.keyboard.type('文化娱乐');
    await page.keyboard.press('Enter');
    await screenshot(page, '10-keyboard-register');
    await page.keyboard.press('Control+Enter');

    const dialog = page.getByRole('dialog').filter({ hasText: '登记成功' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(caseNoOf(1));

    const { token } = await api<{ token: string }>('session.login', { username: 'admin', password: 'admin-pass-1' });
    const c = await api<any>('cases.get', { id: 1 }, token);
    expect(c).toMatchObject({
      complainant: { name: '刘芳', phone: '13655556666' },
      respondent: { name: '宁波某某健身有限公司' },
      category: { name: '文化娱乐体育' },
      channel: { name: '来访' },
      amountPaidFen: 600000,
      amountClaimedFen: 440000,
      registeredBy: { displayName: '陈晓' },
    });
  });

  it('offers the respondent already on the register as the clerk types its name', async () => {
    await page.keyboard.press('Escape');
    // Escape is 继续登记: a fresh form mounts and takes the focus; type into that one, not the old.
    await expect.poll(focusedLabel).toBe('投诉人姓名');
    await page.keyboard.press('Alt+2');
    await page.getByLabel('被投诉方名称').focus();
    await page.keyboard.type('某某健身');
    const option = page.getByRole('option', { name: /宁波某某健身有限公司/ });
    await expect.poll(() => option.isVisible()).toBe(true);
    await screenshot(page, '11-respondent-suggest');
  });
});
