import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core';
import { databaseFile } from '../../electron/core/paths';
import { minimalComplaint, openRegister, quietLog, type Register } from './harness';

let reg: Register;
beforeEach(async () => {
  reg = await openRegister();
});
afterEach(() => reg.close());

/** What an upgrade and a restore leave in the data folder, made here by hand in their layout. */
function setAside(dir: string) {
  // The upgrade from version 28 on 2026-11-30 09:00 (UTC 01:00), with the WAL a look at it left beside.
  const upgrade = 'complaintdesk.sqlite.v28-before-migration-1796000400000.bak';
  writeFileSync(join(dir, upgrade), Buffer.alloc(3000, 1));
  writeFileSync(join(dir, `${upgrade}-wal`), Buffer.alloc(500, 2));
  // A restore's aside folder, named by the office time of the restore: the register and the vault as they were.
  const restore = 'before-restore-20261201-101500';
  mkdirSync(join(dir, restore, 'vault', 'ab'), { recursive: true });
  writeFileSync(join(dir, restore, 'complaintdesk.sqlite'), Buffer.alloc(2000, 3));
  writeFileSync(join(dir, restore, 'vault', 'ab', 'abcdef'), Buffer.alloc(700, 4));
  // Not kept copies: an unfinished upgrade copy (removed by the next upgrade) and the register itself.
  writeFileSync(join(dir, 'complaintdesk.sqlite.v28-before-migration-1796000500000.bak.partial'), 'half');
  return { upgrade, restore };
}

describe('the copies kept in the data folder', () => {
  it('are listed for the administrator with kind, time in office time, size and version, newest first', async () => {
    const { upgrade, restore } = setAside(reg.dir);
    expect(await reg.must('backup.keptCopies', {})).toEqual({
      copies: [
        { name: restore, kind: 'beforeRestore', at: '2026-12-01T10:15:00+08:00', bytes: 2700, version: null },
        { name: upgrade, kind: 'beforeMigration', at: '2026-11-30T09:00:00+08:00', bytes: 3500, version: 28 },
      ],
      bytes: 6200,
    });
  });

  it('one is removed on the administrator’s confirmation, with its side files, and audited; nothing else is touched', async () => {
    const { upgrade, restore } = setAside(reg.dir);
    const before = readdirSync(reg.dir).filter((n) => n !== upgrade && n !== `${upgrade}-wal`);
    const refused = await reg.call('backup.removeKeptCopy', { name: upgrade });
    expect(refused.ok || refused.error).toMatchObject({ code: 'VALIDATION', fields: { confirm: '删除后无法找回，请先确认' } });
    expect(existsSync(join(reg.dir, upgrade))).toBe(true);

    const r = await reg.must<{ removed: { name: string; bytes: number } }>('backup.removeKeptCopy', { name: upgrade, confirm: true });
    expect(r.removed).toMatchObject({ name: upgrade, kind: 'beforeMigration', bytes: 3500, at: '2026-11-30T09:00:00+08:00' });
    expect(readdirSync(reg.dir).sort()).toEqual(before.sort());
    const row = reg.core.db.prepare("SELECT user_id, data FROM audit_log WHERE action = 'backup.removeKeptCopy'").get() as { user_id: number; data: string };
    expect(JSON.parse(row.data)).toEqual({ name: upgrade, kind: 'beforeMigration', bytes: 3500, setAsideAt: '2026-11-30T01:00:00.000Z' });
    expect(reg.core.services.audit.verify().ok).toBe(true);

    await reg.must('backup.removeKeptCopy', { name: restore, confirm: true });
    expect(existsSync(join(reg.dir, restore))).toBe(false);
    expect((await reg.must<{ copies: unknown[] }>('backup.keptCopies', {})).copies).toEqual([]);
  });

  it('refuses any name the list does not give (the register, its seal, a path out of the folder), in Chinese, removing nothing', async () => {
    setAside(reg.dir);
    const before = readdirSync(reg.dir).sort();
    for (const name of ['complaintdesk.sqlite', 'complaintdesk.sqlite.seal', 'vault', '../x', 'before-restore-20261201-101500/../complaintdesk.sqlite', 'complaintdesk.sqlite.v28-before-migration-1796000500000.bak.partial']) {
      const r = await reg.call('backup.removeKeptCopy', { name, confirm: true });
      expect(r.ok || r.error, name).toMatchObject({ code: 'NOT_FOUND', message: '数据文件夹中没有这份留存的副本，请刷新后重试' });
    }
    expect(readdirSync(reg.dir).sort()).toEqual(before);
  });

  it('is the administrator’s alone', async () => {
    const { upgrade } = setAside(reg.dir);
    await reg.must('users.create', { username: 'boss', displayName: '钱负责', password: 'boss-pass-1', role: 'supervisor' });
    const boss = await reg.must<{ token: string }>('session.login', { username: 'boss', password: 'boss-pass-1' }, null);
    for (const [op, input] of [['backup.keptCopies', {}], ['backup.removeKeptCopy', { name: upgrade, confirm: true }]] as const) {
      const r = await reg.call(op, input, boss.token);
      expect(r.ok || r.error.code, op).toBe('FORBIDDEN');
    }
    expect(existsSync(join(reg.dir, upgrade))).toBe(true);
  });

  it('none is removed while the register is read-only (the copies may be what repairs it); they are still listed', async () => {
    const { upgrade } = setAside(reg.dir);
    await reg.must('cases.register', minimalComplaint());
    reg.core.close();
    // A case edited while the app was closed: the seal no longer matches, the register opens read-only.
    const outside = new Database(databaseFile(reg.dir));
    outside.prepare("UPDATE cases SET complainant_name = '李四'").run();
    outside.close();
    const core = await createCore({ dataDir: reg.dir, clock: reg.clock, log: quietLog, backgroundDelayMs: 0 });
    try {
      await core.checked();
      expect(core.health.readOnly).toBe(true);
      const login = await core.call('session.login', { username: 'admin', password: 'correct horse' }, null);
      const token = login.ok ? (login.value as { token: string }).token : '';
      const list = await core.call('backup.keptCopies', {}, token);
      expect(list.ok && (list.value as { copies: { name: string }[] }).copies.map((c) => c.name)).toContain(upgrade);
      const r = await core.call('backup.removeKeptCopy', { name: upgrade, confirm: true }, token);
      expect(r.ok || r.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/只读/) });
      expect(existsSync(join(reg.dir, upgrade))).toBe(true);
    } finally {
      core.close();
    }
  });
});
