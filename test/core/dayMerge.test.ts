import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptDayBounds } from '../../electron/core/db/migrations/0036-receipt-day-bounds';
import { numberOrder, numberOrderOf } from '../../electron/core/db/migrations/0038-number-order';
import { loadCalendar } from '../../electron/core/services/calendar';
import { createCaseSearch } from '../../electron/core/store/caseSearch';
import { compareKeys, firstSlice, LIST_AT_MOST, mergeCheaper } from '../../electron/core/store/dayMerge';
import { casesSearch } from '../../shared/api/schemas/caseSearch';
import type { UserView } from '../../shared/api/schemas/common';
import { fixedClock, minimalComplaint, openRegister, TEST_NOW, type Register } from './harness';

/**
 * A dated list sorted by case number, registration or next deadline is read in slices of its receipt days, from
 * the days whose run of numbers (or ids) comes first (store/dayMerge.ts, migration 0036). Its rows
 * must be the very rows the register's own sort gives, on every page, by number and by cursor,
 * whatever the order in which cases were registered: here some are registered late (a number after
 * cases received later), one's receipt date is corrected to another day (its old day keeps a loose
 * run), one is voided, and numbers run in two years.
 */
let reg: Register;
let admin: UserView;
const clock = fixedClock(TEST_NOW);

beforeAll(async () => {
  reg = await openRegister(clock);
  admin = (await reg.must<{ user: UserView }>('session.me', {})).user;
  const register = async (receivedAt: string, n: number) =>
    (await reg.must<{ id: number }>('cases.register', minimalComplaint({
      receivedAt,
      complainant: { name: `投诉人${n}`, phone: `1390000${String(1000 + n)}` },
      category: n % 3 === 0 ? 'S03' : 'G01',
    }))).id;
  let n = 0;
  // The end of one year, registered in the first days of the next.
  clock.set('2026-01-05T09:00:00+08:00');
  for (const day of ['2025-12-29', '2025-12-30', '2025-12-31']) for (let k = 0; k < 2; k++) await register(`${day}T1${k}:00:00+08:00`, n++);
  // Ten days of November, one to three a day, registered day by day, each day's out of receipt order.
  const ids: number[] = [];
  for (let d = 0; d < 10; d++) {
    clock.set(`2026-11-${String(10 + d).padStart(2, '0')}T18:00:00+08:00`);
    for (let k = 0; k < 1 + (d % 3); k++) ids.push(await register(`2026-11-${String(10 + d).padStart(2, '0')}T${String(15 - k).padStart(2, '0')}:00:00+08:00`, n++));
  }
  // Registered late: the last numbers of their years, received before most.
  clock.set('2026-11-21T09:00:00+08:00');
  await register('2025-12-30T16:00:00+08:00', n++);
  await register('2026-11-11T08:00:00+08:00', n++);
  await register('2026-11-05T08:00:00+08:00', n++);
  const corrected = ids[3]!;
  const v = (await reg.must<{ version: number }>('cases.get', { id: corrected })).version;
  await reg.must('cases.correct', { id: corrected, version: v, changes: { receivedAt: '2026-11-18T07:00:00+08:00' }, reason: '收到时间登记有误' });
  // Voided: no clock runs for them, so they come last in the order of the next deadline.
  for (const voided of [ids[5]!, ids[8]!, ids[13]!]) {
    const w = (await reg.must<{ version: number }>('cases.get', { id: voided })).version;
    await reg.must('cases.act', { id: voided, version: w, action: 'void', reason: '重复登记' });
  }
  for (const id of [ids[0]!, ids[7]!, ids[12]!]) {
    const at = (await reg.must<{ version: number }>('cases.get', { id })).version;
    await reg.must('cases.act', { id, version: at, action: 'accept' });
  }
  clock.set(TEST_NOW);
}, 120_000);
afterAll(() => reg.close());

const ids = (r: { rows: { id: number }[] }) => r.rows.map((x) => x.id);

