import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserView } from '../../shared/api/schemas/common';
import type { SearchInput } from '../../electron/core/store/caseSearch';
import { NUMBER_AT_OR_AFTER_SQL } from '../../electron/core/store/caseNumberWords';
import { createDayCounts, DAYS_SQL } from '../../electron/core/store/dayCounts';
import { createDeadlineStates } from '../../electron/core/store/deadlineStates';
import { encodeCursor } from '../../electron/core/store/searchOrders';
import { LATER_DAY_BELOW_SQL, stepRowsSql } from '../../electron/core/store/stateNewest';
import { NUMBER_ORDER } from '../../electron/core/store/searchOrders';
import { KNOWN_SQL } from '../../electron/core/store/knownDays';
import { STATS_SQL } from '../../electron/core/store/statsReads';
import { TEXT_WALK_SQL } from '../../electron/core/store/textWalk';
import { TOP_SQL } from '../../electron/core/store/topRespondents';
import { minimalComplaint, openRegister, type Register } from './harness';

/**
 * The register's hot statements, as the store runs them, planned by SQLite against the statistics
 * of a million-case register ([F] "every hot statement has an EXPLAIN QUERY PLAN test that runs the
 * store's real statement"). A lost index, or a plan that sorts or scans every case, fails here.
 *
 * The statistics are written into sqlite_stat1 as ANALYZE would write them for an office ten years
 * on: a million cases over ~3,600 days, 50,000 businesses, 12 statuses, 25 categories, 20 handlers.
 */
const MILLION: [table: string, index: string | null, stat: string][] = [
  ['cases', null, '1000000'],
  ['cases', 'sqlite_autoindex_cases_1', '1000000 1'],
  ['cases', 'cases_received', '1000000 1 1 1'],
  ['cases', 'cases_received_on', '1000000 280 6 5'],
  ['cases', 'cases_status_received', '1000000 83334 1'],
  // The status's cases in the order of case numbers (0051), as PRAGMA optimize samples it once the
  // index is new (an index without statistics has the table analyzed: store/plannerStatistics.ts).
  ['cases', 'cases_status_number', '1000000 83334 1 1 1 1 1'],
  ['cases', 'cases_category_received', '1000000 40000 1 1 1 1 1 1'],
  ['cases', 'cases_region_received', '1000000 50000 1 1 1 1 1 1'],
  ['cases', 'cases_respondent_received', '1000000 20 1'],
  ['cases', 'cases_handler_received', '1000000 50000 1 1 1 1 1 1'],
  ['cases', 'cases_handler', '1000000 50000 8000 2'],
  ['cases', 'cases_complainant_name', '1000000 3'],
  ['cases', 'cases_complainant_phone', '1000000 2'],
  ['cases', 'cases_id_number', '700000 2'],
  ['cases', 'cases_created_at', '1000000 1 1 1'],
  ['cases', 'cases_next_due', '1000000 500000 40 1 1'],
  ['cases', 'cases_sent_back', '300 1'],
  ['cases', 'cases_rule_set', '1000000 500000'],
  ['cases', 'cases_awaiting_approval', '3000 1 1 1'],
  ['cases', 'cases_voided_no', '10000 1'],
  ['cases', 'cases_number_order', '1000000 1'],
  // The accepted cases in hand: ≈ 20,000 open of a million, ≈ 500 a handler.
  ['cases', 'cases_in_hand', '20000 500 1 1 1'],
  ['respondents', null, '50000'],
  ['respondents', 'respondents_name', '50000 1'],
  ['respondents', 'respondents_credit_code', '40000 1'],
  ['case_natures', 'case_natures_nature', '1500000 140000 1'],
  ['case_natures', 'sqlite_autoindex_case_natures_1', '1500000 2 1'],
  ['case_deadlines', 'case_deadlines_case', '3000000 3 1'],
  ['case_deadlines', 'case_deadlines_open', '40000 40 1'],
  ['case_deadlines', 'case_deadlines_kind_state', '3000000 430000 110000 30 1'],
  // Most deadlines met; ≈ 10 % met late.
  ['case_deadlines', 'case_deadlines_state', '3000000 750000 1'],
  ['case_deadlines', 'case_deadlines_late', '300000 1'],
  ['case_deadlines', 'case_deadlines_late_kind', '300000 43000 1'],
  ['case_deadlines', 'case_deadlines_met', '2700000 1'],
  ['stats_daily', 'sqlite_autoindex_stats_daily_1', '250000 42000 7 1'],
  ['stats_daily', 'stats_daily_key_day', '250000 42000 10 1'],
  ['respondents', 'respondents_merged_into', '500 1'],
  ['respondent_stats', null, '50000'],
  // ≈ 25 pieces a name (store/respondentNames.ts), ≈ 30 businesses a piece.
  ['respondent_names', 'sqlite_autoindex_respondent_names_1', '1250000 30 1'],
  ['respondent_stats', 'respondent_stats_cases', '50000 20 1'],
  ['respondent_stats', 'respondent_stats_recent', '50000 30 1'],
  // ≈ 9,500 businesses a month (Zipf-like over 50,000), ten years of months.
  ['respondent_months', 'sqlite_autoindex_respondent_months_1', '1140000 23 1'],
  ['respondent_months', 'respondent_months_rank', '1140000 9500 30 1 1'],
];

let reg: Register;
let caseNo: string;
beforeAll(async () => {
  reg = await openRegister();
  caseNo = (await reg.must<{ caseNo: string }>('cases.register', minimalComplaint())).caseNo;
  const db = reg.core.db;
  db.exec('ANALYZE');
  db.prepare('DELETE FROM sqlite_stat1').run();
  const put = db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  for (const [tbl, idx, stat] of MILLION) put.run(tbl, idx, stat);
  // Makes the connection read the statistics afresh.
  db.exec('ANALYZE sqlite_schema');
});
afterAll(() => reg.close());

