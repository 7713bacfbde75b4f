import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, launchBrowser, newPage, openRegisterForm, screenshot, startHost, type RunningHost, tearDown } from './host';

/**
 * The start check's notice while it holds writes, seen where a clerk is: at the foot of the long
 * registration form, where 保存登记 waits (a million cases' check holds writes 10–20 s). The check
 * of an end-to-end register ends before a page is drawn, so the window is told by its status call
 * that one is running, as a large register's host says (the layout is the renderer's alone).
 */
let host: RunningHost;
let browser: Browser;
let page: Page;

const api = <T>(op: string, body: unknown, token?: string) => apiCall<T>(host, op, body, token);
const HELD = { running: true, writesHeld: true, step: '正在核对数据文件', done: 3, total: 10 };

beforeAll(async () => {
  host = await startHost();
  await api('setup.init', { officeName: '绍兴市消费者权益保护委员会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
  const { token } = await api<{ token: string }>('session.login', { username: 'admin', password: 'admin-pass-1' });
  await api('users.create', { username: 'clerk', displayName: '陈晓', password: 'clerk-pass-1', role: 'clerk' }, token);
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.route('**/api/setup.status', async (route) => {
    const answer = await route.fetch();
    const body = (await answer.json()) as { ok: boolean; value?: Record<string, unknown> };
    if (body.ok && body.value) body.value.check = HELD;
    await route.fulfill({ response: answer, json: body });
  });
});
afterAll(() => tearDown(host, browser));

const box = async (selector: Parameters<Page['locator']>[0]) => {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not drawn`);
  return b;
};
const focusedBox = () =>
  page.evaluate(() => {
    const r = document.activeElement!.getBoundingClientRect();
    return { y: r.y, label: (document.activeElement as HTMLInputElement).labels?.[0]?.textContent ?? '' };
  });

describe('the start check notice at the foot of a long form', () => {
  it('stays in sight under the title bar, and a field reached by Tab is scrolled below it, not behind it', async () => {
    await openRegisterForm(page, host, 'clerk', 'clerk-pass-1');
    const notice = page.getByTestId('start-check');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('登记和修改会在检查通过后自动进行');

    // The form is longer than the window: at its foot, where 保存登记 is, the notice is still there.
    await page.getByRole('button', { name: '保存登记' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const bar = await box('header');
    const held = await box('[data-testid="start-check"]');
    expect(held.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
    expect(held.y).toBeLessThan(bar.y + bar.height + 8);
    await screenshot(page, 'sticky-notice-01-form-foot', { fullPage: false });

    // Back up the form with Shift+Tab to its first field: each field comes into view below the notice.
    await page.getByRole('button', { name: '保存登记' }).focus();
    let seen = '';
    for (let i = 0; i < 60 && !seen.includes('投诉人姓名'); i++) {
      await page.keyboard.press('Shift+Tab');
      const f = await focusedBox();
      seen = f.label;
      if (f.label) expect(f.y, `${f.label} under the notice`).toBeGreaterThanOrEqual(held.y + held.height);
    }
    expect(seen).toContain('投诉人姓名');
    await screenshot(page, 'sticky-notice-02-first-field', { fullPage: false });
  });

  it('leaves 案件 whole in the window: its list takes what the notice leaves, and the window does not scroll', async () => {
    await page.getByRole('link', { name: '案件', exact: true }).first().click();
    await page.getByRole('grid', { name: '案件列表' }).waitFor();
    await expect.poll(() => page.getByTestId('start-check').isVisible()).toBe(true);
    const viewport = page.viewportSize()!;
    const held = await box('[data-testid="start-check"]');
    const exportButton = await box('button:has-text("导出Excel")');
    const list = await box('[role="grid"][aria-label="案件列表"]');
    expect(exportButton.y).toBeGreaterThanOrEqual(held.y + held.height);
    expect(list.y).toBeGreaterThanOrEqual(exportButton.y + exportButton.height);
    expect(list.y + list.height).toBeLessThanOrEqual(viewport.height);
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
    await screenshot(page, 'sticky-notice-03-cases', { fullPage: false });
  });
});
