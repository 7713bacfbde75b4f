import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/harness';
import { olderRegister } from '../support/olderRegister';
import { mountTmpfs } from '../support/tmpfs';
import { launchBrowser, newPage, screenshot, tearDown, startHost, type RunningHost } from './host';

// An older register on a real 24 MB disk (a tmpfs; mounting needs root, as CI has): its upgrade
// asks for the register's size and a quarter again plus 64 MB, which the disk does not have.
const place = tempDir('complaintdesk-e2e-upgrade-full-');
const disk = mountTmpfs(join(place.dir, 'data'), '24m');
if (!disk) console.warn('upgrade-diskfull e2e: cannot mount a tmpfs here (mounting needs root); skipped');
let host: RunningHost | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await tearDown(host, browser);
  disk?.unmount();
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

describe.skipIf(!disk)('an upgrade on a disk without room for it (needs root to mount a tmpfs; skipped without)', () => {
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
    await expect.poll(() => banner.textContent(), { timeout: 20_000 }).toMatch(/只读模式：磁盘空间不足，数据文件未能升级磁盘空间不足（升级约需 \d+ MB，磁盘尚余 \d+ MB），数据文件未能升级.*数据未作任何改动.*请清理数据文件所在磁盘的空间后重新启动程序/);
    expect(await banner.textContent()).not.toMatch(/已损坏/);
    expect(await banner.getByRole('link', { name: '从备份恢复' }).count()).toBe(0);
    await screenshot(page, 'upgrade-diskfull-01-login');
    await host.stop();
    host = undefined;
    expect(versionOf(file)).toBe(older);
    expect(readdirSync(dataDir).filter((n) => n.includes('before-migration'))).toEqual([]);
  });
});
