import { addDays } from '../../../shared/domain/calendar';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { NONE, type Dimension } from './caseFacts';
import type { ReceiptSlice } from './countSlices';
import type { SearchInput } from './caseSearch';

/**
 * 统计's day counts (`stats_daily.received`: the cases not voided received each day, kept in the
 * same transaction as every change of a case, store/caseFacts.ts) where they count a list exactly:
 * its count, the register's size, the slices a count they cannot give is read in, and where a page
 * by number begins in the receipt order: the key's days from the newest (or the oldest) until the
 * one the page's first row is in, then that day's place in the receipt index and an OFFSET within
 * the day. At a million cases
 * page 1,000 newest first walked 49,950 entries of the index (7.2 ms p50, 12.7 p95 through the
 * host), and of one category as many, each case's row read for its status (112 ms); the days
 * before it are tens of rows of counts, and the day's own offset is bounded by a day's intake.
 */
export interface DayWindow {
  /** The page's statement reads from this place in the receipt order (a condition on received_at). */
  bound: { sql: string; params: string[] };
  /** Rows of that day (or days) to pass over before the page. */
  offset: number;
}

/** Filters 统计 counts by, as (breakdown, key): received per day per key is the number of such cases. */
const COUNTED: Partial<Record<keyof SearchInput, (v: unknown) => [Dimension, string]>> = {
  category: (v) => ['category', String(v)],
  // A case counts once under each nature it has, as the list holds it once (store/caseFacts.ts).
  nature: (v) => ['nature', String(v)],
  channel: (v) => ['channel', String(v)],
  region: (v) => ['region', v === null ? NONE : String(v)],
  handlerId: (v) => ['handler', v === null ? NONE : String(v)],
};

/**
 * The figures of 统计 a list is filtered by when one is opened (caseSearch.ts, each by the rule it is
 * counted by), as the day's count of its cases: the figure's own column, and, set to false, the
 * cases received less them. 按时办结 filters finished cases only, in time or not.
 */
const MEASURED: Partial<Record<keyof SearchInput, { yes: string; no: string }>> = {
  accepted: { yes: 'accepted', no: 'received - accepted' },
  resolved: { yes: 'resolved', no: 'received - resolved' },
  punitive: { yes: 'punitive_cases', no: 'received - punitive_cases' },
  lawsuitSupport: { yes: 'lawsuit', no: 'received - lawsuit' },
  finished: { yes: 'finished', no: 'received - finished' },
  inTime: { yes: 'in_time', no: 'finished - in_time' },
  repeat: { yes: 'repeats', no: 'received - repeats' },
};

/** Set to these, a field filters nothing. */
const NO_FILTER: Partial<Record<keyof SearchInput, unknown>> = { includeVoided: false, mine: false, awaitingMyApproval: false, open: false, text: '' };
const PAGING = new Set<keyof SearchInput>(['page', 'pageSize', 'sort', 'after']);

/** The cases the day counts count: one breakdown's key (or the whole register), received in a range of days, with one figure of 统计 or not. */
interface Counted {
  by: [Dimension, string];
  /** The day's count of them: a column of stats_daily or two less one another (MEASURED). */
  measure: string;
  from: string;
  to: string;
}

/**
 * The breakdown and key whose day counts are exactly the list's rows per receipt day: the register
 * less the voided cases, filtered by nothing or by one breakdown's key alone, within a range of
 * receipt dates or not (the list's `from` and `to` are office dates: received_at carries the office's
 * offset, so its text orders as its office date, received_on, does), with one figure of 统计 or none.
 * Any other condition (a status, a text, a field this does not know, two figures) counts cases 统计
 * does not: null.
 */
function countedBy(input: SearchInput): Counted | null {
  const counted: Counted = { by: ['all', NONE], measure: 'received', from: '0000-01-01', to: '9999-12-31' };
  let measured = false;
  let keyed = false;
  for (const [name, value] of Object.entries(input) as [keyof SearchInput, unknown][]) {
    if (value === undefined || PAGING.has(name) || (name in NO_FILTER && NO_FILTER[name] === value)) continue;
    if (name === 'from' || name === 'to') {
      counted[name] = String(value);
      continue;
    }
    const figure = MEASURED[name];
    if (figure) {
      if (measured) return null;
      counted.measure = value === true ? figure.yes : figure.no;
      measured = true;
      continue;
    }
    const key = COUNTED[name];
    if (!key || keyed) return null;
    counted.by = key(value);
    keyed = true;
  }
  return counted;
}

/**
 * A breakdown key's days with their counts (of one figure, or received), newest or oldest first, and
 * their sum, from the counts' index by key and day (migration 0035; what storePlans.test.ts plans).
 */
