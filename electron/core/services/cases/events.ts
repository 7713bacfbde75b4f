import type { Db } from '../../db/open';

export interface CaseEventInput {
  caseId: number;
  /** ISO-8601 with the office's offset. */
  at: string;
  /** null only for what the system does by itself. */
  userId: number | null;
  type: string;
  data: Record<string, unknown>;
}

/**
 * Every change to a case is an append-only event beside its current state (DESIGN.md "Data").
 * The one place events are written, so each also moves the case's version, which `cases.act`
 * compares to refuse a step taken on a stale view. Call it inside the transaction that makes the
 * change.
 */
export function createCaseEvents(db: Db) {
  const insert = db.prepare('INSERT INTO case_events (case_id, at, user_id, type, data) VALUES (?, ?, ?, ?, ?)');
  // Every change of a case is an event, so the event is what moves its version (API.md `version`).
  const touch = db.prepare('UPDATE cases SET updated_at = ?, version = version + 1 WHERE id = ?');
  return {
    record(e: CaseEventInput): number {
      const id = Number(insert.run(e.caseId, e.at, e.userId, e.type, JSON.stringify(e.data)).lastInsertRowid);
      touch.run(e.at, e.caseId);
      return id;
    },
  };
}
export type CaseEvents = ReturnType<typeof createCaseEvents>;
