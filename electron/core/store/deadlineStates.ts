import type { DeadlineKind } from '../../../shared/domain/deadlines';
import type { deadlineFilterStates } from '../../../shared/api/schemas/caseSearch';
import type { Db } from '../db/open';
import { statementCache } from './statementCache';
import { createKeptUntilWrite, statementKey } from './writeGeneration';

type FilterState = (typeof deadlineFilterStates)[number];

/**
 * The deadlines a state of the register's filter names (API.md `cases.search` `deadlineState`):
 * met is met by its due date, 逾期完成 (metLate) met after it. Written out, not bound, so SQLite sees
 * which index holds them: the state's (migration 0044), or, met, by or after the due date, their own
 * partial index (0046, 0044), named because its terms only imply it and the state's index would be
 * chosen (state and case, two equalities): each case's met deadlines read row by row, 85 against 9 ms
 * to count 10,000 late on the million.
 */
export const DEADLINE_ROWS: Record<FilterState, string> = {
  running: "d.state = 'running'",
  paused: "d.state = 'paused'",
  cancelled: "d.state = 'cancelled'",
  met: "d.state = 'met' AND d.ended_on <= d.due_on",
  metLate: "d.state = 'met' AND d.ended_on > d.due_on",
};
/** Met late, by case; of one kind, by kind (the state's index would be chosen). */
const LATE = ' INDEXED BY case_deadlines_late';
const LATE_OF_KIND = ' INDEXED BY case_deadlines_late_kind';
/**
 * Met in time, by case. Of one kind there is no such index (it would be as large again): the index by
 * kind and state lists them, and each one's row is read for its dates.
 */
const MET = ' INDEXED BY case_deadlines_met';

/** A case (c) has a deadline met late: 按时办结 否 lists the finished cases with one (caseSearch.ts), as 统计 counts them (caseFacts.ts). */
export const LATE_DEADLINE = `EXISTS (SELECT 1 FROM case_deadlines d${LATE} WHERE ${DEADLINE_ROWS.metLate} AND d.case_id = c.id LIMIT 1)`;

/**
 * A case has a deadline in the state (of the kind, if given), two ways, as a nature
 * (statusConditions.ts): a state few deadlines are in is listed from its index (a paused clock: 991
 * cases on the million, found by asking each case in turn: 272 ms to count), any other is asked of
 * each case a walk passes, in one seek; its LIMIT 1 keeps SQLite from turning the look-up into a join.
 * Few is at most `fewAtMost` deadlines, counted in the index up to one more.
 */
/** The states' judgements kept: six states, each alone or of one of a few kinds of deadline. */
const JUDGED_STATES = 64;

