import type { Db } from '../db/open';
import { resized, yieldToLoop } from '../loop';
import { NUMBER_ORDER, type CursorValue } from './searchOrders';
import { hiddenFromPlanner } from './sortWalk';
import { statementCache } from './statementCache';

/**
 * A dated list sorted by case number, by registration or by the next deadline, read in slices of its
 * receipt days.
 * Listed and sorted whole, such a list cost every case of its dates (2025 by case number at a
 * million cases: 330,000 cases, 390–460 ms, the page's calls waiting as long); walked along the
 * sort's index, it passed every case before its dates. But a day's cases hold a narrow run of
 * numbers and ids (receipt_day_bounds, migrations 0036 and 0038), so the days are read in the order their
 * runs begin in the sort, each slice's first rows kept, until no unread day can hold a row before
 * the last one kept: for page 1 of 2025 by case number, the first day or two of January.
 */

/** Cases of the list's days read in the first slice, doubled while a slice is quick, halved when slow. */
export const MERGE_CASES = 2_000;
const QUICK_SLICE_MS = 3;

/** The key a dated list is merged by: the case number's order (migration 0038) or the id (registration order). */
export type MergeKey = 'no' | 'id';

interface DayRun {
  day: string;
  first: string | number;
  last: string | number;
  cases: number;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Key order as SQLite's BINARY collation has it: bytes of UTF-8, which is the order of code points.
 * JavaScript compares UTF-16 units, the same order but where a character beyond U+FFFF (two units)
 * meets one from U+E000 on; only then are the bytes compared.
 */
export function compareKeys(a: CursorValue, b: CursorValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  if (SURROGATE.test(x) || SURROGATE.test(y)) return Buffer.compare(Buffer.from(x), Buffer.from(y));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The first `limit` of two lists each in the order `sign` gives (1 ascending, -1 descending). */
function mergeSorted<Row extends { k0: CursorValue }>(a: Row[], b: Row[], sign: number, limit: number): Row[] {
  const out: Row[] = [];
  let i = 0;
  let j = 0;
  while (out.length < limit && (i < a.length || j < b.length)) {
    if (j >= b.length || (i < a.length && sign * compareKeys(a[i]!.k0, b[j]!.k0) <= 0)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** A slice's statement: its parameters, then the JSON list of the slice's days and a LIMIT. */
export interface DaySliceStatement {
  sql: string;
  params: unknown[];
}

/**
 * A dated list's slice of days, where its order is one a day's run bounds: the case number's or the
 * id's, ascending or not (`after`: the cursor's key in it). In the order of the next deadline (期限),
 * the cases with a running clock come first, by its due date (`running`: few, read at once from their
 * own index, which holds the receipt time), then the rest by id, merged from their days (a slice's
 * rows are then the cursor's three keys: none due, no date, the id).
 */
export interface DaySlice {
  slice: DaySliceStatement;
  by: MergeKey;
  desc: boolean;
  after: CursorValue | null;
  running: DaySliceStatement | null;
  noneDue: boolean;
}

/** The keys of the order of the next deadline, cases without a running clock last (store/caseSearch.ts). */
const DUE_KEYS = '(c.next_due_on IS NULL),c.next_due_on,c.id';

/** A partial index by receipt day that holds every case of the list, and its condition as the index has it. */
export interface DayCandidates {
  index: string;
  term: string;
}

/**
 * The slice's statement of a dated list ordered by `keys` under its conditions, the cursor's values
 * if any: a few days' cases by the receipt-day index, every condition hidden from the planner (with
 * them in sight, SQLite may walk the number's index past every case before the dates). A list whose
 * cases a partial index by receipt day holds (`candidates`: 加倍赔偿's) reads its days there instead:
 * only the cases that may match, not every case of the day.
 */
export function daySliceOf(keys: string[], desc: boolean, conditions: string[], params: unknown[], cursor: CursorValue[] | null, candidates: DayCandidates | null = null): DaySlice | null {
  const slice = (key: string, more: string[], moreParams: unknown[], asc: boolean): DaySliceStatement => ({
    sql: `SELECT c.id, ${key} AS k0 FROM cases c INDEXED BY ${candidates?.index ?? 'cases_received_on'}
     WHERE ${[...hiddenFromPlanner([...conditions, ...more], ''), ...(candidates ? [candidates.term] : []), 'c.received_on IN (SELECT value FROM json_each(?))'].join(' AND ')}
     ORDER BY ${key}${asc ? '' : ' DESC'} LIMIT ?`,
    params: [...params, ...moreParams],
  });
  if (keys.length === 1 && (keys[0] === NUMBER_ORDER || keys[0] === 'c.id')) {
    const key = keys[0];
    const after = cursor?.[0] ?? null;
    const more = after === null ? [] : [`${key} ${desc ? '<' : '>'} ?`];
    return { by: key === 'c.id' ? 'id' : 'no', desc, after, running: null, noneDue: false, slice: slice(key, more, after === null ? [] : [after], !desc) };
  }
  if (keys.join(',') !== DUE_KEYS || desc) return null;
  // Past the running clocks (the cursor's first key 1), only the rest after its id.
  const pastRunning = cursor?.[0] === 1;
  const afterId = pastRunning ? (cursor?.[2] ?? null) : null;
  const running: DaySliceStatement | null = pastRunning
    ? null
    : {
        sql: `SELECT c.id, 0 AS k0, c.next_due_on AS k1, c.id AS k2 FROM cases c INDEXED BY cases_running_due
               WHERE ${['c.next_due_on IS NOT NULL', ...conditions, ...(cursor ? ['(c.next_due_on, c.id) > (?, ?)'] : [])].join(' AND ')}
               ORDER BY c.next_due_on, c.id LIMIT ?`,
        params: [...params, ...(cursor ? [cursor[1], cursor[2]] : [])],
      };
  const more = ['c.next_due_on IS NULL', ...(afterId === null ? [] : ['c.id > ?'])];
  return { by: 'id', desc: false, after: afterId, running, noneDue: true, slice: slice('c.id', more, afterId === null ? [] : [afterId], true) };
}

/**
 * Cases a listing passes in about the time a merge's own reads take (the days' runs, a statement a
 * slice): up to these a dated list is listed and sorted whatever its page. Up to SORT_AT_MOST it was
 * listed too, at 2.4 µs a case: 2025 by case number at 20,000 cases (6,645) 21 ms a page on a
 * slower machine, where its first days hold the page.
 */
export const LIST_AT_MOST = 1_000;

/**
 * Whether merging a dated list passes fewer cases than listing it: listed, it passes its cases by
 * its key's index, or every case of its dates where each is checked (`passed`: a figure of 统计, 2025's
 * 4,048 加倍赔偿 by case number, 0.5–0.9 s at a million cases); merged, the page over the list's share
 * of its dates. A list of more than are sorted quickly is always merged; one whose listing passes
 * few cases, never.
 */
export function mergeCheaper({ counted, passed, period, pageSize, sortAtMost }: { counted: number; passed: number; period: number; pageSize: number; sortAtMost: number }): boolean {
  return counted > sortAtMost || (listsMany(passed, sortAtMost) && pageSize * period < counted * passed);
}

/** Whether a listing passes more cases than are listed quickly (sortAtMost where a test sets it lower). */
export const listsMany = (passed: number, sortAtMost: number): boolean => passed > Math.min(sortAtMost, LIST_AT_MOST);

/**
 * The cases of its days the first slice reads: twice what holds `limit` rows at the list's share of
 * its dates' cases, at most `mergeCases`. A fixed first slice of 2,000 cases was two days at a million
 * cases but a hundred at 20,000, each of their cases read and sorted for a page of 50 (2025 by case
 * number, 15 ms a page merged so, against 21 listed).
 */
export function firstSlice(limit: number, share: number, mergeCases: number): number {
  return Math.min(mergeCases, Math.max(limit, Math.ceil((2 * limit) / Math.max(share, 1e-6))));
}

export function createDayMerge(db: Db, mergeCases = MERGE_CASES) {
  const prepare = statementCache(db, 50);
  const runs = {
    no: db.prepare('SELECT day, first_order AS first, last_order AS last, cases FROM receipt_day_bounds WHERE day >= ? AND day <= ?'),
    id: db.prepare('SELECT day, first_id AS first, last_id AS last, cases FROM receipt_day_bounds WHERE day >= ? AND day <= ?'),
  };

  /**
   * The first `limit` rows of the list's slices (after the cursor's key), in the order of their key,
   * from the receipt days `from` to `to` (inclusive; either open). Each row's sort key is its `k0`.
   * The event loop turns between slices. `share`, the list's cases over its dates' (1 where
   * unknown), sizes the first slice.
   */
  return async function firstRows<Row extends { k0: CursorValue }>({ slice, by, desc, after }: DaySlice, dates: { from?: string | undefined; to?: string | undefined }, limit: number, share = 1): Promise<Row[]> {
    const sign = desc ? -1 : 1;
    // A day's run begins, in the sort's order, at its lowest key ascending and at its highest descending.
    const begins = (d: DayRun) => (desc ? d.last : d.first);
    const ends = (d: DayRun) => (desc ? d.first : d.last);
    const days = (runs[by].all(dates.from ?? '0000-01-01', dates.to ?? '9999-12-31') as DayRun[])
      .filter((d) => d.cases > 0 && (after === null || sign * compareKeys(ends(d), after) > 0))
      .sort((a, b) => sign * compareKeys(begins(a), begins(b)));
    const statement = prepare(slice.sql);
    let kept: Row[] = [];
    let size = firstSlice(limit, share, mergeCases);
    let next = 0;
    while (next < days.length) {
      const taken: string[] = [];
      for (let cases = 0; next < days.length && (taken.length === 0 || cases + days[next]!.cases <= size); next++) {
        taken.push(days[next]!.day);
        cases += days[next]!.cases;
      }
      const started = performance.now();
      const rows = statement.all(...slice.params, JSON.stringify(taken), limit) as Row[];
      kept = mergeSorted(kept, rows, sign, limit);
      // Every unread day's rows come after its run's beginning, and those of the days after it later still.
      if (next < days.length && kept.length === limit && sign * compareKeys(kept[limit - 1]!.k0, begins(days[next]!)) <= 0) break;
      const took = performance.now() - started;
      size = resized(size, took, QUICK_SLICE_MS);
      if (next < days.length) await yieldToLoop();
    }
    return kept;
  };
}
