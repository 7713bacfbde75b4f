import type { Migration } from './types';

/**
 * 卷宗 (issue [H], domain.md step 9 结案归档): the archived case file of a closed or refused case,
 * one PDF frozen in the vault by its SHA-256, like an issued notice. A case reopened and closed
 * again gets its 卷宗 remade as the next version; every version is kept (rows are never updated or
 * deleted, as the notices' are not), so what was archived on a day can always be shown again.
 * `retention` (保管期限) and `anchor` (the audit chain's head it carries) are kept as printed.
 */
export const dossiers: Migration = {
  version: 17,
  name: 'dossiers',
  up(db) {
    db.exec(`CREATE TABLE dossiers (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  version INTEGER NOT NULL CHECK (version >= 1),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  pages INTEGER NOT NULL CHECK (pages >= 1),
  retention TEXT NOT NULL CHECK (retention IN ('永久', '定期30年', '定期10年')),
  anchor TEXT,
  made_by INTEGER NOT NULL REFERENCES users(id),
  made_at TEXT NOT NULL,
  UNIQUE (case_id, version)
) STRICT;
CREATE TRIGGER dossiers_immutable BEFORE UPDATE ON dossiers
BEGIN SELECT RAISE(ABORT, 'a made 卷宗 is immutable; make a new version instead'); END;
CREATE TRIGGER dossiers_kept BEFORE DELETE ON dossiers
BEGIN SELECT RAISE(ABORT, 'every version of a 卷宗 is kept'); END;`);
  },
};
