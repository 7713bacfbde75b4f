import type { Migration } from './types';

/**
 * The accepted cases not yet finished, by handler then receipt: the unassigned queue (待指派:
 * accepted, not finished, no handler; store/statusConditions.ts `QUEUE_SQL.unassigned`) is its
 * first run, the cases with no handler, in receipt order. The queue was read from all the cases
 * with no handler (cases_handler_received), most of them never accepted (refused, registered,
 * voided), each row read for its status: oldest first, at a million cases, the walk passed them
 * from 2023 on before the queue's 50 oldest (60–67 ms, the page's other calls waiting 56–67).
 * Partial, so it holds the cases in hand only, usable where the query's terms imply its condition
 * (the queue's terms hold it word for word). Its statistics give a handler as many cases as
 * cases_handler_received's do (1,001 at a million), so the planner cannot tell them apart and the
 * queue's page names it (store/statusConditions.ts `queueIndexed`). With the status, so "not
 * voided" is answered from the index alone.
 */
export const unassignedQueue: Migration = {
  version: 39,
  name: 'unassigned-queue',
  indexOnly: true,
  up(db) {
    db.exec(`CREATE INDEX cases_in_hand ON cases(handler_id, received_at, id, status)
      WHERE status IN ('accepted', 'investigating', 'mediating', 'awaiting_approval', 'approved', 'notified', 'follow_up') AND accepted_on IS NOT NULL`);
  },
};