export function createDeadlineStates(db: Db, fewAtMost: number) {
  const prepare = statementCache(db, 24);
  // Whether a state is few is judged again only after a write: a search plans its list more than
  // once (its reading, its page), and 已取消 or 逾期完成 walked 10,001 entries each time.
  const judged = createKeptUntilWrite<boolean>(db, JUDGED_STATES);
  const fewIn = (sql: string, params: unknown[]): boolean => {
    const begun = judged.begin();
    const key = statementKey(sql, params);
    let few = judged.get(key);
    if (few === undefined) {
      few = (prepare(sql).pluck().get(...params, fewAtMost + 1) as number) <= fewAtMost;
      judged.keep(key, few, begun);
    }
    return few;
  };
  return function deadlineStateCondition(state: FilterState, kind: DeadlineKind | undefined): DeadlineStateCondition {
    const ofKind = kind ? ' AND d.kind = ?' : '';
    const hint = state === 'metLate' ? (kind ? LATE_OF_KIND : LATE) : state === 'met' && !kind ? MET : '';
    const rows = `FROM case_deadlines d${hint} WHERE ${DEADLINE_ROWS[state]}${ofKind}`;
    const params = kind ? [kind] : [];
    // One kind's met by their due dates is judged few by its met ones, from the index by kind and state
    // alone: they are at least as many, and judged by the dates each of 10,001 rows was read (15.6
    // against 1 ms on the million).
    const metOfKind = state === 'met' && kind !== undefined;
    const judgedFrom = metOfKind ? `FROM case_deadlines d WHERE d.state = 'met'${ofKind}` : rows;
    const few = fewIn(`SELECT COUNT(*) FROM (SELECT 1 ${judgedFrom} LIMIT ?)`, params);
    // The state alone, its cases read from its index, each case once (of one kind, from the index by
    // kind and state: SQLite chose the states' index and read each deadline's row for its kind); but
    // one kind's met by the due date is judged by each one's dates, which may pass all its met for few.
    const counted = kind && state !== 'metLate' ? `FROM case_deadlines d INDEXED BY case_deadlines_kind_state WHERE ${DEADLINE_ROWS[state]}${ofKind}` : rows;
    // By case id, highest first, where the index read holds the state's cases in that order (store/stateNewest.ts):
    // the state's own (state, case), met in time's or late's by case, late of one kind's by kind and case.
    const byId = !kind || state === 'metLate' ? { sql: `SELECT DISTINCT d.case_id ${rows} AND d.case_id < ? ORDER BY d.case_id DESC LIMIT ?`, params } : null;
    return {
      byId,
      ...(few ? { sql: `c.id IN (SELECT d.case_id ${rows})`, listed: true } : { sql: `EXISTS (SELECT 1 ${rows} AND d.case_id = c.id LIMIT 1)`, listed: false }),
      params,
      countAlone: (voided, cap) => {
        if (metOfKind || voided === true) return null;
        const cases = `SELECT DISTINCT d.case_id ${counted}`;
        if (voided === 'any') return { sql: `SELECT COUNT(*) FROM (${cases} LIMIT ${cap + 1})`, params };
        const notVoided = { sql: `SELECT COUNT(*) FROM (${cases} AND d.case_id NOT IN (${VOIDED_IDS}) LIMIT ${cap + 1})`, params };
        if (few) return notVoided;
        // Past the cap by more than every voided case, it is past the cap without them: their list,
        // built and looked up for each case counted, was most of the count (已取消 and 逾期完成 on the
        // million: 3.7 ms with it, 0.6 without; the voided counted in the status index, 0.25).
        return {
          sql: `WITH gone(n) AS MATERIALIZED (SELECT COUNT(*) FROM cases WHERE status = 'voided')
                SELECT CASE WHEN (SELECT COUNT(*) FROM (${cases} LIMIT ${cap + 1} + (SELECT n FROM gone))) > ${cap} + (SELECT n FROM gone) THEN ${cap + 1}
                  ELSE (${notVoided.sql}) END`,
          params: [...params, ...params],
        };
      },
    };
  };
}

/** The voided cases, from the status index alone: a list SQLite builds once and looks each deadline's case up in. */
const VOIDED_IDS = "SELECT id FROM cases WHERE status = 'voided'";

export interface DeadlineStateCondition {
  /** The condition on a case (c), and its parameters. */
  sql: string;
  params: unknown[];
  /** The state's cases by id, highest first (its parameters, then an id to stay below and a LIMIT), where an index holds them so; else null. */
  byId: { sql: string; params: unknown[] } | null;
  /** The state's cases are listed from its index (it is few), not asked of each case. */
  listed: boolean;
  /**
   * The count of a list filtered by the state alone (and the voided rule: false leaves the voided
   * out, 'any' keeps them), from the deadlines' indexes with no row read, stopping past the cap; null
   * for one kind's met by the due date, or a list of the voided alone. Walked in slices of the register, 已取消
   * passed 60,000 cases for its 10,001 (35 ms on the million; this 3.3 ms).
   */
  countAlone(voided: boolean | 'any', cap: number): { sql: string; params: unknown[] } | null;
}