const admin: UserView = { id: 1, username: 'admin', displayName: '王管理', role: 'admin' };
const plan = (sql: string, params: unknown[]) => (reg.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
const searchPlans = (input: Partial<SearchInput>, user = admin) => {
  const p = reg.core.services.store.read.searchPlan({ page: 1, pageSize: 50, sort: 'receivedAt:desc', ...input } as SearchInput, user);
  return { page: plan(p.page.sql, p.page.params), count: plan(p.count.sql, p.count.params) };
};

/** A plan that reads an index at the page's place and stops: no sort of the matches, no scan of the table. */
function expectIndexed(steps: string[], index: RegExp) {
  expect(steps.join(' | ')).toMatch(index);
  expect(steps.join(' | ')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  expect(steps.some((s) => /^SCAN c$/.test(s))).toBe(false);
}

describe('cases.search plans at a million cases', () => {
  it('the register page, newest first, and its deeper pages', () => {
    expectIndexed(searchPlans({}).page, /SCAN c USING COVERING INDEX cases_received/);
    expectIndexed(searchPlans({ after: Buffer.from(JSON.stringify(['2026-01-01T00:00:00+08:00', 5])).toString('base64url') }).page, /SEARCH c USING COVERING INDEX cases_received/);
    // The status is in the index: "not voided" (and the voided included) is answered without a case's row, on a page at any depth and in its count.
    expectIndexed(searchPlans({ includeVoided: true }).page, /SCAN c USING COVERING INDEX cases_received/);
    // The whole register's count (and one breakdown's, within dates or not) is the day counts' sum.
    expect(searchPlans({}).count.join(' | ')).toMatch(/SEARCH stats_daily USING INDEX stats_daily_key_day/);
    expect(searchPlans({ region: 'R001', from: '2026-06-01', to: '2026-06-30' }).count.join(' | ')).toMatch(/SEARCH stats_daily USING INDEX stats_daily_key_day \(dim=\? AND key=\? AND day>\? AND day<\?\)/);
    expect(searchPlans({ includeVoided: true }).count.join(' | ')).toMatch(/USING COVERING INDEX/);
  });

  it('a deep page in the receipt order is placed by the day counts read by their key, then read at its day in the receipt index', () => {
    const { windowOf } = createDayCounts(reg.core.db);
    for (const sort of ['receivedAt:desc', 'receivedAt:asc']) {
      const input = { page: 1001, pageSize: 50, sort } as SearchInput;
      // This register's one case is on the first day the counts give, so its place is a real bound.
      const window = windowOf(input, sort, 0)!;
      expect(window.bound.params).toHaveLength(1);
      const { page } = reg.core.services.store.read.searchPlan(input, admin, window);
      const steps = plan(page.sql, page.params);
      expectIndexed(steps, /SEARCH c USING COVERING INDEX cases_received \(received_at[<>]=?\?\)/);
    }
    // One key's days, newest or oldest first, from the counts' index by key and day (migration 0035),
    // never every key's rows of each day: the whole register's and one category's alike.
    for (const sql of [DAYS_SQL.desc, DAYS_SQL.asc, DAYS_SQL.total]) {
      for (const params of [['all', '', '0000-01-01', '9999-12-31'], ['category', 'S04', '2026-06-01', '2026-06-30']]) {
        const steps = plan(sql, params);
        expect(steps.join(' | ')).toMatch(/SEARCH stats_daily USING INDEX stats_daily_key_day \(dim=\? AND key=\? AND day>\? AND day<\?\)/);
        expect(steps.join(' | ')).not.toMatch(/TEMP B-TREE/);
      }
    }
    // A category's deep page: its day's place in the category's receipt index.
    const input = { page: 1001, pageSize: 50, sort: 'receivedAt:desc', category: 'S04' } as SearchInput;
    const window = { bound: { sql: 'c.received_at < ?', params: ['2026-11-24'] }, offset: 10 };
    const { page } = reg.core.services.store.read.searchPlan(input, admin, window);
    expectIndexed(plan(page.sql, page.params), /SEARCH c USING COVERING INDEX cases_category_received \(category=\? AND received_at<\?\)/);
  });

  it("a category's, a handler's or a region's count in slices with a second key reads that key's index alone, no case's row (migrations 0040, 0041)", () => {
    const slice = ['2026-10-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00', 10_001];
    for (const input of [{ category: 'S01', channel: 'visit' }, { category: 'S01', region: 'R001' }, { category: 'S01', handlerId: 7 }] as Partial<SearchInput>[]) {
      const p = reg.core.services.store.read.searchPlan({ page: 1, pageSize: 50, sort: 'receivedAt:desc', ...input } as SearchInput, admin);
      expect(p.countSliced, JSON.stringify(input)).not.toBeNull();
      const steps = plan(p.countSliced!.sql, [...p.countSliced!.params, ...slice]).join(' | ');
      expect(steps, JSON.stringify(input)).toMatch(/SEARCH c USING COVERING INDEX cases_category_received \(category=\? AND received_at>\? AND received_at<\?\)/);
    }
    // Within the list's own dates, those are hidden from the planner, so the range it reads is the
    // slice's (with both in sight, every slice of 按时办结 否 within 2025 passed the whole year: 830 ms).
    for (const input of [{ category: 'S01', channel: 'visit' }, { finished: true, inTime: false }] as Partial<SearchInput>[]) {
      const p = reg.core.services.store.read.searchPlan({ page: 1, pageSize: 50, sort: 'receivedAt:desc', from: '2025-01-01', to: '2025-12-31', ...input } as SearchInput, admin);
      expect(p.countSliced!.sql.match(/(?<!\+\()c\.received_at [<>]=? \?/g), JSON.stringify(input)).toEqual(['c.received_at >= ?', 'c.received_at < ?']);
      expect(p.countSliced!.sql).toContain('+(c.received_at >= ?) AND +(c.received_at < ?)');
    }
    // A handler's or a region's the same (migration 0041).
    for (const [input, index] of [
      [{ handlerId: 7, channel: 'visit' }, /SEARCH c USING COVERING INDEX cases_handler_received \(handler_id=\? AND received_at>\? AND received_at<\?\)/],
      [{ region: 'R001', channel: 'visit' }, /SEARCH c USING COVERING INDEX cases_region_received \(region=\? AND received_at>\? AND received_at<\?\)/],
    ] as [Partial<SearchInput>, RegExp][]) {
      const p = reg.core.services.store.read.searchPlan({ page: 1, pageSize: 50, sort: 'receivedAt:desc', ...input } as SearchInput, admin);
      expect(p.countSliced, JSON.stringify(input)).not.toBeNull();
      expect(plan(p.countSliced!.sql, [...p.countSliced!.params, ...slice]).join(' | '), JSON.stringify(input)).toMatch(index);
    }
  });

  it('a text search walks the token index newest first', () => {
    const p = searchPlans({ text: '退款', sort: 'registeredAt:desc' });
    expect(p.page[0]).toMatch(/SCAN t VIRTUAL TABLE INDEX/);
    expect(p.page.join(' | ')).not.toMatch(/TEMP B-TREE/);
    // Text alone, or with the voided rule, is counted in the token indexes without a case read: the
    // register's (less the voided cases' own, counted once), all of the register's, the voided cases' own.
    const indexesOf = (counted: string) => [...counted.matchAll(/SCAN (case_index\w*) VIRTUAL TABLE INDEX/g)].map((m) => m[1]);
    for (const [input, indexes] of [
      [{}, ['case_index_voided', 'case_index']],
      [{ includeVoided: true }, ['case_index']],
      [{ status: 'voided' as const }, ['case_index_voided']],
    ] as const) {
      const counted = searchPlans({ text: '退款', sort: 'registeredAt:desc', ...input }).count.join(' | ');
      expect(indexesOf(counted), JSON.stringify(input)).toEqual(indexes);
      expect(counted).not.toMatch(/\bc\b|cases/);
    }
    // Another filter needs the case: counted through the join.
    expect(searchPlans({ text: '退款', sort: 'registeredAt:desc', status: 'closed' }).count.join(' | ')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
  });

  it('a text alone is walked oldest first in the token indexes and counted by the same walk, no case read and nothing sorted', () => {
    const read = reg.core.services.store.read;
    const input = (over: Partial<SearchInput>) => ({ page: 1, pageSize: 50, sort: 'registeredAt:desc', text: '退款', ...over }) as SearchInput;
    expect(read.searchPlan(input({}), admin).textAlone).toEqual({ match: '("退款")', voided: false, word: '退款' });
    expect(read.searchPlan(input({ includeVoided: true }), admin).textAlone?.voided).toBe('any');
    expect(read.searchPlan(input({ status: 'voided' }), admin).textAlone?.voided).toBe(true);
    // Any other condition, or another order: the page is read from the index as before.
    for (const over of [{ status: 'closed' as const }, { category: 'S04' }, { sort: 'receivedAt:desc' as const }]) expect(read.searchPlan(input(over), admin).textAlone, JSON.stringify(over)).toBeNull();
    for (const [sql, params, index] of [
      [TEXT_WALK_SQL.notVoided, ['"退款"', '"退款"', 10_001], /SCAN case_index VIRTUAL TABLE INDEX/],
      [TEXT_WALK_SQL.ofTable('case_index'), ['"退款"', 10_001], /SCAN case_index VIRTUAL TABLE INDEX/],
      [TEXT_WALK_SQL.ofTable('case_index_voided'), ['"退款"', 10_001], /SCAN case_index_voided VIRTUAL TABLE INDEX/],
      [TEXT_WALK_SQL.voided, ['"退款"'], /SCAN case_index_voided VIRTUAL TABLE INDEX/],
    ] as const) {
      const steps = plan(sql, [...params]).join(' | ');
      expect(steps).toMatch(index);
      expect(steps).not.toMatch(/TEMP B-TREE|\bcases\b|\bc\b/);
    }
  });

  it('a whole case number, in any form typed, reads the case by its key and not the token index', () => {
    for (const typed of [caseNo, caseNo.toLowerCase(), caseNo.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))]) {
      for (const sort of ['registeredAt:desc', 'receivedAt:desc'] as const) {
        const p = searchPlans({ text: typed, sort });
        expect(p.page.join(' | ')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
        expect([...p.page, ...p.count].join(' | ')).not.toMatch(/VIRTUAL TABLE/);
      }
    }
    // Part of a number is still a fragment for the index.
    expect(searchPlans({ text: caseNo.slice(-5), sort: 'registeredAt:desc' }).page[0]).toMatch(/SCAN t VIRTUAL TABLE INDEX/);
  });

  it('a case number’s beginning reads its range of each length of number in the register’s order, never the token index nor a sort of the range', () => {
    const beginning = caseNo.slice(0, caseNo.indexOf('-') + 2);
    // TS2026-0 can be of one length only (padded), TS2026- of five.
    for (const [typed, sort] of [beginning, beginning.slice(0, -1)].flatMap((b) => (['registeredAt:desc', 'caseNo:desc', 'caseNo:asc'] as const).map((s) => [b, s] as const))) {
      const p = searchPlans({ text: typed.toLowerCase(), sort });
      expectIndexed(p.page, /SEARCH c USING (COVERING )?INDEX cases_number_length \(<expr>=\? AND case_no>\? AND case_no<\?\)/);
      expect([...p.page, ...p.count].join(' | ')).not.toMatch(/VIRTUAL TABLE/);
    }
    // Counted, the voided left out, in the numbers' index and the voided cases' own: no case's row
    // read for its status (11.9 ms for TS2025-1's 10,001 at a million cases, 0.7 from the index).
    const counted = searchPlans({ text: beginning, sort: 'registeredAt:desc' }).count.join(' | ');
    expect(counted).toMatch(/SEARCH cases USING COVERING INDEX cases_voided_no \(case_no>\? AND case_no<\?\)/);
    expect(counted).toMatch(/SEARCH cases USING COVERING INDEX sqlite_autoindex_cases_1 \(case_no>\? AND case_no<\?\)/);
    expect(counted).not.toMatch(/USING INDEX|SCAN cases\b/);
    // Typed without its prefix (2025-1), the prefixes in use are found one seek each in the numbers' index, then counted as above.
    expect(plan(NUMBER_AT_OR_AFTER_SQL, ['TS:'])).toEqual(['SEARCH cases USING COVERING INDEX sqlite_autoindex_cases_1 (case_no>?)']);
    // Sorted another way: the newest of the range up to the cap, as a text search.
    const other = searchPlans({ text: beginning, sort: 'receivedAt:desc' });
    expect(other.page.join(' | ')).toMatch(/sqlite_autoindex_cases_1 \(case_no>\? AND case_no<\?\)/);
    expect(other.page.join(' | ')).not.toMatch(/VIRTUAL TABLE/);
  });

  it('counts and lists the cases registered on a day (今日) from the registration times’ index alone, their status and receipt read from it', () => {
    const p = searchPlans({ registeredOn: '2026-11-30' });
    expect(p.count.join(' | ')).toMatch(/SEARCH c USING COVERING INDEX cases_created_at \(created_at>\? AND created_at<\?\)/);
    // Newest received first: the day's entries are sorted, no case's row read for it.
    expect(p.page.join(' | ')).toMatch(/SEARCH c USING COVERING INDEX cases_created_at \(created_at>\? AND created_at<\?\)/);
  });

  it('each filter of the register reads its own index, in the register order', () => {
    expectIndexed(searchPlans({ status: 'awaiting_approval' }).page, /cases_status_received \(status=\?\)/);
    expectIndexed(searchPlans({ category: 'S04', from: '2025-06-01', to: '2025-06-30' }).page, /cases_category_received \(category=\? AND received_at>\? AND received_at<\?\)/);
    expectIndexed(searchPlans({ respondentId: 42 }).page, /cases_respondent_received \(respondent_id=\?\)/);
    expectIndexed(searchPlans({ mine: true }).page, /cases_handler_received \(handler_id=\?\)/);
    expectIndexed(searchPlans({ from: '2026-06-01', to: '2026-06-30' }).page, /cases_received \(received_at>\? AND received_at<\?\)/);
  });

  it('awaiting my approval is counted in the awaiting cases’ own index, the proposer read from it, never their rows', () => {
    const supervisor: UserView = { id: 7, username: 'sup1', displayName: '孙主任', role: 'supervisor' };
    expect(searchPlans({ awaitingMyApproval: true }, supervisor).count.join(' | ')).toMatch(/^CO-ROUTINE \(subquery-\d\) \| SCAN c USING COVERING INDEX cases_awaiting_approval \| SCAN \(subquery-\d\)$/);
    // The page walks the newest awaiting cases and stops at 50 not proposed by the reader.
    expectIndexed(searchPlans({ awaitingMyApproval: true }, supervisor).page, /cases_status_received \(status=\?\)/);
    // With another filter the count is that filter's.
    expect(searchPlans({ awaitingMyApproval: true, category: 'S04' }, supervisor).count.join(' | ')).not.toMatch(/cases_awaiting_approval/);
  });

  it('one category with more cases than are sorted quickly, sorted otherwise, is read in the sort\'s order; one with few, from its own index and sorted', () => {
    // The day counts say how many: a category of 20,000 cases is walked by the sort's index, one of 30
    // sorted (in a register that holds them all: of a handful, a page's walk would pass fewer than 30).
    const put = reg.core.db.prepare("INSERT INTO stats_daily (dim, day, key, received) VALUES (?, ?, ?, ?)");
    put.run('category', '2026-01-05', 'S98', 20_000);
    put.run('category', '2026-01-05', 'S97', 30);
    put.run('category', '2026-01-05', 'S96', 5_000);
    put.run('all', '2019-01-05', '', 100_000);
    try {
      // 5,000 of 100,000 by case number: the category's own order of numbers (migration 0048) is
      // walked, on its first page and on page 40 alike (it passes the category's cases only, in the
      // index alone); where 5,000 would be read and sorted, 27 against 3 ms at 100,000 cases.
      const ownNumbers = /SEARCH c USING COVERING INDEX cases_category_number \(category=\?\)/;
      expectIndexed(searchPlans({ category: 'S96', sort: 'caseNo:desc' }).page, ownNumbers);
      expectIndexed(searchPlans({ category: 'S96', sort: 'caseNo:desc', page: 40 }).page, ownNumbers);
      expectIndexed(searchPlans({ category: 'S98', sort: 'caseNo:desc' }).page, ownNumbers);
      // With a channel, region or handler too, still in the index alone (it holds them, as cases_category_received does).
      expectIndexed(searchPlans({ category: 'S98', channel: 'phone', sort: 'caseNo:asc' }).page, ownNumbers);
      expectIndexed(searchPlans({ category: 'S98', region: 'R001', handlerId: 1, sort: 'caseNo:desc' }).page, ownNumbers);
      expectIndexed(searchPlans({ category: 'S98', sort: 'complainantName:asc' }).page, /SCAN c USING INDEX cases_complainant_name/);
      expectIndexed(searchPlans({ category: 'S98', sort: 'respondentName:desc' }).page, /SCAN r USING COVERING INDEX respondents_name.*SEARCH c USING INDEX cases_respondent_received/);
      // Of 30, not walked: listed, and SQLite itself reads them in order from the same index, no sort.
      expectIndexed(searchPlans({ category: 'S97', sort: 'caseNo:desc' }).page, ownNumbers);
    } finally {
      reg.core.db.prepare("DELETE FROM stats_daily WHERE (dim = 'category' AND key IN ('S98', 'S97', 'S96')) OR (dim = 'all' AND day = '2019-01-05')").run();
    }
  });

  it('a long list sorted otherwise walks the sort\'s index where SQLite would list and sort it: a status, a year, a region within dates', () => {
    // What SQLite chose by itself at a million cases: 已结案 by case number listed and sorted 505,000 cases (1–2 s).
    const store = reg.core.services.store.read;
    const told = (input: Partial<SearchInput>, walk: boolean) => {
      const p = store.searchPlan({ page: 1, pageSize: 50, ...input } as SearchInput, admin, undefined, walk);
      return plan(p.page.sql, p.page.params);
    };
    // A status by case number, listed or walked, is a range of the status's own order of numbers (migration 0051): no sort, no walk past other statuses.
    const statusNumbers = /SEARCH c USING COVERING INDEX cases_status_number \(status=\?\)/;
    expectIndexed(told({ status: 'closed', sort: 'caseNo:asc' }, false), statusNumbers);
    expectIndexed(told({ status: 'closed', sort: 'caseNo:asc' }, true), statusNumbers);
    expectIndexed(told({ status: 'registered', sort: 'caseNo:desc' }, true), statusNumbers);
    // With a region too, still in the index alone; a category goes first (its own order holds the status).
    expectIndexed(told({ status: 'refused', region: 'R001', sort: 'caseNo:desc' }, true), statusNumbers);
    expectIndexed(told({ status: 'refused', category: 'S04', sort: 'caseNo:desc' }, true), /SEARCH c USING COVERING INDEX cases_category_number \(category=\?\)/);
    expectIndexed(told({ from: '2025-01-01', to: '2025-12-31', sort: 'complainantName:asc' }, true), /SCAN c USING INDEX cases_complainant_name/);
    expectIndexed(told({ region: 'R005', from: '2025-01-01', to: '2025-12-31', sort: 'respondentName:asc' }, true), /SCAN r USING COVERING INDEX respondents_name.*SEARCH c USING INDEX cases_respondent_received \(respondent_id=\?\)/);
    // A status the sort leads with stays a range of the status index, not a walk from its first entry.
    expectIndexed(told({ status: 'refused', sort: 'status:asc' }, true), /SEARCH c USING COVERING INDEX cases_status_received \(status=\?\)/);
    // A walk with every filter hidden reads chunks: the entry a chunk ahead from the sort's index alone, then up to it.
    for (const [input, index] of [
      [{ from: '2025-01-01', to: '2025-12-31', punitive: true, sort: 'complainantName:asc' }, 'cases_complainant_name'],
      [{ channel: 'phone', sort: 'caseNo:desc' }, 'cases_number_order'],
    ] as const) {
      const chunk = store.searchPlan({ page: 1, pageSize: 50, ...input } as SearchInput, admin, undefined, true).walkChunk!;
      expect(plan(chunk.edge.sql, [...chunk.edge.params, 1999]).join(' | '), JSON.stringify(input)).toMatch(new RegExp(`^SCAN c USING COVERING INDEX ${index}$`));
      const edgeKeys = input.sort === 'caseNo:desc' ? ['2025000000000001TS2025-00001'] : ['王', 5];
      expectIndexed(plan(chunk.upTo.sql, [...chunk.upTo.params, ...edgeKeys, 51]), new RegExp(`SEARCH c USING INDEX ${index} \\(`));
    }
    // A category, or a status, by case number with another filter: both statements within the key's own order of numbers, in the index alone.
    for (const [input, index, key] of [
      [{ category: 'S04', channel: 'phone', sort: 'caseNo:asc' }, 'cases_category_number', 'category'],
      [{ status: 'closed', channel: 'phone', sort: 'caseNo:desc' }, 'cases_status_number', 'status'],
    ] as const) {
      const own = store.searchPlan({ page: 1, pageSize: 50, ...input } as SearchInput, admin, undefined, true).walkChunk!;
      expect(plan(own.edge.sql, [...own.edge.params, 1999]).join(' | ')).toMatch(new RegExp(`^SEARCH c USING COVERING INDEX ${index} \\(${key}=\\?\\)$`));
      expectIndexed(plan(own.upTo.sql, [...own.upTo.params, '2025000000000001TS2025-00001', 51]), new RegExp(`SEARCH c USING COVERING INDEX ${index} \\(${key}=\\? AND <expr>[<>]\\?\\)`));
    }
    // With dates, sorted by status or category, each key's dates in turn: the walk from each key's first entry passed every case before them.
    for (const [sort, index] of [['status:asc', 'cases_status_received \\(ANY\\(status\\)'], ['category:desc', 'cases_category_received \\(ANY\\(category\\)']]) {
      for (const filters of [{}, { punitive: true }, { channel: 'visit' }]) {
        expectIndexed(told({ from: '2025-06-01', to: '2025-06-30', ...filters, sort: sort as SearchInput['sort'] }, true), new RegExp(`SEARCH c USING (COVERING )?INDEX ${index} AND received_at>\\? AND received_at<\\?\\)`));
      }
    }
    expectIndexed(told({ open: true, sort: 'dueOn:asc' }, true), /SCAN c USING COVERING INDEX cases_next_due/);
    // A region of few cases (or none, 无地区) is listed from its own index and sorted, never by checking
    // every case (1,456 with no region sorted by complainant: 0.1–1.3 s at a million cases, migration 0037).
    for (const region of [null, 'R019']) {
      for (const dates of [{}, { from: '2025-01-01', to: '2025-12-31' }]) {
        const steps = told({ region, ...dates, sort: 'complainantName:asc' }, false).join(' | ');
        expect(steps, JSON.stringify({ region, ...dates })).toMatch(/^SEARCH c USING INDEX cases_region_received \(region(=\?| IS NULL|=\? AND received_at>\? AND received_at<\?)/);
      }
    }
  });

  it('a cursor page in the receipt order is bounded by its cursor: the list’s own date on that side is hidden from the planner', () => {
    // SQLite took the list's own date for the range's bound and passed every row from it to the
    // cursor: a year's 未解决 page after page, 3.4 against 0.7 ms a page eleven months in at 100,000
    // cases, and an export of it read each chunk so.
    const pageSql = (input: Partial<SearchInput>) =>
      reg.core.services.store.read.searchPlan({ page: 1, pageSize: 50, from: '2025-01-01', to: '2025-12-31', resolved: false, ...input } as SearchInput, admin).page.sql;
    const after = encodeCursor(['2025-06-01T00:00:00+08:00', 1]);
    expect(pageSql({ sort: 'receivedAt:desc', after })).toContain('+(c.received_at < ?)');
    expect(pageSql({ sort: 'receivedAt:desc', after })).toMatch(/c\.received_at >= \?(?!\))/);
    expect(pageSql({ sort: 'receivedAt:asc', after })).toContain('+(c.received_at >= ?)');
    expect(pageSql({ sort: 'receivedAt:desc' })).not.toContain('+(c.received_at');
    // Another order has no such bound: its dates stay as they are.
    expect(pageSql({ sort: 'complainantName:asc', after: encodeCursor(['王', 1]) })).not.toContain('+(c.received_at <');
  });

  it('a dated list sorted by case number, registration or next deadline reads a slice of its days from the receipt-day index, the days\' runs from their own table', () => {
    // What SQLite chose by itself at a million cases: 2025 by case number listed and sorted its 330,000 cases (390–460 ms).
    const store = reg.core.services.store.read;
    // 加倍赔偿 reads only the day's cases that may be such (1.2 % of them), from their own index by day (migration 0047).
    const lists: [Partial<SearchInput>, string, string][] = [
      [{ from: '2025-01-01', to: '2025-12-31', sort: 'caseNo:asc' }, NUMBER_ORDER, 'cases_received_on'],
      [{ from: '2025-01-01', to: '2025-12-31', category: 'S04', sort: 'caseNo:desc' }, `${NUMBER_ORDER} DESC`, 'cases_received_on'],
      [{ from: '2026-11-01', punitive: true, sort: 'registeredAt:desc' }, 'c.id DESC', 'cases_punitive_days'],
      [{ from: '2025-01-01', to: '2025-12-31', punitive: true, sort: 'caseNo:desc' }, `${NUMBER_ORDER} DESC`, 'cases_punitive_days'],
    ];
    for (const [input, key, index] of lists) {
      const merged = store.searchPlan({ page: 1, pageSize: 50, ...input } as SearchInput, admin).dayMerged!;
      expect(merged.slice.sql).toContain(`ORDER BY ${key} LIMIT ?`);
      const steps = plan(merged.slice.sql, [...merged.slice.params, JSON.stringify(['2025-01-01', '2025-01-02']), 51]).join(' | ');
      // A few days' cases sorted: the slice, never the register.
      expect(steps, JSON.stringify(input)).toMatch(new RegExp(`^SEARCH c USING INDEX ${index} \\(received_on=\\?\\)`));
      expect(steps).not.toMatch(/SCAN c( |$)/);
    }
    // By the next deadline: the running clocks of the dates from their own index in due order, then the rest by id from their days.
    const due = store.searchPlan({ page: 1, pageSize: 50, from: '2025-01-01', to: '2025-12-31', sort: 'dueOn:asc' } as SearchInput, admin).dayMerged!;
    expect(plan(due.running!.sql, [...due.running!.params, 51]).join(' | ')).toMatch(/^SEARCH c USING (COVERING )?INDEX cases_running_due \(next_due_on>\?\)( \| USE TEMP B-TREE FOR LAST TERM OF ORDER BY)?$/);
    expect(due.slice.sql).toContain('c.next_due_on IS NULL');
    expect(plan(due.slice.sql, [...due.slice.params, '["2025-01-01"]', 51]).join(' | ')).toMatch(/^SEARCH c USING INDEX cases_received_on \(received_on=\?\)/);
    for (const column of ['first_order, last_order', 'first_id, last_id']) {
      expect(plan(`SELECT day, ${column}, cases FROM receipt_day_bounds WHERE day >= ? AND day <= ?`, ['2025-01-01', '2025-12-31']).join(' | ')).toMatch(/SEARCH receipt_day_bounds USING PRIMARY KEY \(day>\? AND day<\?\)/);
    }
  });

  it('a nature alone is counted from the day counts; with a status, from its own index joined, never by checking every case', () => {
    // Checked case by case, 性质 个人信息 passed the whole register for its 7,200 (240–610 ms at a million cases).
    expect(searchPlans({ nature: 'personal_info' }).count.join(' | ')).toMatch(/SEARCH stats_daily USING INDEX stats_daily_key_day/);
    const count = searchPlans({ nature: 'personal_info', status: 'closed' }).count.join(' | ');
    expect(count).toMatch(/SEARCH (n|c) USING (COVERING )?INDEX (case_natures_nature|cases_status_received)/);
    expect(count).not.toMatch(/SCAN c( |$)/);
    // Sorted otherwise, a nature of few cases is listed from its index and sorted; a common one walks the sort's index.
    const put = reg.core.db.prepare("INSERT INTO stats_daily (dim, day, key, received) VALUES ('nature', '2026-01-05', ?, ?)");
    put.run('few', 30);
    put.run('many', 20_000);
    try {
      expect(searchPlans({ nature: 'few', sort: 'complainantName:asc' }).page.join(' | ')).toMatch(/SEARCH n USING COVERING INDEX case_natures_nature \(nature=\?\)/);
      expect(searchPlans({ nature: 'many', sort: 'complainantName:asc' }).page.join(' | ')).toMatch(/^SCAN c USING INDEX cases_complainant_name/);
      // Newest first, each case's natures looked up by its key: never a Bloom filter of all the nature's cases built first (质量: 65 ms).
      const newest = searchPlans({ nature: 'many' }).page.join(' | ');
      expect(newest).toMatch(/^SCAN c USING COVERING INDEX cases_received \| CORRELATED SCALAR SUBQUERY \d+ \| SEARCH n USING PRIMARY KEY \(case_id=\? AND nature=\?\)$/);
    } finally {
      reg.core.db.prepare("DELETE FROM stats_daily WHERE dim = 'nature' AND key IN ('few', 'many')").run();
    }
  });

  it('a status with a region, category or handler is counted in the shorter range: the key\'s, or the status\'s', () => {
    // The status's range passed every closed case of other regions to the cap: 6.9 against 0.2 ms at 120,000 cases.
    // This register holds one case, 新登记; the keys below have none (R-none, C-none, handler 77) or 3,000 by their day counts.
    reg.core.db.prepare("INSERT INTO stats_daily (dim, day, key, received) VALUES ('region', '2026-01-05', 'R-few', 3000)").run();
    try {
      const count = (input: Partial<SearchInput>) => searchPlans(input).count.join(' | ');
      expect(count({ status: 'registered', region: 'R-none' })).toMatch(/\| SEARCH c USING COVERING INDEX cases_region_received \(region=\?\) \|/);
      expect(count({ status: 'registered', category: 'C-none' })).toMatch(/\| SEARCH c USING COVERING INDEX cases_category_received \(category=\?\) \|/);
      expect(count({ status: 'registered', handlerId: 77 })).toMatch(/\| SEARCH c USING COVERING INDEX cases_handler_received \(handler_id=\?\) \|/);
      // The status shorter (已结案 has no case here), or with a text or a second filter: the planner chooses, as before.
      const countSql = (input: Partial<SearchInput>) => reg.core.services.store.read.searchPlan({ page: 1, pageSize: 50, sort: 'receivedAt:desc', ...input } as SearchInput, admin).count.sql;
      for (const input of [{ status: 'closed', region: 'R-few' }, { status: 'registered', region: 'R-none', text: '退款' }, { status: 'registered', region: 'R-none', channel: 'visit' }] as Partial<SearchInput>[]) {
        expect(countSql(input), JSON.stringify(input)).not.toMatch(/INDEXED BY/);
      }
    } finally {
      reg.core.db.prepare("DELETE FROM stats_daily WHERE dim = 'region' AND key = 'R-few'").run();
    }
  });

  it('a deadline state is asked of each case in one seek of the states\' index (逾期完成 of its own), or listed from it when few', () => {
    // Asked through each case's deadlines and their rows, the 991 paused clocks took 3.4 s to count on the million.
    const asked = createDeadlineStates(reg.core.db, -1);
    const listed = createDeadlineStates(reg.core.db, 1e9);
    const steps = (c: { sql: string; params: unknown[] }) => plan(`SELECT COUNT(*) FROM cases c WHERE ${c.sql}`, c.params).join(' | ');
    for (const state of ['running', 'paused', 'cancelled'] as const) {
      expect(steps(asked(state, undefined)), state).toMatch(/SEARCH d USING COVERING INDEX case_deadlines_state \(state=\? AND case_id=\?\)/);
      expect(steps(listed(state, undefined)), state).toMatch(/SEARCH d USING COVERING INDEX case_deadlines_state \(state=\?\)/);
    }
    // Met by the due date, of any kind, by its own index: one seek, a row read for a case that has one
    // (not each met deadline's of every case, as by the states' index).
    expect(steps(asked('met', undefined))).toMatch(/SEARCH d USING INDEX case_deadlines_met \(case_id=\?\)/);
    expect(steps(listed('met', undefined))).toMatch(/SCAN d USING INDEX case_deadlines_met/);
    // Not a covering index in the plan's words, but the index's own terms stand for the dates: SQLite's
    // seek of the row is deferred and never made (its bytecode reads no column of it), so a covering one would gain nothing.
    expect(steps(asked('metLate', undefined))).toMatch(/SEARCH d USING INDEX case_deadlines_late \(case_id=\?\)/);
    expect(steps(asked('metLate', 'mediation'))).toMatch(/SEARCH d USING INDEX case_deadlines_late_kind \(kind=\? AND case_id=\?\)/);
    // One kind's late ones listed by their kind: all the late ones read for them, 116 ms on the million.
    expect(steps(listed('metLate', 'mediation'))).toMatch(/SEARCH d USING (COVERING )?INDEX case_deadlines_late_kind \(kind=\?\)/);
    expect(steps(listed('metLate', undefined))).toMatch(/SCAN d USING INDEX case_deadlines_late/);
    for (const c of [asked, listed].flatMap((f) => [f('running', 'mediation'), f('cancelled', undefined), f('metLate', undefined)])) expect(steps(c)).not.toMatch(/SCAN d(?! USING)/);
    // A state alone is counted in its index, each case once, the voided left out by the status index: no case's row read.
    // Past the cap by more than the voided cases (counted in the status index), the voided are not looked up;
    // else, and when the state is few, each case is looked up in their list.
    const alone = (c: { sql: string; params: unknown[] } | null) => plan(c!.sql, c!.params).join(' | ');
    const cancelled = alone(asked('cancelled', undefined).countAlone(false, 10_000));
    expect(cancelled).toMatch(/MATERIALIZE gone \| SEARCH cases USING COVERING INDEX cases_status_received \(status=\?\) \| SCAN gone \| SEARCH d USING COVERING INDEX case_deadlines_state \(state=\?\) \| SCAN \(subquery-\d+\)/);
    expect(cancelled).toMatch(/SEARCH d USING COVERING INDEX case_deadlines_state \(state=\?\) \| LIST SUBQUERY \d+ \| SEARCH cases USING COVERING INDEX cases_status_received \(status=\?\)/);
    expect(cancelled).not.toMatch(/SCAN cases|SEARCH cases USING (INDEX|INTEGER PRIMARY KEY)|TEMP B-TREE/);
    expect(alone(listed('cancelled', undefined).countAlone(false, 10_000))).toMatch(
      /^CO-ROUTINE \(subquery-\d+\) \| SEARCH d USING COVERING INDEX case_deadlines_state \(state=\?\) \| LIST SUBQUERY \d+ \| SEARCH cases USING COVERING INDEX cases_status_received \(status=\?\)/,
    );
    expect(alone(asked('paused', undefined).countAlone('any', 10_000))).toMatch(/^CO-ROUTINE \(subquery-\d+\) \| SEARCH d USING COVERING INDEX case_deadlines_state \(state=\?\)( \| SCAN \(subquery-\d+\))?$/);
    expect(alone(asked('metLate', 'mediation').countAlone(false, 10_000))).toMatch(/SEARCH d USING INDEX case_deadlines_late_kind \(kind=\?\)/);
    // One kind's from the index by kind and state, which holds the case (reading each deadline's row
    // for its kind or its case held the page's calls 47–85 ms on the million).
    expect(alone(asked('cancelled', 'mediation').countAlone(false, 10_000))).toMatch(/SEARCH d USING COVERING INDEX case_deadlines_kind_state \(kind=\? AND state=\?\)/);
    expect(steps(listed('cancelled', 'mediation'))).toMatch(/SEARCH d USING COVERING INDEX case_deadlines_kind_state \(kind=\? AND state=\?\)/);
    // Met by the due date alone, in its own index (in slices of the register, each met deadline's row
    // read for its dates: 20–25 ms on the million); of one kind it is judged in each row: counted as any list.
    expect(alone(asked('met', undefined).countAlone(false, 10_000))).toMatch(/CO-ROUTINE \(subquery-\d+\) \| SCAN d USING INDEX case_deadlines_met \| LIST SUBQUERY/);
    expect(asked('met', 'mediation').countAlone(false, 10_000)).toBeNull();
    expect(asked('cancelled', undefined).countAlone(true, 10_000)).toBeNull();
  });

  it('a deadline state alone, newest received first, reads its cases by id from its own index, their rows by id, and the receipt days\' runs by day', () => {
    // Walked in the receipt order, 已取消 asked each of the 17,778 newest cases for a cancelled clock (store/stateNewest.ts).
    const states = createDeadlineStates(reg.core.db, -1);
    const byId = (state: 'cancelled' | 'met' | 'metLate', kind?: 'mediation') => {
      const c = states(state, kind).byId!;
      return plan(c.sql, [...c.params, 1_000_000, 128]).join(' | ');
    };
    expect(byId('cancelled')).toMatch(/^SEARCH d USING COVERING INDEX case_deadlines_state \(state=\? AND case_id<\?\)$/);
    expect(byId('met')).toMatch(/^SEARCH d USING INDEX case_deadlines_met \(case_id<\?\)$/);
    expect(byId('metLate')).toMatch(/^SEARCH d USING INDEX case_deadlines_late \(case_id<\?\)$/);
    expect(byId('metLate', 'mediation')).toMatch(/^SEARCH d USING INDEX case_deadlines_late_kind \(kind=\? AND case_id<\?\)$/);
    // Of one kind, the index by kind and state holds them by due date first: not read so.
    expect(states('cancelled', 'mediation').byId).toBeNull();
    const p = reg.core.services.store.read.searchPlan({ page: 1, pageSize: 50, deadlineState: 'cancelled' } as SearchInput, admin).stateNewest!;
    expect(p.cases.sql).toBe(states('cancelled', undefined).byId!.sql);
    for (const voided of [false, true, 'any'] as const) expect(plan(stepRowsSql(voided), ['[1,2]']).join(' | ')).toMatch(/^SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(plan(LATER_DAY_BELOW_SQL, ['2026-11-01', 5]).join(' | ')).toMatch(/^SEARCH receipt_day_bounds USING PRIMARY KEY \(day>\?\)$/);
  });

  it('every sortable column is read in order from an index', () => {
    expectIndexed(searchPlans({ sort: 'complainantName:asc' }).page, /cases_complainant_name/);
    expectIndexed(searchPlans({ sort: 'status:desc' }).page, /cases_status_received/);
    expectIndexed(searchPlans({ sort: 'category:asc' }).page, /cases_category_received/);
    // The register's order of numbers, year then sequence (migration 0038), from its own index.
    expectIndexed(searchPlans({ sort: 'caseNo:desc' }).page, /SCAN c USING INDEX cases_number_order/);
    expectIndexed(searchPlans({ sort: 'respondentName:asc' }).page, /SCAN r USING COVERING INDEX respondents_name.*cases_respondent_received/);
    expectIndexed(searchPlans({ sort: 'dueOn:asc' }).page, /cases_next_due/);
    for (const filter of [{ overdue: true }, { dueWithinWorkingDays: 3 }, { dueWithinWorkingDays: 0 }]) {
      expect(searchPlans({ sort: 'dueOn:asc', ...filter }).page.join(' | '), JSON.stringify(filter)).toMatch(/^SEARCH c USING COVERING INDEX cases_running_due [^|]*\| USE TEMP B-TREE FOR LAST TERM OF ORDER BY$/);
    }
    // Due soon on one kind of clock: the few cases with such a clock are listed from the open-clock index first.
    expect(searchPlans({ sort: 'dueOn:asc', dueWithinWorkingDays: 3, deadlineKind: 'mediation' }).page.join(' | ')).toMatch(/SEARCH d USING (COVERING )?INDEX case_deadlines_(open|kind_state) /);
  });

  it('the overdue and due-soon cases are counted, and listed newest first, from the running clocks’ index alone, without reading a case', () => {
    for (const filter of [{ overdue: true }, { dueWithinWorkingDays: 3 }, { dueWithinWorkingDays: 0 }]) {
      expect(searchPlans(filter).count.join(' | '), JSON.stringify(filter)).toMatch(/^CO-ROUTINE \(subquery-\d\) \| SEARCH c USING COVERING INDEX cases_running_due [^|]*\| SCAN \(subquery-\d\)$/);
      for (const sort of ['receivedAt:desc', 'registeredAt:desc'] as const) {
        // Due today fixes the index's first column, so only the last tie-break (the id) is sorted.
        expect(searchPlans({ ...filter, sort }).page.join(' | '), sort).toMatch(/^SEARCH c USING COVERING INDEX cases_running_due[^|]*\| USE TEMP B-TREE FOR (LAST TERM OF )?ORDER BY$/);
      }
    }
  });

  it('an investigator’s open cases overdue, due today or due soon (今日) are counted from the handler’s index alone (migration 0045)', () => {
    // From the office's running clocks, each one's case read for its handler: 5,580 for due soon, 10–15 ms on the million.
    const investigator: UserView = { id: 7, username: 'inv', displayName: '李调查', role: 'investigator' };
    for (const filter of [{ overdue: true }, { dueWithinWorkingDays: 3 }, { dueWithinWorkingDays: 0 }]) {
      expect(searchPlans({ ...filter, mine: true }, investigator).count.join(' | '), JSON.stringify(filter)).toMatch(
        /^CO-ROUTINE \(subquery-\d\) \| SEARCH c USING COVERING INDEX cases_handler \(handler_id=\? AND status=\? AND next_due_on[<>=]\?( AND next_due_on<\?)?\) \| SCAN \(subquery-\d\)$/,
      );
    }
  });

  it('a page reads the business of its cases only when it is sorted by the business', () => {
    for (const input of [{}, { overdue: true }, { status: 'closed' as const }, { text: '退款', sort: 'registeredAt:desc' as const }, { sort: 'complainantName:asc' as const }]) {
      expect(searchPlans(input).page.join(' | '), JSON.stringify(input)).not.toMatch(/ r USING| respondents/);
    }
    expect(searchPlans({ sort: 'respondentName:desc' }).page.join(' | ')).toMatch(/ r USING/);
  });

  it('the open cases are counted from the status index, and paged by walking the sort’s index', () => {
    for (const [sort, index] of [
      ['dueOn:asc', /cases_next_due/],
      ['receivedAt:desc', /cases_received/],
    ] as const) {
      const p = searchPlans({ open: true, sort });
      expect(p.count.join(' | ')).toMatch(/SEARCH c USING COVERING INDEX cases_status_received \(status=\?\)/);
      expectIndexed(p.page, index);
    }
    // PRAGMA optimize's sampled statistics can make a status look rare (a 200,000-case register said
    // 501 cases a status): the page must walk its index still, not sort every open case.
    const db = reg.core.db;
    const stat = db.prepare("UPDATE sqlite_stat1 SET stat = ? WHERE idx = 'cases_status_received'");
    stat.run('1000000 501 1');
    db.exec('ANALYZE sqlite_schema');
    try {
      expectIndexed(searchPlans({ open: true, sort: 'dueOn:asc' }).page, /cases_next_due/);
    } finally {
      stat.run('1000000 83334 1');
      db.exec('ANALYZE sqlite_schema');
    }
  });

  it('the work queues of 今日 read the cases in progress, never the archive', () => {
    for (const queue of ['toAccept', 'awaitingMaterials', 'referralReplied'] as const) {
      expectIndexed(searchPlans({ queue }).page, /cases_status_received \(status=\?\)/);
    }
    // The unassigned queue from the accepted cases in hand (0039), either way in receipt order with
    // no sort; it walked the cases with no handler, most never accepted. Counted, its few cases.
    // Told so: at a million cases the statistics give both indexes 1,001 cases a handler.
    reg.core.db.prepare("UPDATE sqlite_stat1 SET stat = '1000000 1001 1' WHERE idx = 'cases_handler_received'").run();
    reg.core.db.prepare("UPDATE sqlite_stat1 SET stat = '45000 1001 1 1 1' WHERE idx = 'cases_in_hand'").run();
    reg.core.db.exec('ANALYZE sqlite_schema');
    for (const sort of ['receivedAt:asc', 'receivedAt:desc'] as const) {
      expectIndexed(searchPlans({ queue: 'unassigned', sort }).page, /^SEARCH c USING (COVERING )?INDEX cases_in_hand \(handler_id=\?\)$/);
    }
    // Sorted otherwise, its few cases are listed by handler and status and sorted.
    expect(searchPlans({ queue: 'unassigned', sort: 'caseNo:asc' }).page.join(' | ')).toMatch(/^SEARCH c USING INDEX (cases_in_hand \(handler_id=\?\)|cases_handler \(handler_id=\? AND status=\?\))/);
    expect(searchPlans({ queue: 'unassigned' }).count.join(' | ')).toMatch(/SEARCH c USING (COVERING )?INDEX (cases_in_hand \(handler_id=\?\)|cases_handler \(handler_id=\? AND status=\?\))/);
    for (const [idx, stat] of [['cases_handler_received', '1000000 50000 1'], ['cases_in_hand', '20000 500 1 1 1']]) reg.core.db.prepare('UPDATE sqlite_stat1 SET stat = ? WHERE idx = ?').run(stat, idx);
    reg.core.db.exec('ANALYZE sqlite_schema');
    expect(searchPlans({ queue: 'sentBack' }).page.join(' | ')).toMatch(/cases_sent_back/);
    expect(searchPlans({ queue: 'sentBack', mine: true }).page.join(' | ')).toMatch(/cases_sent_back|cases_handler_received/);
  });

  it('counts stop at the cap', () => {
    for (const input of [{ includeVoided: true }, { status: 'closed' as const }, { text: '王' }]) {
      const p = reg.core.services.store.read.searchPlan({ page: 1, pageSize: 50, sort: 'receivedAt:desc', ...input } as SearchInput, admin);
      expect(p.count.sql).toMatch(/LIMIT 10001\)$/);
    }
  });
});

describe('statistics plans', () => {
  it('read the daily totals by their key, and the businesses complained about most from one covering index', () => {
    const year = ['2026-01-01', '2026-12-31'];
    expect(plan(STATS_SQL.months, year).join(' | ')).toMatch(/SEARCH stats_daily USING PRIMARY KEY \(dim=\? AND day>\? AND day<\?\)/);
    expect(plan(STATS_SQL.breakdown, ['category', ...year]).join(' | ')).toMatch(/SEARCH stats_daily USING PRIMARY KEY \(dim=\? AND day>\? AND day<\?\)/);
    expect(plan(STATS_SQL.respondent, [1]).join(' | ')).toBe('SEARCH r USING INTEGER PRIMARY KEY (rowid=?)');
    // 上年同期 as it stood: the year earlier's rows by receipt day, only its own (store/knownDays.ts).
    expect(plan(KNOWN_SQL.late, ['2025-01-01', '2025-11-30', '2025-11-30'])).toEqual(['SEARCH stats_known USING PRIMARY KEY (day>? AND day<?)']);
  });

  it('rank a month’s businesses from their counts in order, with no sort, and count one business over whole months by its key', () => {
    expect(plan(TOP_SQL.ranked, ['2026-03', 16, 0])).toEqual(['SEARCH respondent_months USING COVERING INDEX respondent_months_rank (month=?)']);
    expect(plan(TOP_SQL.month, ['2026-03'])).toEqual(['SEARCH respondent_months USING COVERING INDEX respondent_months_rank (month=?)']);
    expect(plan(TOP_SQL.total, [1, '2026-01', '2026-12'])).toEqual(['SEARCH respondent_months USING PRIMARY KEY (respondent_id=? AND month>? AND month<?)']);
    // A day at a period's ends: resolved counted in the same pass, in the index's order (no sort), no business's whole history read.
    expect(plan(TOP_SQL.day, ['2026-03-15'])).toEqual(['SEARCH cases USING COVERING INDEX cases_received_on (received_on=?)']);
    // A business's days of a part-month: one seek a day into the covering index, by day and business.
    expect(plan(TOP_SQL.piece(3), ['2026-03-15', '2026-03-16', '2026-03-17', 7])).toEqual(['SEARCH cases USING COVERING INDEX cases_received_on (received_on=? AND respondent_id=?)']);
  });
});

describe('the repeat recount’s plans', () => {
  it('walks the register by id and finds an earlier complaint by the person’s phone or ID number, never by a scan', () => {
    const sql = reg.core.services.store.read.repeatSql;
    expect(plan(sql.flags, [{ after: 0, through: 500, limit: 500 }]).join(' | ')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    const earlier = plan(sql.earlier, [{ respondent: 1, id: 2, phone: '13800000000', idNumber: '110101199003077777', since: '2026-01-01', on: '2026-03-01' }]).join(' | ');
    expect(earlier).toMatch(/cases_complainant_phone|cases_respondent_received/);
    expect(earlier).not.toMatch(/SCAN cases( |$)/);
  });
});

describe('repeat and returning-complainant plans (issue [B])', () => {
  const sql = () => reg.core.services.store.read.complainantSql;
  const params = { phone: '13812345678', idNumber: '330106198507120030', respondent: 42, since: '2026-08-01', on: '2026-10-30', except: 0 };
  it("start from the complainant's phone or ID number index, never the business's whole history", () => {
    const byPhone = plan(sql().repeatsByPhone, [params]).join(' | ');
    expect(byPhone).toMatch(/SEARCH c USING INDEX cases_complainant_phone \(complainant_phone=\?\)/);
    expect(byPhone).not.toMatch(/cases_respondent_received|SCAN c/);
    const byEither = plan(sql().repeatsByEither, [params]).join(' | ');
    expect(byEither).toMatch(/cases_complainant_phone \(complainant_phone=\?\)/);
    expect(byEither).toMatch(/cases_id_number \(complainant_id_number=\?\)/);
    expect(byEither).not.toMatch(/cases_respondent_received|SCAN c\b/);
  });

  it("a look-up reads one person's complaints newest first from their index, with no sort", () => {
    const byPhone = plan(sql().personByPhone, ['13812345678']).join(' | ');
    expect(byPhone).toMatch(/SEARCH c USING INDEX cases_complainant_phone \(complainant_phone=\?\)/);
    expect(byPhone).not.toMatch(/TEMP B-TREE|SCAN c\b/);
    const byId = plan(sql().personById, ['330106198507120030']).join(' | ');
    expect(byId).toMatch(/SEARCH c USING INDEX cases_id_number \(complainant_id_number=\?\)/);
    expect(byId).not.toMatch(/TEMP B-TREE|SCAN c\b/);
  });
});

describe('respondents register plans (issue [B])', () => {
  const sql = () => reg.core.services.store.respondents.sql;
  const text = { like: '%电器%', code: '电器', limit: 50, offset: 0 };
  const pieces = { ...text, piece: '电器' };
  it('a page of the list reads its sort index and the maintained counts, never the cases', () => {
    const index = { cases: /SCAN s USING INDEX respondent_stats_cases/, recent: /SCAN s USING INDEX respondent_stats_recent/, name: /SCAN r USING INDEX respondents_name/ };
    for (const sort of ['cases', 'recent', 'name'] as const) {
      for (const mode of ['none', 'scan'] as const) {
        const steps = plan(sql().list(sort, mode), [mode === 'scan' ? text : { limit: 50, offset: 0 }]).join(' | ');
        expect(steps).toMatch(index[sort]);
        expect(steps).not.toMatch(/TEMP B-TREE|\bcases\b|SCAN c\b/);
      }
    }
    for (const mode of ['none', 'scan'] as const) expect(plan(sql().count(mode, 10_000), [mode === 'scan' ? text : {}]).join(' | ')).not.toMatch(/\bcases\b/);
  });

  it('a rare fragment reads the businesses holding its rarest piece, by the id, and no business besides', () => {
    for (const steps of [
      ...(['cases', 'recent', 'name'] as const).map((sort) => plan(sql().list(sort, 'pieces'), [pieces])),
      plan(sql().lookup('pieces'), [{ ...pieces, limit: 10 }]),
      plan(sql().count('pieces', 10_000), [pieces]),
    ]) {
      const all = steps.join(' | ');
      expect(all).toMatch(/SEARCH respondent_names USING PRIMARY KEY \(piece=\?\)/);
      expect(all).toMatch(/SEARCH r USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(all).not.toMatch(/SCAN (r|s)\b|\bcases\b/);
    }
  });

  it("the registration's look-up and one business's page read no case", () => {
    const lookup = plan(sql().lookup('scan'), [{ like: '%电器%', code: '电器', limit: 10 }]).join(' | ');
    expect(lookup).toMatch(/SCAN s USING INDEX respondent_stats_cases/);
    expect(lookup).not.toMatch(/TEMP B-TREE|\bcases\b/);
    expect(plan(sql().withCounts, [1]).join(' | ')).not.toMatch(/\bcases\b|SCAN/);
  });

  it("a business's latest complaint and its cases to move are read from its own slice of cases_respondent_received", () => {
    expect(plan(sql().latest, [1]).join(' | ')).toMatch(/SEARCH cases USING INDEX cases_respondent_received \(respondent_id=\?\)/);
    expect(plan(sql().latest, [1]).join(' | ')).not.toMatch(/TEMP B-TREE/);
    expect(plan(sql().caseIds, [1, 5000]).join(' | ')).toMatch(/SEARCH cases USING (COVERING )?INDEX cases_respondent_received \(respondent_id=\?\)/);
    expect(plan(sql().caseIds, [1, 5000]).join(' | ')).not.toMatch(/TEMP B-TREE/);
  });
});

describe("the heads other services read before they act ([F]: the register's tables read by the store alone)", () => {
  const sql = () => reg.core.services.store.read.headSql;
  it('a case by its id, a rule set in use and a handler\'s open cases each read an index, never every case', () => {
    expect(plan(sql().head, [1]).join(' | ')).toMatch(/SEARCH cases USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(plan(sql().ruleSetUsed, ['order121']).join(' | ')).toMatch(/SEARCH cases USING COVERING INDEX cases_rule_set \(rule_set=\?\)/);
    const open = plan(sql().openOf, [4]).join(' | ');
    expect(open).toMatch(/SEARCH cases USING COVERING INDEX cases_handler \(handler_id=\? AND status=\?\)/);
    expect(open).not.toMatch(/SCAN/);
  });

  it('the provisional deadlines are read from the open ones, not every deadline of the register', () => {
    const steps = plan(sql().provisional, []).join(' | ');
    expect(steps).toMatch(/case_deadlines_open/);
    expect(steps).toMatch(/SEARCH case_deadlines USING INDEX case_deadlines_kind_state \(kind=\? AND state=\?\)/);
    expect(steps).not.toMatch(/SCAN case_deadlines(?! USING INDEX case_deadlines_open)/);
  });
});
