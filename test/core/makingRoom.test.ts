import { existsSync, lstatSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { hashPassword } from '../../electron/core/auth/passwords';
import { spaceForUpgrade } from '../../electron/core/db/diskSpace';
import { migrations } from '../../electron/core/db/migrations';
import { verifyAuditChain } from '../../electron/core/integrity/auditChain';
import { heldAuditFile } from '../../electron/core/start/heldAudit';
import { olderRegister } from '../support/olderRegister';
import { fixedClock, minimalComplaint, quietLog, tempDir, TEST_NOW } from './harness';
import { asVersion } from '../support/asVersion';

/**
 * 磁盘空间不足 before an upgrade, mended from the app: an administrator of the older register signs
 * in, removes the copies the app kept, and the upgrade starts by itself once the room is there.
 * The disk is a sum over the data folder's real files against a capacity the test sets, so every
 * byte the app writes or removes counts, as on a disk.
 */
const MB = 1024 * 1024;
let dir: ReturnType<typeof tempDir> | null = null;
afterEach(() => {
  dir?.remove();
  dir = null;
});

const bytesUnder = (path: string): number => {
  const s = lstatSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((sum, n) => sum + bytesUnder(join(path, n)), 0) : s.size;
};

/** A copy as an earlier upgrade left it (sparse: its size is what the app reads). */
function keptCopy(dataDir: string, version: number, at: number, bytes: number): string {
  const name = `complaintdesk.sqlite.v${version}-before-migration-${at}.bak`;
  writeFileSync(join(dataDir, name), '');
  truncateSync(join(dataDir, name), bytes);
  return name;
}

async function olderRegisterWithAccounts(dataDir: string) {
  await olderRegister(dataDir, 50);
  const db = new Database(join(dataDir, 'complaintdesk.sqlite'));
  const insert = db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, '2026-06-01T09:00:00+08:00')");
  insert.run('admin', '管理员', 'admin', await hashPassword('admin-pass-1'));
  insert.run('desk', '前台', 'clerk', await hashPassword('desk-pass-1'));
  db.close();
}

type Status = { readOnly: boolean; upgrading?: unknown; problem?: { code: string; message: string }; room?: { neededBytes: number; freeBytes: number } };

