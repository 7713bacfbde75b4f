import type { Migration } from './types';

/**
 * Printed notices ([E]; DESIGN.md "Data": issued notices are immutable). A number per type and
 * year, taken inside the issuing transaction; each notice keeps the data it was printed with (a
 * JSON snapshot) and the SHA-256 of its PDF in the vault. A correction is a new notice that names
 * the one it supersedes. Every print and save as PDF is a row (and a case event).
 */
const schema = `
CREATE TABLE notice_numbers (
  type TEXT NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL CHECK (last > 0),
  PRIMARY KEY (type, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  type TEXT NOT NULL CHECK (type IN ('receipt', 'acceptance', 'refusal', 'materials', 'referral', 'mediationNotice', 'mediationAgreement', 'mediationEnded', 'outcome')),
  year INTEGER NOT NULL,
  seq INTEGER NOT NULL CHECK (seq > 0),
  number TEXT NOT NULL UNIQUE,
  issued_at TEXT NOT NULL,
  issued_by INTEGER NOT NULL REFERENCES users(id),
  snapshot TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  pages INTEGER NOT NULL CHECK (pages > 0),
  supersedes INTEGER UNIQUE REFERENCES notices(id),
  correction_reason TEXT,
  UNIQUE (type, year, seq),
  CHECK ((supersedes IS NULL) = (correction_reason IS NULL))
) STRICT;
CREATE INDEX notices_case ON notices(case_id, id);

-- An issued notice never changes and is never removed: a correction is a new row.
CREATE TRIGGER notices_immutable BEFORE UPDATE ON notices
BEGIN SELECT RAISE(ABORT, 'issued notices are immutable; issue a correction instead'); END;
CREATE TRIGGER notices_kept BEFORE DELETE ON notices
BEGIN SELECT RAISE(ABORT, 'issued notices are kept'); END;

CREATE TABLE notice_prints (
  id INTEGER PRIMARY KEY,
  notice_id INTEGER NOT NULL REFERENCES notices(id),
  at TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  how TEXT NOT NULL CHECK (how IN ('print', 'pdf'))
) STRICT;
CREATE INDEX notice_prints_notice ON notice_prints(notice_id);
`;

export const notices: Migration = {
  version: 6,
  name: 'notices',
  up(db) {
    db.exec(schema);
  },
};
