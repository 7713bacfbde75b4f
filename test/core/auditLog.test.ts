import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import type { Logger } from '../../electron/core/ports';
import { databaseFile } from '../../electron/core/paths';
import { minimalComplaint, openRegister, quietLog, type Register } from './harness';

let reg: Register;
beforeEach(async () => {
  reg = await openRegister();
  await reg.must('cases.register', minimalComplaint());
  await reg.must('cases.register', minimalComplaint());
});
afterEach(() => reg.close());

/** A second connection to the register's file, as anything else on the PC could open one. */
function outside<T>(work: (db: Database.Database) => T): T {
  const db = new Database(databaseFile(reg.dir));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const rows = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();

/** 32 zero bytes: a hash of the stored form that no row's content gives. */
const ZERO = `x'${'00'.repeat(32)}'`;

describe('the append-only logs refuse every rewrite SQL offers', () => {
  // Each statement would replace, edit, remove or insert into history; none may change a row.
  const rewrites: [string, string][] = [
    ['INSERT OR REPLACE', "INSERT OR REPLACE INTO audit_log (id, at, user_id, action, entity, entity_id, data, hash) SELECT id, at, user_id, 'x', entity, entity_id, data, hash FROM audit_log WHERE id = 2"],
    ['REPLACE INTO', "REPLACE INTO audit_log (id, at, user_id, action, entity, entity_id, data, hash) SELECT id, at, user_id, 'x', entity, entity_id, data, hash FROM audit_log WHERE id = 2"],
    ['INSERT OR IGNORE of an existing id', `INSERT OR IGNORE INTO audit_log (id, at, action, data, hash) VALUES (2, 'x', 'x', '{}', ${ZERO})`],
    ['upsert', `INSERT INTO audit_log (id, at, action, data, hash) VALUES (2, 'x', 'x', '{}', ${ZERO}) ON CONFLICT(id) DO UPDATE SET action = 'x'`],
    ['UPDATE', "UPDATE audit_log SET action = 'x' WHERE id = 2"],
    ['UPDATE OR REPLACE of the id', 'UPDATE OR REPLACE audit_log SET id = 3 WHERE id = 2'],
    ['DELETE of all rows (no truncate shortcut)', 'DELETE FROM audit_log'],
    ['DELETE of one row', 'DELETE FROM audit_log WHERE id = 2'],
    ['a row put into the middle of history', `INSERT INTO audit_log (id, at, action, data, hash) SELECT 0, 'x', 'x', '{}', ${ZERO}`],
    ['a hash that is not 32 bytes', "INSERT INTO audit_log (at, action, data, hash) VALUES ('x', 'x', '{}', x'00')"],
  ];
  for (const [what, sql] of rewrites) {
    it(`audit_log: ${what}`, () => {
      outside((db) => {
        const before = rows(db, 'audit_log');
        expect(() => db.exec(sql)).toThrow(/audit_log|length\(hash\) = 32/);
        expect(rows(db, 'audit_log')).toEqual(before);
      });
    });
  }

  it('case_events: INSERT OR REPLACE, upsert, UPDATE and DELETE', () => {
    outside((db) => {
      const before = rows(db, 'case_events');
      for (const sql of [
        "INSERT OR REPLACE INTO case_events (id, case_id, at, user_id, type, data) VALUES (1, 1, 'x', 1, 'forged', '{}')",
        "REPLACE INTO case_events (id, case_id, at, user_id, type, data) VALUES (1, 1, 'x', 1, 'forged', '{}')",
        "INSERT INTO case_events (id, case_id, at, type) VALUES (1, 1, 'x', 'forged') ON CONFLICT(id) DO UPDATE SET type = 'forged'",
        "UPDATE case_events SET type = 'forged'",
        'DELETE FROM case_events',
      ]) {
        expect(() => db.exec(sql), sql).toThrow(/case_events is append-only/);
      }
      expect(rows(db, 'case_events')).toEqual(before);
    });
  });

  it('still takes the app’s own appends', async () => {
    await reg.must('cases.register', minimalComplaint());
    expect(reg.core.services.audit.verify()).toEqual({ ok: true, checked: 5 });
  });
});

describe('audit.verify and the chain head', () => {
  it('verifies the chain for an administrator or supervisor, and gives its head', async () => {
    const head = reg.core.services.audit.head();
    // setup's users.create, the sign-in, two registrations
    expect(head).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), rows: 4 });
    expect(await reg.must('audit.verify', {})).toEqual({ ok: true, checked: 4, head });
    await reg.must('users.create', { username: 'boss', displayName: '钱负责', password: 'boss-pass-1', role: 'supervisor' });
    await reg.must('users.create', { username: 'clerk', displayName: '陈登记', password: 'clerk-pass-1', role: 'clerk' });
    const boss = await reg.must<{ token: string }>('session.login', { username: 'boss', password: 'boss-pass-1' }, null);
    const clerk = await reg.must<{ token: string }>('session.login', { username: 'clerk', password: 'clerk-pass-1' }, null);
    expect((await reg.must<{ ok: boolean }>('audit.verify', {}, boss.token)).ok).toBe(true);
    const refused = await reg.call('audit.verify', {}, clerk.token);
    expect(refused.ok || refused.error.code).toBe('FORBIDDEN');
    // The head moves with every append.
    expect(reg.core.services.audit.head()).not.toEqual(head);
  });

  it('finds a row rewritten outside the app, on demand and at the next start, with a clear error in the log', async () => {
    outside((db) => {
      db.exec('DROP TRIGGER audit_log_append_only_update');
      db.prepare("UPDATE audit_log SET data = '{\"caseNo\":\"TS2026-09999\"}' WHERE id = 4").run();
    });
    expect(await reg.must('audit.verify', {})).toEqual({ ok: false, checked: 3, firstBroken: 4, head: reg.core.services.audit.head() });
    reg.core.close();
    const errors: string[] = [];
    const log: Logger = { info() {}, warn() {}, error: (m) => errors.push(m) };
    const reopened = await createCore({ dataDir: reg.dir, clock: reg.clock, log, backgroundDelayMs: 0 });
    try {
      // The start check's worker re-hashes the whole chain after the first answer, finds it, and switches the register to read-only.
      await reopened.checked();
      expect(reopened.health).toMatchObject({ readOnly: true, problem: { code: 'auditBroken', detail: '第 4 条起不符（已核对 3 条）' } });
      expect(errors).toContainEqual(expect.stringContaining('failed its check after start (auditBroken'));
    } finally {
      reopened.close();
    }
  });

  it('finds a row appended outside the app that does not chain onto the last (SQL can add it; only the hash tells)', async () => {
    outside((db) => db.exec(`INSERT INTO audit_log (at, action, data, hash) VALUES ('2026-06-02T10:00:00+08:00', 'cases.void', '{}', ${ZERO})`));
    expect(reg.core.services.audit.verify()).toEqual({ ok: false, checked: 4, firstBroken: 5 });
    // Written while the app ran, the row is in the head it keeps at its close: the whole chain re-hashed after the start finds it.
    reg.core.close();
    const reopened = await createCore({ dataDir: reg.dir, clock: reg.clock, log: quietLog, backgroundDelayMs: 0 });
    // A transaction the page's connection holds meanwhile does not keep the register writable.
    const held = reopened.db;
    held.exec('BEGIN');
    held.prepare('SELECT COUNT(*) FROM cases').get();
    try {
      await reopened.checked();
      expect(reopened.health).toMatchObject({ readOnly: true, problem: { code: 'auditBroken', detail: '第 5 条起不符（已核对 4 条）' } });
    } finally {
      if (held.open && held.inTransaction) held.exec('ROLLBACK');
      reopened.close();
    }
  });

  it('finds rows removed from the middle, and the head shows rows cut from the end', async () => {
    const anchored = reg.core.services.audit.head();
    outside((db) => {
      db.exec('DROP TRIGGER audit_log_append_only_delete');
      db.prepare('DELETE FROM audit_log WHERE id = 4').run();
    });
    // Cutting the last row leaves a chain that verifies: only a head kept elsewhere tells.
    expect(reg.core.services.audit.verify()).toEqual({ ok: true, checked: 3 });
    expect(reg.core.services.audit.head()).not.toEqual(anchored);
    outside((db) => db.prepare('DELETE FROM audit_log WHERE id = 2').run());
    expect(reg.core.services.audit.verify()).toEqual({ ok: false, checked: 1, firstBroken: 3 });
  });

  it('reports a whole chain at start', async () => {
    const head = reg.core.services.audit.head();
    const reopened = await reg.reopen();
    try {
      expect(reopened.health).toEqual({ readOnly: false, problem: null });
      expect(reopened.services.audit.verify()).toEqual({ ok: true, checked: 4 });
      expect(reopened.services.audit.head()).toEqual(head);
    } finally {
      reopened.close();
    }
  });
});
