import type { Migration } from './types';

/**
 * 典型案例 (issue [H]): the closed cases a supervisor marked as typical, and the write-up as last
 * saved. A table of its own, not a column of `cases`: the 典型案例 list reads its few rows from the
 * marking index instead of a register of a million cases, and nothing of a case's own row changes.
 * The marking and every export are also case events (what was exported, word for word) and audit
 * rows; `exports` and `last_exported_at` are kept here so the list shows them without reading events.
 */
export const typicalCases: Migration = {
  version: 15,
  name: 'typical-cases',
  up(db) {
    db.exec(`CREATE TABLE typical_cases (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  marked_at TEXT NOT NULL,
  marked_by INTEGER NOT NULL REFERENCES users(id),
  name_business INTEGER NOT NULL DEFAULT 0 CHECK (name_business IN (0, 1)),
  title TEXT CHECK (title IS NULL OR length(title) BETWEEN 1 AND 100),
  body TEXT CHECK (body IS NULL OR length(body) BETWEEN 1 AND 20000),
  saved_at TEXT,
  saved_by INTEGER REFERENCES users(id),
  exports INTEGER NOT NULL DEFAULT 0 CHECK (exports >= 0),
  last_exported_at TEXT
) STRICT`);
    db.exec('CREATE INDEX typical_cases_marked ON typical_cases(marked_at DESC, case_id)');
  },
};
