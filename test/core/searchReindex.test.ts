import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core';
import { indexCurrent, planReindex } from '../../electron/core/services/searchReindex';
import { FULL_MERGE_KEY } from '../../electron/core/services/searchUpkeep';
import { keysOfFields, matchExpression, tokensOf } from '../../electron/core/store/searchTokens';
import { minimalComplaint, openRegister, quietLog, type Register } from './harness';

/**
 * The short fields' keys ([F] #11) on a register indexed before they existed: one character (a
 * surname) and one or two digits find the same cases before the background re-index has reached
 * them (by the tokens that begin with them) and after (by their keys); cases registered meanwhile
 * have their keys at once; a stop in the middle resumes at the next start. A real register.
 */
let reg: Register;
const ids: Record<string, number> = {};

/** Finds the cases' ids (oldest first) for a search, as the register's page shows them. */
async function found(text: string): Promise<number[]> {
  const page = await reg.must<{ rows: { id: number }[]; total: number }>('cases.search', { text, pageSize: 50 });
  expect(page.total).toBe(page.rows.length);
  return page.rows.map((r) => r.id).sort((a, b) => a - b);
}

/** The cases whose index holds a word's key (the new rules' tokens, read from the index itself). */
const keyed = (word: string) =>
  reg.core.db.prepare('SELECT rowid FROM case_index WHERE case_index MATCH ? ORDER BY rowid').pluck().all(matchExpression(word, true).expr!) as number[];

/** A text's tokens as versions 32 to 48 wrote them: a run of letters or digits without the boundary's token of its first three. */
const tokensAs48 = (fields: readonly (string | null | undefined)[]) => tokensOf(fields).replace(/ \uE003\S+/gu, '');

/** A text's tokens as the versions before 31 wrote them: a separator between runs instead of each run's start. */
const tokensBefore31 = (fields: readonly (string | null | undefined)[]) =>
  fields.filter(Boolean).map((f) => tokensAs48([f]).replace(/\uE001\S+( \uE002\S+)?/gu, 'zzzzz')).filter(Boolean).join(' zzzzz ');

/** A text's tokens as versions 31 wrote them: each run's start without the character before it. */
const tokensAs31 = (fields: readonly (string | null | undefined)[]) => tokensAs48(fields).replace(/([\uE001\uE002])./gu, '$1');

/**
 * Indexes a case as an older version did: before 21, its short fields' tokens without keys and a
 * separator between runs; version 31, with keys and each run's start alone; version 48, with keys
 * and each run's boundary without its first three.
 */
function indexAsBefore(id: number, version: 'before 21' | '31' | '48' = 'before 21'): void {
  const c = reg.core.db
    .prepare('SELECT c.case_no, c.complainant_name, c.complainant_phone, r.name AS respondent, c.subject, c.facts, c.request FROM cases c JOIN respondents r ON r.id = c.respondent_id WHERE c.id = ?')
    .get(id) as Record<string, string>;
  const short = [c.case_no, c.complainant_name, c.complainant_phone, c.respondent, c.subject];
  const tokens = version === '31' ? tokensAs31 : version === '48' ? tokensAs48 : tokensBefore31;
  reg.core.db.prepare('DELETE FROM case_index WHERE rowid = ?').run(id);
  reg.core.db
    .prepare('INSERT INTO case_index (rowid, short, long) VALUES (?, ?, ?)')
    .run(id, [tokens(short), ...(version === 'before 21' ? [] : [keysOfFields(short)])].join(' '), tokens([c.facts, c.request]));
}

// With words of several runs whose last is short (migration 31): 李雷's phone 0571-88886666, the facts' 坏了，13天.
const searches = ['王', '赵', '5', '13', '87', '电', '王五', '0571-8', '0571-88', '0571-888', '0571-8888', '571-88886', '坏了，1', '了，13天', '坏了，2', '0571-7'] as const;

beforeAll(async () => {
  reg = await openRegister();
  const people = [
    ['王五', '13812345678', '杭州某某电器有限公司', '洗衣机'],
    ['赵敏', '15900008787', '温州健身会所', '健身卡'],
    ['李雷', '0571-88886666', '王记餐馆', '团购券'],
  ] as const;
  for (const [name, phone, respondent, subject] of people) {
    const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name, phone }, respondent: { name: respondent }, subject, facts: '王先生说电视坏了，13天未修。' }));
    ids[name] = id;
  }
});
afterAll(() => reg.close());

