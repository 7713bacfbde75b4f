import { caseStatuses, finalStatuses } from '../../../shared/domain/caseStatus';
import type { CaseQueue } from '../../../shared/domain/workflow';

/** The register's status conditions as SQL on `cases c`: finished, open, and the 今日 work queues. */

export const FINAL = finalStatuses.map((s) => `'${s}'`).join(', ');
/**
 * The open cases, two ways. A page walks its sort's index and drops the finished as it goes (the
 * newest and the nearest-due are mostly open), so it stops at the page; a count lists each open
 * status's range of the status index, where walking would pass the whole archive (134 against 0.8 ms
 * to count 10,000 open cases of 200,000; listed for the page, the 10,000 were sorted: 36 against 0.1 ms).
 */
export const OPEN_WALKED = `c.status NOT IN (${FINAL})`;
export const OPEN_LISTED = `c.status IN (${caseStatuses
  .filter((s) => !finalStatuses.includes(s))
  .map((s) => `'${s}'`)
  .join(', ')})`;

/** Accepted and not yet finished nor referred: where a case needs a handler. */
const HANDLED_STATUSES = "'accepted', 'investigating', 'mediating', 'awaiting_approval', 'approved', 'notified', 'follow_up'";

/**
 * The work queues of 今日 (shared/domain/workflow.ts `caseQueues`) as conditions on the register,
 * each led by what an index finds (the status, or the sent-back mark the event write path keeps),
 * so a queue reads the cases in progress, never the whole archive.
 */
export const QUEUE_SQL: Record<CaseQueue, string> = {
  toAccept: "c.status = 'registered' AND c.materials IS NULL",
  awaitingMaterials: "c.status = 'registered' AND c.materials IS NOT NULL",
  // A refusal waiting for approval has no handler either, but was never accepted.
  unassigned: `c.status IN (${HANDLED_STATUSES}) AND c.handler_id IS NULL AND c.accepted_on IS NOT NULL`,
  referralReplied: "c.status = 'referred' AND json_extract(c.referral, '$.reply') IS NOT NULL",
  // The case's last sendBack is not yet answered (store/caseEvents.ts keeps the mark).
  sentBack: `c.sent_back_at IS NOT NULL AND c.status NOT IN (${FINAL})`,
};
