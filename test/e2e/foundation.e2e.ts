import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNoOf, launchBrowser, newPage, screenshot, startHost, type RunningHost, loginStatus, tearDown } from './host';

const FIRST = caseNoOf(1);

let host: RunningHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await newPage(browser);
});
afterAll(() => tearDown(host, browser));

/** Counts cases through the public API, as an outside script would, to prove what was (not) saved. */
async function countCases(): Promise<number> {
  const login = await fetch(`${host.url}/api/session.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'office-pass-2026' }),
  });
  const { value } = (await login.json()) as { value: { token: string } };
  const res = await fetch(`${host.url}/api/cases.search`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${value.token}` },
    body: '{}',
  });
  return ((await res.json()) as { value: { total: number } }).value.total;
}

async function logIn(p: Page, password = 'office-pass-2026'): Promise<void> {
  await p.getByLabel('用户名').fill('admin');
  await p.getByLabel('密码', { exact: true }).fill(password);
  await p.getByRole('button', { name: '登录' }).click();
}

describe('the walking skeleton in Chromium', () => {
  it('asks a new office for its name and an administrator, then shows the login screen', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByText('首次设置').first().isVisible()).toBe(true);
    await screenshot(page, '01-setup');
    await page.getByLabel('单位名称').fill('杭州市西湖区消费者协会');
    await page.getByLabel('管理员用户名').fill('admin');
    await page.getByLabel('管理员姓名').fill('王主任');
    await page.getByLabel('密码', { exact: true }).fill('office-pass-2026');
    await page.getByLabel('确认密码').fill('office-pass-2026');
    await page.getByRole('button', { name: '完成设置' }).click();
    await expect.poll(() => page.getByRole('button', { name: '登录' }).isVisible()).toBe(true);
  });

  it('refuses a wrong password with a clear Chinese message', async () => {
    await logIn(page, 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: '用户名或密码不正确' });
    await expect.poll(() => alert.isVisible()).toBe(true);
    await screenshot(page, '02-login-wrong-password');
  });

  it('signs in and shows the clerk’s home screen in Chinese', async () => {
    await logIn(page);
    await expect.poll(() => page.getByText('杭州市西湖区消费者协会').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('王主任').first().isVisible()).toBe(true);
    await screenshot(page, '03-home');
  });

  it('refuses an invalid registration with field messages, keeping what was typed and saving nothing', async () => {
    await page.getByRole('link', { name: '登记投诉' }).first().click();
    await page.getByLabel('投诉人姓名').fill('张三');
    await page.getByLabel('联系电话').fill('12345');
    await page.getByLabel('投诉事实').fill('电视机买回三天屏幕出现竖线');
    await screenshot(page, '04-register-form');
    await page.getByRole('button', { name: '保存登记' }).click();
    await expect.poll(() => page.getByText(/电话号码格式不正确/).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('请填写被投诉方名称').first().isVisible()).toBe(true);
    await screenshot(page, '05-register-errors');
    expect(await page.getByLabel('投诉人姓名').inputValue()).toBe('张三');
    expect(await page.getByLabel('投诉事实').inputValue()).toBe('电视机买回三天屏幕出现竖线');
    expect(await countCases()).toBe(0);
  });

  it('registers a complaint and gives its case number at once', async () => {
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByLabel('被投诉方名称').fill('杭州某某电器有限公司');
    await page.getByLabel('商品或服务名称').fill('55英寸液晶电视机');
    await page.getByLabel('投诉请求').fill('退货并退还货款3999元');
    await page.getByLabel('实付金额（元）').fill('3999');
    await chooseOption(page, '投诉类别', '家用电子电器');
    // Every marked field is now corrected, so the "please correct" notice has gone by itself.
    await expect.poll(() => page.getByText(/有填写不正确的项目/).count()).toBe(0);
    await page.getByRole('button', { name: '保存登记' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '登记成功' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(FIRST);
    await screenshot(page, '06-register-done');
    expect(await countCases()).toBe(1);
    await dialog.getByRole('button', { name: '打开案件' }).click();
    await expect.poll(() => page.getByText('55英寸液晶电视机').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('3999.00').first().isVisible()).toBe(true);
    await screenshot(page, '07-case-detail');
  });

  it('finds the case in the register list by a word of it, and it survives a reload', async () => {
    await page.getByRole('link', { name: '案件' }).first().click();
    await expect.poll(() => page.getByText(FIRST).first().isVisible()).toBe(true);
    await page.getByLabel('搜索').fill('液晶电视');
    await expect.poll(() => page.getByText('杭州某某电器有限公司').first().isVisible()).toBe(true);
    await screenshot(page, '08-case-list');
    await page.getByLabel('搜索').fill('没有这个词');
    await expect.poll(() => page.getByText(FIRST).count()).toBe(0);
    await page.reload();
    await page.getByLabel('搜索').fill('');
    await expect.poll(() => page.getByText(FIRST).first().isVisible()).toBe(true);
  });

  it('keeps everything when the host is stopped and started again on the same folder', async () => {
    expect(await host.stop('SIGTERM')).toBe(0);
    host = await startHost(host.dataDir);
    const again = await newPage(browser);
    await again.goto(host.url);
    await expect.poll(() => again.getByRole('button', { name: '登录' }).isVisible()).toBe(true);
    await logIn(again);
    await again.getByRole('link', { name: '案件' }).first().click();
    await expect.poll(() => again.getByText(FIRST).first().isVisible()).toBe(true);
    await again.getByText(FIRST).first().click();
    await expect.poll(() => again.getByText('杭州某某电器有限公司').first().isVisible()).toBe(true);
    await screenshot(again, '09-after-restart');
    page = again;
  });

  it('lets the administrator add a clerk, who can then sign in with the clerk role', async () => {
    await page.getByRole('link', { name: '设置' }).first().click();
    await page.getByRole('tab', { name: '用户' }).click();
    await page.getByLabel('用户名').fill('chenxiao');
    await page.getByLabel('姓名').fill('陈晓');
    await page.getByLabel('密码', { exact: true }).fill('clerk-pass-1');
    await page.getByRole('button', { name: '新建用户' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'chenxiao' }).isVisible()).toBe(true);
    await screenshot(page, '12-users');
    const login = await fetch(`${host.url}/api/session.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'chenxiao', password: 'clerk-pass-1' }),
    });
    expect(((await login.json()) as any).value.user).toMatchObject({ displayName: '陈晓', role: 'clerk' });
  });
});

/** MUI selects and autocompletes both open a listbox of options; pick one by its text. */
async function chooseOption(p: Page, label: string, option: string): Promise<void> {
  await p.getByRole('combobox', { name: label }).click();
  await p.getByRole('option', { name: option }).first().click();
}

describe('重置密码', () => {
  it('lets the administrator reset a clerk’s forgotten password', async () => {
    await page.getByRole('button', { name: '重置密码：陈晓' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '重置密码' });
    await dialog.getByLabel('新密码').fill('short');
    await dialog.getByRole('button', { name: '重置密码' }).click();
    await expect.poll(() => dialog.getByText('密码至少8位').isVisible()).toBe(true);
    await dialog.getByLabel('新密码').fill('reset-pass-9');
    await dialog.getByRole('button', { name: '重置密码' }).click();
    await expect.poll(() => dialog.getByText(/已重置/).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: '完成' }).click();
    const status = (password: string) => loginStatus(host, 'chenxiao', password);
    expect(await status('clerk-pass-1')).toBe(401);
    expect(await status('reset-pass-9')).toBe(200);
  });
});

describe('修改密码', () => {
  it('lets a user change their own password, refusing a wrong current one under its field', async () => {
    await page.getByRole('button', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '修改密码' });
    await dialog.getByLabel('当前密码').fill('not-my-password');
    await dialog.getByLabel('新密码', { exact: true }).fill('a-new-pass-2027');
    await dialog.getByLabel('确认新密码').fill('a-new-pass-2027');
    await dialog.getByRole('button', { name: '保存新密码' }).click();
    await expect.poll(() => dialog.getByText('当前密码不正确').isVisible()).toBe(true);
    await screenshot(page, '16-change-password');
    await dialog.getByLabel('当前密码').fill('office-pass-2026');
    await dialog.getByRole('button', { name: '保存新密码' }).click();
    await expect.poll(() => dialog.getByText('密码已修改').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: '完成' }).click();
    const login = (password: string) => loginStatus(host, 'admin', password);
    expect(await login('office-pass-2026')).toBe(401);
    expect(await login('a-new-pass-2027')).toBe(200);
    // This window's own session carries on.
    await page.getByRole('link', { name: '案件' }).first().click();
    await expect.poll(() => page.getByText(FIRST).first().isVisible()).toBe(true);
  });
});
