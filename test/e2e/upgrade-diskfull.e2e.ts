import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../electron/core/auth/passwords';
import { migrations } from '../../electron/core/db/migrations';
import { tempDir } from '../core/harness';
import { olderRegister } from '../support/olderRegister';
import { mountTmpfs } from '../support/tmpfs';
import { launchBrowser, newPage, screenshot, tearDown, startHost, type RunningHost } from './host';

// An older register on a real 24 MB disk (a tmpfs; mounting needs root, as CI has): its upgrade
// asks for the register's size and a quarter again plus 64 MB, which the disk does not have.
const place = tempDir('complaintdesk-e2e-upgrade-full-');
const disk = mountTmpfs(join(place.dir, 'data'), '24m');
// A 100 MB disk, most of it taken by the copies earlier upgrades kept: the upgrade needs about 66 MB.
const roomDisk = mountTmpfs(join(place.dir, 'room'), '100m');
if (!disk || !roomDisk) console.warn('upgrade-diskfull e2e: cannot mount a tmpfs here (mounting needs root); skipped');
let host: RunningHost | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await tearDown(host, browser);
  disk?.unmount();
  roomDisk?.unmount();
  place.remove();
});

const versionOf = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

describe.skipIf(!disk || !roomDisk)('an upgrade on a disk without room for it (needs root to mount a tmpfs; skipped without)', () => {
  it('says 磁盘空间不足 on the sign-in page, offers no restore, and writes nothing', async () => {
    const dataDir = join(place.dir, 'data');
    await olderRegister(dataDir, 200, { wal: true });
    const file = join(dataDir, 'complaintdesk.sqlite');
    const older = versionOf(file);
    host = await startHost(dataDir);
    browser = await launchBrowser();
    const page = await newPage(browser);
    await page.goto(host.url);
    const banner = page.getByTestId('read-only-banner');
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toMatch(/只读模式：磁盘空间不足，数据文件未能升级磁盘空间不足（升级约需 \d+(\.\d)? MB，磁盘尚余 \d+(\.\d)? MB），数据文件未能升级.*数据未作任何改动.*请管理员登录，删除数据文件夹中留存的旧副本.*空间够了即自动升级/);
    expect(await banner.textContent()).not.toMatch(/已损坏/);
    expect(await banner.getByRole('link', { name: '从备份恢复' }).count()).toBe(0);
    await screenshot(page, 'upgrade-diskfull-01-login');
    await host.stop();
    host = undefined;
    expect(versionOf(file)).toBe(older);
    expect(readdirSync(dataDir).filter((n) => n.includes('before-migration'))).toEqual([]);
  });

  it('room made outside the program is seen on the sign-in page: the upgrade runs by itself, with no restart', async () => {
    await tearDown(host, browser);
    const dataDir = join(place.dir, 'data');
    const file = join(dataDir, 'complaintdesk.sqlite');
    host = await startHost(dataDir);
    browser = await launchBrowser();
    const page = await newPage(browser);
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('read-only-banner').textContent(), { timeout: 20_000 }).toMatch(/磁盘空间不足.*无需重新启动程序/);
    expect(versionOf(file)).toBeLessThan(migrations.length);
    // The disk grows (as when other files on it are emptied from the file manager): the core looks at it every few seconds.
    disk!.resize('200m');
    await expect.poll(() => page.getByText('数据文件已升级到本版程序，请重新登录').isVisible(), { timeout: 40_000 }).toBe(true);
    expect(await page.getByTestId('read-only-banner').count()).toBe(0);
    await host.stop();
    host = undefined;
    expect(versionOf(file)).toBe(migrations.length);
  });

  it('an administrator signs in, removes the kept copies until there is room, and the upgrade then runs by itself', async () => {
    await tearDown(host, browser);
    host = undefined;
    browser = undefined;
    const dataDir = join(place.dir, 'room');
    await olderRegister(dataDir, 200, { wal: true });
    const file = join(dataDir, 'complaintdesk.sqlite');
    const db = new Database(file);
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('admin', '王主任', 'admin', ?, '2026-06-01T09:00:00+08:00')").run(await hashPassword('admin-pass-1'));
    db.close();
    // Real bytes, as earlier upgrades wrote them (a tmpfs counts written pages, not a file's length).
    const copy = (version: number, at: string, mb: number) => writeFileSync(join(dataDir, `complaintdesk.sqlite.v${version}-before-migration-${Date.parse(at)}.bak`), Buffer.alloc(mb * 1024 * 1024, 7));
    copy(3, '2025-05-06T02:00:00Z', 5);
    copy(4, '2025-11-20T02:00:00Z', 10);
    copy(5, '2026-06-01T02:00:00Z', 30);
    host = await startHost(dataDir);
    browser = await launchBrowser();
    const page = await newPage(browser);
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('read-only-banner').textContent(), { timeout: 20_000 }).toMatch(/磁盘空间不足/);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill('admin-pass-1');
    await page.getByRole('button', { name: '登录' }).click();
    const screen = page.getByTestId('disk-full-screen');
    await expect.poll(() => screen.textContent(), { timeout: 10_000 }).toMatch(/磁盘空间不足，数据文件未能升级.*还需腾出 \d+(\.\d)? MB/);
    const table = screen.getByRole('table', { name: '留存的数据副本' });
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    await screenshot(page, 'upgrade-diskfull-02-make-room');

    const remove = async (version: number) => {
      await table.getByRole('button', { name: `删除升级前的数据文件（版本 ${version}）` }).click();
      const dialog = page.getByRole('dialog', { name: `删除升级前的数据文件（版本 ${version}）？` });
      await dialog.getByLabel('我已了解，删除后无法找回').check();
      await dialog.getByRole('button', { name: '删除' }).click();
    };
    // 5 MB is not enough: the screen says what is still short, and nothing is upgraded.
    await remove(3);
    await expect.poll(() => screen.getByText(/已删除升级前的数据文件（版本 3），腾出 5 MB。升级仍需再腾出 \d/).isVisible()).toBe(true);
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await screenshot(page, 'upgrade-diskfull-03-still-short');
    expect(versionOf(file)).toBeLessThan(migrations.length);

    // 30 MB more is: the upgrade starts by itself, and its end asks for a fresh sign-in. A busy PC's
    // window may look again only once a short upgrade has ended (as on a loaded CI machine): the first
    // look is held until the upgrade is over, and the window's periodic looks meanwhile are lost.
    let look: 'first' | 'held' | 'free' = 'first';
    await page.route('**/api/setup.status', async (route) => {
      if (look === 'held') return route.abort();
      if (look === 'free') return route.continue();
      look = 'held';
      const upgradingNow = async () => ((await (await fetch(`${host!.url}/api/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { value?: { upgrading?: unknown } }).value?.upgrading;
      await expect.poll(upgradingNow, { timeout: 30_000 }).toBeUndefined();
      look = 'free';
      return route.continue();
    });
    await remove(5);
    await expect.poll(() => page.getByText('数据文件已升级到本版程序，请重新登录').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('read-only-banner').count()).toBe(0);
    await screenshot(page, 'upgrade-diskfull-04-upgraded');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill('admin-pass-1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('王主任').first().waitFor();
    await host.stop();
    host = undefined;
    expect(versionOf(file)).toBe(migrations.length);
    expect(readdirSync(dataDir).filter((n) => n.includes('before-migration')).sort()).toEqual([
      expect.stringMatching(/^complaintdesk\.sqlite\.v4-before-migration-\d+\.bak$/),
      expect.stringMatching(/^complaintdesk\.sqlite\.v6-before-migration-\d+\.bak$/),
    ]);
  });
});
