import { addDays } from '../../../shared/domain/calendar';
import type { Db } from '../db/open';
import { NONE } from './caseFacts';
import type { SearchInput } from './caseSearch';

/**
 * Where a page by number begins in the register's receipt order, read from 统计's day counts
 * instead of walked: the receipt days from the newest (or the oldest), each with the number of its
 * cases that are not voided (`stats_daily.received`, kept in the same transaction as every change of
 * a case, store/caseFacts.ts), until the day the page's first row is in. The page is then that
 * day's place in the receipt index and an OFFSET within the day. At a million cases page 1,000
 * newest first walked 49,950 entries of the index (7.2 ms p50, 12.7 p95 through the host); the days
 * before it are 38 rows of counts, and the day's own offset is bounded by a day's intake.
 */
export interface DayWindow {
  /** The page's statement reads from this place in the receipt order (a condition on received_at). */
  bound: { sql: string; params: string[] };
  /** Rows of that day (or days) to pass over before the page. */
  offset: number;
}

/** Set to these, a field filters nothing. */
const NO_FILTER: Partial<Record<keyof SearchInput, unknown>> = { includeVoided: false, mine: false, awaitingMyApproval: false, open: false, text: '' };
const PAGING = new Set<keyof SearchInput>(['page', 'pageSize', 'sort']);

/**
 * Whether the day counts are exactly the list's rows per receipt day: the register less the voided
 * cases, filtered by nothing else. Any condition (a status, a text, a date range, a field this does
 * not know) counts cases 统计 does not. A breakdown's own counts (one category, say) would do as
 * well, but its days are read among every key's (the counts' key is breakdown, day, key): a page
 * past the end of one category read every category's days, 32 ms at 100,000 cases against 8 for
 * the walk it replaced.
 */
function countedByDay(input: SearchInput): boolean {
  return (Object.entries(input) as [keyof SearchInput, unknown][]).every(
    ([name, value]) => value === undefined || PAGING.has(name) || (name in NO_FILTER && NO_FILTER[name] === value),
  );
}

/** A breakdown key's days with their counts, newest or oldest first (what storePlans.test.ts plans). */
export const DAYS_SQL = {
  desc: 'SELECT day, received FROM stats_daily WHERE dim = ? AND key = ? ORDER BY day DESC',
  asc: 'SELECT day, received FROM stats_daily WHERE dim = ? AND key = ? ORDER BY day',
};

export function createPageByDays(db: Db) {
  const days = { desc: db.prepare(DAYS_SQL.desc), asc: db.prepare(DAYS_SQL.asc) };

  /**
   * The window of a page by number `skip` rows deep, or null where the day counts do not answer it
   * (another sort or filter: the caller walks the index as before). Past the last row: a window of
   * no rows.
   */
  return function windowOf(input: SearchInput, sort: string, skip: number): DayWindow | null {
    if (input.after || (sort !== 'receivedAt:desc' && sort !== 'receivedAt:asc')) return null;
    if (!countedByDay(input)) return null;
    const desc = sort === 'receivedAt:desc';
    let before = 0;
    for (const d of (desc ? days.desc : days.asc).iterate('all', NONE) as IterableIterator<{ day: string; received: number }>) {
      if (before + d.received > skip) {
        // received_at carries the office's offset, so its text orders as its office date does, and
        // received_on is its date part: "before the next day" is "received on this day or earlier".
        return { bound: desc ? { sql: 'c.received_at < ?', params: [addDays(d.day, 1)] } : { sql: 'c.received_at >= ?', params: [d.day] }, offset: skip - before };
      }
      before += d.received;
    }
    return { bound: { sql: '0', params: [] }, offset: 0 };
  };
}
export type PageByDays = ReturnType<typeof createPageByDays>;
