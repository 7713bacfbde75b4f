import { readFileSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { READ_ONLY_MESSAGE, readOnlyRefusal, writesRegister } from '../../electron/core/integrity/readOnly';
import type { ProblemCode } from '../../electron/core/integrity/startCheck';
import { sealFile } from '../../electron/core/integrity/seal';
import { databaseFile } from '../../electron/core/paths';
import { operationNames } from '../../shared/api/operationNames';
import { fixedClock, minimalComplaint, openRegister, quietLog, tempDir } from './harness';

// Each test opens a register two or three times, with the start check's worker; a shared machine is slow at it.
vi.setConfig({ testTimeout: 90_000 });
const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

/** A register with two cases, closed cleanly (so sealed), in a folder of its own. */
async function closedRegister(): Promise<string> {
  const reg = await openRegister();
  await reg.must('cases.register', minimalComplaint());
  await reg.must('cases.register', minimalComplaint({ subject: '第二件' }));
  reg.core.close();
  cleanup.push(() => reg.close());
  return reg.dir;
}

const fingerprint = (file: string) => ({ bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs });

/** Opened, and its start check run to the end (the part that reads the whole file runs after the first answer). */
async function open(dir: string): Promise<Core> {
  const core = await createCore({ dataDir: dir, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog, backgroundDelayMs: 0 });
  cleanup.push(() => core.close());
  await core.checked();
  return core;
}

describe('the start check', () => {
  it('opens a sound register for writing, and seals it at a clean close', async () => {
    const dir = await closedRegister();
    const seal = JSON.parse(readFileSync(sealFile(databaseFile(dir)), 'utf8'));
    expect(seal.size).toBe(statSync(databaseFile(dir)).size);
    const core = await open(dir);
    expect(core.health).toEqual({ readOnly: false, problem: null });
    expect((await core.call('setup.status', {}, null)) as any).toEqual({ ok: true, value: { initialised: true, readOnly: false } });
    core.close();
    const sealed = JSON.parse(readFileSync(sealFile(databaseFile(dir)), 'utf8'));
    expect(sealed).toMatchObject({ format: 'complaintdesk-seal', version: 2, size: statSync(databaseFile(dir)).size });
  });

  it('opens a register changed while the app was closed read-only, writes nothing to it, and still reads', async () => {
    const dir = await closedRegister();
    const file = databaseFile(dir);
    // One byte of a complainant's name: SQLite's checks cannot see it; the seal does.
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('张三'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = bytes[at + 1]! ^ 0x01;
    writeFileSync(file, bytes);
    const before = fingerprint(file);

    const core = await open(dir);
    const status = (await core.call('setup.status', {}, null)) as any;
    expect(status.value).toMatchObject({ initialised: true, readOnly: true, problem: { code: 'changedWhileClosed' } });
    expect(status.value.problem.message).toMatch(/只读/);

    const login = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as any;
    expect(login.ok).toBe(true);
    const token = login.value.token;
    expect(((await core.call('cases.search', {}, token)) as any).value.total).toBe(2);
    expect(((await core.call('cases.get', { id: 1 }, token)) as any).ok).toBe(true);
    const write = (await core.call('cases.register', minimalComplaint(), token)) as any;
    expect(write).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(write.error.message).toBe(readOnlyRefusal({ code: 'changedWhileClosed' }));
    expect(write.error.message).toMatch(/^数据文件在程序关闭期间被改动过，系统处于只读模式.*本次操作未执行。请管理员从备份恢复后再办理。$/);
    const backup = (await core.call('backup.create', { dir: '/tmp' }, token)) as any;
    expect(backup.error.code).toBe('CONFLICT');
    core.close();
    // Not a byte, not a touch: the damaged file is as it was, and its seal is kept as the evidence.
    expect(fingerprint(file)).toEqual(before);
    expect(() => statSync(sealFile(file))).not.toThrow();
  });

  it('opens a register whose audit chain was edited and its seal removed read-only', async () => {
    const dir = await closedRegister();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(databaseFile(dir));
    // Someone with the file and a SQLite tool: the triggers are no obstacle to them, the chain is.
    db.exec(`DROP TRIGGER audit_log_append_only_update; UPDATE audit_log SET data = '{"username":"someone"}' WHERE id = 2`);
    db.close();
    const { rmSync } = await import('node:fs');
    rmSync(sealFile(databaseFile(dir)));
    const core = await open(dir);
    // The app closed it cleanly, so a seal is owed: its absence is the finding, before the chain is even read.
    expect(core.health.problem).toMatchObject({ code: 'changedWhileClosed', detail: expect.stringMatching(/封签不见了/) });
  });

  it('says so when the file cannot be read at all, and every operation refuses with that message', async () => {
    const dir = await closedRegister();
    const file = databaseFile(dir);
    const bytes = readFileSync(file);
    bytes.write('not a database!!', 0);
    writeFileSync(file, bytes);
    const { rmSync } = await import('node:fs');
    rmSync(sealFile(file));
    const before = fingerprint(file);
    const core = await open(dir);
    expect(((await core.call('setup.status', {}, null)) as any).value).toMatchObject({ readOnly: true, problem: { code: 'unreadable' } });
    const login = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as any;
    expect(login.error.message).toMatch(/npm run restore/);
    core.close();
    expect(fingerprint(file)).toEqual(before);
  });

  it('refuses a write saying what made the register read-only: a full disk or a folder that cannot be written is no damage, and no backup helps', () => {
    const codes: ProblemCode[] = ['unreadable', 'corrupt', 'changedWhileClosed', 'auditBroken', 'missing', 'readOnlyFolder', 'keyUnavailable', 'foreignKey', 'diskFull'];
    for (const code of codes) {
      const message = readOnlyRefusal({ code });
      expect(message, code).toMatch(/系统处于只读模式：可以查阅，不能登记或修改，本次操作未执行。/);
      if (code === 'diskFull' || code === 'readOnlyFolder') expect(message, code).not.toMatch(/损坏|备份恢复/);
      else expect(message, code).toMatch(/从备份恢复/);
    }
    expect(readOnlyRefusal({ code: 'diskFull' })).toMatch(/^磁盘空间不足.*删除留存的旧副本腾出空间，或清理这块磁盘上的其他文件；空间够了即自动升级，无需重新启动程序。$/);
    expect(readOnlyRefusal({ code: 'readOnlyFolder' })).toMatch(/^数据文件夹无法写入.*检查文件夹的权限或磁盘后重新启动程序。$/);
    expect(readOnlyRefusal({ code: 'foreignKey' })).toMatch(/恢复码/);
    expect(readOnlyRefusal({ code: 'corrupt' })).toBe(READ_ONLY_MESSAGE);
  });

  it('classifies every operation as reading or writing the register', () => {
    expect(Object.keys(writesRegister).sort()).toEqual([...operationNames].sort());
  });
});

describe('a register that cannot be read at all', () => {
  it('lets an administrator sign in with the last good backup’s accounts and restore it; nobody else', async () => {
    const reg = await openRegister();
    cleanup.push(() => reg.close());
    await reg.must('users.create', { username: 'clerk', displayName: '陈登记', password: 'clerk-pass', role: 'clerk' });
    await reg.must('cases.register', minimalComplaint());
    const target = tempDir('complaintdesk-backups-');
    cleanup.push(() => target.remove());
    const { path } = await reg.must<{ path: string }>('backup.create', { dir: target.dir });
    reg.core.close();
    const file = databaseFile(reg.dir);
    const bytes = readFileSync(file);
    bytes.write('not a database!!', 0);
    writeFileSync(file, bytes);

    const core = await open(reg.dir);
    const status = (await core.call('setup.status', {}, null)) as any;
    expect(status.value.problem).toMatchObject({ code: 'unreadable', message: expect.stringMatching(/最近一次完好备份时的账号和密码/) });
    const clerk = (await core.call('session.login', { username: 'clerk', password: 'clerk-pass' }, null)) as any;
    expect(clerk.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/只有管理员/) });
    const { value } = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as any;
    expect(((await core.call('cases.search', {}, value.token)) as any).error.code).toBe('CONFLICT');
    expect(((await core.call('backup.status', {}, value.token)) as any).value.lastGood.path).toBe(path);
    const restored = (await core.call('backup.restore', { path, confirm: true }, value.token)) as any;
    expect(restored.ok).toBe(true);
    expect(core.health.readOnly).toBe(false);
    expect(readFileSync(join(restored.value.setAside, 'complaintdesk.sqlite')).equals(bytes)).toBe(true);
  });
});

