import type { Migration } from './types';

/**
 * Hardening found by trying the register as an attacker would (issue [G]):
 * - sign-in attempts kept in the database, counted before the password is checked, so the pause
 *   holds against parallel guessing and across a restart;
 * - client request ids, so a creating operation retried after a lost answer returns its first
 *   result instead of creating a second record;
 * - the append-only logs closed against INSERT OR REPLACE (REPLACE deletes the old row without
 *   firing a delete trigger unless recursive triggers are on) and against rows that do not chain
 *   onto the last one;
 * - case numbers only for a four-digit year, whatever a caller manages to pass.
 */
const schema = `
CREATE TABLE login_attempts (
  id INTEGER PRIMARY KEY,
  -- trimmed and lower-cased, as user names are compared without case
  username TEXT NOT NULL,
  -- UTC instant (toISOString), so text order is time order
  at TEXT NOT NULL
) STRICT;
CREATE INDEX login_attempts_user ON login_attempts(username, at);
CREATE INDEX login_attempts_at ON login_attempts(at);

CREATE TABLE request_ids (
  user_id INTEGER NOT NULL REFERENCES users(id),
  request_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  -- SHA-256 of the input without its request id: the same id with other content is refused
  input_hash TEXT NOT NULL,
  -- the value first answered, as JSON
  result TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (user_id, request_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX request_ids_at ON request_ids(at);

CREATE TRIGGER audit_log_append_only_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TRIGGER audit_log_chained AFTER INSERT ON audit_log
WHEN NEW.id <> (SELECT MAX(id) FROM audit_log)
  OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), '${'0'.repeat(64)}')
BEGIN SELECT RAISE(ABORT, 'audit_log rows must chain onto the last row'); END;

CREATE TRIGGER case_events_append_only_replace BEFORE INSERT ON case_events
WHEN EXISTS (SELECT 1 FROM case_events WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

CREATE TRIGGER case_numbers_year BEFORE INSERT ON case_numbers
WHEN typeof(NEW.year) <> 'integer' OR NEW.year NOT BETWEEN 1000 AND 9999
BEGIN SELECT RAISE(ABORT, 'case_numbers: the year must have four digits'); END;
`;

export const hardening: Migration = {
  version: 5,
  name: 'hardening',
  up(db) {
    db.exec(schema);
  },
};
