import { sentBackAnsweredBy } from '../../../shared/domain/workflow';
import type { Db } from '../db/open';
import type { CaseFactsStore } from './caseFacts';
import { carriesNotes, type CaseText } from './caseText';

export interface CaseEventInput {
  caseId: number;
  /** ISO-8601 with the office's offset. */
  at: string;
  /** null only for what the system does by itself. */
  userId: number | null;
  type: string;
  data: Record<string, unknown>;
}

export interface CaseEventRow {
  id: number;
  at: string;
  type: string;
  by: { id: number; displayName: string } | null;
  data: Record<string, unknown>;
}

/**
 * Every change to a case is an append-only event beside its current state (DESIGN.md "Data").
 * This is the one place events are written, so it is where each change also moves the case's
 * version (which `cases.act` compares to refuse a step taken on a stale view), its contribution to
 * the statistics, and, when the event carries words, the search index: none of them can be
 * forgotten by a feature. Call it inside the transaction that makes the change, after its writes.
 */
export function createCaseEvents(db: Db, derived: { text: CaseText; facts: CaseFactsStore }) {
  const insert = db.prepare('INSERT INTO case_events (case_id, at, user_id, type, data) VALUES (?, ?, ?, ?, ?)');
  const touch = db.prepare('UPDATE cases SET updated_at = ?, version = version + 1 WHERE id = ?');
  const sentBack = db.prepare('UPDATE cases SET sent_back_at = ? WHERE id = ?');
  const answers = new Set<string>(sentBackAnsweredBy);
  const ofCase = db.prepare(
    `SELECT e.id, e.at, e.type, e.data, e.user_id, u.display_name FROM case_events e
       LEFT JOIN users u ON u.id = e.user_id WHERE e.case_id = ? ORDER BY e.id`,
  );
  return {
    record(e: CaseEventInput): number {
      const id = Number(insert.run(e.caseId, e.at, e.userId, e.type, JSON.stringify(e.data)).lastInsertRowid);
      touch.run(e.at, e.caseId);
      // The 被退回 queue: a proposal sent back waits until its handler proposes again (or the desk decides).
      if (e.type === 'sendBack') sentBack.run(e.at, e.caseId);
      else if (answers.has(e.type)) sentBack.run(null, e.caseId);
      // A voided case carries the voided mark in the index (searchTokens.ts VOIDED_MARK).
      if (carriesNotes(e.data) || e.type === 'void') derived.text.index(e.caseId);
      derived.facts.refresh(e.caseId);
      // A voided complaint is no earlier complaint: a later one of the same person against the same business that counted
      // as its repeat is counted again (重复投诉, shared/domain/repeats.ts).
      if (e.type === 'void') derived.facts.refreshPeersOf(e.caseId);
      return id;
    },
    /** The case's timeline, oldest first. */
    list(caseId: number): CaseEventRow[] {
      return (ofCase.all(caseId) as { id: number; at: string; type: string; data: string; user_id: number | null; display_name: string | null }[]).map((r) => ({
        id: r.id,
        at: r.at,
        type: r.type,
        by: r.user_id === null ? null : { id: r.user_id, displayName: r.display_name ?? '' },
        data: JSON.parse(r.data) as Record<string, unknown>,
      }));
    },
  };
}
export type CaseEvents = ReturnType<typeof createCaseEvents>;