describe('the short fields’ keys', () => {
  it('are written for every case registered, so one character and one or two digits are found by them', async () => {
    expect(indexCurrent(reg.core.services.settings)).toBe(true);
    expect(keyed('王')).toEqual([ids['王五'], ids['李雷']]);
    expect(keyed('5')).toEqual([ids['王五'], ids['赵敏'], ids['李雷']]);
    expect(keyed('87')).toEqual([ids['赵敏']]);
    // The facts (王先生, 13天) are not looked in for a word this short.
    expect(await found('王')).toEqual([ids['王五'], ids['李雷']]);
    expect(await found('13')).toEqual([ids['王五']]);
    expect(await found('电')).toEqual([ids['王五']]);
    // A word of several runs, its last short, by each run's start (migration 31).
    for (const w of ['0571-8', '0571-88', '0571-888', '571-88886']) expect([w, await found(w)]).toEqual([w, [ids['李雷']]]);
    expect(await found('0571-7')).toEqual([]);
    expect(await found('坏了，1')).toEqual(Object.values(ids));
    expect(await found('坏了，2')).toEqual([]);
    // Not from one field into the next: 赵敏's business 温州健身会所, then her subject 健身卡.
    expect(await found('会所，健身')).toEqual([]);
    expect(await found('健身会所')).toEqual([ids['赵敏']]);
  });

  it('find the same cases while older cases are re-indexed in the background, and after', async () => {
    const before: Record<string, number[]> = {};
    for (const s of searches) before[s] = await found(s);
    for (const id of Object.values(ids)) indexAsBefore(id);
    reg.core.db.transaction(() => planReindex(reg.core.db, 'a test'))();
    expect(indexCurrent(reg.core.services.settings)).toBe(false);
    expect(keyed('王')).toEqual([]);
    for (const s of searches) expect([s, await found(s)]).toEqual([s, before[s]]);
    // The register's page says why a search is slower meanwhile: a text searched, not a list.
    const last = Math.max(...Object.values(ids));
    expect((await reg.must<{ indexing?: unknown }>('cases.search', { text: '王' })).indexing).toEqual({ done: 0, total: last });
    expect((await reg.must<{ indexing?: unknown }>('cases.search', {})).indexing).toBeUndefined();

    // A case registered meanwhile is indexed by today's rules at once.
    const { id: late } = await reg.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: '王芳', phone: '13700001111' } }));
    expect(keyed('王')).toEqual([late]);

    // One case a chunk: the place is kept between chunks (the index's merges done first, or the
    // re-index's chunks would do them before its cases: searchUpkeep.ts).
    while (reg.core.services.searchUpkeep.step());
    const steps: boolean[] = [];
    while (steps.length < 10 && (steps.length === 0 || steps.at(-1))) steps.push(reg.core.services.searchReindex.step(1));
    expect(steps).toEqual([true, true, false]);
    expect(reg.core.services.searchReindex.progress()).toBeNull();
    expect((await reg.must<{ indexing?: unknown }>('cases.search', { text: '王' })).indexing).toBeUndefined();
    // The older cases' entries are deleted rows now: a full merge of the index is planned to drop them.
    expect(reg.core.services.settings.get(FULL_MERGE_KEY, null)).toEqual({ why: 'a test' });
    expect(indexCurrent(reg.core.services.settings)).toBe(true);
    expect(keyed('王')).toEqual([ids['王五'], ids['李雷'], late]);
    // 王芳's phone 137…, her business 杭州某某电器 and the subject 55英寸液晶电视机.
    const lateFound = ['王', '13', '5', '电'];
    for (const s of searches) expect([s, await found(s)]).toEqual([s, lateFound.includes(s) ? [...before[s]!, late] : before[s]]);
  });

  // A word today's phrase finds by tokens the older rules did not write: each run's boundary (0032),
  // a last run of three digits by the boundary's token of them (0049; before, the prefix 888*).
  it.each([
    { version: '31', rules: 'each run’s start alone', word: '0571-8' },
    { version: '48', rules: 'no token of a run’s first three', word: '0571-888' },
  ] as const)('find the same cases on a register indexed by version $version ($rules) while it is indexed afresh, and after', async ({ version, word }) => {
    const all = reg.core.db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[];
    const byTodaysPhrase = () => reg.core.db.prepare('SELECT rowid FROM case_index WHERE case_index MATCH ?').pluck().all(matchExpression(word, true).expr!);
    const before: Record<string, number[]> = {};
    for (const s of searches) before[s] = await found(s);
    expect(before[word]).toEqual([ids['李雷']]);
    expect(matchExpression(word, true).expr).not.toContain('*');
    for (const id of all) indexAsBefore(id, version);
    reg.core.db.transaction(() => planReindex(reg.core.db, 'a test'))();
    // The new tokens are not there yet: by today's phrase alone 李雷's phone is not found.
    expect(byTodaysPhrase()).toEqual([]);
    for (const s of searches) expect([s, await found(s)]).toEqual([s, before[s]]);
    while (reg.core.services.searchUpkeep.step());
    while (reg.core.services.searchReindex.step(100));
    expect(indexCurrent(reg.core.services.settings)).toBe(true);
    expect(byTodaysPhrase()).toEqual([ids['李雷']]);
    for (const s of searches) expect([s, await found(s)]).toEqual([s, before[s]]);
  });

  it('are written for the rest after a restart that cut the re-index off', async () => {
    for (const id of Object.values(ids)) indexAsBefore(id);
    reg.core.db.transaction(() => planReindex(reg.core.db, 'a test'))();
    while (reg.core.services.searchUpkeep.step());
    expect(reg.core.services.searchReindex.step(1)).toBe(true);
    expect(reg.core.services.searchReindex.progress()).toEqual({ done: ids['王五'], total: expect.any(Number) });
    reg.core.close();
    const core = await createCore({ dataDir: reg.dir, clock: reg.clock, log: quietLog, backgroundDelayMs: 0 });
    try {
      await vi.waitFor(() => expect(core.services.searchReindex.progress()).toBeNull(), { timeout: 10_000, interval: 20 });
      const keyedNow = core.db.prepare('SELECT rowid FROM case_index WHERE case_index MATCH ? ORDER BY rowid').pluck().all(matchExpression('赵', true).expr!);
      expect(keyedNow).toEqual([ids['赵敏']]);
    } finally {
      core.close();
    }
  });
});
