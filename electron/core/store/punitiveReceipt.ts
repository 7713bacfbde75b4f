import { PUNITIVE_CANDIDATES } from './searchFilters';
import { RECEIPT_RANGE } from './sortWalk';

type Bound = { sql: string; params: unknown[] };

/**
 * 加倍赔偿 in the receipt order, as 统计 opens its figure (`punitive: true`), read from the index of
 * the cases that may be such by receipt day (migration 0047), in its order (received_on, received_at,
 * id). That is the list's order (received_at, id), because received_on is received_at's date part:
 * both are written from one instant in the office's zone (services/cases/register and correct.ts,
 * `clock.dateOf` beside `clock.iso`), as dayCounts.ts `windowOf` relies on too. Walked from the
 * newest case instead, each case asked the figure's rule, 2025's page took 8–10 ms at a million
 * cases and the whole register's 23; from the index, 0.07 ms of SQL.
 *
 * The list's dates become the index's days (the same cases: the range's ends are whole days), and a
 * cursor or a page's place by the day counts (`bound`, on received_at) gains its day, so the index
 * is entered there rather than passed from its end.
 */
export function punitiveReceipt(conditions: string[], bound: Bound | null, desc: boolean) {
  const at = bound?.params[0];
  return {
    ...punitiveCandidates(conditions),
    bound: bound && typeof at === 'string' ? { sql: `${bound.sql} AND c.received_on ${desc ? '<=' : '>='} substr(?, 1, 10)`, params: [...bound.params, at] } : bound,
    order: ['c.received_on', 'c.received_at', 'c.id'],
  };
}

/**
 * 加倍赔偿 sorted otherwise and listed whole: its cases listed from the same index (the candidates of
 * its days) and sorted, not every case of its dates, each asked the figure's rule (2025's 83 by case
 * number at 20,000 cases passed the year's 6,645 cases, 16–24 ms a page; where the dates hold more
 * cases than are sorted quickly the list is merged by day instead, dayMerge.ts).
 */
export function punitiveCandidates(conditions: string[]) {
  // The list's dates become the index's days: the same cases, the range's ends being whole days.
  const onDays = (c: string) => (RECEIPT_RANGE.includes(c) ? c.replace('c.received_at', 'c.received_on') : c);
  return { from: `cases c INDEXED BY ${PUNITIVE_CANDIDATES.index}`, conditions: [...conditions.map(onDays), PUNITIVE_CANDIDATES.term] };
}
