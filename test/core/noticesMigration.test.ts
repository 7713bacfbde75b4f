import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { quietLog, tempDir } from './harness';

/** The notices migration, N−1 → N on a register that already holds data (style.md, Signal). */
const tmp = tempDir();
afterAll(() => tmp.remove());

describe('migration "notices"', () => {
  it('adds the notice tables to a register with cases, keeping them, and refuses edits of issued notices', async () => {
    const at = migrations.findIndex((m) => m.name === 'notices');
    expect(at).toBeGreaterThan(0);
    const file = join(tmp.dir, 'before-notices.sqlite');
    const db = new Database(file);
    await migrate(db, file, quietLog, migrations.slice(0, at));
    db.prepare("INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES ('admin', '王管理', 'x', 'admin', '2026-11-23T09:00:00+08:00')").run();
    db.prepare("INSERT INTO respondents (name, created_at) VALUES ('某某公司', '2026-11-23T09:00:00+08:00')").run();
    db.prepare(
      `INSERT INTO cases (case_no, received_at, received_on, channel, category, status, complainant_name, complainant_id_type, complainant_phone,
         respondent_id, subject, facts, request, consent_mediation, registered_by, created_at, updated_at)
       VALUES ('TS2026-00001', '2026-11-23T09:00:00+08:00', '2026-11-23', 'visit', 'G01', 'registered', '张三', 'resident', '13812345678',
         1, '电视机', '坏了', '退货', 1, 1, '2026-11-23T09:00:00+08:00', '2026-11-23T09:00:00+08:00')`,
    ).run();

    const result = await migrate(db, file, quietLog);
    expect(result).toMatchObject({ from: at, to: migrations.length });
    expect(db.prepare('SELECT case_no FROM cases').pluck().all()).toEqual(['TS2026-00001']);
    const insert = db.prepare(
      `INSERT INTO notices (case_id, type, year, seq, number, issued_at, issued_by, snapshot, sha256, size, pages)
       VALUES (1, 'receipt', 2026, ?, ?, '2026-11-23T09:00:00+08:00', 1, '{}', ?, 100, 1)`,
    );
    insert.run(1, '杭消协登〔2026〕1号', 'a'.repeat(64));
    expect(() => insert.run(1, '杭消协登〔2026〕1号x', 'b'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE notices SET snapshot = '{\"x\":1}'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM notices').run()).toThrow(/kept/);
    expect(() => db.prepare("INSERT INTO notice_prints (notice_id, at, user_id, how) VALUES (1, 'now', 1, 'fax')").run()).toThrow(/CHECK/);
    db.close();
  });
});
