import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../core/evidenceHelpers';
import { minimalComplaint } from '../core/harness';
import { apiCall, launchBrowser, newPage, screenshot, startHost, tearDown, type RunningHost } from './host';

/**
 * Evidence that reads itself (issue [H]) in Chromium: an order screenshot added to a case is read
 * by OCR in the host's worker thread; its text appears beside the picture, selectable and copyable,
 * and the register finds the case by the order number, saying it was found in evidence.
 */
let host: RunningHost;
let browser: Browser;
let page: Page;
let caseId: number;

beforeAll(async () => {
  host = await startHost();
  await apiCall(host, 'setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '王调查', password: 'admin-pass-1' } });
  const { token } = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' });
  ({ id: caseId } = await apiCall<{ id: number }>(host, 'cases.register', minimalComplaint(), token));
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
  await page.goto(host.url);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('admin-pass-1');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('王调查').first().waitFor();
});
afterAll(() => tearDown(host, browser));

describe('the text of a screenshot, read in the background', () => {
  it('shows 正在识别文字… on the tile, then the text beside the picture, selectable and copyable', async () => {
    await page.goto(`${host.url}/#/cases/${caseId}`);
    await page.getByRole('tab', { name: /证据/ }).click();
    await page.getByTestId('evidence-picker').setInputFiles([join(FIXTURES, 'ocr-order.png')]);
    await page.getByRole('button', { name: '开始上传' }).click();
    await page.getByRole('button', { name: '完成' }).click();
    const tileText = page.getByTestId('evidence-tile-text');
    // Pending first (the models load in about 2 s), then the first line of what was read.
    await expect.poll(() => tileText.textContent(), { timeout: 10_000 }).toMatch(/正在识别文字…|文字：订单详情/);
    await expect.poll(() => tileText.textContent(), { timeout: 60_000 }).toBe('文字：订单详情');
    await page.getByTestId('evidence-tile').click();
    const body = page.getByTestId('evidence-text-body');
    await body.waitFor();
    expect((await body.textContent())!.split('\n')).toEqual(expect.arrayContaining(['订单编号 20261102153045', '实付款 ¥1299.00']));
    // Selectable: a triple click selects a line, as in any text.
    await body.click({ clickCount: 3, position: { x: 24, y: 14 } });
    expect((await page.evaluate(() => window.getSelection()?.toString() ?? '')).trim()).toBe('订单详情');
    await page.getByRole('button', { name: '复制识别出的文字' }).click();
    await expect.poll(() => page.getByRole('button', { name: '复制识别出的文字' }).textContent()).toContain('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('订单编号 20261102153045');
    await screenshot(page, 'evidence-text-viewer', { fullPage: false });
    await page.keyboard.press('Escape');
  });

  it('finds the case in the register by the order number in the picture, saying it was found in evidence', async () => {
    await page.goto(`${host.url}/#/cases`);
    await page.getByLabel('搜索').fill('20261102153045');
    await expect.poll(() => page.getByTestId('case-count').textContent()).toBe('1');
    await expect.poll(() => page.getByText(/在证据中找到/).first().isVisible()).toBe(true);
    await screenshot(page, 'evidence-text-search');
  });
});
