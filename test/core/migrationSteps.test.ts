import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { quietLog, tempDir } from './harness';
import { PDF_NOT_READ } from '../../shared/domain/evidenceText';
import { VOIDED_MARK } from '../../electron/core/store/searchTokens';
import { chainHash, createAudit, GENESIS } from '../../electron/core/services/audit';
import { runCheck } from '../../electron/core/integrity/checkWorker';

/**
 * Each migration that changes rows, run on a register of the version before it that holds such rows
 * (the migrations' list, the schema snapshot and the pragmas: migrations.test.ts).
 */
const tmp = tempDir();
afterAll(() => tmp.remove());

/**
 * A register at the version before the migration named, with a clerk and a business to hang cases on;
 * `upgrade()` runs that one migration.
 */
async function registerBefore(name: string, version: number, as = name) {
  const file = join(tmp.dir, `before-${as}.sqlite`);
  const db = new Database(file);
  const at = migrations.findIndex((m) => m.name === name);
  expect(at + 1).toBe(version);
  await migrate(db, file, quietLog, migrations.slice(0, at));
  db.exec(`
    INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'clerk', '陈登记', 'clerk', 'x', '2026-06-01T09:00:00+08:00');
    INSERT INTO respondents (id, name, created_at) VALUES (1, '温州健身会所', '2026-06-01T09:00:00+08:00');
  `);
  return {
    db,
    file,
    async upgrade() {
      await migrate(db, file, quietLog, migrations.slice(0, at + 1));
      expect(db.pragma('user_version', { simple: true })).toBe(version);
    },
  };
}

/**
 * 赵敏's complaint against business 1, registered by user 1 on 2 June, in the columns every version
 * since the workflow (2) holds; `more` adds columns of later versions or changes any of these.
 */
