import type { CaseStatus } from '../../../shared/domain/caseStatus';
import { sentBackAnsweredBy } from '../../../shared/domain/workflow';
import type { Db } from '../db/open';
import { statementCache } from './statementCache';

/** The workflow's record on a case row: one JSON column per step's outcome, parsed by services/workflow/caseState.ts. */
export interface CaseWorkRow {
  id: number;
  case_no: string;
  status: CaseStatus;
  version: number;
  received_on: string;
  rule_set: string;
  handler_id: number | null;
  consent_mediation: number;
  accepted_on: string | null;
  paused: string | null;
  materials: string | null;
  proposal: string | null;
  refusal: string | null;
  referral: string | null;
  mediation: string | null;
  outcome: string | null;
  notified_at: string | null;
  closed_on: string | null;
  voided: string | null;
}

/** What the checks of an investigation's writes need of a case (services/cases/mayWork.ts). */
export interface WorkableCaseRow {
  id: number;
  caseNo: string;
  status: CaseStatus;
  category: string;
  handlerId: number | null;
}

export interface SessionRow {
  id: number;
  at: string;
  place: string;
  mode: 'onsite' | 'phone' | 'video';
  mediator: string;
  mediator_phone: string | null;
  bring: string | null;
  held: number | null;
  summary: string | null;
}

export interface FollowUpRow {
  at: string;
  user_id: number;
  satisfaction: number;
  note: string;
}

export interface EventRow {
  id: number;
  type: string;
  at: string;
  user_id: number;
  data: string;
}

const SENT_BACK_EVENTS = ['sendBack', ...sentBackAnsweredBy];

function create(db: Db) {
  const record = db.prepare(
    `SELECT id, case_no, status, version, received_on, rule_set, handler_id, consent_mediation, accepted_on, paused, materials,
            proposal, refusal, referral, mediation, outcome, notified_at, closed_on, voided
       FROM cases WHERE id = ?`,
  );
  const workable = db.prepare('SELECT id, case_no AS caseNo, status, category, handler_id AS handlerId FROM cases WHERE id = ?');
  const named = db.prepare('SELECT id, case_no AS caseNo FROM cases WHERE id = ?');
  const natures = db.prepare('SELECT nature FROM case_natures WHERE case_id = ?').pluck();
  const unrecorded = db.prepare('SELECT COUNT(*) FROM mediation_sessions WHERE case_id = ? AND held IS NULL').pluck();
  const replyAwaited = db.prepare("SELECT EXISTS (SELECT 1 FROM case_deadlines WHERE case_id = ? AND kind = 'businessReply' AND state IN ('running', 'paused'))").pluck();
  const followUpsSince = db.prepare('SELECT COUNT(*) FROM follow_ups WHERE case_id = ? AND at >= ?').pluck();
  const sessions = db.prepare('SELECT id, at, place, mode, mediator, mediator_phone, bring, held, summary FROM mediation_sessions WHERE case_id = ? ORDER BY at, id');
  const followUps = db.prepare('SELECT at, user_id, satisfaction, note FROM follow_ups WHERE case_id = ? ORDER BY id');
  const lastOfSendBack = db.prepare(
    `SELECT id, type, at, user_id, data FROM case_events WHERE case_id = ? AND type IN (${SENT_BACK_EVENTS.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT 1`,
  );
  const proposedBefore = db.prepare("SELECT data FROM case_events WHERE case_id = ? AND id < ? AND type IN ('refuse', 'proposeOutcome') ORDER BY id DESC LIMIT 1").pluck();
  const setStatus = db.prepare('UPDATE cases SET status = ? WHERE id = ?');
  // The workflow's columns a step sets come in a handful of combinations: each UPDATE prepared once.
  const update = statementCache(db, 32);
  const openSessions = db.prepare('SELECT id, at, held FROM mediation_sessions WHERE case_id = ? AND held IS NULL ORDER BY at, id');
  const addSession = db.prepare(
    `INSERT INTO mediation_sessions (case_id, at, place, mode, mediator, mediator_phone, bring, scheduled_by, scheduled_at)
     VALUES (@caseId, @at, @place, @mode, @mediator, @mediatorPhone, @bring, @by, @now)`,
  );
  const recordSession = db.prepare('UPDATE mediation_sessions SET held = ?, summary = ?, recorded_by = ?, recorded_at = ? WHERE id = ?');
  const addFollowUp = db.prepare('INSERT INTO follow_ups (case_id, at, user_id, satisfaction, note) VALUES (?, ?, ?, ?, ?)');
  const lastSatisfaction = db.prepare('SELECT satisfaction FROM follow_ups WHERE case_id = ? ORDER BY id DESC LIMIT 1').pluck();
  return {
    setStatus(caseId: number, status: CaseStatus): void {
      setStatus.run(status, caseId);
    },
    /** Sets the workflow's columns named (the caller passes only columns it may write); values already stored form. */
    update(caseId: number, columns: [string, unknown][]): void {
      update(`UPDATE cases SET ${columns.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...columns.map(([, v]) => v), caseId);
    },
    /** Sessions scheduled and not yet recorded, earliest first. */
    openSessions: (caseId: number) => openSessions.all(caseId) as Pick<SessionRow, 'id' | 'at' | 'held'>[],
    addSession(s: { caseId: number; at: string; place: string; mode: SessionRow['mode']; mediator: string; mediatorPhone: string | null; bring: string | null; by: number; now: string }): number {
      return Number(addSession.run(s).lastInsertRowid);
    },
    recordSession(id: number, held: boolean, summary: string, by: number, at: string): void {
      recordSession.run(held ? 1 : 0, summary, by, at, id);
    },
    addFollowUp(caseId: number, at: string, by: number, satisfaction: number, note: string): void {
      addFollowUp.run(caseId, at, by, satisfaction, note);
    },
    lastSatisfaction: (caseId: number) => lastSatisfaction.get(caseId) as number | undefined,
    record: (caseId: number) => record.get(caseId) as CaseWorkRow | undefined,
    workable: (caseId: number) => workable.get(caseId) as WorkableCaseRow | undefined,
    named: (caseId: number) => named.get(caseId) as { id: number; caseNo: string } | undefined,
    natures: (caseId: number) => natures.all(caseId) as string[],
    unrecordedSessions: (caseId: number) => unrecorded.get(caseId) as number,
    businessReplyAwaited: (caseId: number) => replyAwaited.get(caseId) === 1,
    followUpsSince: (caseId: number, at: string) => followUpsSince.get(caseId, at) as number,
    sessions: (caseId: number) => sessions.all(caseId) as SessionRow[],
    followUps: (caseId: number) => followUps.all(caseId) as FollowUpRow[],
    /** The last event that sent a proposal back or answered it (shared/domain/workflow.ts `sentBackAnsweredBy`). */
    lastOfSendBack: (caseId: number) => lastOfSendBack.get(caseId, ...SENT_BACK_EVENTS) as EventRow | undefined,
    /** The data of the last proposal made before event `beforeId`. */
    proposedBefore: (caseId: number, beforeId: number) => proposedBefore.get(caseId, beforeId) as string | undefined,
  };
}
export type CaseWork = ReturnType<typeof create>;

const byDb = new WeakMap<Db, CaseWork>();

/**
 * The SQL the workflow and the investigation's checks read a case by, prepared once per
 * connection (they are called from many services, each holding the connection, not the store).
 */
export function caseWorkOf(db: Db): CaseWork {
  let work = byDb.get(db);
  if (!work) byDb.set(db, (work = create(db)));
  return work;
}
