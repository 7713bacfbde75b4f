import type Database from 'better-sqlite3';
import { migrations } from '../../electron/core/db/migrations';

/**
 * What each migration since 38 changed, undone, so that a register made by today's app reads as an
 * older version left it (the tests of an upgrade from it). A migration added without its undo here
 * makes `asVersion` throw, naming it, rather than leave a register that is neither version.
 */
const UNDO: Record<number, string> = {
  39: 'DROP INDEX cases_in_hand',
  40: 'DROP INDEX cases_category_received; CREATE INDEX cases_category_received ON cases(category, received_at)',
  41: `DROP INDEX cases_handler_received; CREATE INDEX cases_handler_received ON cases(handler_id, received_at);
       DROP INDEX cases_region_received; CREATE INDEX cases_region_received ON cases(region, received_at)`,
  // Every item's text and time written out, in the tables of version 41 (NOT NULL), the links to evidence as they were.
  42: `CREATE TABLE items_41 (
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
INSERT INTO items_41 SELECT i.id, i.case_id, i.position, COALESCE(i.text, t.items ->> i.position), i.from_template, i.state, i.note, i.marked_by, i.marked_at, i.added_by, COALESCE(i.created_at, cc.created_at)
  FROM case_checklist_items i LEFT JOIN case_checklists cc ON cc.case_id = i.case_id LEFT JOIN checklist_templates t ON t.id = cc.template_id;
CREATE TABLE links_41 (
  item_id INTEGER NOT NULL REFERENCES case_checklist_items(id),
  evidence_id INTEGER NOT NULL REFERENCES evidence(id),
  PRIMARY KEY (item_id, evidence_id)
) STRICT, WITHOUT ROWID;
INSERT INTO links_41 SELECT * FROM checklist_item_evidence;
DROP TABLE checklist_item_evidence;
DROP TABLE case_checklist_items;
ALTER TABLE items_41 RENAME TO case_checklist_items;
ALTER TABLE links_41 RENAME TO checklist_item_evidence;
CREATE INDEX case_checklist_items_case ON case_checklist_items(case_id, position);
CREATE INDEX checklist_item_evidence_evidence ON checklist_item_evidence(evidence_id)`,
  43: 'DROP INDEX cases_number_length',
};

/** Puts a register of today's version back to `version` (38 at the earliest), in one transaction. */
export function asVersion(db: Database.Database, version: number): void {
  // The tables are rebuilt under their own names: the foreign keys would refuse the old ones' drop.
  db.pragma('foreign_keys = OFF');
  db.transaction(() => {
    for (let v = migrations.length; v > version; v--) {
      const undo = UNDO[v];
      if (!undo) throw new Error(`asVersion: migration ${v} (${migrations[v - 1]!.name}) has no undo in test/support/asVersion.ts`);
      db.exec(undo);
    }
    db.pragma(`user_version = ${version}`);
  })();
  db.pragma('foreign_keys = ON');
}