describe('a full disk before an upgrade, mended from the app', () => {
  it('an administrator removes kept copies; short of room it says how short, and with room the upgrade starts by itself and the removals reach the audit chain', async () => {
    dir = tempDir();
    const dataDir = dir.dir;
    await olderRegisterWithAccounts(dataDir);
    const size = lstatSync(join(dataDir, 'complaintdesk.sqlite')).size;
    const needed = spaceForUpgrade(size);
    const small = keptCopy(dataDir, 4, Date.parse('2026-03-01T02:00:00Z'), 20 * MB);
    const large = keptCopy(dataDir, 5, Date.parse('2026-09-01T02:00:00Z'), 40 * MB);
    // Room for the upgrade only once both copies are gone (each is 30 MB short without the other's bytes).
    const capacity = bytesUnder(dataDir) - 60 * MB + needed + 30 * MB;
    const freeBytes = () => capacity - bytesUnder(dataDir);
    // No fault logged from the start to the close (a merge step once ran into the closed register here).
    const faults: string[] = [];
    const core = await createCore({ dataDir, clock: fixedClock(TEST_NOW), log: { ...quietLog, error: (m: string, e: unknown) => faults.push(`${m}: ${(e as Error)?.message}`) }, backgroundDelayMs: 0, freeBytes });
    const call = async (name: string, input: unknown, token: string | null = null) => (await core.call(name, input, token)) as any;
    const status = async (): Promise<Status> => (await call('setup.status', {})).value;
    try {
      for (let s = await status(); s.upgrading; s = await status()) await new Promise((r) => setTimeout(r, 10));
      const full = await status();
      expect(full).toMatchObject({ readOnly: true, problem: { code: 'diskFull' }, room: { neededBytes: needed } });
      // The app's own files at start (the folder's lock, the log) take a few kilobytes of the disk too.
      expect(Math.abs(full.room!.freeBytes - (needed - 30 * MB))).toBeLessThan(MB);

      // Only an administrator signs in (to make room); every other operation says why it cannot run.
      const clerk = await call('session.login', { username: 'desk', password: 'desk-pass-1' });
      expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('只有管理员可以登录') } });
      expect((await call('session.login', { username: 'admin', password: 'wrong-pass-1' })).error.code).toBe('UNAUTHENTICATED');
      const { token } = (await call('session.login', { username: 'admin', password: 'admin-pass-1' })).value;
      expect((await call('session.me', {}, token)).value).toMatchObject({ user: { username: 'admin', role: 'admin' } });
      expect(await call('cases.search', {}, token)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('磁盘空间不足') } });

      const listed = (await call('backup.keptCopies', {}, token)).value;
      expect(listed.copies.map((c: { name: string; version: number }) => [c.name, c.version])).toEqual([[large, 5], [small, 4]]);
      expect(listed.bytes).toBe(60 * MB);
      expect((await call('backup.removeKeptCopy', { name: small }, token)).error.code).toBe('VALIDATION');
      expect((await call('backup.removeKeptCopy', { name: 'complaintdesk.sqlite', confirm: true }, token)).error.code).toBe('NOT_FOUND');
      expect(existsSync(join(dataDir, 'complaintdesk.sqlite'))).toBe(true);

      const first = await call('backup.removeKeptCopy', { name: small, confirm: true }, token);
      expect(first.value).toMatchObject({ removed: { name: small, bytes: 20 * MB }, room: { neededBytes: needed, upgrading: false } });
      // Less the few hundred bytes of the file that holds the removal for the audit chain.
      expect(first.value.room.freeBytes - full.room!.freeBytes).toBe(20 * MB - lstatSync(heldAuditFile(dataDir)).size);
      expect(existsSync(join(dataDir, small))).toBe(false);
      expect(await status()).toMatchObject({ readOnly: true, problem: { code: 'diskFull' } });
      expect(await status()).not.toHaveProperty('upgrading');

      const second = await call('backup.removeKeptCopy', { name: large, confirm: true }, token);
      expect(second.value).toMatchObject({ removed: { name: large }, room: { upgrading: true } });
      expect(60 * MB - (second.value.room.freeBytes - full.room!.freeBytes)).toBeLessThan(2048);
      // The answer came first; the upgrade now runs with its progress, as at start.
      const seen: string[] = [];
      for (let s = await status(); s.upgrading; s = await status()) {
        seen.push((s.upgrading as { step: string }).step);
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(seen.length).toBeGreaterThan(0);
      expect(await status()).toMatchObject({ readOnly: false });
      expect(await status()).not.toHaveProperty('room');
      expect(core.db.pragma('user_version', { simple: true })).toBe(migrations.length);

      // The sessions of the read-only register were in memory: signed in again against the upgraded one.
      expect((await call('session.me', {}, token)).error.code).toBe('UNAUTHENTICATED');
      const again = (await call('session.login', { username: 'admin', password: 'admin-pass-1' })).value.token;
      expect((await call('session.me', {}, again)).value.user.username).toBe('admin');
      expect(core.health).toEqual({ readOnly: false, problem: null });
      expect(core.db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(50);
      await core.checked();
      const removals = core.db.prepare("SELECT user_id, data FROM audit_log WHERE action = 'backup.removeKeptCopy' ORDER BY id").all() as { user_id: number; data: string }[];
      const adminId = core.db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get();
      expect(removals.map((r) => ({ user: r.user_id, ...JSON.parse(r.data) }))).toEqual([
        { user: adminId, name: small, kind: 'beforeMigration', bytes: 20 * MB, setAsideAt: '2026-03-01T02:00:00.000Z', whileReadOnly: 'diskFull', heldId: expect.any(String) },
        { user: adminId, name: large, kind: 'beforeMigration', bytes: 40 * MB, setAsideAt: '2026-09-01T02:00:00.000Z', whileReadOnly: 'diskFull', heldId: expect.any(String) },
      ]);
      expect(existsSync(heldAuditFile(dataDir))).toBe(false);
      expect(verifyAuditChain(core.db).ok).toBe(true);
      // Left in the folder: the copy this upgrade made, and nothing of the two removed.
      expect(readdirSync(dataDir).filter((n) => n.includes('before-migration'))).toEqual([expect.stringMatching(/^complaintdesk\.sqlite\.v6-before-migration-\d+\.bak$/)]);
    } finally {
      core.close();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(faults).toEqual([]);
  });

  it('a register of version 38 is not read with these statements either (its queue would name an index it lacks): only an administrator signs in, and makes the room', async () => {
    dir = tempDir();
    const dataDir = dir.dir;
    const made = await createCore({ dataDir, clock: fixedClock(TEST_NOW), log: quietLog, backgroundDelayMs: 0 });
    const first = async (name: string, input: unknown, token: string | null = null) => (await made.call(name, input, token)) as any;
    await first('setup.init', { officeName: '测试协会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
    const adminToken = (await first('session.login', { username: 'admin', password: 'admin-pass-1' })).value.token;
    expect((await first('users.create', { username: 'desk', displayName: '前台', password: 'desk-pass-1', role: 'clerk' }, adminToken)).ok).toBe(true);
    expect((await first('cases.register', minimalComplaint(), adminToken)).ok).toBe(true);
    await made.checked();
    made.close();
    // As version 38 left it: 0039 only adds an index, which the unassigned queue's page names.
    const file = join(dataDir, 'complaintdesk.sqlite');
    const db = new Database(file);
    await asVersion(db, 38);
    db.close();
    // Changed behind the seal by the test, so opened as on a PC with a new office key: trusted as found.
    rmSync(`${file}.seal`);
    const keys = tempDir();
    const copy = keptCopy(dataDir, 37, Date.parse('2026-09-01T02:00:00Z'), 30 * MB);
    const faults: string[] = [];
    const core = await createCore({ dataDir, keyDir: keys.dir, clock: fixedClock(TEST_NOW), log: { ...quietLog, error: (m: string, e: unknown) => faults.push(`${m}: ${(e as Error)?.message}`) }, backgroundDelayMs: 0, freeBytes: () => (existsSync(join(dataDir, copy)) ? 10 * MB : 10 * 1024 * MB) });
    const call = async (name: string, input: unknown, token: string | null = null) => (await core.call(name, input, token)) as any;
    const status = async (): Promise<Status> => (await call('setup.status', {})).value;
    try {
      for (let s = await status(); s.upgrading; s = await status()) await new Promise((r) => setTimeout(r, 10));
      expect(await status()).toMatchObject({ readOnly: true, problem: { code: 'diskFull' }, room: { freeBytes: 10 * MB } });
      expect(await call('session.login', { username: 'desk', password: 'desk-pass-1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const admin = (await call('session.login', { username: 'admin', password: 'admin-pass-1' })).value.token;
      // Nothing is read with this version's statements: the unassigned queue (cases_in_hand) answers why, not 系统内部错误.
      expect(await call('cases.search', { queue: 'unassigned' }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('磁盘空间不足') } });
      expect(existsSync(join(dataDir, copy))).toBe(true);
      expect((await call('backup.removeKeptCopy', { name: copy, confirm: true }, admin)).value).toMatchObject({ removed: { name: copy }, room: { upgrading: true } });
      for (let s = await status(); s.upgrading; s = await status()) await new Promise((r) => setTimeout(r, 10));
      expect(await status()).toMatchObject({ readOnly: false });
      expect(core.db.pragma('user_version', { simple: true })).toBe(migrations.length);
      const again = (await call('session.login', { username: 'desk', password: 'desk-pass-1' })).value.token;
      expect((await call('cases.register', minimalComplaint(), again)).ok).toBe(true);
      // Upgraded through 0039 to 0041: the queue's index is there and its page answers.
      expect(core.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'cases_category_received'").pluck().get()).toMatch(/status, channel, region, handler_id/);
      expect(core.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'cases_handler_received'").pluck().get()).toMatch(/status, channel, region, category/);
      const adminAgain = (await call('session.login', { username: 'admin', password: 'admin-pass-1' })).value.token;
      expect(await call('cases.search', { queue: 'unassigned' }, adminAgain)).toMatchObject({ ok: true, value: { total: 0 } });
      await core.checked();
      expect(core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'backup.removeKeptCopy'").pluck().get()).toBe(1);
      expect(verifyAuditChain(core.db).ok).toBe(true);
    } finally {
      core.close();
      keys.remove();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(faults).toEqual([]);
  });
  it('a removal made before the program was closed reaches the chain at the next start that can write, once, even if a crash kept the file that held it; a held file that is not the app\'s is set aside', async () => {
    dir = tempDir();
    const dataDir = dir.dir;
    await olderRegisterWithAccounts(dataDir);
    const needed = spaceForUpgrade(lstatSync(join(dataDir, 'complaintdesk.sqlite')).size);
    const copy = keptCopy(dataDir, 4, Date.parse('2026-03-01T02:00:00Z'), 20 * MB);
    // Short by more than the copy: its removal is not enough, and the program is closed before any upgrade.
    let free = needed - 50 * MB;
    const start = async (errors: string[] = []) => {
      const core = await createCore({ dataDir, clock: fixedClock(TEST_NOW), log: { ...quietLog, error: (m: string, e: unknown) => errors.push(`${m}: ${(e as Error)?.message ?? ''}`) }, backgroundDelayMs: 0, freeBytes: () => free });
      const call = async (name: string, input: unknown, token: string | null = null) => (await core.call(name, input, token)) as any;
      for (let s = (await call('setup.status', {})).value; s.upgrading; s = (await call('setup.status', {})).value) await new Promise((r) => setTimeout(r, 10));
      return { core, call };
    };
    const removalsIn = (core: Awaited<ReturnType<typeof start>>['core']) =>
      (core.db.prepare("SELECT data FROM audit_log WHERE action = 'backup.removeKeptCopy' ORDER BY id").pluck().all() as string[]).map((d) => JSON.parse(d));

    const first = await start();
    const admin = (await first.call('session.login', { username: 'admin', password: 'admin-pass-1' })).value.token;
    expect((await first.call('backup.removeKeptCopy', { name: copy, confirm: true }, admin)).value).toMatchObject({ room: { upgrading: false } });
    first.core.close();
    const held = readFileSync(heldAuditFile(dataDir), 'utf8');
    expect(JSON.parse(held).entries).toEqual([expect.objectContaining({ action: 'backup.removeKeptCopy', entity: 'keptCopy', at: TEST_NOW, data: expect.objectContaining({ name: copy, whileReadOnly: 'diskFull' }) })]);

    // Room made outside the program: the next start upgrades, and the removal reaches the chain with its own time.
    free = needed + 10 * MB;
    const second = await start();
    try {
      expect(second.core.health.readOnly).toBe(false);
      await second.core.checked();
      for (let i = 0; i < 100 && existsSync(heldAuditFile(dataDir)); i++) await new Promise((r) => setTimeout(r, 10));
      expect(existsSync(heldAuditFile(dataDir))).toBe(false);
      expect(removalsIn(second.core)).toEqual([{ name: copy, kind: 'beforeMigration', bytes: 20 * MB, setAsideAt: '2026-03-01T02:00:00.000Z', whileReadOnly: 'diskFull', heldId: JSON.parse(held).entries[0].data.heldId }]);
      expect(verifyAuditChain(second.core.db).ok).toBe(true);
    } finally {
      second.core.close();
    }

    // A crash between the chain's commit and the file's removal left the file: the entry is not appended twice.
    writeFileSync(heldAuditFile(dataDir), held);
    const third = await start();
    try {
      await third.core.checked();
      for (let i = 0; i < 100 && existsSync(heldAuditFile(dataDir)); i++) await new Promise((r) => setTimeout(r, 10));
      expect(existsSync(heldAuditFile(dataDir))).toBe(false);
      expect(removalsIn(third.core)).toHaveLength(1);
    } finally {
      third.core.close();
    }

    // Not what the app writes (a hand-edited file): set aside for a person, said in the log, nothing appended.
    writeFileSync(heldAuditFile(dataDir), JSON.stringify({ entries: [{ at: 'yesterday', userId: 'admin', action: 'backup.removeKeptCopy', data: {} }] }));
    const errors: string[] = [];
    const fourth = await start(errors);
    try {
      await fourth.core.checked();
      for (let i = 0; i < 100 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(errors).toEqual([expect.stringContaining('could not be read; set aside as')]);
      expect(existsSync(heldAuditFile(dataDir))).toBe(false);
      expect(readdirSync(dataDir).filter((n) => n.startsWith('audit-held.json.unreadable-'))).toHaveLength(1);
      expect(removalsIn(fourth.core)).toHaveLength(1);
      expect(verifyAuditChain(fourth.core.db).ok).toBe(true);
    } finally {
      fourth.core.close();
    }
  });
  it('room made outside the program (other files on that disk) is seen without a restart: the upgrade starts by itself', async () => {
    dir = tempDir();
    const dataDir = dir.dir;
    await olderRegisterWithAccounts(dataDir);
    const needed = spaceForUpgrade(lstatSync(join(dataDir, 'complaintdesk.sqlite')).size);
    let free = needed - 5 * MB;
    let looked = 0;
    const core = await createCore({ dataDir, clock: fixedClock(TEST_NOW), log: quietLog, backgroundDelayMs: 0, roomWatchMs: 20, freeBytes: () => (looked++, free) });
    const status = async () => ((await core.call('setup.status', {}, null)) as any).value;
    try {
      for (let s = await status(); s.upgrading; s = await status()) await new Promise((r) => setTimeout(r, 10));
      expect(await status()).toMatchObject({ readOnly: true, problem: { code: 'diskFull' }, room: { freeBytes: needed - 5 * MB } });
      // Looked at again while short, and nothing changes.
      const before = looked;
      await new Promise((r) => setTimeout(r, 200));
      expect(looked).toBeGreaterThan(before + 3);
      expect(await status()).toMatchObject({ readOnly: true, problem: { code: 'diskFull' } });
      expect(existsSync(join(dataDir, 'complaintdesk.sqlite'))).toBe(true);
      expect(readdirSync(dataDir).filter((n) => n.includes('before-migration'))).toEqual([]);

      free = needed + MB;
      let seenUpgrading = false;
      for (let i = 0; i < 500; i++) {
        const s = await status();
        if (s.upgrading) seenUpgrading = true;
        else if (!s.readOnly) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(seenUpgrading).toBe(true);
      expect(await status()).toMatchObject({ readOnly: false });
      expect(core.db.pragma('user_version', { simple: true })).toBe(migrations.length);
      // Written to as usual (the fixture's cases are too bare for this version's lists: its accounts are used).
      const token = ((await core.call('session.login', { username: 'admin', password: 'admin-pass-1' }, null)) as any).value.token;
      expect(await core.call('users.create', { username: 'inv9', displayName: '调查员九', password: 'inv9-pass-1', role: 'investigator' }, token)).toMatchObject({ ok: true });
      expect(core.db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(50);
      // The upgraded register is not looked at for room any more.
      const after = looked;
      await new Promise((r) => setTimeout(r, 200));
      expect(looked).toBe(after);
    } finally {
      core.close();
    }
  });
});
