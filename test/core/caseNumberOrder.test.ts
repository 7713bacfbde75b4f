import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../electron/core/services/calendar';
import { createCaseSearch } from '../../electron/core/store/caseSearch';
import { casesSearch } from '../../shared/api/schemas/caseSearch';
import type { UserView } from '../../shared/api/schemas/common';
import { fixedClock, minimalComplaint, openRegister, TEST_NOW, type Register } from './harness';

/**
 * Sorted by case number, the register lists its cases in the order their numbers were given: the
 * year, then the number taken in it (migration 0038). Sorted as text, TS2025-100000 came before
 * TS2025-99999, and after the office changed its prefix (TS → 消协) every 消协 number came after
 * every TS number of any year. Checked here against the numbers' own year and sequence, read in
 * the test, on every way the list is read: the whole register walked, a category walked, a status,
 * dated lists merged from their receipt days, by page number and by cursor.
 */
let reg: Register;
let admin: UserView;
const clock = fixedClock(TEST_NOW);
const numberOf = new Map<number, string>();

beforeAll(async () => {
  reg = await openRegister(clock);
  admin = (await reg.must<{ user: UserView }>('session.me', {})).user;
  let n = 0;
  const register = async (receivedAt: string) => {
    const c = await reg.must<{ id: number; caseNo: string }>('cases.register', minimalComplaint({
      receivedAt,
      complainant: { name: `投诉人${n}`, phone: `1390000${String(1000 + n)}` },
      category: n++ % 2 === 0 ? 'S03' : 'G01',
    }));
    numberOf.set(c.id, c.caseNo);
  };
  clock.set('2026-01-10T09:00:00+08:00');
  for (const day of ['2025-03-01', '2025-03-02', '2025-03-03']) await register(`${day}T10:00:00+08:00`);
  // A busy year: its numbers pass 99,999 (the counter set as a register of that many cases leaves it).
  reg.core.db.prepare('UPDATE case_numbers SET last = 99997 WHERE year = 2025').run();
  for (const day of ['2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04']) await register(`${day}T10:00:00+08:00`);
  for (const day of ['2026-01-02', '2026-01-03']) await register(`${day}T10:00:00+08:00`);
  // The office changes its prefix; the years' counters go on.
  await reg.must('officeSettings.saveSection', { section: 'numbering', values: { caseNoPrefix: '消协' } });
  for (const day of ['2025-06-05', '2025-06-06', '2026-01-04', '2026-01-05']) await register(`${day}T10:00:00+08:00`);
  clock.set(TEST_NOW);
}, 120_000);
afterAll(() => reg.close());

/** The register's order of two case numbers: the year, then the sequence, as numbers. */
function byYearAndSequence(a: string, b: string): number {
  const parts = (no: string) => /(\d{4})-(\d+)$/.exec(no)!.slice(1).map(Number) as [number, number];
  const [ya, sa] = parts(a);
  const [yb, sb] = parts(b);
  return ya - yb || sa - sb;
}

describe('the register sorted by case number', () => {
  it('has numbers past 99,999 and two prefixes, whose text order is not the register\'s', () => {
    const numbers = [...numberOf.values()];
    expect(numbers).toEqual(expect.arrayContaining(['TS2025-99999', 'TS2025-100000', 'TS2025-100001', '消协2025-100002', '消协2026-00003']));
    expect([...numbers].sort()).not.toEqual([...numbers].sort(byYearAndSequence));
  });

  const readings = {
    'as the page reads a small register': () => {
      const { db, services } = reg.core;
      return createCaseSearch(db, services.clock, () => loadCalendar(db));
    },
    'merged from its receipt days and walked in chunks': () => {
      const { db, services } = reg.core;
      return createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { sortAtMost: 1, skipStep: 2, mergeCases: 1, chunkRows: 2 });
    },
  };
  const lists = [{}, { category: 'S03' }, { status: 'registered' }, { from: '2025-06-01', to: '2025-06-30' }, { from: '2025-06-03' }, { from: '2025-01-01', to: '2026-01-03', category: 'G01' }];

  for (const [how, searchOf] of Object.entries(readings)) {
    it.each(['caseNo:asc', 'caseNo:desc'] as const)(`lists by year and sequence, ${how}, sorted %s, by page and by cursor`, async (sort) => {
      const search = searchOf();
      for (const list of lists) {
        const label = `${sort} ${JSON.stringify(list)}`;
        const all = await reg.must<{ rows: { id: number }[]; total: number }>('cases.search', { ...list, sort: 'registeredAt:desc', page: 1, pageSize: 100 });
        expect(all.total, label).toBeGreaterThan(2);
        const expected = all.rows.map((r) => numberOf.get(r.id)!).sort(byYearAndSequence);
        if (sort === 'caseNo:desc') expected.reverse();
        const byPage: string[] = [];
        const byCursor: string[] = [];
        let after: string | null = null;
        for (let page = 1; page <= Math.ceil(all.total / 2); page++) {
          const pageOf = await search.search(casesSearch.input.parse({ ...list, sort, page, pageSize: 2 }), admin);
          byPage.push(...pageOf.rows.map((r) => r.caseNo));
          const next: { rows: { caseNo: string }[]; next: string | null } = await search.search(casesSearch.input.parse({ ...list, sort, page: 1, pageSize: 2, ...(after ? { after } : {}) }), admin);
          byCursor.push(...next.rows.map((r) => r.caseNo));
          after = next.next;
        }
        expect(byPage, label).toEqual(expected);
        expect(byCursor, label).toEqual(expected);
      }
    });
  }

  it.each(['registeredAt:desc', 'caseNo:desc', 'caseNo:asc'] as const)('lists a case number’s beginning by year and sequence, sorted %s, by page and by cursor (migration 0043)', async (sort) => {
    const search = createCaseSearch(reg.core.db, reg.core.services.clock, () => loadCalendar(reg.core.db));
    for (const typed of ['TS2025-', 'TS2025-1', 'TS2025-9', 'TS2025-0', 'TS2025-10000', '消协2025-', 'TS2026-']) {
      const label = `${sort} ${typed}`;
      const expected = [...numberOf.values()].filter((n) => n.startsWith(typed)).sort(byYearAndSequence);
      if (sort !== 'caseNo:asc') expected.reverse();
      expect(expected.length, label).toBeGreaterThan(0);
      const byPage: string[] = [];
      const byCursor: string[] = [];
      let after: string | null = null;
      for (let page = 1; page <= Math.ceil(expected.length / 2); page++) {
        const pageOf = await search.search(casesSearch.input.parse({ text: typed, sort, page, pageSize: 2 }), admin);
        expect(pageOf.total, label).toBe(expected.length);
        byPage.push(...pageOf.rows.map((r) => r.caseNo));
        const next: { rows: { caseNo: string }[]; next: string | null } = await search.search(casesSearch.input.parse({ text: typed, sort, page: 1, pageSize: 2, ...(after ? { after } : {}) }), admin);
        byCursor.push(...next.rows.map((r) => r.caseNo));
        after = next.next;
      }
      expect(byPage, label).toEqual(expected);
      expect(byCursor, label).toEqual(expected);
      expect(after, label).toBeNull();
    }
  });
});
