import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../electron/core/services/calendar';
import { createCaseSearch } from '../../electron/core/store/caseSearch';
import { casesSearch } from '../../shared/api/schemas/caseSearch';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * 加倍赔偿's list (统计's figure, `punitive: true`), dated, is read in slices of its receipt days from
 * the index of the cases that may be such (migration 0047), not from every case of the day. Its rows
 * must be the figure's own: a punitive amount, or the measure alone with no amount; not a case whose
 * punitive outcome was reopened and decided again without it.
 */
let reg: Register;
let staff: Staff;
const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
/** The register's orders as SQL (searchOrders.ts), each ending in a unique key. */
const ORDER_OF = {
  'caseNo:desc': ['length(c.case_no) DESC', 'c.case_no DESC'],
  'caseNo:asc': ['length(c.case_no)', 'c.case_no'],
  'complainantName:asc': ['c.complainant_name', 'c.id'],
  'status:desc': ['c.status DESC', 'c.received_at DESC', 'c.id DESC'],
} as const;
const RULE = "(COALESCE(c.punitive_fen, 0) > 0 OR EXISTS (SELECT 1 FROM json_each(c.outcome, '$.measures') WHERE value = 'punitive'))";

beforeAll(async () => {
  reg = await openRegister(fixedClock(at('2026-03-02', '09:00')));
  staff = await withStaff(reg);
  const { clerk, investigator, supervisor } = staff;
  const decide = async (id: number, outcome: Record<string, unknown>) => {
    await investigator.act(id, 'proposeOutcome', { recoveredFen: 50000, summary: '处理意见', ...outcome });
    await supervisor.act(id, 'approve', { comment: '同意' });
  };
  let n = 0;
  for (const day of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']) {
    reg.clock.set(at(day, '09:00'));
    for (let k = 0; k < 4; k++, n++) {
      const id = (await clerk.must<{ id: number }>('cases.register', minimalComplaint({ receivedAt: at(day, `0${4 - k}:00`), complainant: { name: `投诉人${n}`, phone: `1380000${1000 + n}` } }))).id;
      if (n % 5 === 4) continue;
      await clerk.act(id, 'accept');
      await supervisor.act(id, 'assign', { userId: investigator.user.id });
      await investigator.act(id, 'startInvestigation');
      // Every third case: an amount; every third but one: the measure alone; the rest refunded.
      if (n % 3 === 0) await decide(id, { measures: ['refund', 'punitive'], punitiveFen: 1000 * (n + 1) });
      else if (n % 3 === 1) await decide(id, { measures: ['punitive'] });
      else await decide(id, { measures: ['refund'] });
      if (n === 6) {
        // Decided again without the punitive part: it leaves the list (and the index).
        await investigator.act(id, 'notify');
        await investigator.act(id, 'followUp', { satisfaction: 2, note: '不满意' });
        await investigator.act(id, 'reopen', { reason: '重新核实' });
        await decide(id, { measures: ['refund'] });
      }
    }
  }
}, 120_000);
afterAll(() => reg.close());

/** Every page of a list of `count` cases, two a page, by page number and by cursor (each page's total checked). */
async function everyPage(search: ReturnType<typeof createCaseSearch>, input: (more: object) => ReturnType<typeof casesSearch.input.parse>, count: number) {
  const byNumber: number[] = [];
  const byCursor: number[] = [];
  let after: string | null = null;
  for (let page = 1; page <= count / 2 + 1; page++) {
    const r = await search.search(input({ page }), staff.clerk.user);
    expect(r.total).toBe(count);
    byNumber.push(...r.rows.map((row) => row.id));
    const c = await search.search(input(after ? { after } : { page: 1 }), staff.clerk.user);
    byCursor.push(...c.rows.map((row) => row.id));
    after = c.next;
    if (!after) break;
  }
  return { byNumber, byCursor };
}

