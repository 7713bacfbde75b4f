import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The physical floors the bench divides by, measured in the same run on the same file: the raw
 * SQL that reads the rows an answer holds (on a read-only connection in the bench process), a bare
 * INSERT of the same row at synchronous=FULL, and copy + SHA-256 of a file. Written against the
 * schema as it stands, read from the file itself, so they hold before and after the store changes.
 */

export type Db = Database.Database;

export function openReadOnly(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

const time = (f: () => unknown): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

function columnsOf(db: Db, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as { name: string }[]).map((c) => c.name);
}

/** The rows of a page of the register, by their ids: what a list answer holds, read the cheapest way. */
export function rowsById(db: Db): (ids: number[]) => number {
  const cols = new Set(columnsOf(db, 'cases'));
  const wanted = ['id', 'case_no', 'received_at', 'status', 'complainant_name', 'complainant_phone', 'subject', 'category', 'respondent_id', 'handler_id', 'next_due_on'].filter((c) => cols.has(c));
  const joinRespondent = cols.has('respondent_id');
  const byCount = new Map<number, Database.Statement>();
  return (ids) => {
    if (ids.length === 0) return time(() => db.prepare('SELECT 1').get());
    let s = byCount.get(ids.length);
    if (!s) {
      const marks = ids.map(() => '?').join(', ');
      s = db.prepare(
        joinRespondent
          ? `SELECT ${wanted.map((c) => `c.${c}`).join(', ')}, r.name FROM cases c JOIN respondents r ON r.id = c.respondent_id WHERE c.id IN (${marks})`
          : `SELECT ${wanted.join(', ')} FROM cases WHERE id IN (${marks})`,
      );
      byCount.set(ids.length, s);
    }
    const stmt = s;
    return time(() => stmt.all(...ids));
  };
}

/** Everything stored for one case: its row and the rows of every table keyed by `case_id`. */
export function caseRows(db: Db): (id: number) => number {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]).filter(
    (t) => t !== 'audit_log' && columnsOf(db, t).includes('case_id'),
  );
  const stmts = [db.prepare('SELECT * FROM cases WHERE id = ?'), ...tables.map((t) => db.prepare(`SELECT * FROM ${JSON.stringify(t)} WHERE case_id = ?`))];
  const respondent = db.prepare('SELECT * FROM respondents WHERE id = (SELECT respondent_id FROM cases WHERE id = ?)');
  return (id) => time(() => {
    for (const s of stmts) s.all(id);
    respondent.get(id);
  });
}

/** A period's cases by category with their sums: the least a statistics answer reads. */
export function periodRows(db: Db): (from: string, to: string) => number {
  const cols = new Set(columnsOf(db, 'cases'));
  const sums = ['resolved', 'recovered_fen', 'punitive_fen'].filter((c) => cols.has(c)).map((c) => `SUM(${c})`);
  const s = db.prepare(`SELECT category, COUNT(*)${sums.length ? `, ${sums.join(', ')}` : ''} FROM cases WHERE received_on BETWEEN ? AND ? GROUP BY category`);
  return (from, to) => time(() => s.all(from, to));
}

export function respondentRows(db: Db): (ids: number[]) => number {
  return (ids) => time(() => (ids.length ? db.prepare(`SELECT * FROM respondents WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) : null));
}

/**
 * A scratch database beside the register (same disk) with the `cases` table and its indexes as the
 * register has them, in WAL at synchronous=FULL: the floor of a durable registration is one INSERT
 * of the same row, committed.
 */
export function bareInsert(register: Db, dataDir: string): { insert(caseId: number): number; close(): void } {
  const dir = mkdtempSync(join(dirname(dataDir), '.bench-scratch-'));
  const scratch = new Database(join(dir, 'scratch.sqlite'));
  scratch.pragma('journal_mode = WAL');
  scratch.pragma('synchronous = FULL');
  // The parent tables (users, respondents) are not copied; the floor skips their lookups.
  scratch.pragma('foreign_keys = OFF');
  const ddl = register.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'cases' AND type IN ('table', 'index') AND sql IS NOT NULL ORDER BY type DESC").pluck().all() as string[];
  for (const sql of ddl) scratch.exec(sql);
  const cols = columnsOf(register, 'cases').filter((c) => c !== 'id');
  const read = register.prepare(`SELECT ${cols.join(', ')} FROM cases WHERE id = ?`).raw();
  const ins = scratch.prepare(`INSERT INTO cases (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  let n = 0;
  return {
    insert(caseId) {
      const row = read.get(caseId) as unknown[];
      // Unique columns get a fresh value, so every insert is a new row as a registration is.
      const values = row.map((v, i) => (cols[i] === 'case_no' ? `BENCH-${process.pid}-${++n}` : v));
      return time(() => ins.run(...values));
    },
    close() {
      scratch.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `fs.copyFile` of the file and Node's SHA-256 of the copy: what importing evidence cannot beat. */
export async function copyAndHash(source: string, targetDir: string): Promise<number> {
  const target = join(targetDir, `copy-${process.pid}-${Date.now()}`);
  const t0 = performance.now();
  copyFileSync(source, target);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(target, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  hash.digest('hex');
  const ms = performance.now() - t0;
  rmSync(target, { force: true });
  return ms;
}

/** Bytes of each table and index (SQLite's dbstat), largest first. */
export function sizeByObject(db: Db): { name: string; bytes: number }[] {
  try {
    return db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as { name: string; bytes: number }[];
  } catch {
    return [];
  }
}
