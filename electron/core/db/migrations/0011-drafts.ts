import type { Migration } from './types';

/**
 * 草稿 (issue [B] "Never lose a half-typed form"): what a clerk has typed into a form and not yet
 * saved, kept in the register itself so a crash, a power cut or a closed window cannot take it.
 * One row per user, form and form instance (`key`: '' for a new registration, later e.g. the
 * enquiry it came from); the form's values as JSON, bounded in size. A draft is no part of the
 * record: it is replaced as the clerk types, and removed when the case is saved or the clerk
 * discards it. Self-contained (one new table), so it does not depend on the migrations around it.
 */
export const drafts: Migration = {
  version: 11,
  name: 'drafts',
  up(db) {
    db.exec(`CREATE TABLE drafts (
  user_id INTEGER NOT NULL REFERENCES users(id),
  form TEXT NOT NULL CHECK (length(form) BETWEEN 1 AND 40),
  key TEXT NOT NULL CHECK (length(key) <= 100),
  data TEXT NOT NULL CHECK (length(CAST(data AS BLOB)) <= 65536 AND json_valid(data)),
  saved_at TEXT NOT NULL,
  PRIMARY KEY (user_id, form, key)
) STRICT, WITHOUT ROWID`);
  },
};