describe('a dated list sorted by case number, registration or next deadline, read in slices of its receipt days', () => {
  const ranges = [{ from: '2025-12-30' }, { to: '2026-11-15' }, { from: '2026-11-12', to: '2026-11-17' }, { from: '2026-11-18', to: '2026-11-18' }, { from: '2025-12-01', to: '2026-12-01' }, { from: '2026-06-01', to: '2026-06-30' }];
  const filterings = [{}, { category: 'G01' }, { includeVoided: true }, { status: 'registered' }, { status: 'voided' }, { accepted: true }];

  it.each(['caseNo:asc', 'caseNo:desc', 'registeredAt:desc', 'dueOn:asc'] as const)('holds the register\'s own rows on every page, by number and by cursor, sorted %s', async (sort) => {
    const { db, services } = reg.core;
    // One day a slice (or a first slice sized by the list's share of its dates, up to 8 cases), more
    // than one case a list merged, a step of three rows: every rule at work on a small register.
    for (const mergeCases of [1, 8]) {
      const merging = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { sortAtMost: 1, skipStep: 3, mergeCases });
      for (const [range, filters] of ranges.flatMap((r) => filterings.map((f) => [r, f] as const))) {
        const label = `${sort} ${mergeCases} ${JSON.stringify({ ...range, ...filters })}`;
        const first = casesSearch.input.parse({ ...range, ...filters, sort, page: 1, pageSize: 2 });
        const reading = await merging.readingOf(first, admin);
        expect(reading.merge, label).toBe((reading.counted ?? 0) > 1);
        expect(merging.plan(first, admin).dayMerged?.slice.sql, label).toContain('json_each');
        let after: string | null = null;
        for (let page = 1; page <= 10; page++) {
          const input = { ...range, ...filters, sort, page, pageSize: 2 };
          const direct = await reg.must<{ rows: { id: number }[]; total: number; next: string | null }>('cases.search', input);
          const byNumber = await merging.search(casesSearch.input.parse(input), admin);
          expect(ids(byNumber), `${label} page ${page}`).toEqual(ids(direct));
          expect(byNumber.total, `${label} page ${page}`).toBe(direct.total);
          expect(byNumber.next === null, `${label} page ${page}`).toBe(direct.next === null);
          if (page > 1 && after !== null) expect(ids(await merging.search(casesSearch.input.parse({ ...input, page: 1, after }), admin)), `${label} cursor ${page}`).toEqual(ids(direct));
          after = byNumber.next;
        }
      }
    }
  });

  it('is used for a list of few cases where listing would check every case of its dates (a figure of 统计), not for one listed by its own index', async () => {
    const { db, services } = reg.core;
    const merging = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { sortAtMost: 10 });
    const reading = async (input: Record<string, unknown>) => merging.readingOf(casesSearch.input.parse({ from: '2025-12-01', sort: 'caseNo:asc', page: 1, pageSize: 2, ...input }), admin);
    // 3 accepted of the 20-odd cases of the dates: listed, every one of them is checked.
    expect(await reading({ accepted: true })).toMatchObject({ merge: true, counted: 3 });
    // 受理 is not in every page's share: a page as large as the list is listed.
    expect(await reading({ accepted: true, pageSize: 3 })).toMatchObject({ merge: false, counted: 3 });
    // A category is listed by its own index: its cases only.
    expect((await reading({ category: 'S03' })).merge).toBe(false);
  });

  it('merges a list whose listing passes more than a thousand cases where the page holds fewer, its first slice sized to the page at the list\'s share', () => {
    const decide = (counted: number, passed: number, period: number) => mergeCheaper({ counted, passed, period, pageSize: 50, sortAtMost: 10_000 });
    // 2025 by case number at 20,000 cases: its 6,645 cases, listed and sorted before (21 ms a page on a slow machine).
    expect(decide(6_645, 6_645, 6_645)).toBe(true);
    // Listing few cases: listed, whatever the share.
    expect(decide(LIST_AT_MOST, LIST_AT_MOST, LIST_AT_MOST)).toBe(false);
    expect(decide(300, 300, 6_645)).toBe(false);
    // A figure checked case by case over a year's 6,645: merged where its page is a small share of them.
    expect(decide(200, 6_645, 6_645)).toBe(true);
    expect(decide(40, 6_645, 6_645)).toBe(false);
    // More than are sorted quickly: always merged.
    expect(decide(10_001, 10_001, 400_000)).toBe(true);
    // The first slice: twice the page at the list's share, at least the page, at most MERGE_CASES.
    expect(firstSlice(51, 1, 2_000)).toBe(102);
    expect(firstSlice(51, 0.1, 2_000)).toBe(1_020);
    expect(firstSlice(51, 0.001, 2_000)).toBe(2_000);
    expect(firstSlice(51, 0, 2_000)).toBe(2_000);
    expect(firstSlice(3, 1, 1)).toBe(1);
  });

  it('is not used undated, in receipt order, or with text', async () => {
    const { db, services } = reg.core;
    const merging = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { sortAtMost: 1, mergeCases: 1 });
    for (const input of [{ sort: 'caseNo:asc' }, { from: '2025-12-30', sort: 'receivedAt:desc' }, { from: '2025-12-30', sort: 'complainantName:asc' }, { from: '2025-12-30', text: '投诉人', sort: 'caseNo:asc' }, { from: '2025-12-30', text: 'TS2026' }]) {
      const parsed = casesSearch.input.parse({ ...input, page: 1, pageSize: 2 });
      expect(merging.plan(parsed, admin).dayMerged, JSON.stringify(input)).toBeNull();
      expect((await merging.readingOf(parsed, admin)).merge, JSON.stringify(input)).toBe(false);
    }
  });
});

