import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { olderRegister } from '../support/olderRegister';
import { apiCall, launchBrowser, newPage, removeData, screenshot, startHost, tearDown, type RunningHost } from './host';

/** Enough cases that migration 7 (every case indexed and counted) takes several seconds here. */
const CASES = 6_000;

let host: RunningHost;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'complaintdesk-e2e-upgrade-'));
  await olderRegister(dir, CASES);
  browser = await launchBrowser();
  host = await startHost(dir);
}, 120_000);
afterAll(async () => {
  await tearDown(host, browser);
  removeData(dir);
});

describe('installing a new version over an older register', () => {
  it('shows the upgrade and how far it is instead of a blank window, then the sign-in page', async () => {
    const page = await newPage(browser);
    await page.goto(host.url);
    const screen = page.getByTestId('upgrade-screen');
    await expect.poll(() => screen.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => /升级数据文件：第 \d+ 步，共 \d+ 步（\d+%）/.test(await screen.innerText()), { timeout: 30_000, interval: 200 }).toBe(true);
    await screenshot(page, 'upgrade-in-progress', { fullPage: false });
    await expect.poll(() => page.getByRole('button', { name: '登录' }).isVisible(), { timeout: 180_000, interval: 500 }).toBe(true);
    expect(await screen.count()).toBe(0);
    const status = await apiCall<{ upgrading?: unknown; readOnly: boolean }>(host, 'setup.status', {});
    expect(status.upgrading).toBeUndefined();
    expect(status.readOnly).toBe(false);
  }, 240_000);
});
