import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditHead } from '../../electron/core/integrity/auditChain';
import { createCore } from '../../electron/core';
import { fixedClock, minimalComplaint, openRegister, quietLog, tempDir, type Register } from './harness';

let reg: Register;
let target: ReturnType<typeof tempDir>;

beforeEach(async () => {
  reg = await openRegister();
  target = tempDir('complaintdesk-backups-');
});
afterEach(() => {
  reg.close();
  target.remove();
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function withCasesAndFiles(cases: number, files: number): Promise<string[]> {
  for (let i = 0; i < cases; i++) await reg.must('cases.register', minimalComplaint({ subject: `电视机${i}` }));
  const hashes: string[] = [];
  for (let i = 0; i < files; i++) hashes.push((await reg.core.vault.putBuffer(Buffer.from(`证据文件 ${i} `.repeat(1000 + i)))).sha256);
  return hashes;
}

describe('backup.create', () => {
  it('copies the register and every evidence file with a manifest of their hashes and the audit head', async () => {
    const hashes = await withCasesAndFiles(5, 3);
    const head = auditHead(reg.core.db);
    const out = await reg.must<{ path: string; cases: number; files: number; copiedFiles: number }>('backup.create', { dir: target.dir });
    expect(out).toMatchObject({ cases: 5, files: 3, copiedFiles: 3 });
    expect(out.path.startsWith(join(target.dir, 'complaintdesk-backup-20261123-090000'))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out.path, 'manifest.json'), 'utf8'));
    expect(manifest.auditHead).toEqual(head);
    expect(manifest.officeName).toBe('杭州市消费者协会');
    expect(manifest.database.sha256).toBe(sha(readFileSync(join(out.path, 'complaintdesk.sqlite'))));
    expect(manifest.vault.files.map((f: { sha256: string }) => f.sha256).sort()).toEqual([...hashes].sort());
    for (const h of hashes) expect(sha(readFileSync(join(target.dir, 'complaintdesk-vault', h.slice(0, 2), h)))).toBe(h);
    // One file on a write-protected stick reads as well: no WAL left in the copy.
    const copy = new Database(join(out.path, 'complaintdesk.sqlite'), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(5);
    copy.close();
    expect(readdirSync(target.dir).sort()).toEqual(['complaintdesk-backup-20261123-090000', 'complaintdesk-vault']);
  });

  it('copies the register without its free pages, with every row, user_version and the audit chain as they are', async () => {
    await withCasesAndFiles(5, 0);
    // Free pages, as a migration that rewrites a table or the search index's merges leave them.
    reg.core.db.exec("CREATE TABLE scratch (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO scratch SELECT printf('%.500c', 'x') FROM n; DROP TABLE scratch;");
    const free = reg.core.db.pragma('freelist_count', { simple: true }) as number;
    expect(free).toBeGreaterThan(200);
    const pages = reg.core.db.pragma('page_count', { simple: true }) as number;
    const out = await reg.must<{ path: string; cases: number }>('backup.create', { dir: target.dir });
    const copy = new Database(join(out.path, 'complaintdesk.sqlite'), { readonly: true });
    try {
      expect(copy.pragma('freelist_count', { simple: true })).toBe(0);
      expect(copy.pragma('page_count', { simple: true })).toBeLessThanOrEqual(pages - free);
      expect(copy.pragma('user_version', { simple: true })).toBe(reg.core.db.pragma('user_version', { simple: true }));
      for (const table of ['cases', 'case_events', 'case_deadlines', 'case_index_data']) {
        expect(copy.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(), table).toEqual(reg.core.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
      }
      // The backup's own audit row comes after the copy.
      const copied = copy.prepare('SELECT * FROM audit_log ORDER BY id').all() as { id: number }[];
      expect(copied).toEqual(reg.core.db.prepare('SELECT * FROM audit_log WHERE id <= ? ORDER BY id').all(copied.at(-1)!.id));
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
    expect((await reg.must<{ ok: boolean }>('backup.verify', { path: out.path })).ok).toBe(true);
  });

  it('copies an evidence file once: the next backup finds it in the store by its hash', async () => {
    await withCasesAndFiles(1, 2);
    await reg.must('backup.create', { dir: target.dir });
    await reg.core.vault.putBuffer(Buffer.from('新的证据'));
    const second = await reg.must<{ path: string; files: number; copiedFiles: number }>('backup.create', { dir: target.dir });
    expect(second).toMatchObject({ files: 3, copiedFiles: 1 });
    expect(second.path.endsWith('-2')).toBe(true);
    // A file in the store that rotted is copied again, not trusted by its name.
    const [h] = JSON.parse(readFileSync(join(second.path, 'manifest.json'), 'utf8')).vault.files.map((f: { sha256: string }) => f.sha256);
    const stored = join(target.dir, 'complaintdesk-vault', h.slice(0, 2), h);
    const bytes = readFileSync(stored);
    bytes[0] = bytes[0]! ^ 0xff;
    writeFileSync(stored, bytes);
    expect(await reg.must('backup.create', { dir: target.dir })).toMatchObject({ copiedFiles: 1 });
    expect(sha(readFileSync(stored))).toBe(h);
  });

  it('is consistent while cases keep being registered during the copy', async () => {
    await withCasesAndFiles(30, 0);
    const writes = (async () => {
      for (let i = 0; i < 40; i++) await reg.must('cases.register', minimalComplaint({ subject: `并发${i}` }));
    })();
    const out = await reg.must<{ path: string; cases: number }>('backup.create', { dir: target.dir });
    await writes;
    const verified = await reg.must<{ ok: boolean; cases: number }>('backup.verify', { path: out.path });
    expect(verified).toMatchObject({ ok: true, cases: out.cases });
    expect(out.cases).toBeGreaterThanOrEqual(30);
  });

  it('refuses a relative path, a folder inside the data folder and a missing drive, changing nothing', async () => {
    for (const [dir, field] of [
      ['backups', /完整/],
      [join(reg.dir, 'backups'), /数据文件夹里面/],
      ['/no/such/usb-stick/备份', /找不到/],
    ] as const) {
      const r = await reg.call('backup.create', { dir });
      expect(r.ok || r.error.code).toBe('VALIDATION');
      expect(r.ok || r.error.message).toMatch(field);
    }
    expect(existsSync(join(reg.dir, 'backups'))).toBe(false);
    expect((await reg.must<{ history: unknown[] }>('backup.status', {})).history).toEqual([]);
  });

  it('is for administrators only', async () => {
    await reg.must('users.create', { username: 'clerk', displayName: '陈登记', password: 'clerk-pass', role: 'clerk' });
    const { token } = await reg.must<{ token: string }>('session.login', { username: 'clerk', password: 'clerk-pass' }, null);
    for (const op of ['backup.create', 'backup.status', 'backup.verify', 'backup.restore']) {
      const r = await reg.call(op, { dir: target.dir, path: target.dir, confirm: true }, token);
      expect(r.ok || r.error.code, op).toBe('FORBIDDEN');
    }
  });

  it('keeps a history, the last good backup and its age, decided by the core', async () => {
    let status = await reg.must<any>('backup.status', {});
    expect(status).toMatchObject({ lastGood: null, stale: true, ageDays: null });
    const out = await reg.must<{ path: string }>('backup.create', { dir: target.dir });
    status = await reg.must<any>('backup.status', {});
    expect(status).toMatchObject({ stale: false, ageDays: 0, lastGood: { path: out.path, ok: true, kind: 'manual', by: '王管理' } });
    reg.clock.set('2026-11-30T08:59:00+08:00');
    const { token } = await reg.must<{ token: string }>('session.login', { username: 'admin', password: 'correct horse' }, null);
    expect(await reg.must<any>('backup.status', {}, token)).toMatchObject({ stale: false, ageDays: 6 });
    reg.clock.set('2026-11-30T09:00:00+08:00');
    expect(await reg.must<any>('backup.status', {}, token)).toMatchObject({ stale: true, ageDays: 7 });
    const failed = await reg.call('backup.create', { dir: '/proc/complaintdesk-cannot-write-here' }, token);
    expect(failed.ok).toBe(false);
    const audit = reg.core.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'backup.%'").pluck().all();
    expect(audit).toEqual(['backup.create']);
  });
});

describe('backup.verify', () => {
  it('finds an altered database, an altered or missing evidence file and a broken manifest', async () => {
    await withCasesAndFiles(2, 3);
    const { path } = await reg.must<{ path: string }>('backup.create', { dir: target.dir });
    expect(await reg.must('backup.verify', { path })).toMatchObject({ ok: true, cases: 2, files: 3, problems: [] });

    const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8'));
    const [a, b] = manifest.vault.files.map((f: { sha256: string }) => join(target.dir, 'complaintdesk-vault', f.sha256.slice(0, 2), f.sha256));
    const bytes = readFileSync(a);
    bytes[10] = bytes[10]! ^ 1;
    writeFileSync(a, bytes);
    const { rmSync } = await import('node:fs');
    rmSync(b);
    const db = readFileSync(join(path, 'complaintdesk.sqlite'));
    db[db.length - 100] = db[db.length - 100]! ^ 1;
    writeFileSync(join(path, 'complaintdesk.sqlite'), db);
    const v = await reg.must<any>('backup.verify', { path });
    expect(v.ok).toBe(false);
    expect(v.problems.map((p: { problem: string }) => p.problem).sort()).toEqual(['altered', 'altered', 'missing']);
    expect(v.problems.every((p: { message: string }) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);

    writeFileSync(join(path, 'manifest.json'), '{"format":"something else"}');
    expect(await reg.must<any>('backup.verify', { path })).toMatchObject({ ok: false, problems: [{ problem: 'manifest' }] });
    const notBackup = await reg.must<any>('backup.verify', { path: target.dir });
    expect(notBackup.problems[0].message).toMatch(/不是一份备份/);
  });
});

describe('backup.restore in the running app', () => {
  it('verifies, sets the current data aside whole, and opens the backup in its place', async () => {
    const hashes = await withCasesAndFiles(3, 2);
    const { path } = await reg.must<{ path: string }>('backup.create', { dir: target.dir });
    await reg.must('cases.register', minimalComplaint({ subject: '备份之后登记的' }));
    const later = (await reg.core.vault.putBuffer(Buffer.from('备份之后的证据'))).sha256;

    const refused = await reg.call('backup.restore', { path, confirm: false });
    expect(refused.ok || refused.error.code).toBe('VALIDATION');
    expect((await reg.must<{ total: number }>('cases.search', {})).total).toBe(4);

    const out = await reg.must<{ setAside: string; cases: number }>('backup.restore', { path, confirm: true });
    expect(out.cases).toBe(3);
    expect(out.setAside).toBe(join(reg.dir, 'before-restore-20261123-090000'));
    // The same Core object now serves the backup's register, where everyone signs in again.
    expect(((await reg.call('cases.search', {})) as any).error.code).toBe('UNAUTHENTICATED');
    const { token } = await reg.must<{ token: string }>('session.login', { username: 'admin', password: 'correct horse' }, null);
    expect((await reg.must<{ total: number }>('cases.search', {}, token)).total).toBe(3);
    for (const h of hashes) expect(await reg.core.vault.check(h)).toBe('ok');
    expect(await reg.core.vault.check(later)).toBe('missing');
    // Nothing was deleted: the replaced register and vault are beside it, as they were.
    const aside = new Database(join(out.setAside, 'complaintdesk.sqlite'), { readonly: true });
    expect(aside.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(4);
    aside.close();
    expect(existsSync(join(out.setAside, 'vault', later.slice(0, 2), later))).toBe(true);
    expect(existsSync(join(reg.dir, 'restore-pending'))).toBe(false);
    const restored = reg.core.db.prepare("SELECT data FROM audit_log WHERE action = 'backup.restored'").pluck().get() as string;
    expect(JSON.parse(restored)).toMatchObject({ setAside: out.setAside });
    expect(reg.core.services.audit.verify().ok).toBe(true);
  });

  it('opens the restored register at once, its whole check in the worker saying why it runs', async () => {
    await withCasesAndFiles(2, 0);
    const { path } = await reg.must<{ path: string }>('backup.create', { dir: target.dir });
    reg.core.close();
    // Every check in the worker, as on a register of any size.
    const core = await createCore({ dataDir: reg.dir, clock: fixedClock('2026-11-23T09:00:00+08:00'), log: quietLog, inlineCheckBytes: 0, backgroundDelayMs: 0 });
    try {
      await core.checked();
      const login = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { value: { token: string } };
      expect(await core.call('backup.restore', { path, confirm: true }, login.value.token)).toMatchObject({ ok: true });
      // The backup is a rollback-mode file; restored in WAL mode, it is not checked whole before the open.
      expect(core.check).toMatchObject({ running: true, writesHeld: true, step: '正在检查数据文件（刚从备份恢复）' });
      await core.checked();
      expect(core.health.readOnly).toBe(false);
      const again = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { value: { token: string } };
      expect(((await core.call('cases.search', {}, again.value.token)) as { value: { total: number } }).value.total).toBe(2);
    } finally {
      core.close();
    }
  });

  it('refuses a backup that fails its check, changing nothing', async () => {
    await withCasesAndFiles(1, 1);
    const { path } = await reg.must<{ path: string }>('backup.create', { dir: target.dir });
    const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8'));
    const h = manifest.vault.files[0].sha256;
    writeFileSync(join(target.dir, 'complaintdesk-vault', h.slice(0, 2), h), 'not the evidence');
    const before = readdirSync(reg.dir).sort();
    const r = await reg.call('backup.restore', { path, confirm: true });
    expect(r.ok || r.error.code).toBe('VALIDATION');
    expect(r.ok || r.error.message).toMatch(/未通过检查，未作任何改动/);
    expect(readdirSync(reg.dir).sort()).toEqual(before);
    expect((await reg.must<{ total: number }>('cases.search', {})).total).toBe(1);
  });
});

describe('progress', () => {
  it('is reported while a backup runs, and a second task waits its turn', async () => {
    await withCasesAndFiles(1, 4);
    const running = reg.call('backup.create', { dir: target.dir });
    const seen = await reg.must<any>('backup.progress', {});
    const second = await reg.call('backup.create', { dir: target.dir });
    await running;
    expect(seen).toMatchObject({ running: true, task: 'backup' });
    expect(second.ok || second.error.code).toBe('CONFLICT');
    const after = await reg.must<any>('backup.progress', {});
    expect(after).toMatchObject({ running: false });
    expect(after.done).toBe(after.total);
    expect(statSync(target.dir).isDirectory()).toBe(true);
  });
});