function insertCase(db: Database.Database, id: number, more: Record<string, string | number> = {}): void {
  const row: Record<string, string | number> = {
    id,
    case_no: `TS2026-${String(id).padStart(5, '0')}`,
    received_at: '2026-06-02T10:00:00+08:00',
    received_on: '2026-06-02',
    channel: 'visit',
    category: 'S04',
    status: 'registered',
    complainant_name: '赵敏',
    complainant_id_type: 'resident',
    complainant_phone: '13700003333',
    respondent_id: 1,
    subject: '健身卡',
    facts: '会所关门跑路。',
    request: '退还余额',
    consent_mediation: 1,
    rule_set: 'order121',
    registered_by: 1,
    created_at: '2026-06-02T10:00:00+08:00',
    updated_at: '2026-06-02T10:00:00+08:00',
    ...more,
  };
  const columns = Object.keys(row);
  db.prepare(`INSERT INTO cases (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
}

describe('migration 2 (workflow) on a register that holds cases', () => {
  it('turns each acceptance deadline into a row under the rules of its receipt date, and keeps every case', async () => {
    const file = join(tmp.dir, 'v1-with-cases.sqlite');
    const db = new Database(file);
    const workflowAt = migrations.findIndex((m) => m.name === 'workflow');
    await migrate(db, file, quietLog, migrations.slice(0, workflowAt));
    db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'clerk', '陈登记', 'clerk', 'x', '2026-04-01T00:00:00Z')").run();
    db.prepare("INSERT INTO respondents (id, name, created_at) VALUES (1, '某某商店', '2026-04-01T00:00:00Z')").run();
    const insert = db.prepare(
      `INSERT INTO cases (case_no, received_at, received_on, channel, category, status, complainant_name, complainant_id_type, complainant_phone,
         respondent_id, subject, facts, request, consent_mediation, acceptance_due_on, deadline_provisional, registered_by, created_at, updated_at)
       VALUES (?, ?, ?, 'visit', 'G01', 'registered', '张三', 'resident', '13812345678', 1, '电视', '坏了', '退货', 1, ?, ?, 1, ?, ?)`,
    );
    insert.run('TS2026-00001', '2026-04-14T10:00:00+08:00', '2026-04-14', '2026-04-23', 0, '2026-04-14T10:00:00+08:00', '2026-04-14T10:00:00+08:00');
    insert.run('TS2026-00002', '2026-12-28T10:00:00+08:00', '2026-12-28', '2027-01-06', 1, '2026-12-28T10:00:00+08:00', '2026-12-28T10:00:00+08:00');
    await migrate(db, file, quietLog);
    expect(db.prepare('SELECT case_no, rule_set, version FROM cases ORDER BY id').all()).toEqual([
      { case_no: 'TS2026-00001', rule_set: 'order20', version: 1 },
      { case_no: 'TS2026-00002', rule_set: 'order121', version: 1 },
    ]);
    expect(db.prepare('SELECT case_id, kind, start_on, limit_amount, limit_unit, due_on, provisional, state, rule_set FROM case_deadlines ORDER BY case_id').all()).toEqual([
      { case_id: 1, kind: 'acceptance', start_on: '2026-04-14', limit_amount: 7, limit_unit: 'workingDays', due_on: '2026-04-23', provisional: 0, state: 'running', rule_set: 'order20' },
      { case_id: 2, kind: 'acceptance', start_on: '2026-12-28', limit_amount: 7, limit_unit: 'workingDays', due_on: '2027-01-06', provisional: 1, state: 'running', rule_set: 'order121' },
    ]);
    const columns = (db.prepare('PRAGMA table_info(cases)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('acceptance_due_on');
    expect(db.prepare("SELECT COUNT(*) FROM catalog_items WHERE kind = 'measure'").pluck().get()).toBe(12);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'limits.acceptanceWorkingDays'").get()).toBeUndefined();
    // Stamped with each case's last change, never the PC's clock (a migration has none).
    expect(db.prepare('SELECT created_at FROM case_deadlines ORDER BY case_id').pluck().all()).toEqual(['2026-04-14T10:00:00+08:00', '2026-12-28T10:00:00+08:00']);
    db.close();
  });
});

describe('migration 7 (register store) on a register that holds cases', () => {
  it('indexes every case for search without the old copy of its text, and counts it in the statistics', async () => {
    const file = join(tmp.dir, 'v6-with-cases.sqlite');
    const db = new Database(file);
    const at = migrations.findIndex((m) => m.name === 'register-store');
    await migrate(db, file, quietLog, migrations.slice(0, at));
    db.exec(`
      INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'clerk', '陈登记', 'clerk', 'x', '2026-06-01T09:00:00+08:00');
      INSERT INTO respondents (id, name, credit_code, created_at) VALUES (1, '温州健身会所', NULL, '2026-06-01T09:00:00+08:00');
    `);
    insertCase(db, 1, { status: 'accepted', facts: '会所关门跑路，预付卡余额无法退还。', version: 2, accepted_on: '2026-06-03' });
    db.exec(`
      INSERT INTO case_natures (case_id, nature) VALUES (1, 'contract');
      INSERT INTO case_search (rowid, body) VALUES (1, 'TS2026-00001 赵敏 13700003333 健身卡 会所关门跑路，预付卡余额无法退还。 退还余额 温州健身会所');
    `);
    await migrate(db, file, quietLog);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'case_search'").get()).toBeUndefined();
    const found = (q: string) => db.prepare('SELECT rowid FROM case_index WHERE case_index MATCH ?').pluck().all(q);
    expect(found('"预付 付卡"')).toEqual([1]);
    expect(found('{short} : "赵"*')).toEqual([1]);
    expect(db.prepare("SELECT received, accepted FROM stats_daily WHERE dim = 'category' AND key = 'S04' AND day = '2026-06-02'").get()).toEqual({ received: 1, accepted: 1 });
    expect(db.prepare("SELECT COUNT(*) FROM case_stats").pluck().get()).toBe(1);
    db.close();
  });
});

describe('migration 10 (enquiries) on a register that holds cases', () => {
  it('adds an empty enquiry log beside the cases, counted in 统计 by office date and linkable to a case once', async () => {
    const file = join(tmp.dir, 'v9-with-cases.sqlite');
    const db = new Database(file);
    const at = migrations.findIndex((m) => m.name === 'enquiries');
    expect(at).toBe(9);
    await migrate(db, file, quietLog, migrations.slice(0, at));
    db.exec(`
      INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'clerk', '陈登记', 'clerk', 'x', '2026-06-01T09:00:00+08:00');
      INSERT INTO respondents (id, name, created_at) VALUES (1, '温州健身会所', '2026-06-01T09:00:00+08:00');
    `);
    insertCase(db, 1);
    expect((await migrate(db, file, quietLog)).to).toBe(migrations.length);
    expect(db.prepare('SELECT case_no FROM cases').pluck().all()).toEqual(['TS2026-00001']);
    expect(db.prepare('SELECT COUNT(*) FROM enquiries').pluck().get()).toBe(0);
    const insert = db.prepare(
      "INSERT INTO enquiries (received_at, received_on, channel, topic, answer, logged_by, at) VALUES (?, ?, 'phone', '预付卡能否退', '可投诉', 1, ?)",
    );
    insert.run('2026-06-02T23:30:00+08:00', '2026-06-02', '2026-06-02T23:31:00+08:00');
    insert.run('2026-06-03T08:00:00+08:00', '2026-06-03', '2026-06-03T08:01:00+08:00');
    const count = db.prepare('SELECT COUNT(*) FROM enquiries WHERE received_on BETWEEN ? AND ?').pluck();
    expect(count.get('2026-06-02', '2026-06-02')).toBe(1);
    expect(db.prepare('EXPLAIN QUERY PLAN SELECT COUNT(*) FROM enquiries WHERE received_on BETWEEN ? AND ?').all('2026-01-01', '2026-12-31').map((r) => (r as { detail: string }).detail).join(' | ')).toMatch(
      /SEARCH enquiries USING COVERING INDEX enquiries_received_on \(received_on>\? AND received_on<\?\)/,
    );
    db.prepare('UPDATE enquiries SET case_id = 1 WHERE id = 1').run();
    expect(() => db.prepare('UPDATE enquiries SET case_id = 1 WHERE id = 2').run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO enquiries (received_at, received_on, channel, topic, answer, logged_by, at) VALUES ('x', 'x', 'phone', '', 'a', 1, 'x')").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration drafts on a register that holds users and cases', () => {
  it('adds the drafts table, keeps every row, and refuses a draft that is not JSON or too large', async () => {
    const file = join(tmp.dir, 'before-drafts.sqlite');
    const db = new Database(file);
    const at = migrations.findIndex((m) => m.name === 'drafts');
    expect(at).toBeGreaterThan(0);
    await migrate(db, file, quietLog, migrations.slice(0, at));
    db.exec(`
      INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'clerk', '陈登记', 'clerk', 'x', '2026-11-01T09:00:00+08:00');
      INSERT INTO respondents (id, name, created_at) VALUES (1, '某某公司', '2026-11-01T09:00:00+08:00');
    `);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'drafts'").get()).toBeUndefined();
    await migrate(db, file, quietLog, migrations.slice(0, at + 1));
    expect(db.pragma('user_version', { simple: true })).toBe(at + 1);
    expect(db.prepare('SELECT username FROM users').pluck().all()).toEqual(['clerk']);
    const insert = db.prepare("INSERT INTO drafts (user_id, form, key, data, saved_at) VALUES (1, 'register', ?, ?, '2026-11-02T09:41:00+08:00')");
    insert.run('', '{"subject":"手机"}');
    expect(() => insert.run('', '{}')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('b', 'not json')).toThrow(/CHECK/);
    expect(() => insert.run('c', JSON.stringify({ facts: '字'.repeat(22_000) }))).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO drafts (user_id, form, key, data, saved_at) VALUES (99, 'register', '', '{}', 'x')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration intake-fields (13) on a register that holds cases', () => {
  it('keeps every case as it was, with no agent, no purchase place and no request types, and checks an agent is whole', async () => {
    const file = join(tmp.dir, 'before-intake-fields.sqlite');
    const db = new Database(file);
    const at = migrations.findIndex((m) => m.name === 'intake-fields');
    expect(at).toBe(12);
    await migrate(db, file, quietLog, migrations.slice(0, at));
    db.exec(`
      INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'clerk', '陈登记', 'clerk', 'x', '2026-11-01T09:00:00+08:00');
      INSERT INTO respondents (id, name, created_at) VALUES (1, '温州健身会所', '2026-11-01T09:00:00+08:00');
    `);
    const november = '2026-11-02T10:00:00+08:00';
    insertCase(db, 1, { received_at: november, received_on: '2026-11-02', purchased_on: '2026-01-02', created_at: november, updated_at: november });
    const before = db.prepare('SELECT * FROM cases').get() as Record<string, unknown>;
    await migrate(db, file, quietLog, migrations.slice(0, at + 1));
    expect(db.pragma('user_version', { simple: true })).toBe(at + 1);
    expect(db.prepare('SELECT * FROM cases').get()).toEqual({
      ...before,
      agent_name: null,
      agent_phone: null,
      agent_relation: null,
      agent_authorized: null,
      purchase_shop: null,
      purchase_platform: null,
      order_no: null,
      request_types: '[]',
    });
    const set = (sql: string) => () => db.prepare(`UPDATE cases SET ${sql} WHERE id = 1`).run();
    expect(set("agent_name = '李四'")).toThrow(/CHECK/);
    expect(set("agent_name = '李四', agent_phone = '13700001111'")).toThrow(/CHECK/);
    expect(set("agent_phone = '13700001111'")).toThrow(/CHECK/);
    expect(set("request_types = 'refund'")).toThrow(/CHECK/);
    expect(set("request_types = '{}'")).toThrow(/CHECK/);
    set("agent_name = '李四', agent_phone = '13700001111', agent_authorized = 0, order_no = 'JD123', request_types = '[\"refund\"]'")();
    expect(db.prepare('SELECT agent_name, agent_authorized, order_no, request_types FROM cases').get()).toEqual({ agent_name: '李四', agent_authorized: 0, order_no: 'JD123', request_types: '["refund"]' });
    db.close();
  });
});

describe('migration 14 (evidence text) on a register that holds evidence', () => {
  it('queues the pictures already on the register for reading, lists PDFs as not read, and leaves voided items and videos alone', async () => {
    const { db, upgrade } = await registerBefore('evidence-text', 14);
    insertCase(db, 1);
    const insert = db.prepare(
      `INSERT INTO evidence (id, case_id, sha256, size, mime, original_name, kind, added_by, added_at, voided_at, voided_by, void_reason)
       VALUES (?, 1, ?, 10, ?, ?, 'electronic', 1, '2026-06-02T10:05:00+08:00', ?, ?, ?)`,
    );
    insert.run(1, 'a'.repeat(64), 'image/png', '截图.png', null, null, null);
    insert.run(2, 'b'.repeat(64), 'image/jpeg', '误传.jpg', '2026-06-02T11:00:00+08:00', 1, '误传');
    insert.run(3, 'c'.repeat(64), 'application/pdf', '发票.pdf', null, null, null);
    insert.run(4, 'd'.repeat(64), 'video/mp4', '视频.mp4', null, null, null);
    await upgrade();
    expect(db.prepare('SELECT id, original_name, text, text_state, text_note FROM evidence ORDER BY id').all()).toEqual([
      { id: 1, original_name: '截图.png', text: null, text_state: 'pending', text_note: null },
      { id: 2, original_name: '误传.jpg', text: null, text_state: 'cancelled', text_note: null },
      { id: 3, original_name: '发票.pdf', text: null, text_state: 'skipped', text_note: expect.stringContaining('PDF') },
      { id: 4, original_name: '视频.mp4', text: null, text_state: null, text_note: null },
    ]);
    // The queue's look-up is the partial index, whatever the register holds.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM evidence WHERE text_state = 'pending' AND voided_at IS NULL AND id > ? ORDER BY id LIMIT 1").all(0);
    expect(plan.map((r) => (r as { detail: string }).detail).join(' | ')).toMatch(/evidence_text_pending/);
    expect(() => db.prepare("UPDATE evidence SET text_state = 'maybe' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE evidence SET text = ? WHERE id = 1').run('字'.repeat(20_001))).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 17 (dossiers) on a register that holds a closed case', () => {
  it('keeps every case, starts with no 卷宗, and keeps each version frozen: no update, no delete, no second version 1', async () => {
    const file = join(tmp.dir, 'before-dossiers.sqlite');
    const db = new Database(file);
    const at = migrations.findIndex((m) => m.name === 'dossiers');
    expect(at).toBe(16);
    await migrate(db, file, quietLog, migrations.slice(0, at));
    db.exec(`
      INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'boss', '孙主任', 'supervisor', 'x', '2026-06-01T09:00:00+08:00');
      INSERT INTO respondents (id, name, created_at) VALUES (1, '温州健身会所', '2026-06-01T09:00:00+08:00');
    `);
    insertCase(db, 1, { status: 'closed', updated_at: '2026-06-20T10:00:00+08:00', closed_on: '2026-06-20' });
    await migrate(db, file, quietLog, migrations.slice(0, at + 1));
    expect(db.pragma('user_version', { simple: true })).toBe(at + 1);
    expect(db.prepare('SELECT case_no, status FROM cases').all()).toEqual([{ case_no: 'TS2026-00001', status: 'closed' }]);
    expect(db.prepare('SELECT COUNT(*) FROM dossiers').pluck().get()).toBe(0);
    const insert = db.prepare(
      "INSERT INTO dossiers (case_id, version, sha256, size, pages, retention, anchor, made_by, made_at) VALUES (1, ?, ?, 1000, 12, ?, NULL, 1, '2026-06-21T09:00:00+08:00')",
    );
    insert.run(1, 'a'.repeat(64), '定期30年');
    expect(() => insert.run(1, 'b'.repeat(64), '定期30年')).toThrow(/UNIQUE/);
    expect(() => insert.run(2, 'b'.repeat(64), '长期')).toThrow(/CHECK/);
    insert.run(2, 'b'.repeat(64), '永久');
    expect(() => db.prepare("UPDATE dossiers SET pages = 1 WHERE version = 1").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM dossiers WHERE version = 1').run()).toThrow(/kept/);
    expect(db.prepare('SELECT version, retention FROM dossiers ORDER BY version').all()).toEqual([
      { version: 1, retention: '定期30年' },
      { version: 2, retention: '永久' },
    ]);
    db.close();
  });
});

describe('migration 18 (pdf-text) on a register that holds evidence', () => {
  it('queues again the PDFs an older version listed as not read, and leaves pictures, voided PDFs and read ones alone', async () => {
    const { db, upgrade } = await registerBefore('pdf-text', 18);
    insertCase(db, 1);
    const insert = db.prepare(
      `INSERT INTO evidence (id, case_id, sha256, size, mime, original_name, kind, added_by, added_at, voided_at, voided_by, void_reason, text, text_state, text_note)
       VALUES (?, 1, ?, 10, ?, ?, 'document', 1, '2026-06-02T10:05:00+08:00', ?, ?, ?, ?, ?, ?)`,
    );
    insert.run(1, 'a'.repeat(64), 'application/pdf', '发票.pdf', null, null, null, null, 'skipped', PDF_NOT_READ);
    insert.run(2, 'b'.repeat(64), 'application/pdf', '误传.pdf', '2026-06-02T11:00:00+08:00', 1, '误传', null, 'skipped', PDF_NOT_READ);
    insert.run(3, 'c'.repeat(64), 'image/png', '截图.png', null, null, null, '订单编号 1', 'done', null);
    await upgrade();
    expect(db.prepare('SELECT id, text, text_state, text_note FROM evidence ORDER BY id').all()).toEqual([
      { id: 1, text: null, text_state: 'pending', text_note: null },
      { id: 2, text: null, text_state: 'skipped', text_note: PDF_NOT_READ },
      { id: 3, text: '订单编号 1', text_state: 'done', text_note: null },
    ]);
    db.close();
  });
});

describe('migration 19 (voided-mark) on a register that holds a voided case', () => {
  it('marks the voided cases in the token index, and only them, keeping their words findable', async () => {
    const { db, upgrade } = await registerBefore('voided-mark', 19);
    insertCase(db, 1);
    insertCase(db, 2, { status: 'voided' });
    // As the version before indexed them: the same tokens, no mark.
    for (const id of [1, 2]) db.prepare("INSERT INTO case_index (rowid, short, long) VALUES (?, '赵敏 敏', '跑路 路')").run(id);
    const find = (expr: string) => db.prepare('SELECT rowid FROM case_index WHERE case_index MATCH ? ORDER BY rowid').pluck().all(expr);
    expect(find(`{short} : ${VOIDED_MARK}`)).toEqual([]);
    await upgrade();
    expect(find(`{short} : ${VOIDED_MARK}`)).toEqual([2]);
    expect(find('"跑路"')).toEqual([1, 2]);
    expect(find(`"跑路" NOT ({short} : ${VOIDED_MARK})`)).toEqual([1]);
    expect(find(`"赵敏" AND ({short} : ${VOIDED_MARK})`)).toEqual([2]);
    db.close();
  });
});

describe('migration 20 (next-due-status)', () => {
  it('gives the nearest-deadline index the status, keeping the cases and their order', async () => {
    const { db, upgrade } = await registerBefore('next-due-status', 20);
    const columns = () => db.prepare("SELECT name FROM pragma_index_xinfo('cases_next_due') WHERE key = 1").pluck().all();
    expect(columns()).toEqual([null, 'next_due_on', 'id']);
    await upgrade();
    expect(columns()).toEqual([null, 'next_due_on', 'id', 'status']);
    db.close();
  });
});

describe('migration 21 (short-keys)', () => {
  it('plans the re-index of every case registered so far, and nothing on an empty register', async () => {
    const empty = await registerBefore('short-keys', 21, 'short-keys-empty');
    await empty.upgrade();
    expect(empty.db.prepare("SELECT value FROM settings WHERE key = 'search.reindex'").pluck().get()).toBeUndefined();
    empty.db.close();

    const { db, upgrade } = await registerBefore('short-keys', 21);
    insertCase(db, 1);
    insertCase(db, 7);
    await upgrade();
    expect(JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'search.reindex'").pluck().get() as string)).toMatchObject({ lastId: 0, through: 7 });
    db.close();
  });
});

describe('migration 22 (index-merges-apart)', () => {
  it('turns FTS5’s own merging of the search index off, leaving its merges to the upkeep', async () => {
    const { db, upgrade } = await registerBefore('index-merges-apart', 22);
    const config = () => db.prepare("SELECT k, v FROM case_index_config WHERE k IN ('automerge', 'deletemerge') ORDER BY k").all();
    expect(config()).toEqual([]);
    await upgrade();
    expect(config()).toEqual([
      { k: 'automerge', v: 0 },
      { k: 'deletemerge', v: 0 },
    ]);
    db.close();
  });
});

describe('migration 23 (respondent-months)', () => {
  it('counts each business’s cases and 解决 per month of receipt from the counted contributions, leaving voided cases out', async () => {
    const { db, upgrade } = await registerBefore('respondent-months', 23);
    db.exec("INSERT INTO respondents (id, name, created_at) VALUES (2, '瓯海某某家电', '2026-06-01T09:00:00+08:00')");
    // received, accepted, resolved, recovered_fen, punitive_cases, punitive_fen, lawsuit, finished, handling_days, in_time, repeats
    const counted = (resolved: number) => JSON.stringify([1, 1, resolved, 0, 0, 0, 0, 0, 0, 0, 0]);
    const voided = JSON.stringify([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const put = db.prepare("INSERT INTO case_stats (case_id, day, keys, measures, respondent_id) VALUES (?, ?, '[]', ?, ?)");
    const cases: [id: number, day: string, measures: string, respondent: number][] = [
      [1, '2026-06-02', counted(1), 1],
      [2, '2026-06-30', counted(0), 1],
      [3, '2026-07-01', counted(1), 1],
      [4, '2026-06-15', voided, 2],
      [5, '2026-06-16', counted(0), 2],
    ];
    for (const [id, day, measures, respondent] of cases) {
      insertCase(db, id, { received_on: day, received_at: `${day}T10:00:00+08:00`, respondent_id: respondent, ...(measures === voided ? { status: 'voided' } : {}) });
      put.run(id, day, measures, respondent);
    }
    await upgrade();
    expect(db.prepare('SELECT respondent_id, month, received, resolved FROM respondent_months ORDER BY respondent_id, month').all()).toEqual([
      { respondent_id: 1, month: '2026-06', received: 2, resolved: 1 },
      { respondent_id: 1, month: '2026-07', received: 1, resolved: 1 },
      { respondent_id: 2, month: '2026-06', received: 1, resolved: 0 },
    ]);
    db.close();
  });
});

describe('migration 25 (voided-index)', () => {
  it('gives the voided cases an index of their own, with their words, and leaves the register’s index whole', async () => {
    const { db, upgrade } = await registerBefore('voided-index', 25);
    insertCase(db, 1);
    insertCase(db, 2, { status: 'voided' });
    insertCase(db, 3, { status: 'voided', complainant_name: '钱多多', facts: '预付卡无法使用。' });
    for (const id of [1, 2, 3]) db.prepare("INSERT INTO case_index (rowid, short, long) VALUES (?, '赵敏 敏', '跑路 路')").run(id);
    await upgrade();
    const find = (table: string, expr: string) => db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).pluck().all(expr);
    expect(find('case_index_voided', '"跑路"')).toEqual([2]);
    expect(find('case_index_voided', '"预付 付卡"')).toEqual([3]);
    expect(find('case_index', '"跑路"')).toEqual([1, 2]);
    expect(find('case_index', '"预付 付卡"')).toEqual([3]);
    db.close();
  });
});

describe('migration 26 (enquiry-days)', () => {
  it('counts the enquiries already logged by their office date', async () => {
    const { db, upgrade } = await registerBefore('enquiry-days', 26);
    const put = db.prepare(
      "INSERT INTO enquiries (received_at, received_on, channel, topic, answer, logged_by, at) VALUES (?, ?, 'phone', '退款', '已答复', 1, ?)",
    );
    for (const [at, on] of [
      ['2026-06-01T23:50:00+08:00', '2026-06-01'],
      ['2026-06-02T00:10:00+08:00', '2026-06-02'],
      ['2026-06-02T09:00:00+08:00', '2026-06-02'],
      ['2026-06-30T16:00:00+08:00', '2026-06-30'],
    ]) put.run(at, on, at);
    await upgrade();
    expect(db.prepare('SELECT day, n FROM enquiry_days ORDER BY day').all()).toEqual([
      { day: '2026-06-01', n: 1 },
      { day: '2026-06-02', n: 2 },
      { day: '2026-06-30', n: 1 },
    ]);
    db.close();
  });
});

describe('migration 28 (respondent-names)', () => {
  it('puts every business’s name in pieces, its characters and pairs (ASCII letters as LIKE compares them)', async () => {
    const { db, upgrade } = await registerBefore('respondent-names', 28);
    db.exec("INSERT INTO respondents (id, name, created_at) VALUES (2, 'ABC眼镜', '2026-06-01T09:00:00+08:00')");
    await upgrade();
    const pieces = (id: number) => db.prepare('SELECT piece FROM respondent_names WHERE respondent_id = ? ORDER BY piece').pluck().all(id);
    expect(pieces(1)).toEqual(['会', '会所', '健', '健身', '州', '州健', '所', '温', '温州', '身', '身会'].sort());
    expect(pieces(2)).toEqual(['a', 'ab', 'b', 'bc', 'c', 'c眼', '眼', '眼镜', '镜'].sort());
    db.close();
  });
});

describe('migration 30 (audit-hash-bytes)', () => {
  /** Three rows chained as every version before 30 wrote them: both hashes as hex text. */
  function oldChain(db: Database.Database, rows = 3): string[] {
    const put = db.prepare('INSERT INTO audit_log (at, user_id, action, entity, entity_id, data, prev_hash, hash) VALUES (?, 1, ?, ?, ?, ?, ?, ?)');
    const hashes: string[] = [];
    let prev = GENESIS;
    for (let i = 1; i <= rows; i++) {
      const row = { at: `2026-06-0${i}T10:00:00+08:00`, userId: 1, action: 'cases.register', entity: 'case', entityId: i, data: `{"caseNo":"TS2026-0000${i}"}` };
      const hash = chainHash(prev, row);
      put.run(row.at, row.action, row.entity, row.entityId, row.data, prev, hash);
      hashes.push(hash);
      prev = hash;
    }
    return hashes;
  }

  it('keeps each hash as its 32 bytes and drops prev_hash: the same chain, the same head, and it takes new rows', async () => {
    const { db, file, upgrade } = await registerBefore('audit-hash-bytes', 30);
    const hashes = oldChain(db);
    // The start check's worker re-hashes the chain of either form (a backup of an older version is checked by it too).
    const whole = { ok: true, checked: 3, head: { hash: hashes[2], rows: 3 } };
    expect(await runCheck({ task: 'chain', file }).done).toEqual(whole);
    // The start reads a register before its upgrade (the chain from the kept mark): the old form verifies.
    expect(createAudit(db).verifyFrom({ id: 1, hash: hashes[0]! })).toEqual({ ok: true, checked: 2 });
    const before = createAudit(db).head();
    await upgrade();
    const columns = db.prepare("SELECT name, type FROM pragma_table_info('audit_log')").all();
    expect(columns).toContainEqual({ name: 'hash', type: 'BLOB' });
    expect(columns).not.toContainEqual(expect.objectContaining({ name: 'prev_hash' }));
    const stored = db.prepare('SELECT id, action, data, hash FROM audit_log ORDER BY id').all() as { id: number; action: string; data: string; hash: Buffer }[];
    expect(stored.map((r) => r.hash.toString('hex'))).toEqual(hashes);
    expect(stored.map((r) => r.data)).toEqual(['{"caseNo":"TS2026-00001"}', '{"caseNo":"TS2026-00002"}', '{"caseNo":"TS2026-00003"}']);
    const audit = createAudit(db);
    expect(audit.head()).toEqual(before);
    expect(audit.mark()).toEqual({ id: 3, hash: hashes[2] });
    expect(audit.verify()).toEqual({ ok: true, checked: 3 });
    expect(await runCheck({ task: 'chain', file, mark: { id: 2, hash: hashes[1]! } }).done).toEqual(whole);
    audit.append({ at: '2026-06-04T10:00:00+08:00', userId: 1, action: 'cases.void', entity: 'case', entityId: 1, data: {} });
    expect(audit.verify()).toEqual({ ok: true, checked: 4 });
    expect(audit.verifyFrom({ id: 3, hash: hashes[2]! })).toEqual({ ok: true, checked: 1 });
    // The log stays append-only after the table is rebuilt.
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET data = '{}' WHERE id = 1").run()).toThrow(/append-only/);
    db.close();
  });

  it('stops at a hash not in the form the app writes, naming the row, and leaves the register as it was', async () => {
    const { db } = await registerBefore('audit-hash-bytes', 30, 'audit-hash-bytes-edited');
    const hashes = oldChain(db);
    db.exec('DROP TRIGGER audit_log_append_only_update');
    // Upper case would turn into the same bytes and a chain that verifies again: not guessed at either.
    db.prepare('UPDATE audit_log SET hash = ? WHERE id = 2').run(hashes[1]!.toUpperCase());
    const rowsBefore = db.prepare('SELECT * FROM audit_log ORDER BY id').all();
    await expect(migrate(db, ':memory:', quietLog, migrations.slice(0, 30))).rejects.toThrow('第 2 条审计记录的校验值不是程序写下的格式');
    expect(db.pragma('user_version', { simple: true })).toBe(29);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(rowsBefore);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'audit_log_bytes'").get()).toBeUndefined();
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
    db.close();
  });
});