describe('a copy of a damaged file', () => {
  it('restores into the running app from a backup, setting the damaged file aside', async () => {
    const reg = await openRegister();
    cleanup.push(() => reg.close());
    await reg.must('cases.register', minimalComplaint());
    const target = tempDir('complaintdesk-backups-');
    cleanup.push(() => target.remove());
    const { path } = await reg.must<{ path: string }>('backup.create', { dir: target.dir });
    reg.core.close();
    const file = databaseFile(reg.dir);
    const bytes = readFileSync(file);
    bytes[bytes.indexOf(Buffer.from('张三')) + 1] = bytes[bytes.indexOf(Buffer.from('张三')) + 1]! ^ 1;
    writeFileSync(file, bytes);
    copyFileSync(file, join(target.dir, 'damaged-copy.sqlite'));

    const core = await open(reg.dir);
    expect(core.health.readOnly).toBe(true);
    const { value } = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as any;
    const status = (await core.call('backup.status', {}, value.token)) as any;
    expect(status.value.lastGood.path).toBe(path);
    const restored = (await core.call('backup.restore', { path, confirm: true }, value.token)) as any;
    expect(restored.ok).toBe(true);
    expect(core.health).toEqual({ readOnly: false, problem: null });
    expect(readFileSync(join(restored.value.setAside, 'complaintdesk.sqlite'))).toEqual(readFileSync(join(target.dir, 'damaged-copy.sqlite')));
    const again = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as any;
    expect(((await core.call('cases.register', minimalComplaint(), again.value.token)) as any).ok).toBe(true);
  });
});
