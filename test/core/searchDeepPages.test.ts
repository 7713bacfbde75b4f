import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseSearch, SKIP_STEP } from '../../electron/core/store/caseSearch';
import { nextStep, QUICK_STEP_MS, walkStep } from '../../electron/core/store/sortWalk';
import { loadCalendar } from '../../electron/core/services/calendar';
import { casesSearch, type CaseSort } from '../../shared/api/schemas/caseSearch';
import type { UserView } from '../../shared/api/schemas/common';
import { createDayCounts } from '../../electron/core/store/dayCounts';
import { createCountSlices } from '../../electron/core/store/countSlices';
import { minimalComplaint, openRegister, type Register } from './harness';
import { withStaff } from './staff';

/**
 * A page asked for by its number deeper than the skip step is reached by walking the sort's index a
 * step at a time, with a turn of the event loop between steps (store/caseSearch.ts searchByPage).
 * Here the step is 3 rows instead of 2,500, so a register of 13 cases has deep pages: every page
 * of every order must hold the very rows the one-statement OFFSET gives.
 */
let reg: Register;
let admin: UserView;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马'];

beforeAll(async () => {
  reg = await openRegister();
  for (const [i, surname] of SURNAMES.entries()) {
    await reg.must('cases.register', minimalComplaint({
      // Two a day, so receipt dates tie and the id decides between them.
      receivedAt: `2026-11-${String(2 + Math.floor(i / 2)).padStart(2, '0')}T10:00:00+08:00`,
      complainant: { name: `${surname}某${i}`, phone: `1390000${String(1000 + i)}` },
      respondent: { name: `杭州${'甲乙丙丁戊'[i % 5]!}某某商行` },
      category: i % 3 === 0 ? 'S03' : 'G01',
      facts: i % 2 === 0 ? '商家拒绝退款，多次协商无果' : '商品质量问题，要求更换',
    }));
  }
  admin = (await reg.must<{ user: UserView }>('session.me', {})).user;
}, 60_000);
afterAll(() => reg.close());

const deep = () => {
  const { db, services } = reg.core;
  return createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { skipStep: 3 });
};
const ids = (r: { rows: { id: number }[] }) => r.rows.map((x) => x.id);

describe('a deep page by its number', () => {
  const sorts: CaseSort[] = ['receivedAt:desc', 'receivedAt:asc', 'respondentName:asc', 'complainantName:desc', 'status:asc', 'dueOn:asc', 'caseNo:desc'];

  it.each(sorts)('holds the rows of the one-statement OFFSET on every page, sorted %s', async (sort) => {
    const search = deep();
    for (const filters of [{}, { text: '退款' }, { category: 'G01' }]) {
      for (let page = 1; page <= 8; page++) {
        const input = { ...filters, sort, page, pageSize: 2 };
        const direct = await reg.must<{ rows: { id: number }[]; total: number; next: string | null }>('cases.search', input);
        const walked = await search.search(casesSearch.input.parse(input), admin);
        expect(ids(walked), JSON.stringify(input)).toEqual(ids(direct));
        expect(walked.total).toBe(direct.total);
        expect(walked.next === null).toBe(direct.next === null);
      }
    }
  });

  it('answers other calls between its steps', async () => {
    let done = false;
    // Sorted by a name: the receipt order's deep pages are placed by the day counts, without steps.
    const walking = deep()
      .search(casesSearch.input.parse({ page: 6, pageSize: 2, sort: 'complainantName:asc' }), admin)
      .then((r) => {
        done = true;
        return r;
      });
    await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    expect(ids(await walking)).toHaveLength(2);
  });

  it('past the last case, gives no rows and the count of them all', async () => {
    const r = await deep().search(casesSearch.input.parse({ page: 40, pageSize: 2 }), admin);
    expect(r).toMatchObject({ rows: [], total: 13, next: null });
  });
});

/**
 * In the receipt order, filtered by nothing or by one breakdown's key, a deep page's place comes from
 * the day counts (store/dayCounts.ts): the key's days from the newest (or oldest) with their cases
 * that are not voided, then an offset within the day. The counts must be the list's rows exactly,
 * through voids, a corrected receipt time and every breakdown the window reads.
 */
