import type { Migration } from './types';

/** Items copied between the upgrade screen's reports: ≈ 30 ms of work (2.9 µs an item at a million cases). */
const ITEMS_A_SLICE = 10_000;

/**
 * A case's checklist items no longer repeat their template's text and the checklist's time. Each
 * case copied its template's items (5.5 a case, 0.5 GB of a million-case register), and almost all
 * of them are never touched. A template version never changes (its trigger, 0003), so an item the
 * template gave at its own position is read from the template: `text` NULL means "the case's
 * template's item at `position`", `created_at` NULL means "when the case's checklist was made"
 * (services/checklist/caseChecklist.ts resolves both and writes them out before a corrected
 * category moves the case to another template). Item ids stay, so the evidence linked to an item,
 * the API and the case's events keep naming the same items.
 *
 * An item is emptied only where the template gives back exactly what it holds, so nothing read
 * changes. The links to evidence move with their items (to a table of the same shape), because
 * the old items cannot be deleted while links point at them.
 *
 * The old table's pages stay in the file as free pages, used again by new rows before the file
 * grows (as after 0030; README "What the register's size is made of").
 */
export const checklistCopies: Migration = {
  version: 42,
  name: 'checklist-copies',
  *up(db) {
    db.exec(`CREATE TABLE case_checklist_items_kept (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  position INTEGER NOT NULL,
  text TEXT CHECK (text IS NOT NULL OR from_template = 1),
  from_template INTEGER NOT NULL CHECK (from_template IN (0, 1)),
  state TEXT NOT NULL DEFAULT 'todo' CHECK (state IN ('todo', 'done', 'na')),
  note TEXT,
  marked_by INTEGER REFERENCES users(id),
  marked_at TEXT,
  added_by INTEGER REFERENCES users(id),
  created_at TEXT
) STRICT;
CREATE TABLE checklist_item_evidence_kept (
  item_id INTEGER NOT NULL REFERENCES case_checklist_items_kept(id),
  evidence_id INTEGER NOT NULL REFERENCES evidence(id),
  PRIMARY KEY (item_id, evidence_id)
) STRICT, WITHOUT ROWID`);
    const last = (db.prepare('SELECT MAX(id) FROM case_checklist_items').pluck().get() as number | null) ?? 0;
    const first = (db.prepare('SELECT MIN(id) FROM case_checklist_items').pluck().get() as number | null) ?? 1;
    const copy = db.prepare(`INSERT INTO case_checklist_items_kept (id, case_id, position, text, from_template, state, note, marked_by, marked_at, added_by, created_at)
  SELECT i.id, i.case_id, i.position,
         CASE WHEN i.from_template = 1 AND i.text IS (t.items ->> i.position) THEN NULL ELSE i.text END,
         i.from_template, i.state, i.note, i.marked_by, i.marked_at, i.added_by,
         CASE WHEN i.created_at IS cc.created_at THEN NULL ELSE i.created_at END
    FROM case_checklist_items i
    LEFT JOIN case_checklists cc ON cc.case_id = i.case_id
    LEFT JOIN checklist_templates t ON t.id = cc.template_id
   WHERE i.id > ? AND i.id <= ?`);
    const copyLinks = db.prepare('INSERT INTO checklist_item_evidence_kept (item_id, evidence_id) SELECT item_id, evidence_id FROM checklist_item_evidence WHERE item_id > ? AND item_id <= ?');
    const removeLinks = db.prepare('DELETE FROM checklist_item_evidence WHERE item_id > ? AND item_id <= ?');
    const remove = db.prepare('DELETE FROM case_checklist_items WHERE id > ? AND id <= ?');
    // Each slice leaves the old tables as it is copied, so the next slice's rows go into the pages
    // it freed. All of it is one transaction with the version: a stop rolls every slice back.
    const total = last - first + 1;
    for (let from = first - 1; from < last; from += ITEMS_A_SLICE) {
      const to = Math.min(from + ITEMS_A_SLICE, last);
      copy.run(from, to);
      copyLinks.run(from, to);
      removeLinks.run(from, to);
      remove.run(from, to);
      yield { done: to - first + 1, total };
    }
    // Foreign keys are on, so every link names an item within the slices; one left behind would be
    // lost with the old table, so the upgrade stops rather than drop it.
    const left = db.prepare('SELECT COUNT(*) FROM checklist_item_evidence').pluck().get() as number;
    if (left) throw new Error(`有 ${left} 条调查清单与证据的关联指向不存在的清单项，数据文件未升级`);
    db.exec(`DROP TABLE checklist_item_evidence;
DROP TABLE case_checklist_items;
ALTER TABLE case_checklist_items_kept RENAME TO case_checklist_items;
ALTER TABLE checklist_item_evidence_kept RENAME TO checklist_item_evidence;
CREATE INDEX case_checklist_items_case ON case_checklist_items(case_id, position);
CREATE INDEX checklist_item_evidence_evidence ON checklist_item_evidence(evidence_id)`);
  },
};