describe('加倍赔偿 dated, read from its own index by receipt day', () => {
  it.each(['caseNo:asc', 'caseNo:desc', 'registeredAt:desc'] as const)('holds the figure\'s own cases on every page, sorted %s', async (sort) => {
    const { db, services } = reg.core;
    const merging = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { sortAtMost: 1, mergeCases: 1 });
    const order = sort === 'registeredAt:desc' ? 'c.id DESC' : `length(c.case_no)${sort === 'caseNo:desc' ? ' DESC' : ''}, c.case_no${sort === 'caseNo:desc' ? ' DESC' : ''}`;
    for (const [from, to] of [['2026-03-01', '2026-03-31'], ['2026-03-03', '2026-03-05'], ['2026-03-06', '2026-03-06']] as const) {
      const want = db.prepare(`SELECT c.id FROM cases c WHERE c.status <> 'voided' AND c.received_on BETWEEN ? AND ? AND ${RULE} ORDER BY ${order}`).pluck().all(from, to) as number[];
      const first = casesSearch.input.parse({ from, to, punitive: true, sort, page: 1, pageSize: 1 });
      expect(merging.plan(first, staff.clerk.user).dayMerged?.slice.sql).toContain('INDEXED BY cases_punitive_days');
      expect((await merging.readingOf(first, staff.clerk.user)).merge, `${from} ${sort}`).toBe(want.length > 1);
      const pages: number[] = [];
      for (let page = 1; page <= want.length + 1; page++) {
        pages.push(...(await merging.search(casesSearch.input.parse({ from, to, punitive: true, sort, page, pageSize: 1 }), staff.clerk.user)).rows.map((r) => r.id));
      }
      expect(pages, `${from}–${to} ${sort}`).toEqual(want);
    }
    // The register holds all three kinds: an amount, the measure alone, and one decided again without.
    const kinds = db.prepare('SELECT COALESCE(punitive_fen, 0) > 0 AS amount, COUNT(*) AS n FROM cases c WHERE ' + RULE + ' GROUP BY 1 ORDER BY 1').all();
    expect(kinds).toEqual([{ amount: 0, n: 5 }, { amount: 1, n: 5 }]);
  });

  it.each(['receivedAt:desc', 'receivedAt:asc'] as const)('reads the receipt order (%s) from the same index, by page number and by cursor, dated or not', async (sort) => {
    const { db, services } = reg.core;
    const search = createCaseSearch(db, services.clock, () => loadCalendar(db));
    // Within a day the later registered were received earlier: the receipt order is not the ids'.
    const order = `c.received_at${sort === 'receivedAt:desc' ? ' DESC' : ''}, c.id${sort === 'receivedAt:desc' ? ' DESC' : ''}`;
    for (const [from, to] of [['2026-03-01', '2026-03-31'], ['2026-03-03', '2026-03-05'], ['2026-03-06', '2026-03-06'], [undefined, undefined]] as const) {
      const want = db.prepare(`SELECT c.id FROM cases c WHERE c.status <> 'voided' AND c.received_on BETWEEN ? AND ? AND ${RULE} ORDER BY ${order}`).pluck().all(from ?? '0000', to ?? '9999') as number[];
      expect(want).not.toEqual([...want].sort((a, b) => (sort === 'receivedAt:desc' ? b - a : a - b)));
      const input = (more: object) => casesSearch.input.parse({ ...(from ? { from, to } : {}), punitive: true, sort, pageSize: 2, ...more });
      const p = search.plan(input({ page: 1 }), staff.clerk.user);
      expect(p.page.sql).toContain('INDEXED BY cases_punitive_days');
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${p.page.sql}`).all(...p.page.params) as { detail: string }[];
      expect(plan.map((r) => r.detail).join(' | ')).not.toContain('TEMP B-TREE');
      const { byNumber, byCursor } = await everyPage(search, input, want.length);
      expect(byNumber, `${from}–${to} ${sort} by page number`).toEqual(want);
      expect(byCursor, `${from}–${to} ${sort} by cursor`).toEqual(want);
    }
  });

  it.each(['caseNo:desc', 'caseNo:asc', 'complainantName:asc', 'status:desc'] as const)('lists its candidates from the same index when sorted %s and not merged, dated or not, by page number and by cursor', async (sort) => {
    const { db, services } = reg.core;
    // As a register of fewer cases than are sorted at once reads it (the dates' cases listed, not merged by day).
    const search = createCaseSearch(db, services.clock, () => loadCalendar(db));
    const order = ORDER_OF[sort].join(', ');
    for (const [from, to] of [['2026-03-01', '2026-03-31'], ['2026-03-03', '2026-03-05'], [undefined, undefined]] as const) {
      const want = db.prepare(`SELECT c.id FROM cases c WHERE c.status <> 'voided' AND c.received_on BETWEEN ? AND ? AND ${RULE} ORDER BY ${order}`).pluck().all(from ?? '0000', to ?? '9999') as number[];
      const input = (more: object) => casesSearch.input.parse({ ...(from ? { from, to } : {}), punitive: true, sort, pageSize: 2, ...more });
      const reading = await search.readingOf(input({ page: 1 }), staff.clerk.user);
      expect(reading.merge).toBe(false);
      // Dated, an order of days (the case number's) is merged or listed, never walked; any list of
      // this register is walked where the walk passes fewer cases (sortWalk.ts), so the listing's
      // plan is asked for as such.
      if (from && sort.startsWith('caseNo:')) expect(reading.walk).toBe(false);
      const p = search.plan(input({ page: 1 }), staff.clerk.user, undefined, false);
      // The figure's candidates of the dates, from their index, then sorted: never every case of the dates.
      const steps = (db.prepare(`EXPLAIN QUERY PLAN ${p.page.sql}`).all(...p.page.params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(steps, `${from} ${sort}`).toMatch(from ? /^SEARCH c USING INDEX cases_punitive_days \(received_on>\? AND received_on<\?\)/ : /^SCAN c USING INDEX cases_punitive_days/);
      const { byNumber, byCursor } = await everyPage(search, input, want.length);
      expect(byNumber, `${from}–${to} ${sort} by page number`).toEqual(want);
      expect(byCursor, `${from}–${to} ${sort} by cursor`).toEqual(want);
    }
  });

  it('indexes exactly the cases whose outcome may hold the figure, kept so through a reopened decision', () => {
    const { db } = reg.core;
    const indexed = db.prepare(`SELECT id FROM cases INDEXED BY cases_punitive_days WHERE (punitive_fen > 0 OR instr(outcome, '"punitive"') > 0) AND received_on >= '2026-01-01' ORDER BY id`).pluck().all();
    expect(indexed).toEqual(db.prepare(`SELECT c.id FROM cases c WHERE ${RULE} ORDER BY c.id`).pluck().all());
    expect(indexed.length).toBeGreaterThan(0);
  });
});
