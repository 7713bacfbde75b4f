import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseSearch } from '../../electron/core/store/caseSearch';
import { loadCalendar } from '../../electron/core/services/calendar';
import { casesSearch, type CaseSort } from '../../shared/api/schemas/caseSearch';
import type { UserView } from '../../shared/api/schemas/common';
import { minimalComplaint, openRegister, type Register } from './harness';

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
    const walking = deep()
      .search(casesSearch.input.parse({ page: 6, pageSize: 2 }), admin)
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
