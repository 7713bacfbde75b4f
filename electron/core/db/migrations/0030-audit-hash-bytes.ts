import type { Migration } from './types';

/** Rows copied between the upgrade screen's reports: ≈ 30 ms of work on the office's PC. */
const ROWS_A_SLICE = 10_000;

/** The SHA-256 the app wrote, as 64 lowercase hex digits: the only form the copy turns into bytes unchanged. */
const WRONG_FORM = "length(hash) <> 64 OR hash GLOB '*[^0-9a-f]*'";

/**
 * The audit log's hash as its 32 bytes, and without `prev_hash`. At a million cases the log holds
 * 12.5 million rows whose own fields are short (26 bytes of data for a registration, 62 for a
 * `cases.act`), so the two 64-character hex hashes were most of each row: 3 GB of a 13 GB register.
 * `prev_hash` repeated the row before's hash, and each row's hash already covers the one before
 * (services/audit.ts), so dropping it loses nothing the chain checks; the chain stays the same
 * chain (the hash is still taken over the hex of the one before), so the head kept beside the
 * office key, in each backup's manifest and on printed notices still matches.
 *
 * A hash not in the form the app writes (hand-edited) is not guessed at: the upgrade stops, rolled
 * back, and the register opens read-only saying which row (nothing saved is silently changed).
 *
 * What the old table held beyond the new one stays in the file as free pages, used again by new
 * rows before the file grows; a smaller file needs a VACUUM, which rewrites the whole file (README
 * "What the register's size is made of").
 */
export const auditHashBytes: Migration = {
  version: 30,
  name: 'audit-hash-bytes',
  *up(db) {
    db.exec(`CREATE TABLE audit_log_bytes (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  action TEXT NOT NULL,
  entity TEXT,
  entity_id INTEGER,
  data TEXT NOT NULL,
  hash BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT`);
    const last = (db.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number | null) ?? 0;
    const first = (db.prepare('SELECT MIN(id) FROM audit_log').pluck().get() as number | null) ?? 1;
    const wrong = db.prepare(`SELECT id FROM audit_log WHERE id > ? AND id <= ? AND (${WRONG_FORM}) ORDER BY id LIMIT 1`).pluck();
    const copy = db.prepare(
      'INSERT INTO audit_log_bytes (id, at, user_id, action, entity, entity_id, data, hash) SELECT id, at, user_id, action, entity, entity_id, data, unhex(hash) FROM audit_log WHERE id > ? AND id <= ?',
    );
    // Each slice leaves the old table as it is copied, so the next slice's rows go into the pages it
    // freed and the file does not grow by the new table (1.8 GB at a million cases). All of it is one
    // transaction with the version: a stop or a wrong row rolls every slice back.
    db.exec('DROP TRIGGER audit_log_append_only_delete');
    const remove = db.prepare('DELETE FROM audit_log WHERE id > ? AND id <= ?');
    const total = last - first + 1;
    for (let from = first - 1; from < last; from += ROWS_A_SLICE) {
      const to = Math.min(from + ROWS_A_SLICE, last);
      const bad = wrong.get(from, to) as number | undefined;
      if (bad !== undefined) throw new Error(`第 ${bad} 条审计记录的校验值不是程序写下的格式（可能被改动过），数据文件未升级`);
      copy.run(from, to);
      remove.run(from, to);
      yield { done: to - first + 1, total };
    }
    // Empty now; its other triggers go with it.
    db.exec('DROP TABLE audit_log');
    db.exec('ALTER TABLE audit_log_bytes RENAME TO audit_log');
    db.exec(`
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- A row goes after the last one; whether it chains onto it only its hash can say (services/audit.ts verifies it).
CREATE TRIGGER audit_log_at_end AFTER INSERT ON audit_log
WHEN NEW.id <> (SELECT MAX(id) FROM audit_log)
BEGIN SELECT RAISE(ABORT, 'audit_log rows go after the last row'); END;
`);
  },
};
