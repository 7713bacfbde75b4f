import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { FolderLockedError, LOCK_FILE } from '../../electron/core/integrity/folderLock';
import { databaseFile } from '../../electron/core/paths';
import { mountTmpfs } from '../support/tmpfs';
import { fixedClock, minimalComplaint, openRegister, quietLog, tempDir, type Register } from './harness';

/**
 * The data folder at the edges: a register file lost or emptied beside its evidence, a second
 * program on the same folder, a folder that cannot be written.
 */
const place = tempDir('complaintdesk-folder-');
let reg: Register;
let backupPath: string;
// A real read-only disk: a tmpfs mounted for the test (root, as here and in CI). Where mounting is not allowed the
// test says so and is skipped (as root, chmod would not stop a write, so nothing else is a read-only folder).
const roMount = join(place.dir, 'ro');
const roDisk = mountTmpfs(roMount, '64m');
const NO_TMPFS = 'cannot mount a tmpfs here (mounting needs root); the read-only mount is not tried';
if (!roDisk) console.warn(`dataFolder: ${NO_TMPFS}`);
afterAll(() => {
  reg?.close();
  roDisk?.unmount();
  place.remove();
});

beforeAll(async () => {
  reg = await openRegister();
  const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint());
  await reg.core.vault.putBuffer(Buffer.from(`证据 of case ${id}`));
  const backups = join(place.dir, 'usb');
  mkdirSync(backups);
  backupPath = (await reg.must<{ path: string }>('backup.create', { dir: backups })).path;
  reg.core.close();
}, 60_000);

const clock = () => fixedClock('2026-11-24T09:00:00+08:00');

describe('a register file that is empty or gone beside its evidence', () => {
  for (const how of ['truncated to 0 bytes', 'deleted'] as const) {
    it(`${how}: is no first run; setup.init is refused and the restore is offered`, async () => {
      const dir = join(place.dir, how.replace(/\W+/g, '-'));
      cpSync(reg.dir, dir, { recursive: true });
      rmSync(join(dir, LOCK_FILE), { force: true });
      if (how === 'deleted') rmSync(databaseFile(dir));
      else truncateSync(databaseFile(dir), 0);
      const core = await createCore({ dataDir: dir, clock: clock(), log: quietLog });
      try {
        const status = ((await core.call('setup.status', {}, null)) as { value: { initialised: boolean; readOnly: boolean; problem: { code: string; message: string; detail: string } } }).value;
        expect(status).toMatchObject({ initialised: true, readOnly: true, problem: { code: 'missing' } });
        expect(status.problem.message).toMatch(/不是第一次使用/);
        expect(status.problem.message).toMatch(/恢复/);
        expect(status.problem.detail).toMatch(/证据文件/);
        const init = (await core.call('setup.init', { officeName: '冒名协会', admin: { username: 'intruder', displayName: '某人', password: 'a password!' } }, null)) as { ok: boolean; error: { code: string } };
        expect(init).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
        // The administrator signs in with the last good backup's accounts and restores it.
        const login = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { ok: boolean; value: { token: string } };
        expect(login.ok).toBe(true);
        const restored = (await core.call('backup.restore', { path: backupPath, confirm: true }, login.value.token)) as { ok: boolean };
        expect(restored.ok).toBe(true);
        await core.checked();
        expect(core.health.readOnly).toBe(false);
        const again = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { value: { token: string } };
        expect(((await core.call('cases.search', {}, again.value.token)) as { value: { total: number } }).value.total).toBe(1);
      } finally {
        core.close();
      }
      // Nothing was made in its place before the restore: no new register was claimed.
      expect(existsSync(databaseFile(dir))).toBe(true);
    }, 60_000);
  }

  it('a folder with nothing of a register in it is a first run', async () => {
    const dir = join(place.dir, 'new');
    const core = await createCore({ dataDir: dir, clock: clock(), log: quietLog });
    expect(((await core.call('setup.status', {}, null)) as { value: unknown }).value).toMatchObject({ initialised: false, readOnly: false });
    core.close();
  });
});

