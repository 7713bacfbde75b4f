import { resized } from '../loop';
import type { SearchInput } from './caseSearch';

/**
 * A filtered list sorted other than by receipt is read one of two ways: SQLite lists its cases by
 * the index of a filter and sorts them all, or the sort's own index is walked from the page's place
 * and each case checked against the filters. Listing costs the whole list (2.4 µs a case), whatever
 * the page; walking costs the index entries passed: the page's depth over the list's share of the
 * register. SQLite chooses by statistics that know neither how many cases the list holds nor how
 * deep the page is, and at a million cases it listed: 已结案 sorted by case number sorted 505,000
 * closed cases (1.1–2.2 s, the page's calls waiting all that time), a year sorted by name 0.5–1.3 s,
 * one category within a year by case number 0.4 s. So a list of more cases than are sorted quickly
 * (its count, read first, says) walks the sort's index, its filters hidden from the planner, and a
 * page by number skips its rows in steps cut to the list's share of the register, so no step passes
 * many more entries of the index than a step of the whole register would (caseSearch.ts).
 */

/**
 * Orders whose page may walk their index past cases the filters leave out. Not: text or
 * a number's beginning (a list of at most the cap already); the receipt order and the running
 * clocks', whose indexes lead with every filter they serve; with dates, the orders that follow the
 * calendar (case number, registration, the next deadline): a month's matches stand together in
 * them, and the walk from either end passed every case before it (November by case number, 840 ms
 * at a million cases); their days are merged instead (dayMerge.ts).
 */
export function walkableOrder(sort: string, input: SearchInput, byRunningClock: boolean): boolean {
  if (sort.startsWith('receivedAt:') || (sort === 'dueOn:asc' && byRunningClock)) return false;
  const dated = input.from !== undefined || input.to !== undefined || input.registeredOn !== undefined;
  return !(dated && (sort.startsWith('caseNo:') || sort.startsWith('registeredAt:') || sort === 'dueOn:asc'));
}

/**
 * A list of one category, or else of one status, sorted by case number walks that key's own order of
 * numbers (migrations 0048, 0051) rather than the whole register's: the walk passes that key's cases
 * only, and the key stays a condition the planner sees (the index's first column). A status's cases
 * stand together in the register's order (the newest are open, the oldest closed): walked there, 新登记
 * by case number passed every older case first (370 ms at 120,000 cases). The category goes first:
 * its index holds the status, so both are checked in it.
 */
export interface NumberWalk {
  /** The filter the index leads with. */
  key: 'category' | 'status';
  index: string;
  lead: string;
  value: string;
}

export function numberWalkWithin(sort: string, input: SearchInput): NumberWalk | null {
  if (!sort.startsWith('caseNo:')) return null;
  if (input.category !== undefined) return { key: 'category', index: 'cases_category_number', lead: 'c.category', value: input.category };
  if (input.status !== undefined) return { key: 'status', index: 'cases_status_number', lead: 'c.status', value: input.status };
  return null;
}

/** Sorting this many matches costs 20–30 ms at most (2.4 µs a case: one category's 50,000 took 121 ms at a million cases). */
export const SORT_AT_MOST = 10_000;

/**
 * Whether a list of `listed` cases is read by walking its sort's index rather than listed and
 * sorted: past SORT_AT_MOST, or where the walk to the page passes fewer cases (the rows up to the
 * page's end over the list's share of the register) than the list holds to sort. At 100,000 cases
 * one category's 5,192 by case number, each listed case's row read for its number and sorted: 27 ms
 * a page; walked, the first page (or the next by cursor) 3 ms, but page 40 by its number 75 ms.
 */
export function walkCheaper(listed: number, cases: number, rowsToPageEnd: number, sortAtMost: number): boolean {
  return listed > sortAtMost || rowsToPageEnd * cases < listed * listed;
}

/** The receipt range of a list's dates, as caseSearch.ts writes it. */
export const RECEIPT_RANGE = ['c.received_at >= ?', 'c.received_at < ?'];

/**
 * The conditions as terms the planner cannot read an index for (a unary plus of the term: the same
 * truth, NULL as NULL), so the only index left to it is the one the ORDER BY reads; but a key the
 * sort leads with stays (已结案 sorted by status: the status index from the closed cases on, not
 * from its first entry), and so do the dates where the sort's index holds the receipt time next
 * (status and category): SQLite reads each status's dates in turn (a month sorted by status passed
 * every case of each status before the month, 40–50 ms at a million cases; its dates each, 0.03).
 */
export function hiddenFromPlanner(conditions: string[], sortLeadsWith: string, sortThenBy = ''): string[] {
  const kept = (c: string) => c === `${sortLeadsWith} = ?` || (sortThenBy === 'c.received_at' && RECEIPT_RANGE.includes(c));
  return conditions.map((c) => (kept(c) ? c : `+(${c})`));
}

/**
 * Past a cursor in the receipt order, the cursor bounds the range on its side: the list's own date
 * there, hidden from the planner, no longer makes SQLite start at it and pass every row up to the
 * cursor (a year's 未解决 page after page at 100,000 cases: 3.4 → 0.7 ms a page eleven months in;
 * an export of it read each chunk so).
 */
export function boundedByCursor(conditions: string[], sortLeadsWith: string, desc: boolean): string[] {
  if (sortLeadsWith !== 'c.received_at') return conditions;
  const passed = RECEIPT_RANGE[desc ? 1 : 0];
  return conditions.map((c) => (c === passed ? `+(${c})` : c));
}

/**
 * Rows of a walked list one step of a page by number passes: a step of the whole register cut to the
 * list's share of it, at least a page. `listed` may be a count stopped at the cap: the share is then
 * at least that, and the steps grow while they are quick (`nextStep`). Page 60 of a category holding
 * 1.5 % of a million cases, by case number: its 2,500 rows a step passed 170,000 entries (the page's
 * calls waited 200–300 ms); cut to the share, 3,300 entries a step.
 */
export function walkStep(listed: number, registered: number, pageSize: number, skipStep: number): number {
  const share = registered > 0 ? Math.min(1, listed / registered) : 1;
  return Math.max(pageSize, Math.min(skipStep, Math.floor(skipStep * share)));
}

/** A step that took under this long may be twice as long; one that took four times as long, half. */
export const QUICK_STEP_MS = 3;

/**
 * The next step after one that took `tookMs`: doubled while quick, up to the register's own step,
 * and halved when slow, down to a page. A list's cases are not spread evenly along every order (已结案
 * are the older numbers), so where they thin out, a step grown in the dense part passes more cases.
 */
export function nextStep(step: number, tookMs: number, least: number, skipStep: number): number {
  return resized(step, tookMs, QUICK_STEP_MS, least, skipStep);
}
