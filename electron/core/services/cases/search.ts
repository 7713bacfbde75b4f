import type { z } from 'zod';
import type { CaseRow, casesSearch } from '../../../../shared/api/schemas/cases';
import type { UserView } from '../../../../shared/api/schemas/common';
import { addDays } from '../../../../shared/domain/calendar';
import { finalStatuses } from '../../../../shared/domain/caseStatus';
import { stateOn, timeLeft, workingDaysLeft, type DeadlineKind, type LimitUnit, type StoredDeadlineState } from '../../../../shared/domain/deadlines';
import { sentBackAnsweredBy, type CaseQueue } from '../../../../shared/domain/workflow';
import type { Db } from '../../db/open';
import { loadCalendar } from '../calendar';
import { textConditions } from './searchText';
import type { OfficeClock } from '../../officeClock';

type SearchInput = z.output<typeof casesSearch.input>;

const ACCEPTANCE_DUE = "(SELECT d.due_on FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'acceptance' ORDER BY d.id DESC LIMIT 1)";

const SORT_SQL: Record<SearchInput['sort'], string> = {
  'receivedAt:desc': 'c.received_at DESC, c.id DESC',
  'receivedAt:asc': 'c.received_at ASC, c.id ASC',
  'acceptanceDueOn:asc': `${ACCEPTANCE_DUE} ASC, c.id ASC`,
  // Matches the index cases_next_due, so the register reads "due first" without sorting every case.
  'dueOn:asc': 'c.next_due_on IS NULL, c.next_due_on, c.id',
  'caseNo:asc': 'c.case_no ASC',
  'caseNo:desc': 'c.case_no DESC',
};

const FINAL = finalStatuses.map((s) => `'${s}'`).join(', ');

/** Where a sent-back proposal can still be waiting: back at the counter, or back in the handler's investigation. */
const SENT_BACK_STATUSES = "'registered', 'investigating', 'mediating'";
/** Accepted and not yet finished nor referred: where a case needs a handler. */
const HANDLED_STATUSES = "'accepted', 'investigating', 'mediating', 'awaiting_approval', 'approved', 'notified', 'follow_up'";

/**
 * The work queues of 今日 (shared/domain/workflow.ts `caseQueues`) as conditions on the register,
 * each led by the status (index cases_status, or cases_handler with handler_id), so a queue reads
 * the cases in progress, never the whole archive.
 */
export const QUEUE_SQL: Record<CaseQueue, string> = {
  toAccept: "c.status = 'registered' AND c.materials IS NULL",
  awaitingMaterials: "c.status = 'registered' AND c.materials IS NOT NULL",
  // A refusal waiting for approval has no handler either, but was never accepted.
  unassigned: `c.handler_id IS NULL AND c.status IN (${HANDLED_STATUSES}) AND c.accepted_on IS NOT NULL`,
  referralReplied: "c.status = 'referred' AND json_extract(c.referral, '$.reply') IS NOT NULL",
  // The case's last sendBack is not yet answered (by a new proposal, or acceptance or referral at the counter).
  sentBack: `c.status IN (${SENT_BACK_STATUSES}) AND (SELECT e.type FROM case_events e WHERE e.case_id = c.id AND e.type IN (${['sendBack', ...sentBackAnsweredBy].map((t) => `'${t}'`).join(', ')}) ORDER BY e.id DESC LIMIT 1) = 'sendBack'`,
};
const APPROVERS = new Set(['supervisor', 'admin']);

