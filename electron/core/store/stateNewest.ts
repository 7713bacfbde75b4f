import type { Db } from '../db/open';
import type { CursorValue } from './searchOrders';
import { statementCache } from './statementCache';

/**
 * A deadline state alone (API.md `cases.search` `deadlineState`), newest received first (the list's
 * own order), read from the state's index by case id instead of along the receipt order. Walked in
 * the receipt order, each case was asked for the state, and the newest cases are open, with no clock
 * cancelled or met late: 已取消 passed the 17,778 newest cases for its page (6 ms in process, 11.9
 * through the host on the million). Ids follow registration, not receipt, so a case registered
 * earlier may have been received later; but a day's cases all have ids from its run's first id on
 * (receipt_day_bounds, migration 0036: a run may be loose, never wrong), so once no day from the
 * page's last receipt day on has a run beginning below the ids not yet read, none of those can come
 * before the page's last row.
 */

/** The state's cases read in the first step, doubled at each step. */
export const FIRST_STEP = 128;
/** Past this many of the state's cases the list is read as before (a deep page, or a receipt order far from registration's). */
export const NEWEST_WALK_AT_MOST = 8_192;

export interface StateNewest {
  /** The state's cases by id, highest first: its parameters, then an id to stay below and a LIMIT. */
  cases: { sql: string; params: unknown[] };
  voided: boolean | 'any';
  /** The cursor's keys (receipt time, id): only rows after it. */
  after: CursorValue[] | null;
}

interface Row {
  id: number;
  k0: string;
  k1: number;
  day: string;
}

/** A row after the cursor's (a0, a1) in the list's order, newest first. */
const after = (r: Row, a0: string, a1: number) => r.k0 < a0 || (r.k0 === a0 && r.k1 < a1);

/** The rows of a step's cases (a JSON list of ids) under the voided rule: their receipt time and day. */
export const stepRowsSql = (voided: boolean | 'any') => `SELECT c.id, c.received_at AS k0, c.id AS k1, c.received_on AS day FROM cases c
  WHERE c.id IN (SELECT value FROM json_each(?))${voided === 'any' ? '' : voided ? " AND c.status = 'voided'" : " AND c.status <> 'voided'"}`;
/** Whether a day from the given one on has a case with an id below the given one. */
export const LATER_DAY_BELOW_SQL = 'SELECT 1 FROM receipt_day_bounds WHERE day >= ? AND first_id < ? LIMIT 1';

export function createStateNewest(db: Db, firstStep = FIRST_STEP, walkAtMost = NEWEST_WALK_AT_MOST) {
  const prepare = statementCache(db, 16);
  const rows = (voided: boolean | 'any') => prepare(stepRowsSql(voided));
  const laterDayBelow = db.prepare(LATER_DAY_BELOW_SQL).pluck();

  /** `limit` rows after `offset` of the state's cases newest received first, or null where the walk would pass too many. */
  return function newestOfState(s: StateNewest, limit: number, offset: number): { id: number; k0: string; k1: number }[] | null {
    const need = offset + limit;
    const [a0, a1] = s.after ? [String(s.after[0]), Number(s.after[1])] : [null, null];
    let kept: Row[] = [];
    let below = Number.MAX_SAFE_INTEGER;
    let step = firstStep;
    let passed = 0;
    const statement = prepare(s.cases.sql).pluck();
    for (;;) {
      const ids = statement.all(...s.cases.params, below, step) as number[];
      const found = ids.length ? (rows(s.voided).all(JSON.stringify(ids)) as Row[]) : [];
      kept.push(...(a0 === null ? found : found.filter((r) => after(r, a0, a1!))));
      kept.sort((x, y) => (x.k0 === y.k0 ? y.k1 - x.k1 : x.k0 < y.k0 ? 1 : -1));
      if (kept.length > need) kept = kept.slice(0, need);
      const whole = ids.length < step;
      if (!whole) below = ids[ids.length - 1]!;
      if (whole || (kept.length === need && laterDayBelow.get(kept[need - 1]!.day, below) === undefined)) {
        return kept.slice(offset).map(({ id, k0, k1 }) => ({ id, k0, k1 }));
      }
      passed += ids.length;
      if (passed >= walkAtMost) return null;
      step *= 2;
    }
  };
}
