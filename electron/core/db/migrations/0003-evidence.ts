import type { Database } from 'better-sqlite3';
import checklists from '../../../../resources/checklists/default-checklists.json';
import { DEFAULT_EVIDENCE_MAX_BYTES } from '../../../../shared/domain/evidence';
import type { Migration } from './types';

/**
 * Investigation checklists and the evidence vault (issue [D]; domain.md step 4 "调查").
 * - Checklist templates per category are versioned: an edit adds a version, and a case keeps the
 *   version it started with (case_checklists), its items copied so later edits never change it.
 * - Evidence rows point at vault files by SHA-256 (DESIGN.md "Data"); a row is written only after
 *   its file was renamed into the vault. Voiding keeps the row and the file (作废 with a reason).
 */
const schema = `
CREATE TABLE checklist_templates (
  id INTEGER PRIMARY KEY,
  category TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  items TEXT NOT NULL CHECK (json_valid(items) AND json_type(items) = 'array'),
  saved_at TEXT,
  saved_by INTEGER REFERENCES users(id),
  UNIQUE (category, version)
) STRICT;
CREATE TRIGGER checklist_templates_immutable BEFORE UPDATE ON checklist_templates
BEGIN SELECT RAISE(ABORT, 'a checklist template version never changes: save a new version'); END;

CREATE TABLE case_checklists (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  template_id INTEGER NOT NULL REFERENCES checklist_templates(id),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  mime TEXT NOT NULL,
  original_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('statement', 'document', 'physical', 'audiovisual', 'electronic', 'witness', 'appraisal', 'inspection')),
  description TEXT,
  source TEXT CHECK (source IN ('complainant', 'respondent', 'site', 'office', 'third_party', 'other')),
  captured_at TEXT,
  captured_at_from TEXT CHECK (captured_at_from IN ('exif', 'media', 'typed')),
  orientation INTEGER CHECK (orientation BETWEEN 1 AND 8),
  width INTEGER,
  height INTEGER,
  duration_seconds REAL,
  thumb_sha256 TEXT CHECK (thumb_sha256 IS NULL OR length(thumb_sha256) = 64),
  added_by INTEGER NOT NULL REFERENCES users(id),
  added_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by INTEGER REFERENCES users(id),
  void_reason TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX evidence_case ON evidence(case_id, id);
CREATE INDEX evidence_sha256 ON evidence(sha256);

CREATE TABLE case_checklist_items (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  from_template INTEGER NOT NULL CHECK (from_template IN (0, 1)),
  state TEXT NOT NULL DEFAULT 'todo' CHECK (state IN ('todo', 'done', 'na')),
  note TEXT,
  marked_by INTEGER REFERENCES users(id),
  marked_at TEXT,
  added_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX case_checklist_items_case ON case_checklist_items(case_id, position);

CREATE TABLE checklist_item_evidence (
  item_id INTEGER NOT NULL REFERENCES case_checklist_items(id),
  evidence_id INTEGER NOT NULL REFERENCES evidence(id),
  PRIMARY KEY (item_id, evidence_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX checklist_item_evidence_evidence ON checklist_item_evidence(evidence_id);
`;

/** The shipped templates become version 1 of each category (saved_at NULL: shipped with the program). */
function seedTemplates(db: Database): void {
  const insert = db.prepare('INSERT INTO checklist_templates (category, version, items) VALUES (?, 1, ?)');
  for (const [category, items] of Object.entries(checklists.templates)) insert.run(category, JSON.stringify(items));
}

/** Cases registered before this version start on version 1 of their category, as a new case would. */
function instantiateForExistingCases(db: Database): void {
  db.exec(`
    INSERT INTO case_checklists (case_id, template_id, created_at)
      SELECT c.id, t.id, c.created_at FROM cases c JOIN checklist_templates t ON t.category = c.category AND t.version = 1;
    INSERT INTO case_checklist_items (case_id, position, text, from_template, created_at)
      SELECT cc.case_id, j.key, j.value, 1, cc.created_at
        FROM case_checklists cc JOIN checklist_templates t ON t.id = cc.template_id, json_each(t.items) j
       ORDER BY cc.case_id, j.key;
  `);
}

export const evidence: Migration = {
  version: 3,
  name: 'evidence',
  up(db) {
    db.exec(schema);
    seedTemplates(db);
    instantiateForExistingCases(db);
    // Phone videos run to several GB; an office may raise or lower the limit (a setting, DESIGN.md).
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('evidence.maxBytes', JSON.stringify(DEFAULT_EVIDENCE_MAX_BYTES));
  },
};
