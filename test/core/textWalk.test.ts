import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchExpression, tokensOf } from '../../electron/core/store/searchTokens';
import { createCaseSearch } from '../../electron/core/store/caseSearch';
import { createTextWalk, PREFIX_AFTER_TOKENS, type ReadOffThread } from '../../electron/core/store/textWalk';
import { createMergeWorker } from '../../electron/core/services/mergeWorker';
import { SEARCH_COUNT_CAP } from '../../shared/api/schemas/cases';
import { loadCalendar } from '../../electron/core/services/calendar';
import { casesSearch } from '../../shared/api/schemas/caseSearch';
import type { UserView } from '../../shared/api/schemas/common';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * A text alone is walked once in the token index, oldest first, and counted by the same walk; when
 * the walk saw every match, every page is cut from it (store/textWalk.ts). Each page, by cursor and
 * by number, must hold what the index's page read newest first holds: the same search with a receipt
 * date before every case, a condition the walk does not take, so it pages and counts as before.
 */
let reg: Register;
let staff: Staff;
let admin: UserView;

beforeAll(async () => {
  reg = await openRegister(fixedClock('2026-11-02T09:00:00+08:00'));
  staff = await withStaff(reg);
  const registered: number[] = [];
  for (let i = 0; i < 11; i++) {
    const facts = i % 4 === 3 ? '新装修的房屋甲醛超标，商家拒绝处理。' : i % 4 === 1 ? '商家拒绝退款，甲醛检测不合格。' : '商家拒绝退款，多次协商无果。';
    registered.push((await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: `测试人${i}`, phone: `1390000${1000 + i}` }, facts }))).id);
  }
  // Voided among the matches, at both ends and in the middle, so a cut page must leave them out.
  for (const id of [registered[0]!, registered[5]!, registered[10]!]) await staff.supervisor.act(id, 'void', { reason: '登记错误' });
  admin = (await reg.must<{ user: UserView }>('session.me', {})).user;
}, 60_000);
afterAll(() => reg.close());

type Found = { rows: { id: number; caseNo: string }[]; total: number; more: boolean; next: string | null };
const ids = (r: Found) => r.rows.map((x) => x.id);

/** The register's connection, its statements that walk the token index (not the voided ids read after) counted. */
function countingWalks() {
  const db = reg.core.db;
  let walks = 0;
  const counting = Object.assign(Object.create(db) as typeof db, {
    prepare: (sql: string) => {
      const statement = db.prepare(sql);
      if (sql.includes('ORDER BY rowid LIMIT')) {
        const get = statement.get.bind(statement);
        statement.get = (...params: unknown[]) => (walks++, get(...params));
      }
      return statement;
    },
  });
  return { counting, walks: () => walks };
}

