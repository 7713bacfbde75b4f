import { createHash } from 'node:crypto';
import { closeSync, cpSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { databaseFile } from '../../electron/core/paths';
import { fixedClock, minimalComplaint, quietLog, tempDir } from './harness';

/**
 * Signing in while the start check holds writes (start/heldSignIn.ts). The check is made to take as
 * long as a million cases' does (`guardStarts`), so what a clerk meets in the morning is what the
 * test meets: the sign-in answers at once, reads are served, writes wait, and the sign-in's session
 * and rows are in the register once the file has passed.
 */
const place = tempDir('complaintdesk-held-sign-in-');
const keyDir = join(place.dir, 'keys');
const clock = fixedClock('2026-11-24T09:00:00+08:00');
let original: string;
afterAll(() => place.remove());

const login = { username: 'admin', password: 'correct horse' };

beforeAll(async () => {
  original = join(place.dir, 'original');
  const core = await createCore({ dataDir: original, clock, log: quietLog, keyDir, inlineCheckBytes: 0, backgroundDelayMs: 0 });
  await core.call('setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '王管理', password: 'correct horse' } }, null);
  const { value } = (await core.call('session.login', login, null)) as { value: { token: string } };
  expect(await core.call('cases.register', minimalComplaint({ subject: '封签之前' }), value.token)).toMatchObject({ ok: true });
  // Past the seal's first chunk (1 MiB, checked before the open), so a change there is the worker's to find.
  for (let i = 0; i < 120; i++) {
    const r = await core.call('cases.register', minimalComplaint({ subject: `商品${i}`, facts: `第${i}件：${'消费者购买商品后发现质量问题，要求退货退款，商家拒绝处理。'.repeat(150)}` }), value.token);
    expect(r.ok).toBe(true);
  }
  // A clerk whose name is paused for wrong passwords when the app is closed.
  expect(await core.call('users.create', { username: 'clerk', displayName: '李登记', password: 'clerk-pass-123', role: 'clerk', requestId: '7f0c6a53-95a4-4f43-9b4e-2f8d0a2e1c11' }, value.token)).toMatchObject({ ok: true });
  for (let i = 0; i < 5; i++) expect(await core.call('session.login', { username: 'clerk', password: 'wrong-pass' }, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  core.close();
  expect(statSync(databaseFile(original)).size).toBeGreaterThan(2 * 2 ** 20 + 4096);
}, 60_000);

/** A copy of the sealed register, opened with the check held until `go()`. */
async function openHeld(name: string): Promise<{ core: Core; dir: string; go: () => void }> {
  const dir = join(place.dir, name);
  cpSync(original, dir, { recursive: true });
  let go!: () => void;
  const guardStarts = new Promise<void>((resolve) => (go = resolve));
  const core = await createCore({ dataDir: dir, clock, log: quietLog, keyDir, inlineCheckBytes: 0, backgroundDelayMs: 0, guardStarts });
  return { core, dir, go };
}

/**
 * Settles with the call's result, or says it is still waiting after `ms`: long enough for a password's
 * hash on a busy machine (a sign-in held for the check would wait for ever here: the check is held).
 */
const soon = <T>(p: Promise<T>, ms = 5000) => Promise.race([p, new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), ms))]);

/** What the register in `dir` holds, read on a connection of its own. */
function inRegister<T>(dir: string, read: (db: Database.Database) => T): T {
  const db = new Database(databaseFile(dir), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const auditActions = (dir: string) =>
  inRegister(dir, (db) => db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[]).filter((a) => a.startsWith('session.') || a === 'cases.register');
/** The audit rows of an action (a LIKE pattern). */
const auditCount = (dir: string, action: string) => inRegister(dir, (db) => db.prepare('SELECT COUNT(*) FROM audit_log WHERE action LIKE ?').pluck().get(action));

/** Signs admin in while writes are held (the sign-in answers at once), and gives the session's token. */
const signIn = async (core: Core) => ((await soon(core.call('session.login', login, null))) as { ok: true; value: { token: string } }).value.token;

describe('signing in while the start check holds writes', () => {
  it('answers at once; reads are served, writes wait; once the file passes, the session and its rows are in the register before any other write', async () => {
    const { core, dir, go } = await openHeld('passes');
    try {
      expect(core.check).toMatchObject({ running: true, writesHeld: true });
      const before = auditActions(dir);
      const signedIn = (await soon(core.call('session.login', login, null))) as { ok: true; value: { token: string } } | 'waiting';
      expect(signedIn).not.toBe('waiting');
      const token = (signedIn as { value: { token: string } }).value.token;
      expect(await core.call('cases.search', {}, token)).toMatchObject({ ok: true, value: { total: 121 } });
      expect(await core.call('session.me', {}, token)).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
      expect(await soon(core.call('session.login', { ...login, password: 'wrong horse' }, null))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      // A write waits for the check; nothing has been written yet.
      const registering = core.call('cases.register', minimalComplaint({ subject: '检查期间登记' }), token);
      expect(await soon(registering, 1000)).toBe('waiting');
      expect(auditActions(dir)).toEqual(before);

      go();
      await core.checked();
      expect(core.check.writesHeld).toBe(false);
      expect(await registering).toMatchObject({ ok: true });
      // The sign-ins' rows first, in their order, then the registration that waited.
      expect(auditActions(dir).slice(before.length)).toEqual(['session.login', 'session.login.failed', 'cases.register']);
      // The session taken in memory is the table's now, by the same token.
      const kept = inRegister(dir, (db) => db.prepare('SELECT user_id, created_at FROM sessions WHERE token_hash = ?').get(createHash('sha256').update(token).digest('hex')));
      expect(kept).toEqual({ user_id: 1, created_at: clock.now().toISOString() });
      expect(await core.call('cases.search', {}, token)).toMatchObject({ ok: true, value: { total: 122 } });
      expect(core.services!.audit.verify().ok).toBe(true);
    } finally {
      core.close();
    }
  });

  it('keeps a name paused before the restart paused, and the wrong passwords tried meanwhile count after it', async () => {
    const { core, dir, go } = await openHeld('throttle');
    try {
      expect(await soon(core.call('session.login', { username: 'clerk', password: 'clerk-pass-123' }, null))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      for (let i = 0; i < 5; i++) expect(await soon(core.call('session.login', { ...login, password: 'wrong horse' }, null))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(await soon(core.call('session.login', login, null))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      go();
      await core.checked();
      // Written when writes were let through: admin's five, beside the clerk's five from before.
      const counts = inRegister(dir, (db) => db.prepare('SELECT username, COUNT(*) AS n FROM login_attempts GROUP BY username ORDER BY username').all());
      expect(counts).toEqual([
        { username: 'admin', n: 5 },
        { username: 'clerk', n: 5 },
      ]);
      expect(await core.call('session.login', login, null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      core.close();
    }
  });

  it('writes nothing when the file fails its check: the register turns read-only and the session ends', async () => {
    const { core, dir, go } = await openHeld('fails');
    try {
      const before = auditActions(dir);
      const signedIn = (await soon(core.call('session.login', login, null))) as { ok: true; value: { token: string } };
      expect(signedIn).toMatchObject({ ok: true });
      // Bytes deep in the file changed before the worker read them: to the check, a file changed while closed.
      const fd = openSync(databaseFile(dir), 'r+');
      writeSync(fd, Buffer.from('改过'), 0, 6, 2 * 2 ** 20 + 1000);
      closeSync(fd);
      go();
      await core.checked();
      expect(core.health.readOnly).toBe(true);
      expect(await core.call('cases.search', {}, signedIn.value.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(auditActions(dir)).toEqual(before);
    } finally {
      core.close();
    }
  });
});

describe('work that writes beside its answer, while the start check holds writes', () => {
  const exportRows = (dir: string) => inRegister(dir, (db) => db.prepare("SELECT json_extract(data, '$.rows') FROM audit_log WHERE action = 'exports.register'").pluck().all());

  it('writes the spreadsheet at once, and offers it once the row saying who took the cases is on the audit chain', async () => {
    const { core, dir, go } = await openHeld('export');
    try {
      const token = await signIn(core);
      const started = (await core.call('exports.start', { kind: 'register', filters: {} }, token)) as { ok: true; value: { id: string } };
      expect(started).toMatchObject({ ok: true });
      const progress = async () => ((await core.call('exports.progress', { id: started.value.id }, token)) as { value: { state: string; done: number; error: string | null; awaitingCheck: boolean } }).value;
      // Every row written; the file waits for its record, and says so (before, the record failed and took the file with it).
      await expect.poll(progress, { timeout: 20_000 }).toMatchObject({ done: 121, awaitingCheck: true });
      await new Promise((r) => setTimeout(r, 300));
      expect(await progress()).toMatchObject({ state: 'running', error: null, awaitingCheck: true });
      expect(exportRows(dir)).toEqual([]);
      go();
      await core.checked();
      await expect.poll(progress).toMatchObject({ state: 'done', awaitingCheck: false });
      expect(exportRows(dir)).toEqual([121]);
      expect(core.services!.audit.verify().ok).toBe(true);
    } finally {
      core.close();
    }
  });

  it('cancelled while it waits for its record, leaves no file and no record', async () => {
    const { core, dir, go } = await openHeld('export-cancelled');
    try {
      const token = await signIn(core);
      const started = (await core.call('exports.start', { kind: 'stats', period: { from: '2026-11-01', to: '2026-11-30' } }, token)) as { ok: true; value: { id: string } };
      const progress = async () => ((await core.call('exports.progress', { id: started.value.id }, token)) as { value: { state: string; awaitingCheck: boolean } }).value;
      await expect.poll(progress, { timeout: 20_000 }).toMatchObject({ state: 'running', awaitingCheck: true });
      expect(await core.call('exports.cancel', { id: started.value.id }, token)).toMatchObject({ ok: true });
      go();
      await core.checked();
      await expect.poll(progress).toMatchObject({ state: 'cancelled' });
      expect(await core.call('exports.file', { id: started.value.id }, token)).toMatchObject({ ok: false });
      expect(auditCount(dir, 'exports.%')).toBe(0);
    } finally {
      core.close();
    }
  });

  it('checks the evidence once writes are let through, and records the check then (it was refused as if the folder could not be written)', async () => {
    const { core, dir, go } = await openHeld('verify');
    try {
      const verifying = core.call('evidence.verify', {}, await signIn(core));
      expect(await soon(verifying, 1000)).toBe('waiting');
      go();
      await core.checked();
      expect(await verifying).toMatchObject({ ok: true, value: { checked: 0, problems: [] } });
      expect(auditCount(dir, 'evidence.verify')).toBe(1);
    } finally {
      core.close();
    }
  });
});