describe('each receipt day\'s run of numbers and ids (migrations 0036 and 0038)', () => {
  const ORDER = numberOrderOf('case_no');
  const exact = () =>
    reg.core.db.prepare(`SELECT received_on AS day, min(${ORDER}) AS first_order, max(${ORDER}) AS last_order, min(id) AS first_id, max(id) AS last_id, count(*) AS cases FROM cases GROUP BY received_on ORDER BY 1`).all() as { day: string; first_order: string; last_order: string; first_id: number; last_id: number; cases: number }[];
  const kept = () => reg.core.db.prepare('SELECT day, first_order, last_order, first_id, last_id, cases FROM receipt_day_bounds ORDER BY day').all() as ReturnType<typeof exact>;

  it('holds every case of its day through registration, a corrected receipt date and a void, and counts the day\'s cases exactly', () => {
    const bounds = new Map(kept().map((b) => [b.day, b]));
    const cases = reg.core.db.prepare(`SELECT id, case_no, ${ORDER} AS number_order, received_on FROM cases`).all() as { id: number; case_no: string; number_order: string; received_on: string }[];
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const b = bounds.get(c.received_on)!;
      expect(b, c.case_no).toBeDefined();
      expect(compareKeys(b.first_order, c.number_order) <= 0 && compareKeys(c.number_order, b.last_order) <= 0 && b.first_id <= c.id && c.id <= b.last_id, c.case_no).toBe(true);
    }
    const counts = new Map(exact().map((d) => [d.day, d.cases]));
    for (const b of kept()) expect(b.cases, b.day).toBe(counts.get(b.day) ?? 0);
    // The corrected case's old day kept its run: loose, never narrower than its cases.
    expect(kept().length).toBeGreaterThan(exact().length - 1);
  });

  it('are counted from the register by the migrations, exactly: 0036 by the numbers\' text, 0038 again by their order', () => {
    const { db } = reg.core;
    // Back to the register before 0036, then upgraded as an office's is.
    db.exec('DROP TRIGGER cases_receipt_day_bounds_insert; DROP TRIGGER cases_receipt_day_bounds_update; DROP TABLE receipt_day_bounds; DROP INDEX cases_number_order');
    for (const step of receiptDayBounds.up(db) as Generator<unknown>) void step;
    expect(db.prepare('SELECT min(first_no) FROM receipt_day_bounds').pluck().get()).toMatch(/^TS\d{4}-\d{5}$/);
    const steps = [...(numberOrder.up(db) as Generator<{ done: number; total: number }>)];
    expect(steps.at(-1)).toEqual({ done: steps.at(-1)!.total, total: db.prepare('SELECT MAX(id) FROM cases').pluck().get() });
    expect(kept()).toEqual(exact());
  });
});

it('orders keys as the register\'s index does: numbers as numbers, text by its UTF-8 bytes', () => {
  expect(compareKeys(9, 10)).toBeLessThan(0);
  expect(compareKeys('TS2025-99999', 'TS2026-00001')).toBeLessThan(0);
  // U+FF21 (Ａ) sorts before U+1F600 in UTF-8, after it in UTF-16 code units.
  expect(compareKeys('\uFF21', '\u{1F600}')).toBeLessThan(0);
});

describe('a merged list\'s cursor', () => {
  it('of the wrong shape is refused in Chinese, and of strange values gives a page, never a fault', async () => {
    const { db, services } = reg.core;
    const merging = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { sortAtMost: 1, mergeCases: 1 });
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
    const wrong = await reg.call('cases.search', { from: '2025-12-01', sort: 'caseNo:asc', page: 1, pageSize: 2, after: cursor([1, 2, 3]) });
    expect(wrong.ok ? null : wrong.error.message).toBe('翻页位置无效，请回到第一页重新查询');
    for (const [sort, values] of [['caseNo:asc', [7]], ['caseNo:desc', [null]], ['registeredAt:desc', ['TS']], ['dueOn:asc', [1, 'x', 'y']], ['dueOn:asc', [0, null, null]], ['dueOn:asc', ['0', 3, '\u{1F600}']]] as const) {
      const input = casesSearch.input.parse({ from: '2025-12-01', sort, page: 1, pageSize: 2, after: cursor([...values]) });
      expect((await merging.readingOf(input, admin)).merge, sort).toBe(true);
      const page = await merging.search(input, admin);
      expect(page.rows.length, `${sort} ${JSON.stringify(values)}`).toBeLessThanOrEqual(2);
    }
  });
});
