import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { createCheckpoints } from '../../electron/core/integrity/checkpoint';
import { openKeyring } from '../../electron/core/integrity/officeKey';
import { sealFile } from '../../electron/core/integrity/seal';
import { databaseFile } from '../../electron/core/paths';
import { chainHash, GENESIS } from '../../electron/core/services/audit';
import { fixedClock, minimalComplaint, quietLog, tempDir } from './harness';

/**
 * Someone with the data folder (or a copy of it) but not the office key edits the register with a
 * SQLite tool while the app is closed, and leaves the seal as it was, removes it (as a crash
 * would), or seals it again the way the app did before the office key. Every case is found: the
 * register opens read-only with a clear problem, and nothing is written to it.
 */
const place = tempDir('complaintdesk-tamper-');
const keyDir = join(place.dir, 'keys');
let original: string;
afterAll(() => place.remove());

const open = async (dir: string): Promise<Core> => {
  // Every check in the worker, as on a register of any real size (a small one is checked before the first answer).
  const core = await createCore({ dataDir: dir, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog, keyDir, inlineCheckBytes: 0, backgroundDelayMs: 0 });
  return core;
};

beforeAll(async () => {
  original = join(place.dir, 'original');
  const core = await open(original);
  await core.call('setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '王管理', password: 'correct horse' } }, null);
  const { value } = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { value: { token: string } };
  for (let i = 0; i < 6; i++) {
    const c = (await core.call('cases.register', minimalComplaint({ subject: `商品${i}` }), value.token)) as { ok: boolean; value: { id: number } };
    expect(c.ok).toBe(true);
    await core.call('cases.act', { id: c.value.id, version: 1, action: 'accept' }, value.token);
  }
  core.close();
}, 60_000);

type Tamper = (db: Database.Database) => void;

const TAMPERING: Record<string, Tamper> = {
  'an edited case': (db) => db.prepare("UPDATE cases SET complainant_name = '李四' WHERE id = 2").run(),
  'a deleted event': (db) => {
    db.exec('DROP TRIGGER case_events_append_only_delete');
    db.prepare('DELETE FROM case_events WHERE id = (SELECT MAX(id) FROM case_events)').run();
  },
  'the last audit rows cut off': (db) => {
    db.exec('DROP TRIGGER audit_log_append_only_delete');
    db.prepare('DELETE FROM audit_log WHERE id > (SELECT MAX(id) - 3 FROM audit_log)').run();
  },
  'an audit row edited and the chain re-hashed': (db) => {
    db.exec('DROP TRIGGER audit_log_append_only_update');
    db.prepare(`UPDATE audit_log SET data = '{"username":"someone"}' WHERE id = 2`).run();
    let prev = GENESIS;
    const rows = db.prepare('SELECT id, at, user_id, action, entity, entity_id, data FROM audit_log ORDER BY id').all() as { id: number; at: string; user_id: number | null; action: string; entity: string | null; entity_id: number | null; data: string }[];
    const update = db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
    for (const r of rows) {
      const hash = chainHash(prev, { at: r.at, userId: r.user_id, action: r.action, entity: r.entity, entityId: r.entity_id, data: r.data });
      update.run(Buffer.from(hash, 'hex'), r.id);
      prev = hash;
    }
  },
};

type SealCase = 'seal left as it was' | 'seal removed' | 'sealed again without the key';

let n = 0;
async function tamperAndOpen(tamper: Tamper, sealCase: SealCase, crashed = false, found = true) {
  const dir = join(place.dir, `case-${n++}`);
  cpSync(original, dir, { recursive: true });
  // The checkpoint beside the key follows the folder by its path: copy what the app kept for the original.
  const keys = openKeyring(keyDir);
  const cp = createCheckpoints(keys, original).read();
  if (cp.kind !== 'ok') throw new Error('no checkpoint for the original');
  // A crash: the app left its head beside the key while running, and no seal.
  createCheckpoints(keys, dir).write(crashed ? { ...cp.checkpoint, state: 'open', seal: null } : cp.checkpoint);
  const file = databaseFile(dir);
  const db = new Database(file);
  tamper(db);
  db.close();
  if (sealCase === 'seal removed' || crashed) rmSync(sealFile(file), { force: true });
  if (sealCase === 'sealed again without the key') {
    // What the seal was before the office key: anyone could compute it.
    const { createHash } = await import('node:crypto');
    writeFileSync(sealFile(file), JSON.stringify({ size: statSync(file).size, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') }));
  }
  const before = readFileSync(file);
  const core = await open(dir);
  const write = await core.call('cases.register', minimalComplaint(), null);
  await core.checked();
  const login = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { ok: boolean; value?: { token: string } };
  const verify = login.value ? ((await core.call('audit.verify', {}, login.value.token)) as { ok: boolean; value?: { ok: boolean } }) : null;
  const out = { health: core.health, write, verify: verify?.value ?? null };
  core.close();
  if (found) expect(readFileSync(file).equals(before), 'the tampered file is not written').toBe(true);
  return out;
}

describe('a register edited while the app was closed, by someone without the office key', () => {
  for (const [what, tamper] of Object.entries(TAMPERING)) {
    for (const sealCase of ['seal left as it was', 'seal removed', 'sealed again without the key'] as SealCase[]) {
      it(`${what}, ${sealCase}: opens read-only with a clear problem`, async () => {
        const r = await tamperAndOpen(tamper, sealCase);
        expect(r.health.readOnly).toBe(true);
        expect(r.health.problem?.code).toBe('changedWhileClosed');
        expect(r.health.problem?.message).toMatch(/关闭期间被改动过/);
        expect(r.write).toMatchObject({ ok: false });
      }, 30_000);
    }
  }
});

describe('after a crash (no seal is owed), the audit chain is held to the head the app kept beside the key', () => {
  it('the last audit rows cut off: read-only, and audit.verify is not ok', async () => {
    const r = await tamperAndOpen(TAMPERING['the last audit rows cut off']!, 'seal removed', true);
    expect(r.health.problem).toMatchObject({ code: 'auditBroken', detail: expect.stringMatching(/比程序上次写下的少/) });
    expect(r.verify).toMatchObject({ ok: false });
  }, 30_000);

  it('an audit row edited and the chain re-hashed: read-only, and audit.verify is not ok', async () => {
    const r = await tamperAndOpen(TAMPERING['an audit row edited and the chain re-hashed']!, 'seal removed', true);
    expect(r.health.problem).toMatchObject({ code: 'auditBroken', detail: expect.stringMatching(/重新计算/) });
    expect(r.verify).toMatchObject({ ok: false });
  }, 30_000);

  it('an edited case with no audit row is what it cannot see (README: a crash leaves no seal)', async () => {
    const r = await tamperAndOpen(TAMPERING['an edited case']!, 'seal removed', true, false);
    expect(r.health.readOnly).toBe(false);
  }, 30_000);

  it('a close without the seal (a stopped seed) is a crash to the next start: the whole file is checked, then writes are taken', async () => {
    const r = await tamperAndOpen(() => {}, 'seal left as it was', false, false);
    expect(r.health.readOnly).toBe(false);
    const dir = join(place.dir, `case-${n - 1}`);
    const first = await open(dir);
    await first.checked();
    const login = (await first.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { value: { token: string } };
    expect(await first.call('cases.register', minimalComplaint({ subject: '封签之前' }), login.value.token)).toMatchObject({ ok: true });
    first.close({ seal: false });
    expect(existsSync(sealFile(databaseFile(dir)))).toBe(false);
    const next = await open(dir);
    try {
      expect(next.check).toMatchObject({ running: true, writesHeld: true, step: expect.stringMatching(/上次未正常关闭/) });
      await next.checked();
      expect(next.health.readOnly).toBe(false);
      const again = (await next.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { value: { token: string } };
      expect(await next.call('cases.register', minimalComplaint({ subject: '重新打开之后' }), again.value.token)).toMatchObject({ ok: true });
    } finally {
      next.close();
    }
    expect(existsSync(sealFile(databaseFile(dir)))).toBe(true);
  }, 30_000);
});

describe('the first start with an office key', () => {
  it('trusts a register sealed the old way once, says so, and seals it with the key at the next close', async () => {
    const dir = join(place.dir, 'upgrade');
    const keys = join(place.dir, 'upgrade-keys');
    cpSync(original, dir, { recursive: true });
    const file = databaseFile(dir);
    const { createHash } = await import('node:crypto');
    writeFileSync(sealFile(file), JSON.stringify({ size: statSync(file).size, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') }));
    const core = await createCore({ dataDir: dir, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog, keyDir: keys });
    const status = (await core.call('setup.status', {}, null)) as { value: { notice?: string } };
    expect(status.value.notice).toMatch(/首次信任/);
    await core.checked();
    expect(core.health.readOnly).toBe(false);
    core.close();
    expect(JSON.parse(readFileSync(sealFile(file), 'utf8'))).toMatchObject({ format: 'complaintdesk-seal', keyId: openKeyring(keys).current.id });
  }, 30_000);

  it('finds a register changed after its old seal was written', async () => {
    const dir = join(place.dir, 'upgrade-changed');
    cpSync(original, dir, { recursive: true });
    const file = databaseFile(dir);
    const { createHash } = await import('node:crypto');
    writeFileSync(sealFile(file), JSON.stringify({ size: statSync(file).size, sha256: createHash('sha256').update(readFileSync(file)).digest('hex') }));
    const db = new Database(file);
    TAMPERING['an edited case']!(db);
    db.close();
    const core = await createCore({ dataDir: dir, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog, keyDir: join(place.dir, 'upgrade-keys-2') });
    await core.checked();
    expect(core.health.problem?.code).toBe('changedWhileClosed');
    core.close();
  }, 30_000);
});

describe('a copy of the folder taken to another PC (another office key)', () => {
  it('is not trusted: read-only, with the way to bring the office key', async () => {
    const dir = join(place.dir, 'elsewhere');
    mkdirSync(dir);
    copyFileSync(databaseFile(original), databaseFile(dir));
    copyFileSync(sealFile(databaseFile(original)), sealFile(databaseFile(dir)));
    const core = await createCore({ dataDir: dir, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog, keyDir: join(place.dir, 'other-pc-keys') });
    expect(core.health.problem).toMatchObject({ code: 'foreignKey', message: expect.stringMatching(/恢复码/) });
    const login = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { ok: boolean; value: { token: string } };
    const write = (await core.call('cases.register', minimalComplaint(), login.value.token)) as { ok: boolean; error: { code: string; message: string } };
    expect(write).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^数据文件的封签由另一把办公室密钥制作.*本次操作未执行.*恢复码/) } });
    core.close();
  }, 30_000);
});
