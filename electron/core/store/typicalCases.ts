import type { TypicalRow } from '../../../shared/api/schemas/typical';
import type { Db } from '../db/open';

export interface TypicalRecord {
  caseId: number;
  markedAt: string;
  markedBy: { id: number; displayName: string };
  nameBusiness: boolean;
  title: string | null;
  body: string | null;
  savedAt: string | null;
  savedBy: { id: number; displayName: string } | null;
  exports: number;
  lastExportedAt: string | null;
}

interface Row {
  case_id: number;
  marked_at: string;
  marked_by: number;
  marked_by_name: string;
  name_business: number;
  title: string | null;
  body: string | null;
  saved_at: string | null;
  saved_by: number | null;
  saved_by_name: string | null;
  exports: number;
  last_exported_at: string | null;
}

const toRecord = (r: Row): TypicalRecord => ({
  caseId: r.case_id,
  markedAt: r.marked_at,
  markedBy: { id: r.marked_by, displayName: r.marked_by_name },
  nameBusiness: r.name_business === 1,
  title: r.title,
  body: r.body,
  savedAt: r.saved_at,
  savedBy: r.saved_by === null ? null : { id: r.saved_by, displayName: r.saved_by_name ?? '' },
  exports: r.exports,
  lastExportedAt: r.last_exported_at,
});

/** The SQL of 典型案例 (migration 0013, typical_cases): marking, the saved write-up, the list. */
export function createTypicalStore(db: Db) {
  const one = db.prepare(
    `SELECT t.*, m.display_name AS marked_by_name, s.display_name AS saved_by_name FROM typical_cases t
       JOIN users m ON m.id = t.marked_by LEFT JOIN users s ON s.id = t.saved_by WHERE t.case_id = ?`,
  );
  const insert = db.prepare('INSERT INTO typical_cases (case_id, marked_at, marked_by) VALUES (?, ?, ?)');
  const save = db.prepare('UPDATE typical_cases SET title = ?, body = ?, name_business = ?, saved_at = ?, saved_by = ? WHERE case_id = ?');
  const exported = db.prepare('UPDATE typical_cases SET exports = exports + 1, last_exported_at = ? WHERE case_id = ?');
  const remove = db.prepare('DELETE FROM typical_cases WHERE case_id = ?');
  const count = db.prepare('SELECT COUNT(*) FROM typical_cases').pluck();
  // Newest marking first, read along its index; a page joins only its own rows to the register.
  const page = db.prepare(
    `SELECT t.case_id, t.marked_at, t.marked_by, m.display_name AS marked_by_name, t.title, t.exports, t.last_exported_at,
            c.case_no, c.subject, c.closed_on, COALESCE(k.name, c.category) AS category_name
       FROM typical_cases t
       JOIN cases c ON c.id = t.case_id
       JOIN users m ON m.id = t.marked_by
       LEFT JOIN catalog_items k ON k.kind = 'category' AND k.code = c.category
      ORDER BY t.marked_at DESC, t.case_id DESC LIMIT ? OFFSET ?`,
  );
  return {
    get(caseId: number): TypicalRecord | null {
      const r = one.get(caseId) as Row | undefined;
      return r ? toRecord(r) : null;
    },
    mark(caseId: number, at: string, by: number): void {
      insert.run(caseId, at, by);
    },
    save(caseId: number, w: { title: string; body: string; nameBusiness: boolean }, at: string, by: number): void {
      save.run(w.title, w.body, w.nameBusiness ? 1 : 0, at, by, caseId);
    },
    /** Called with the row's content already on the case's timeline (typical_unmarked). */
    remove(caseId: number): void {
      remove.run(caseId);
    },
    exported(caseId: number, at: string): void {
      exported.run(at, caseId);
    },
    list(pageNo: number, pageSize: number): { rows: TypicalRow[]; total: number } {
      const rows = (page.all(pageSize, (pageNo - 1) * pageSize) as (Row & { case_no: string; subject: string; closed_on: string | null; category_name: string })[]).map((r) => ({
        caseId: r.case_id,
        caseNo: r.case_no,
        subject: r.subject,
        categoryName: r.category_name,
        closedOn: r.closed_on,
        markedAt: r.marked_at,
        markedBy: { id: r.marked_by, displayName: r.marked_by_name },
        title: r.title,
        exports: r.exports,
        lastExportedAt: r.last_exported_at,
      }));
      return { rows, total: count.get() as number };
    },
  };
}
export type TypicalStore = ReturnType<typeof createTypicalStore>;