describe('two programs on one data folder', () => {
  it('refuses the second, naming the first, and the second changes nothing (no sweep under the first’s upload)', async () => {
    const dir = join(place.dir, 'shared');
    cpSync(reg.dir, dir, { recursive: true });
    rmSync(join(dir, LOCK_FILE), { force: true });
    const first = await createCore({ dataDir: dir, clock: clock(), log: quietLog, program: 'desktop' });
    try {
      mkdirSync(join(dir, 'vault', 'tmp'), { recursive: true });
      writeFileSync(join(dir, 'vault', 'tmp', 'upload-under-way'), 'half a video');
      const before = readdirSync(dir).sort();
      const error = await createCore({ dataDir: dir, clock: clock(), log: quietLog, program: 'host' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(FolderLockedError);
      expect((error as Error).message).toMatch(new RegExp(`桌面版.*进程号 ${process.pid}`));
      expect((error as Error).message).toMatch(/未作任何改动/);
      expect(existsSync(join(dir, 'vault', 'tmp', 'upload-under-way'))).toBe(true);
      expect(readdirSync(dir).sort()).toEqual(before);
    } finally {
      first.close();
    }
    // Released at close: the next program opens it.
    const next = await createCore({ dataDir: dir, clock: clock(), log: quietLog });
    next.close();
  }, 60_000);

  it('takes over the lock of a program that died', async () => {
    const dir = join(place.dir, 'stale');
    cpSync(reg.dir, dir, { recursive: true });
    // A child process takes the lock, then is killed with SIGKILL: no chance to release it.
    const child = spawn(process.execPath, ['-e', `
      const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(join(dir, LOCK_FILE))}, { timeout: 0 });
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('CREATE TABLE IF NOT EXISTS holder (at TEXT); BEGIN EXCLUSIVE; DELETE FROM holder; COMMIT;');
      require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'complaintdesk.lock.json'))}, JSON.stringify({ program: 'host', pid: process.pid, host: require('node:os').hostname(), since: 'x' }));
      console.log('locked');
      setInterval(() => {}, 1000);
    `]);
    await new Promise<void>((resolve) => child.stdout.on('data', () => resolve()));
    const refused = await createCore({ dataDir: dir, clock: clock(), log: quietLog }).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(FolderLockedError);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const core = await createCore({ dataDir: dir, clock: clock(), log: quietLog });
    expect(core.health.readOnly).toBe(false);
    core.close();
  }, 60_000);
});

describe.skipIf(!roDisk)('a data folder that cannot be written (a read-only tmpfs mount: needs root, skipped without)', () => {
  it('opens an intact register read-only, saying the folder cannot be written; a new register there is refused in Chinese', async () => {
    const mount = roMount;
    cpSync(reg.dir, join(mount, 'data'), { recursive: true });
    rmSync(join(mount, 'data', LOCK_FILE), { force: true });
    mkdirSync(join(mount, 'empty'));
    execFileSync('mount', ['-o', 'remount,ro', mount], { stdio: 'ignore' });
    const file = databaseFile(join(mount, 'data'));
    const before = { bytes: readFileSync(file), mtime: statSync(file).mtimeMs };
    const core = await createCore({ dataDir: join(mount, 'data'), clock: clock(), log: quietLog });
    try {
      const status = ((await core.call('setup.status', {}, null)) as { value: { readOnly: boolean; problem: { code: string; message: string } } }).value;
      expect(status).toMatchObject({ readOnly: true, problem: { code: 'readOnlyFolder' } });
      expect(status.problem.message).toMatch(/数据文件夹无法写入/);
      expect(status.problem.message).not.toMatch(/损坏/);
      const login = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { ok: boolean; value: { token: string } };
      expect(login.ok).toBe(true);
      const search = await core.call('cases.search', {}, login.value.token);
      expect(search, JSON.stringify(search)).toMatchObject({ ok: true, value: { total: 1 } });
      // A write is refused for what it is: the folder, not a damaged file nor a backup to restore.
      const write = (await core.call('cases.register', minimalComplaint(), login.value.token)) as { ok: boolean; error: { code: string; message: string } };
      expect(write).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^数据文件夹无法写入.*本次操作未执行.*检查文件夹的权限/) } });
      expect(write.error.message).not.toMatch(/损坏|备份/);
    } finally {
      core.close();
    }
    expect(readFileSync(file).equals(before.bytes)).toBe(true);
    const fresh = await createCore({ dataDir: join(mount, 'empty'), clock: clock(), log: quietLog }).then(() => null, (e: unknown) => e);
    expect((fresh as Error).message).toMatch(/无法写入.*不能在这里新建登记簿/);
    const nested = await createCore({ dataDir: join(mount, 'new', 'folder'), clock: clock(), log: quietLog }).then(() => null, (e: unknown) => e);
    expect((nested as Error).message, String(nested)).toMatch(/无法建立数据文件夹.*只读/);
  }, 60_000);
});
