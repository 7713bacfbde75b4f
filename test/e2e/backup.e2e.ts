import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, caseNoOf, launchBrowser, newPage, screenshot, startHost, tearDown, type RunningHost } from './host';

let host: RunningHost;
let browser: Browser;
let page: Page;
const usb = mkdtempSync(join(tmpdir(), 'complaintdesk-usb-'));
const PASSWORD = 'office-pass-2026';

const complaint = (i: number) => ({
  channel: 'visit',
  complainant: { name: `投诉人${i}`, phone: `1390000${String(i).padStart(4, '0')}` },
  respondent: { name: '杭州某某电器有限公司' },
  category: 'G01',
  natures: ['quality'],
  subject: `电视机${i}`,
  facts: `第${i}件：屏幕出现竖线`,
  request: '退货',
  consentMediation: true,
});

async function admin(): Promise<string> {
  return (await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: PASSWORD })).token;
}

async function logIn(p: Page): Promise<void> {
  await p.goto(host.url);
  await p.getByLabel('用户名').fill('admin');
  await p.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await p.getByRole('button', { name: '登录' }).click();
  await p.getByText('王主任').first().waitFor();
}

beforeAll(async () => {
  host = await startHost();
  browser = await launchBrowser();
  await apiCall(host, 'setup.init', { officeName: '杭州市西湖区消费者协会', admin: { username: 'admin', displayName: '王主任', password: PASSWORD } });
  const token = await admin();
  for (let i = 1; i <= 3; i++) await apiCall(host, 'cases.register', complaint(i), token);
  page = await newPage(browser);
  await logIn(page);
});
afterAll(async () => {
  await tearDown(host, browser);
  rmSync(usb, { recursive: true, force: true });
});

describe('备份与恢复', () => {
  it('设置 warns that there is no backup yet', async () => {
    await page.getByRole('link', { name: '设置' }).click();
    await expect.poll(() => page.getByTestId('backup-summary').textContent()).toMatch(/还没有任何完好的备份/);
    await screenshot(page, 'backup-01-settings-no-backup');
  });

  it('backs up now to a typed folder, with progress, and lists it in the history', async () => {
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    await page.getByLabel('备份位置').fill('备份');
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => page.getByText(/请填写完整的文件夹路径/).isVisible()).toBe(true);
    await page.getByLabel('备份位置').fill(usb);
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => page.getByText(/备份完成：案件 3 件/).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('backup-summary').textContent()).toMatch(/最近一次完好的备份：2026年11月23日 09:0\d（今天），案件 3 件/);
    await expect.poll(() => page.getByRole('table', { name: '备份记录' }).getByText('手动（王主任）').isVisible()).toBe(true);
    await page.getByLabel('每天自动备份，时间：').check();
    await page.getByLabel('每日备份时间').fill('17:30');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect.poll(() => page.getByText('下次自动备份：2026年11月23日 17:30').isVisible()).toBe(true);
    await screenshot(page, 'backup-02-done');
  });

  it('checks a backup, shows what it holds, and restores it only after an explicit yes', async () => {
    await apiCall(host, 'cases.register', complaint(4), await admin());
    const restore = page.getByRole('textbox', { name: '备份文件夹' });
    expect(await restore.inputValue()).toMatch(/complaintdesk-backup-20261123-09/);
    await page.getByRole('button', { name: '检查备份' }).click();
    await expect.poll(() => page.getByTestId('verify-result').textContent()).toMatch(/备份完好：杭州市西湖区消费者协会，备份于 2026年11月23日 09:0\d，案件 3 件，证据文件 0 个/);
    await page.getByRole('button', { name: '用这份备份恢复…' }).click();
    const dialog = page.getByRole('dialog', { name: '用备份替换当前数据？' });
    await expect.poll(() => dialog.getByRole('button', { name: '恢复' }).isDisabled()).toBe(true);
    await screenshot(page, 'backup-03-confirm-restore');
    await dialog.getByLabel('我已了解，确认恢复').check();
    await dialog.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => page.getByText(/已从备份恢复：案件 3 件/).isVisible()).toBe(true);
    await screenshot(page, 'backup-04-restored');
    expect((await apiCall<{ total: number }>(host, 'cases.search', {}, await admin())).total).toBe(3);
    await page.getByRole('button', { name: '重新登录' }).click();
    await logIn(page);
  });

  it('lists the data the restore set aside under 留存的数据副本, and removes it only after an explicit yes', async () => {
    const asideNow = () => readdirSync(host.dataDir).filter((n) => n.startsWith('before-restore-'));
    expect(asideNow()).toHaveLength(1);
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByRole('tab', { name: '备份与恢复' }).click();
    const table = page.getByRole('table', { name: '留存的数据副本' });
    await expect.poll(() => table.textContent()).toMatch(/2026年11月23日 09:0\d恢复前的数据（数据库与证据文件）\d+(\.\d+)? (KB|MB)before-restore-20261123-09/);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'backup-05-kept-copies', { fullPage: false });
    await table.getByRole('button', { name: '删除恢复前的数据（数据库与证据文件）' }).click();
    const dialog = page.getByRole('dialog', { name: '删除恢复前的数据（数据库与证据文件）？' });
    await expect.poll(() => dialog.textContent()).toMatch(/备份之后的登记和改动，当前登记簿中没有，删除后无法找回/);
    await expect.poll(() => dialog.getByRole('button', { name: '删除' }).isDisabled()).toBe(true);
    await screenshot(page, 'backup-06-confirm-remove-copy', { fullPage: false });
    await dialog.getByLabel('我已了解，删除后无法找回').check();
    await dialog.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByText(/已删除恢复前的数据（数据库与证据文件），腾出 \d/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('数据文件夹中没有留存的副本').isVisible()).toBe(true);
    expect(asideNow()).toEqual([]);
  });
});

describe('a damaged register', () => {
  it('opens read-only with a banner on every screen and the way to restore; nothing is written', async () => {
    expect(await host.stop('SIGTERM')).toBe(0);
    const file = join(host.dataDir, 'complaintdesk.sqlite');
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('投诉人2'));
    bytes[at] = bytes[at]! ^ 1;
    writeFileSync(file, bytes);
    host = await startHost(host.dataDir);
    page = await newPage(browser);
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('read-only-banner').textContent()).toMatch(/只读模式.*程序关闭期间被改动过/);
    await screenshot(page, 'read-only-01-login');
    await logIn(page);
    await page.getByRole('link', { name: '案件' }).first().click();
    await expect.poll(() => page.getByText(caseNoOf(3)).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('read-only-banner').isVisible()).toBe(true);
    await screenshot(page, 'read-only-02-cases');
    const refused = await fetch(`${host.url}/api/cases.register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await admin()}` },
      body: JSON.stringify(complaint(9)),
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/只读模式/);
    expect(readFileSync(file).equals(bytes)).toBe(true);

    await page.getByTestId('read-only-banner').getByRole('link', { name: '从备份恢复' }).click();
    await page.getByRole('button', { name: '检查备份' }).click();
    await page.getByRole('button', { name: '用这份备份恢复…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('我已了解，确认恢复').check();
    await dialog.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => page.getByText(/已从备份恢复/).isVisible()).toBe(true);
    await page.getByRole('button', { name: '重新登录' }).click();
    await logIn(page);
    await expect.poll(() => page.getByTestId('read-only-banner').count()).toBe(0);
    expect((await apiCall<{ caseNo: string }>(host, 'cases.register', complaint(5), await admin())).caseNo).toBe(caseNoOf(4));
  });
});
