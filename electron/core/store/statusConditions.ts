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

/**
 * A nature, two ways, as the open cases: a page walks its sort's index and checks each case's
 * natures by its key (a nature is common: listing all its cases first would cost more); a count lists
 * the nature's cases from its own index (joined, not an IN list: SQLite built the list of all 230,000
 * before its first look-up, 50 ms), where walking passed the register until the cap (at a
 * million cases 性质 个人信息 alone held the page's calls 240–610 ms, 质量 160–190). The page's look-up
 * ends in LIMIT 1 so SQLite keeps it a look-up: as a bare EXISTS it may turn it into a join and, with
 * the statistics of a million cases, first build a Bloom filter of all the nature's cases (质量 newest
 * first 0.16 → 65 ms, the page's calls held as long).
 */
export const NATURE_WALKED = 'EXISTS (SELECT 1 FROM case_natures n WHERE n.case_id = c.id AND n.nature = ? LIMIT 1)';
/**
 * A nature of few cases (SORT_AT_MOST): listed from its index where a walk passes many cases for each
 * of its own: sorted otherwise (个人信息 by name: the walk of the names 95–100 ms at a million cases)
 * and counted (个人信息 within category S01: the category's 159,000 cases checked, 340 ms).
 */
export const NATURE_IN = 'c.id IN (SELECT n.case_id FROM case_natures n WHERE n.nature = ?)';
/** The count's side: the nature's index joined (NATURE_JOIN), so it stops at the cap instead of listing all. */
export const NATURE_LISTED = 'n.nature = ?';
export const NATURE_JOIN = ' JOIN case_natures n ON n.case_id = c.id';

/** Accepted and not yet finished nor referred: where a case needs a handler (the list is also migration 0039's index's). */
const HANDLED_STATUSES = "'accepted', 'investigating', 'mediating', 'awaiting_approval', 'approved', 'notified', 'follow_up'";

/**
 * The work queues of 今日 (shared/domain/workflow.ts `caseQueues`) as conditions on the register,
 * each led by what an index finds (the status, or the sent-back mark the event write path keeps),
 * so a queue reads the cases in progress, never the whole archive.
 */
export const QUEUE_SQL: Record<CaseQueue, string> = {
  toAccept: "c.status = 'registered' AND c.materials IS NULL",
  awaitingMaterials: "c.status = 'registered' AND c.materials IS NOT NULL",
  // A refusal waiting for approval has no handler either, but was never accepted. Read from the
  // accepted cases in hand (migration 0039), whose condition these terms must imply.
  unassigned: `c.status IN (${HANDLED_STATUSES}) AND c.handler_id IS NULL AND c.accepted_on IS NOT NULL`,
  referralReplied: "c.status = 'referred' AND json_extract(c.referral, '$.reply') IS NOT NULL",
  // The case's last sendBack is not yet answered (store/caseEvents.ts keeps the mark).
  sentBack: `c.sent_back_at IS NOT NULL AND c.status NOT IN (${FINAL})`,
};

/**
 * The index a queue's page must be read from where the planner cannot tell. The unassigned queue
 * in receipt order: the accepted cases in hand (migration 0039) and the cases by handler
 * (cases_handler_received) both find "no handler", and their statistics say a handler has as many
 * cases in either (1,001 at a million cases), but the cases with none are 2,550 in the one and
 * some 100,000 never accepted in the other, which SQLite chose (oldest first: 60–67 ms, the page's
 * calls held as long). Only for a page read in receipt order with the queue's terms as written
 * (a walk hides them, and the partial index is usable only where they are in sight).
 */
export function queueIndexed(queue: CaseQueue | undefined, leadKey: string | undefined, walk: boolean): string {
  return queue === 'unassigned' && leadKey === 'c.received_at' && !walk ? ' INDEXED BY cases_in_hand' : '';
}

/** How many of a status's cases are counted to tell whether its range is the shorter (1–2 ms of its index). */
const STATUS_PROBE_AT_MOST = 50_000;

/** A key's own index in receipt order, which holds the status: cases_category_received, _region_, _handler_. */
const KEY_RECEIVED = { category: 'cases_category_received', region: 'cases_region_received', handler: 'cases_handler_received' } as const;

/**
 * The index a status and one key (a category, region or handler) are counted in, and listed in the
 * receipt order: the key's own range where it is the shorter. Left to the planner, they read the
 * status's range (the sampled statistics give a status 251 cases and a region 1,001 at 120,000 cases,
 * where 已结案 has 106,827). A count passed every closed case of other regions up to the cap: 已结案 in
 * a region of 3,391 cases counted in 6.9 ms, against 0.2 in the region's range. A page read each
 * closed case's row for its handler: 已结案 of a handler with none, 198 ms (the page's calls held as
 * long), and the status's range grows with the register. A small status (新登记's 631) with a large
 * region is still read from the status. Which is shorter is known from the key's day counts and the
 * status's own cases counted up to the key's (at most STATUS_PROBE_AT_MOST: both longer, the key's
 * range is read, whose index holds the status, where the status's range reads rows).
 */
export function statusKeyIndexed(
  input: { status?: string; category?: string; region?: string | null; handlerId?: number | null },
  casesOf: (dim: keyof typeof KEY_RECEIVED, key: string) => number,
  statusCasesUpTo: (status: string, limit: number) => number,
): string | null {
  const [dim, key]: [keyof typeof KEY_RECEIVED, string] | [null, null] = input.category
    ? ['category', input.category]
    : input.region !== undefined
      ? ['region', input.region ?? '']
      : input.handlerId !== undefined
        ? ['handler', input.handlerId === null ? '' : String(input.handlerId)]
        : [null, null];
  if (dim === null || !input.status) return null;
  const ofKey = Math.min(casesOf(dim, key), STATUS_PROBE_AT_MOST);
  return statusCasesUpTo(input.status, ofKey + 1) > ofKey ? ` INDEXED BY ${KEY_RECEIVED[dim]}` : null;
}