describe('a text alone walked and counted at once', () => {
  const searches = [
    { text: '退款' },
    { text: '甲醛' },
    { text: '商家拒绝' },
    { text: '退款', includeVoided: true },
    { text: '退款', status: 'voided' as const },
    { text: '甲醛', status: 'voided' as const },
    { text: '没有这个词' },
    { text: '测试人7' },
    // Case numbers' beginnings typed without the prefix: eight numbered so, not voided (past 3 and 4
    // by the numbers' index, no walk), and one (walked).
    { text: '2026-0' },
    { text: '2026-00' },
    { text: '2026-00002' },
    { text: '2026-0', includeVoided: true },
  ];
  // Every match seen (the cap), or past the walk's limit (3), where the page is read newest first and
  // counted; at 4, 甲醛's five matches pass the limit and its one voided brings them back under it.
  for (const walkAtMost of [undefined, 3, 4]) {
    it.each(searches)(`pages as the index read newest first, walking at most ${walkAtMost ?? 'the cap'}: %o`, async (filters) => {
      const { db, services } = reg.core;
      const walked = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, walkAtMost ? { walkAtMost } : {});
      const read = (input: Record<string, unknown>) => walked.search(casesSearch.input.parse({ ...filters, pageSize: 2, ...input }), admin) as Promise<Found>;
      const direct = (input: Record<string, unknown>) => reg.must<Found>('cases.search', { ...filters, from: '2000-01-01', pageSize: 2, ...input });
      // By cursor, to the end.
      let cursor: string | null = null;
      let pages = 0;
      do {
        const at: Record<string, unknown> = cursor ? { after: cursor } : {};
        const [mine, theirs] = [await read(at), await direct(at)];
        expect(ids(mine), JSON.stringify({ filters, at })).toEqual(ids(theirs));
        expect([mine.total, mine.more, mine.next === null]).toEqual([theirs.total, theirs.more, theirs.next === null]);
        cursor = mine.next;
        pages++;
      } while (cursor && pages < 10);
      // By number, one past the last.
      for (let page = 1; page <= pages + 1; page++) {
        const [mine, theirs] = [await read({ page }), await direct({ page })];
        expect(ids(mine), JSON.stringify({ filters, page })).toEqual(ids(theirs));
        expect([mine.total, mine.next === null]).toEqual([theirs.total, theirs.next === null]);
      }
    });
  }

  it('counts what the register holds, the voided left out unless asked for', async () => {
    const total = async (input: Record<string, unknown>) => (await reg.must<Found>('cases.search', { pageSize: 2, ...input })).total;
    // Eleven cases: 退款 in nine (i % 4 ≠ 3), 甲醛 in five (i % 4 = 1 or 3); the voided 0, 5 and 10 all say 退款, 5 甲醛 too.
    expect(await total({ text: '退款' })).toBe(6);
    expect(await total({ text: '退款', includeVoided: true })).toBe(9);
    expect(await total({ text: '退款', status: 'voided' })).toBe(3);
    expect(await total({ text: '甲醛' })).toBe(4);
  });

  it('says past the cap only when the matches not voided pass it, and lists them whole otherwise', async () => {
    const { db } = reg.core;
    const matchOf = (text: string) => reg.core.services.store.read.searchPlan(casesSearch.input.parse({ text, sort: 'registeredAt:desc' }), admin).textAlone!.match;
    const live = async (text: string) => (await reg.must<Found>('cases.search', { text, from: '2000-01-01', pageSize: 50 })).rows.map((r) => r.id);
    // A cap of 4: 退款's six not voided pass it (nine with the voided); 甲醛's
    // five matches pass it, but one is voided, so its four are listed; 测试人7's one is listed.
    for (const [text, past] of [['退款', true], ['甲醛', false], ['测试人7', false], ['没有这个词', false]] as const) {
      const walked = await createTextWalk(db, 4).walk(matchOf(text), false, false);
      const ids = await live(text);
      expect(walked, text).toEqual(past ? { newestFirst: null, counted: 5 } : { newestFirst: ids, counted: ids.length });
    }
  });

  it('reads a walk FTS5 must merge a prefix for on the search index\'s worker, with the same answer', async () => {
    const { db } = reg.core;
    const worker = createMergeWorker({ file: db.name, idleMs: 60_000 });
    expect(worker, 'better-sqlite3 loads in a worker here').not.toBeNull();
    try {
      const asked: string[] = [];
      const offThread: ReadOffThread = (sql, params) => {
        asked.push(String(params[0]));
        return worker!.read(sql, params);
      };
      const matchOf = (text: string) => reg.core.services.store.read.searchPlan(casesSearch.input.parse({ text, sort: 'registeredAt:desc' }), admin).textAlone!.match;
      // A case number without its prefix, its last run three digits: by today's rules its boundary's
      // own token (migration 0049); while older cases are indexed afresh, also a phrase ending in a prefix.
      const year = String(reg.clock.now().getFullYear());
      expect(matchOf(`${year}-000`)).not.toMatch(PREFIX_AFTER_TOKENS);
      const numbered = matchExpression(`${year}-000`, false).expr!;
      expect(numbered).toMatch(PREFIX_AFTER_TOKENS);
      for (const voided of [false, true, 'any'] as const) {
        const here = await createTextWalk(db, SEARCH_COUNT_CAP).walk(numbered, voided, false);
        const there = await createTextWalk(db, SEARCH_COUNT_CAP, SEARCH_COUNT_CAP, offThread).walk(numbered, voided, false);
        expect(there, String(voided)).toEqual(here);
        expect(here.counted, String(voided)).toBe(voided === false ? 8 : voided === true ? 3 : 11);
      }
      expect(asked).toEqual([numbered, numbered, numbered]);
      // A word without such a prefix is walked here.
      await createTextWalk(db, SEARCH_COUNT_CAP, SEARCH_COUNT_CAP, offThread).walk(matchOf('退款'), false, false);
      expect(asked).toHaveLength(3);
    } finally {
      worker?.closeNow();
    }
  });

  it('walks once for a first page and the pages that follow it', async () => {
    const { db, services } = reg.core;
    const { counting, walks } = countingWalks();
    const search = createCaseSearch(counting, services.clock, () => loadCalendar(db), () => true);
    const read = (input: Record<string, unknown>) => search.search(casesSearch.input.parse({ text: '商家拒绝', pageSize: 2, ...input }), admin) as Promise<Found>;
    const first = await read({});
    const second = await read({ after: first.next });
    await read({ after: second.next });
    await read({ page: 3 });
    expect(walks()).toBe(1);
    await read({});
    expect(walks()).toBe(2);
  });

  it('does not walk a case number\'s beginning without its prefix when the numbers alone pass the walk\'s limit', async () => {
    const { db, services } = reg.core;
    const { counting, walks } = countingWalks();
    const search = (walkAtMost: number, text: string, status?: 'voided') =>
      createCaseSearch(counting, services.clock, () => loadCalendar(db), () => true, { walkAtMost }).search(casesSearch.input.parse({ text, pageSize: 50, ...(status ? { status } : {}) }), admin) as Promise<Found>;
    const numbers = (await reg.must<Found>('cases.search', { pageSize: 50 })).rows.map((r) => r.caseNo);
    expect(numbers.every((n) => /^[A-Z\u3400-\u9fff]+2026-\d{5}$/.test(n)), numbers.join()).toBe(true);
    // Eight not voided numbered 2026-0…: past a limit of 7, not past 8; the voided three are looked for by their own index.
    const found = [await search(7, '2026-0'), await search(8, '2026-0'), await search(7, '2026-0', 'voided')];
    expect(walks()).toBe(2);
    expect(found.map((f) => [f.total, f.rows.length])).toEqual([[8, 8], [8, 8], [3, 3]]);
    // The year and its dash begin every number of the year; a word that is no number's beginning walks as any text.
    expect((await search(0, '2026-')).total).toBe(8);
    expect(walks()).toBe(2);
    await search(0, '2026');
    await search(0, '02026-0');
    await search(0, '2026-0x');
    expect(walks()).toBe(5);
  });

  it('cuts the next page from its first page\'s walk, and walks afresh once anything is written, here or by another connection', async () => {
    const page = (input: Record<string, unknown>) => reg.must<Found>('cases.search', { text: '协商无果', pageSize: 2, ...input });
    const before = await page({});
    const next = () => page({ after: before.next });
    expect((await next()).total).toBe(before.total);
    // Written through the app: a new case says it (newer than the cursor, so the count alone shows it), then it is voided.
    await staff.clerk.must('cases.register', minimalComplaint({ facts: '多次协商无果，商家失联。' }));
    expect((await next()).total).toBe(before.total + 1);
    const added = (await page({})).rows[0]!.id;
    await staff.supervisor.act(added, 'void', { reason: '重复登记' });
    expect((await next()).total).toBe(before.total);
    // Written by another connection (an index entry of no case): counted at the next page.
    const all = await page({ includeVoided: true });
    const other = new Database(reg.core.db.name);
    try {
      other.prepare('INSERT INTO case_index (rowid, short, long) VALUES (?, ?, ?)').run(-1, '', tokensOf(['协商无果']));
    } finally {
      other.close();
    }
    expect((await page({ includeVoided: true, after: all.next })).total).toBe(all.total + 1);
  });
});