describe('a deep page in the receipt order, placed by the day counts', () => {
  let days: Register;
  let handlerId: number;
  beforeAll(async () => {
    days = await openRegister();
    const staff = await withStaff(days);
    handlerId = staff.investigator.user.id;
    await days.must('catalog.saveRegions', { regions: [{ name: '西湖区' }, { name: '上城区' }] });
    const ids: number[] = [];
    // 23 cases over six days, one to six a day (received out of order within a day, so the time and
    // not the id decides), in two categories, channels and regions or none.
    const perDay = [3, 1, 6, 4, 5, 4];
    let n = 0;
    for (const [d, count] of perDay.entries()) {
      for (let k = 0; k < count; k++, n++) {
        ids.push((await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({
          receivedAt: `2026-11-${String(10 + d).padStart(2, '0')}T${String(17 - k).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00+08:00`,
          complainant: { name: `投诉人${n}`, phone: `1390000${String(1000 + n)}` },
          category: n % 3 === 0 ? 'S03' : 'G01',
          natures: n % 3 === 0 ? ['price'] : n % 3 === 1 ? ['quality', 'price'] : ['quality'],
          channel: n % 2 === 0 ? 'visit' : 'phone',
          ...(n % 4 === 3 ? {} : { region: n % 4 === 0 ? 'R001' : 'R002' }),
        }))).id);
      }
    }
    for (const id of ids.filter((_, i) => i % 3 === 1)) {
      await staff.clerk.act(id, 'accept');
      await staff.supervisor.act(id, 'assign', { userId: handlerId });
    }
    // Voided cases are in no count and in no list that leaves them out.
    for (const id of [ids[2]!, ids[9]!, ids[10]!, ids[22]!]) await staff.supervisor.act(id, 'void', { reason: '重复登记' });
    // A receipt time corrected to another day moves the case between the days' counts.
    const moved = (await staff.supervisor.must<{ version: number }>('cases.get', { id: ids[5]! })).version;
    await staff.supervisor.must('cases.correct', { id: ids[5]!, version: moved, changes: { receivedAt: '2026-11-14T08:30:00+08:00' }, reason: '收到时间登记有误' });
    // Natures corrected: the case leaves one nature's counts and list.
    const renatured = (await staff.supervisor.must<{ version: number }>('cases.get', { id: ids[7]! })).version;
    await staff.supervisor.must('cases.correct', { id: ids[7]!, version: renatured, changes: { natures: ['quality'] }, reason: '投诉性质登记有误' });
  }, 120_000);
  afterAll(() => days.close());

  const filterings = (): Record<string, unknown>[] => [{}, { category: 'G01' }, { nature: 'price' }, { accepted: true }, { accepted: false }, { resolved: true }, { resolved: false }, { channel: 'phone' }, { region: 'R001' }, { region: null }, { handlerId }, { handlerId: null }];

  it.each(['receivedAt:desc', 'receivedAt:asc'] as const)('holds the rows of the one-statement OFFSET on every page, sorted %s', async (sort) => {
    const { db, services } = days.core;
    const search = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { skipStep: 3 });
    const { windowOf } = createDayCounts(db);
    for (const filters of filterings()) {
      for (const pageSize of [2, 3]) {
        for (let page = 1; page <= 12; page++) {
          const input = { ...filters, sort, page, pageSize };
          const parsed = casesSearch.input.parse(input);
          const skip = (page - 1) * pageSize;
          // The day counts place every page deeper than the step (and past the last row, a page of none).
          if (skip > 3) expect(windowOf(parsed, sort, skip), JSON.stringify(input)).not.toBeNull();
          const direct = await days.must<{ rows: { id: number }[]; total: number; next: string | null }>('cases.search', input);
          const placed = await search.search(parsed, admin);
          expect(ids(placed), JSON.stringify(input)).toEqual(ids(direct));
          expect(placed.total).toBe(direct.total);
          expect(placed.next === null, JSON.stringify(input)).toBe(direct.next === null);
        }
      }
    }
  });

  it('counts the list exactly from the day counts, whole or within receipt dates, in any order, as the register holds it', async () => {
    const sql = (where: string, params: unknown[]) =>
      days.core.db.prepare(`SELECT COUNT(*) FROM cases c WHERE c.status <> 'voided'${where}`).pluck().get(...params) as number;
    const ranges: [Record<string, string>, string, string[]][] = [
      [{}, '', []],
      [{ from: '2026-11-12' }, ' AND c.received_on >= ?', ['2026-11-12']],
      [{ to: '2026-11-13' }, ' AND c.received_on <= ?', ['2026-11-13']],
      [{ from: '2026-11-12', to: '2026-11-14' }, ' AND c.received_on BETWEEN ? AND ?', ['2026-11-12', '2026-11-14']],
    ];
    const withNone = [...filterings(), { region: 'R009' }];
    const filterSql = (f: Record<string, unknown>): [string, unknown[]] => {
      const [name, value] = Object.entries(f)[0] ?? [];
      if (name === undefined) return ['', []];
      if (name === 'nature') return [' AND EXISTS (SELECT 1 FROM case_natures n WHERE n.case_id = c.id AND n.nature = ?)', [value]];
      if (name === 'accepted') return [` AND c.accepted_on IS ${value ? 'NOT ' : ''}NULL`, []];
      // Not resolved: decided otherwise or not yet decided (NULL), as 统计 counts received less resolved.
      if (name === 'resolved') return [` AND c.resolved IS ${value ? '' : 'NOT '}1`, []];
      const column = name === 'handlerId' ? 'handler_id' : name;
      return value === null ? [` AND c.${column} IS NULL`, []] : [` AND c.${column} = ?`, [value]];
    };
    for (const filters of withNone) {
      for (const [range, rangeWhere, rangeParams] of ranges) {
        for (const sort of ['receivedAt:desc', 'caseNo:asc'] as const) {
          const input = { ...filters, ...range, sort, page: 1, pageSize: 2 };
          const [where, params] = filterSql(filters);
          const want = sql(`${where}${rangeWhere}`, [...params, ...rangeParams]);
          const got = await days.must<{ total: number; rows: unknown[] }>('cases.search', input);
          expect(got.total, JSON.stringify(input)).toBe(want);
          expect(got.rows.length, JSON.stringify(input)).toBe(Math.min(2, want));
        }
      }
    }
  });

  it('sorted otherwise, a list with more cases than are sorted quickly walks the sort\'s index, with the rows the sort gives on every page', async () => {
    const { db, services } = days.core;
    // Here "more than are sorted quickly" is more than two, a step of the register three rows and a
    // chunk of a walk two entries of the index (walkChunks.ts), so a small register has walked lists
    // with deep pages, read chunk by chunk.
    const walking = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { sortAtMost: 2, skipStep: 3, chunkRows: 2 });
    // A category by case number walks its own order of numbers (migration 0048), with the voided or another filter too.
    const lists = [{ category: 'G01' }, { category: 'G01', includeVoided: true }, { category: 'G01', channel: 'phone' }, { nature: 'price' }, { handlerId }, { category: 'S03', from: '2026-11-12' }, { status: 'registered' }, { channel: 'phone', region: 'R002' }, { from: '2026-11-11', to: '2026-11-14' }, { open: true }];
    for (const sort of ['caseNo:desc', 'caseNo:asc', 'complainantName:asc', 'status:desc', 'respondentName:asc', 'dueOn:asc', 'registeredAt:desc'] as const) {
      for (const filters of lists) {
        const parsed = casesSearch.input.parse({ ...filters, sort, page: 1, pageSize: 2 });
        // With dates, the orders that follow the calendar list and sort instead (sortWalk.ts walkableOrder).
        const dated = 'from' in filters && (sort.startsWith('caseNo:') || sort === 'dueOn:asc' || sort === 'registeredAt:desc');
        const label = `${sort} ${JSON.stringify(filters)}`;
        expect((await walking.readingOf(parsed, admin)).walk, label).toBe(!dated);
        // Its filters hidden from the planner, but a status the sort leads with, or the category its index does.
        if (!dated) expect(walking.plan(parsed, admin).page.sql, label).toMatch(/WHERE \+\(|WHERE c\.status = \?\s+ORDER BY c\.status|INDEXED BY cases_(category|status)_number\s+WHERE c\.(category|status) = \?/);
        let after: string | null = null;
        for (let page = 1; page <= 9; page++) {
          const input = { ...filters, sort, page, pageSize: 2 };
          const direct = await days.must<{ rows: { id: number }[]; total: number; next: string | null }>('cases.search', input);
          const byNumber = await walking.search(casesSearch.input.parse(input), admin);
          expect(ids(byNumber), `${label} page ${page}`).toEqual(ids(direct));
          expect(byNumber.total, `${label} page ${page}`).toBe(direct.total);
          // The grid's 下一页: from the cursor of the page before.
          if (page > 1 && after !== null) expect(ids(await walking.search(casesSearch.input.parse({ ...input, page: 1, after }), admin)), `${label} cursor ${page}`).toEqual(ids(direct));
          after = byNumber.next;
        }
      }
    }
    // In receipt order, a text, no filter but the voided rule, or a list of few cases: SQLite's own plan.
    for (const input of [{ category: 'G01', sort: 'receivedAt:desc' }, { text: '退款', sort: 'caseNo:desc' }, { sort: 'caseNo:desc' }]) {
      expect((await walking.readingOf(casesSearch.input.parse({ ...input, page: 1, pageSize: 50 }), admin)).walk, JSON.stringify(input)).toBe(false);
    }
    const few = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true);
    expect(await few.readingOf(casesSearch.input.parse({ category: 'G01', sort: 'caseNo:desc', page: 1, pageSize: 50 }), admin)).toMatchObject({ walk: false, step: SKIP_STEP });
  });

  it('a walked list\'s step is its share of the register\'s, at least a page, grows while quick and shrinks when slow', () => {
    expect(walkStep(15_000, 1_000_000, 50, SKIP_STEP)).toBe(50);
    expect(walkStep(500_000, 1_000_000, 50, SKIP_STEP)).toBe(1_250);
    expect(walkStep(10, 0, 50, SKIP_STEP)).toBe(SKIP_STEP);
    expect(walkStep(2_000_000, 1_000_000, 50, SKIP_STEP)).toBe(SKIP_STEP);
    expect(nextStep(50, QUICK_STEP_MS / 2, 50, SKIP_STEP)).toBe(100);
    expect(nextStep(50, QUICK_STEP_MS * 2, 50, SKIP_STEP)).toBe(50);
    expect(nextStep(2_000, 0, 50, SKIP_STEP)).toBe(SKIP_STEP);
    // Much slower than wanted: cut to what would take about twice the quick time at that pace, at most half.
    expect(nextStep(800, QUICK_STEP_MS * 5, 50, SKIP_STEP)).toBe(320);
    expect(nextStep(800, QUICK_STEP_MS * 4.5, 50, SKIP_STEP)).toBe(355);
    // Read cold from the disk (a hundred times the warm pace): one cut, not five halvings.
    expect(nextStep(8_000, QUICK_STEP_MS * 100, 50, SKIP_STEP)).toBe(160);
    expect(nextStep(60, QUICK_STEP_MS * 5, 50, SKIP_STEP)).toBe(50);
  });

  it('counts a list the day counts do not count in slices of its receipt days, exactly, and stops past the cap', async () => {
    const { db, services } = days.core;
    // Slices of one case of the key the count walks (category, handler or the register), so every list here is read in many;
    // no deadline state counted few (listed from its index, counted whole), as on a large register.
    const slicing = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { sliceCases: 1, sortAtMost: 0 });
    const sql = (where: string, params: unknown[]) => db.prepare(`SELECT COUNT(*) FROM cases c WHERE ${where}`).pluck().get(...params) as number;
    const lists: [Record<string, unknown>, string, unknown[]][] = [
      [{ category: 'G01', channel: 'phone' }, "c.status <> 'voided' AND c.category = 'G01' AND c.channel = 'phone'", []],
      [{ accepted: false, resolved: false }, "c.status <> 'voided' AND c.accepted_on IS NULL AND c.resolved IS NOT 1", []],
      [{ deadlineState: 'running', category: 'G01', from: '2026-11-12' }, "c.status <> 'voided' AND c.category = 'G01' AND c.received_on >= '2026-11-12' AND EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.state = 'running')", []],
      [{ handlerId, channel: 'visit' }, "c.status <> 'voided' AND c.handler_id = ? AND c.channel = 'visit'", [handlerId]],
      [{ nature: 'price', region: 'R002', to: '2026-11-14' }, "c.status <> 'voided' AND c.region = 'R002' AND c.received_on <= '2026-11-14' AND EXISTS (SELECT 1 FROM case_natures n WHERE n.case_id = c.id AND n.nature = 'price')", []],
    ];
    for (const [filters, where, params] of lists) {
      const input = casesSearch.input.parse({ ...filters, page: 1, pageSize: 1 });
      expect(slicing.plan(input, admin).countSliced, JSON.stringify(filters)).not.toBeNull();
      expect((await slicing.search(input, admin)).total, JSON.stringify(filters)).toBe(sql(where, params));
    }
    // Counted otherwise: by the day counts, a list holding voided cases (on days the counts leave out),
    // or one led by a status, a running clock or one business, whose own index counts it whole.
    for (const filters of [{ category: 'G01' }, { includeVoided: true, channel: 'phone' }, { status: 'voided' }, { status: 'registered', category: 'G01' }, { overdue: true, channel: 'phone' }, { respondentId: 1, channel: 'phone' }, { deadlineState: 'cancelled' }, { deadlineState: 'running', includeVoided: true }]) {
      expect(slicing.plan(casesSearch.input.parse({ ...filters, page: 1, pageSize: 1 }), admin).countSliced, JSON.stringify(filters)).toBeNull();
    }
    // Past the cap it stops: one more than the cap, read in as few slices as reach it.
    const count = createCountSlices(db, 1);
    // (A deadline state alone is counted from its own index: a second key keeps this one in slices.)
    const running = { deadlineState: 'running' as const, channel: 'visit', page: 1, pageSize: 1 };
    const p = slicing.plan(casesSearch.input.parse(running), admin);
    const asked: (string | null)[] = [];
    const all = sql("c.status <> 'voided' AND c.channel = 'visit' AND EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.state = 'running')", []);
    const stopped = await count(p.countSliced!, (before, size) => {
      asked.push(before);
      return createDayCounts(db).sliceBefore(casesSearch.input.parse(running), before, size);
    }, 2);
    expect(all).toBeGreaterThan(3);
    expect(stopped).toBe(3);
    expect(asked.length).toBeLessThan(days.core.db.prepare("SELECT COUNT(DISTINCT received_on) FROM cases").pluck().get() as number);
  });

  it('is not used where the day counts are not the list: a status, a text, the voided cases, two breakdowns, two figures, another order', () => {
    const { windowOf, countOf } = createDayCounts(days.core.db);
    const at = (input: Record<string, unknown>, sort = 'receivedAt:desc') => windowOf(casesSearch.input.parse({ page: 4, pageSize: 2, ...input }), sort, 6);
    expect(at({})).not.toBeNull();
    for (const input of [{ status: 'registered' }, { text: '投诉人' }, { includeVoided: true }, { category: 'G01', channel: 'phone' }, { registeredOn: '2026-11-11' }, { respondentId: 1 }, { overdue: false }, { resolved: false, accepted: true }]) {
      expect(at(input), JSON.stringify(input)).toBeNull();
    }
    expect(at({}, 'caseNo:desc')).toBeNull();
    // A key no case has: no page, at once (without an index of regions the walk read every case for none).
    expect(windowOf(casesSearch.input.parse({ page: 1, pageSize: 2, region: 'R009' }), 'receivedAt:desc', 0)).toEqual({ bound: { sql: '0', params: [] }, offset: 0 });
    // Counted from the day counts in any order, never with a condition they do not count.
    expect(countOf(casesSearch.input.parse({ category: 'G01', sort: 'caseNo:desc', from: '2026-11-11' }))).not.toBeNull();
    expect(countOf(casesSearch.input.parse({ category: 'G01', status: 'registered' }))).toBeNull();
    expect(windowOf(casesSearch.input.parse({ page: 1, pageSize: 2, after: 'WzFd' }), 'receivedAt:desc', 6)).toBeNull();
  });
});