/** The register, searched and paged on the core (DESIGN.md "案件"); deadline filters span every kind of clock. */
export function createCaseSearch(db: Db, clock: OfficeClock) {
  const nextDeadline = db.prepare(
    `SELECT kind, due_on, state, limit_unit FROM case_deadlines WHERE case_id = ? AND state IN ('running', 'paused')
      ORDER BY state = 'paused', due_on, id LIMIT 1`,
  );

  return function search(input: SearchInput, user: UserView): { rows: CaseRow[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (input.text) {
      const t = textConditions(input.text);
      where.push(...t.sql);
      params.push(...t.params);
    }
    if (input.status) filter('c.status = ?', input.status);
    if (input.open) filter(`c.status NOT IN (${FINAL})`);
    if (input.category) filter('c.category = ?', input.category);
    if (input.from) filter('c.received_on >= ?', input.from);
    if (input.to) filter('c.received_on <= ?', input.to);
    // created_at carries the office's offset, so its date part is the office date (DESIGN.md "Data").
    if (input.registeredOn) filter('c.created_at >= ? AND c.created_at < ?', input.registeredOn, addDays(input.registeredOn, 1));
    if (input.mine) {
      filter('c.handler_id = ?', user.id);
      if (!input.status) filter(`c.status NOT IN (${FINAL})`);
    }
    if (input.queue) filter(QUEUE_SQL[input.queue]);
    if (input.awaitingMyApproval) {
      // Nobody approves their own proposal; clerks and investigators approve nothing.
      if (!APPROVERS.has(user.role)) filter('0');
      else filter("c.status = 'awaiting_approval' AND json_extract(c.proposal, '$.by') <> ?", user.id);
    }

    const calendar = loadCalendar(db);
    const today = clock.today();
    const kind = input.deadlineKind ? ' AND d.kind = ?' : '';
    const kindParam = input.deadlineKind ? [input.deadlineKind] : [];
    const running = (cond: string) => `c.id IN (SELECT d.case_id FROM case_deadlines d WHERE d.state = 'running' AND ${cond}${kind})`;
    if (input.dueWithinWorkingDays !== undefined) {
      if (input.dueWithinWorkingDays === 0) filter(running('d.due_on = ?'), today, ...kindParam);
      else filter(running('d.due_on > ? AND d.due_on <= ?'), today, calendar.addWorkingDays(today, input.dueWithinWorkingDays).date, ...kindParam);
    }
    if (input.overdue !== undefined) {
      if (input.deadlineKind) filter(input.overdue ? running('d.due_on < ?') : `NOT ${running('d.due_on < ?')}`, today, ...kindParam);
      // Some running clock is late exactly when the earliest one is. Written with the leading
      // expression of the index cases_next_due so SQLite searches it instead of scanning.
      else filter(input.overdue ? '(c.next_due_on IS NULL) = 0 AND c.next_due_on < ?' : '(c.next_due_on IS NULL OR c.next_due_on >= ?)', today);
    }

    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = db.prepare(`SELECT COUNT(*) FROM cases c ${whereSql}`).pluck().get(...params) as number;
    const rows = db
      .prepare(
        `SELECT c.id, c.case_no, c.received_at, c.status, c.complainant_name, c.complainant_phone, c.subject,
                ${ACCEPTANCE_DUE} AS acceptance_due_on, r.name AS respondent_name, COALESCE(k.name, c.category) AS category_name,
                h.display_name AS handler_name
           FROM cases c
           JOIN respondents r ON r.id = c.respondent_id
           LEFT JOIN catalog_items k ON k.kind = 'category' AND k.code = c.category
           LEFT JOIN users h ON h.id = c.handler_id
           ${whereSql}
          ORDER BY ${SORT_SQL[input.sort]}
          LIMIT ? OFFSET ?`,
      )
      .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as Record<string, any>[];
    return {
      total,
      rows: rows.map((r) => {
        const next = nextDeadline.get(r.id) as { kind: DeadlineKind; due_on: string; state: StoredDeadlineState; limit_unit: LimitUnit | null } | undefined;
        return {
          id: r.id,
          caseNo: r.case_no,
          receivedAt: r.received_at,
          status: r.status,
          complainantName: r.complainant_name,
          complainantPhone: r.complainant_phone,
          respondentName: r.respondent_name,
          categoryName: r.category_name,
          subject: r.subject,
          acceptanceDueOn: r.acceptance_due_on,
          handlerName: r.handler_name,
          nextDeadline: next
            ? {
                kind: next.kind,
                dueOn: next.due_on,
                state: stateOn(next.state, next.due_on, today),
                workingDaysLeft: workingDaysLeft(next.state, next.due_on, today, calendar),
                left: timeLeft(next.state, next.limit_unit, next.due_on, today, calendar),
              }
            : null,
        };
      }),
    };
  };
}
