import { randomBytes } from 'node:crypto';
import { existsSync, openSync, readdirSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { verifyAuditChain } from '../../electron/core/integrity/auditChain';
import { mountTmpfs } from '../support/tmpfs';
import { fixedClock, minimalComplaint, openRegister, quietLog, tempDir } from './harness';

/**
 * A full disk, for real (tmpfs): a clear error, nothing partial, and all works again once there is
 * room. Mounting needs root (CI runs as root); elsewhere the tests say so and are skipped, not passed.
 */
const place = tempDir('complaintdesk-full-');
const dataDisk = mountTmpfs(join(place.dir, 'data'), '8m');
const usbDisk = mountTmpfs(join(place.dir, 'usb'), '2m');
const mounted = dataDisk !== null && usbDisk !== null;
if (!mounted) console.warn('diskFull: cannot mount a tmpfs here (mounting needs root); the full-disk tests are skipped');
afterAll(() => {
  dataDisk?.unmount();
  usbDisk?.unmount();
  place.remove();
});

/** Fills the disk with one file, to the last byte it takes. */
function fill(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: full.
  } finally {
    closeSync(fd);
  }
}

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

describe.skipIf(!mounted)('a full disk (needs root to mount a tmpfs; skipped without)', () => {
  it('while registering: a clear error, no half case, and registering works again once there is room', async () => {
    const dir = join(place.dir, 'data');
    const core = await createCore({ dataDir: dir, clock: fixedClock('2026-11-23T09:00:00+08:00'), log: quietLog });
    const call = async (name: string, input: unknown, token: string | null = null) => (await core.call(name, input, token)) as any;
    await call('setup.init', { officeName: '测试协会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
    const { token } = (await call('session.login', { username: 'admin', password: 'admin-pass-1' })).value;
    let acknowledged = 0;
    for (let i = 0; i < 5; i++) if ((await call('cases.register', minimalComplaint(), token)).ok) acknowledged++;
    fill(join(dir, 'filler'));
    let refusal: any = null;
    for (let i = 0; i < 300 && !refusal; i++) {
      const r = await call('cases.register', minimalComplaint({ facts: `很长的经过。${'屏幕出现竖线，'.repeat(300)}` }), token);
      if (r.ok) acknowledged++;
      else refusal = r;
    }
    expect(refusal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(refusal.error.message).toMatch(/磁盘空间已满，本次操作未保存/);
    expect((await call('cases.search', {}, token)).value.total).toBe(acknowledged);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');

    rmSync(join(dir, 'filler'));
    const again = await call('cases.register', minimalComplaint(), token);
    expect(again.ok).toBe(true);
    expect(again.value.caseNo).toBe(`TS2026-${String(acknowledged + 1).padStart(5, '0')}`);
    expect(verifyAuditChain(core.db).ok).toBe(true);
    core.close();
  });

  it('while backing up: a clear error, no backup and no half file under a final name, and the next backup works', async () => {
    const usb = join(place.dir, 'usb');
    const stick = usbDisk!;
    const reg = await openRegister();
    try {
      for (let i = 0; i < 6; i++) await reg.core.vault.putBuffer(randomBytes(600 * 1024));
      const r = await reg.call('backup.create', { dir: usb });
      expect(r.ok || r.error.code).toBe('INTERNAL');
      expect(r.ok || r.error.message).toMatch(/备份位置的空间已满，本次备份未完成，未完成的部分已清除/);
      const left = walk(usb);
      expect(left.filter((f) => /\.part$|\.partial-|complaintdesk-backup-/.test(f))).toEqual([]);
      // What is in the store is whole: each file's content is its name.
      for (const f of left) expect(f).toMatch(/complaintdesk-vault\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
      const status = await reg.must<any>('backup.status', {});
      expect(status.history[0]).toMatchObject({ ok: false, error: expect.stringMatching(/空间已满/) });

      stick.resize('16m');
      const ok = await reg.must<{ path: string; files: number }>('backup.create', { dir: usb });
      expect(ok.files).toBe(6);
      expect(await reg.must<any>('backup.verify', { path: ok.path })).toMatchObject({ ok: true });
      expect(existsSync(ok.path)).toBe(true);
    } finally {
      reg.close();
    }
  });
});
