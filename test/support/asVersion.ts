import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { knownDays } from '../../electron/core/db/migrations/0050-known-days';

/**
 * What each migration since 38 changed, undone, so that a register made by today's app reads as an
 * older version left it (the tests of an upgrade from it). A migration added without its undo here
 * makes `asVersion` throw, naming it, rather than leave a register that is neither version.
 */
const UNDO_50 = 'DROP TABLE stats_known; ALTER TABLE case_stats DROP COLUMN known';

const UNDO: Record<number, string | ((db: Database.Database) => Promise<void>)> = {
  39: 'DROP INDEX cases_in_hand',
  40: 'DROP INDEX cases_category_received; CREATE INDEX cases_category_received ON cases(category, received_at)',
  41: `DROP INDEX cases_handler_received; CREATE INDEX cases_handler_received ON cases(handler_id, received_at);
       DROP INDEX cases_region_received; CREATE INDEX cases_region_received ON cases(region, received_at)`,
  // Every item's text and time written out into version 41's own tables (as its migrations made them), the links to evidence as they were.
  42: async (db) => {
    const table = await tableOf(41);
    db.exec(`${table('case_checklist_items', 'items_41')};
INSERT INTO items_41 SELECT i.id, i.case_id, i.position, COALESCE(i.text, t.items ->> i.position), i.from_template, i.state, i.note, i.marked_by, i.marked_at, i.added_by, COALESCE(i.created_at, cc.created_at)
  FROM case_checklist_items i LEFT JOIN case_checklists cc ON cc.case_id = i.case_id LEFT JOIN checklist_templates t ON t.id = cc.template_id;
${table('checklist_item_evidence', 'links_41')};
INSERT INTO links_41 SELECT * FROM checklist_item_evidence;
DROP TABLE checklist_item_evidence;
DROP TABLE case_checklist_items;
ALTER TABLE items_41 RENAME TO case_checklist_items;
ALTER TABLE links_41 RENAME TO checklist_item_evidence;
CREATE INDEX case_checklist_items_case ON case_checklist_items(case_id, position);
CREATE INDEX checklist_item_evidence_evidence ON checklist_item_evidence(evidence_id)`);
  },
  43: 'DROP INDEX cases_number_length',
  44: `DROP INDEX case_deadlines_state; DROP INDEX case_deadlines_late; DROP INDEX case_deadlines_late_kind;
       DROP INDEX case_deadlines_kind_state; CREATE INDEX case_deadlines_kind_state ON case_deadlines(kind, state, due_on)`,
  45: 'DROP INDEX cases_handler; CREATE INDEX cases_handler ON cases(handler_id, status)',
  46: 'DROP INDEX case_deadlines_met',
  47: 'DROP INDEX cases_punitive_days',
  48: 'DROP INDEX cases_category_number',
  // 49 changed no table, only how cases are indexed, and planned their re-index: the plan is dropped.
  // The index keeps today's tokens (an index is contentless: its older tokens cannot be made from it);
  // the upgrade plans the re-index again, and until it is done today's search looks every way.
  49: "DELETE FROM settings WHERE key = 'search.reindex'",
  50: UNDO_50,
  51: 'DROP INDEX cases_status_number',
  // The days known as 0050 makes them from the cases' columns (what version 51 kept), without the registration's.
  52: (db) => {
    db.exec(UNDO_50);
    for (const _ of knownDays.up(db) as Generator) continue;
    return Promise.resolve();
  },
};

/** A table's CREATE statement as the migrations up to `version` leave it, under another name. */
async function tableOf(version: number): Promise<(name: string, as: string) => string> {
  const fresh = new Database(':memory:');
  try {
    await migrate(fresh, ':memory:', { info() {}, warn() {}, error() {} }, migrations.slice(0, version));
    const sql = new Map(fresh.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all().map((r) => [(r as { name: string }).name, (r as { sql: string }).sql]));
    return (name, as) => sql.get(name)!.replace(`CREATE TABLE ${name} (`, `CREATE TABLE ${as} (`);
  } finally {
    fresh.close();
  }
}

/** Puts a register of today's version back to `version` (38 at the earliest), in one transaction. */
export async function asVersion(db: Database.Database, version: number): Promise<void> {
  // The tables are rebuilt under their own names: the foreign keys would refuse the old ones' drop.
  db.pragma('foreign_keys = OFF');
  db.exec('BEGIN IMMEDIATE');
  try {
    for (let v = migrations.length; v > version; v--) {
      const undo = UNDO[v];
      if (!undo) throw new Error(`asVersion: migration ${v} (${migrations[v - 1]!.name}) has no undo in test/support/asVersion.ts`);
      if (typeof undo === 'string') db.exec(undo);
      else await undo(db);
    }
    db.pragma(`user_version = ${version}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  db.pragma('foreign_keys = ON');
}