export function daysSql(measure: string) {
  return {
    desc: `SELECT day, ${measure} AS received FROM stats_daily WHERE dim = ? AND key = ? AND day BETWEEN ? AND ? ORDER BY day DESC`,
    asc: `SELECT day, ${measure} AS received FROM stats_daily WHERE dim = ? AND key = ? AND day BETWEEN ? AND ? ORDER BY day`,
    total: `SELECT COALESCE(SUM(${measure}), 0) FROM stats_daily WHERE dim = ? AND key = ? AND day BETWEEN ? AND ?`,
  };
}
export const DAYS_SQL = daysSql('received');

export function createDayCounts(db: Db) {
  const prepared = new Map<string, { desc: Statement; asc: Statement; total: Statement }>();
  /** The statements of one measure, prepared once (eight measures at most). */
  const of = (measure: string) => {
    let s = prepared.get(measure);
    if (!s) {
      const sql = daysSql(measure);
      s = { desc: db.prepare(sql.desc), asc: db.prepare(sql.asc), total: db.prepare(sql.total).pluck() };
      prepared.set(measure, s);
    }
    return s;
  };
  const total = of('received').total;

  return {
    /**
     * The window of a page by number `skip` rows deep, or null where the day counts do not answer it
     * (another sort or filter, or a page after a cursor: the caller walks the index as before). Past
     * the last row: a window of no rows.
     */
    windowOf(input: SearchInput, sort: string, skip: number): DayWindow | null {
      if (input.after || (sort !== 'receivedAt:desc' && sort !== 'receivedAt:asc')) return null;
      const counted = countedBy(input);
      if (!counted) return null;
      const desc = sort === 'receivedAt:desc';
      let before = 0;
      const days = of(counted.measure);
      for (const d of (desc ? days.desc : days.asc).iterate(...counted.by, counted.from, counted.to) as IterableIterator<{ day: string; received: number }>) {
        if (before + d.received > skip) {
          // "Before the next day" is "received on this day or earlier" (received_on is received_at's date part).
          return { bound: desc ? { sql: 'c.received_at < ?', params: [addDays(d.day, 1)] } : { sql: 'c.received_at >= ?', params: [d.day] }, offset: skip - before };
        }
        before += d.received;
      }
      return { bound: { sql: '0', params: [] }, offset: 0 };
    },

    /**
     * The receipt days before `before` (null: the newest) holding about `size` cases not voided of the
     * list's category or handler (the index a count walks with a receipt range), else of the whole
     * register, within the list's dates: the slices a count is read in (countSlices.ts).
     */
    sliceBefore(input: SearchInput, before: string | null, size: number): ReceiptSlice | null {
      const by: [Dimension, string] = input.category ? ['category', input.category] : input.handlerId ? ['handler', String(input.handlerId)] : ['all', NONE];
      const to = before === null ? (input.to ?? '9999-12-31') : addDays(before, -1);
      let newest: string | null = null;
      let cases = 0;
      for (const d of of('received').desc.iterate(...by, input.from ?? '0000-01-01', to) as IterableIterator<{ day: string; received: number }>) {
        newest ??= d.day;
        cases += d.received;
        if (cases >= size) return { from: d.day, to: addDays(newest, 1) };
      }
      return newest === null ? null : { from: input.from ?? '0000-01-01', to: addDays(newest, 1) };
    },

    /** The cases not voided of one breakdown's key, or of the whole register (`all`), received within the dates if given: what a walk of a sort's index passes (sortWalk.ts). */
    casesOf(dim: Dimension = 'all', key: string = NONE, from = '0000-01-01', to = '9999-12-31'): number {
      return total.get(dim, key, from, to) as number;
    },

    /**
     * The list's count, exact, from the day counts where they count it (in any order): counted case
     * by case, a breakdown's list read each case's row for its status (one category's first page 23
     * ms at a million cases, one channel's 27) or, with no index of its own, every case's (a region's
     * 82 ms, 41 within a month; one with no case, 1 s).
     */
    countOf(input: SearchInput): { sql: string; params: string[] } | null {
      const counted = countedBy(input);
      return counted && { sql: daysSql(counted.measure).total, params: [...counted.by, counted.from, counted.to] };
    },

    /**
     * The cases a list filtered by a figure of 统计 passes when it is listed by its key's or its
     * dates' index: all those received, each checked for the figure (加倍赔偿 within a year: 330,000
     * cases for 4,000); null for a list with no figure, or one the day counts do not count.
     */
    passedOf(input: SearchInput): number | null {
      const counted = countedBy(input);
      return counted && counted.measure !== 'received' ? (total.get(...counted.by, counted.from, counted.to) as number) : null;
    },
  };
}
