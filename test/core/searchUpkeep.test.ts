import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../electron/core/db/open';
import { FULL_MERGE_KEY, mergeStep, planFullMerge } from '../../electron/core/services/searchUpkeep';
import { copyRegister, minimalComplaint, openRegister, type Register } from './harness';

/**
 * The search index's merges apart from the register's writes ([F] #11, migration 22): a write leaves
 * its own small segment and merges nothing; the upkeep merges them in steps of its own, after the
 * writes, and every case stays findable. Counted in the index itself: FTS5 numbers a segment's pages
 * by `segment id << 37` in its data table (rows 1 and 10 are its averages and structure).
 */
const segments = (db: Db) => db.prepare('SELECT COUNT(DISTINCT id >> 37) FROM case_index_data WHERE id > 10').pluck().get() as number;
const integrityCheck = (db: Db) => db.exec("INSERT INTO case_index (case_index, rank) VALUES ('integrity-check', 0)");

let reg: Register;
beforeAll(async () => {
  reg = await openRegister();
});
afterAll(() => reg.close());

async function registerSix(r: Register, surname: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < 6; i++) {
    const { id } = await r.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: `${surname}${'一二三四五六'[i]}`, phone: `1380000${1000 + i}` } }));
    ids.push(id);
  }
  return ids;
}

async function found(r: Register, text: string): Promise<number[]> {
  const page = await r.must<{ rows: { id: number }[] }>('cases.search', { text, pageSize: 50 });
  return page.rows.map((x) => x.id).sort((a, b) => a - b);
}

describe('the search index’s merges', () => {
  it('are left out of the writes, which keep a segment each, and done by the upkeep in steps after them', async () => {
    const db = reg.core.db;
    expect(db.prepare("SELECT k, v FROM case_index_config WHERE k IN ('automerge', 'deletemerge') ORDER BY k").all()).toEqual([
      { k: 'automerge', v: 0 },
      { k: 'deletemerge', v: 0 },
    ]);
    while (reg.core.services.searchUpkeep.step());
    const before = segments(db);
    const ids = await registerSix(reg, '钱');
    expect(segments(db)).toBe(before + 6);

    const steps: boolean[] = [];
    while (steps.length < 100 && (steps.length === 0 || steps.at(-1))) steps.push(reg.core.services.searchUpkeep.step());
    expect(steps.at(-1)).toBe(false);
    expect(steps.filter(Boolean).length).toBeGreaterThan(0);
    expect(segments(db)).toBeLessThan(before + 6);
    expect(mergeStep(db)).toBe(false);
    integrityCheck(db);
    expect(await found(reg, '钱')).toEqual(ids);
    expect(await found(reg, '13800001003')).toEqual([ids[3]]);
  });

  it('merge the whole index into one segment, a step at a time, when a full merge is planned (after a re-index)', async () => {
    const db = reg.core.db;
    const s = reg.core.services;
    const ids = await registerSix(reg, '周');
    while (s.searchUpkeep.step());
    // Two cases written again: their older entries are deleted rows until their segments are merged,
    // and two new segments are too few for the upkeep's own merges (four at a level).
    for (const id of ids.slice(0, 2)) db.transaction(() => s.store.write.reindex(id))();
    expect(segments(db)).toBeGreaterThan(2);
    expect(mergeStep(db)).toBe(false);
    db.transaction(() => planFullMerge(s.settings, 'a test'))();
    let steps = 0;
    while (s.searchUpkeep.step(2)) steps++;
    expect(steps).toBeGreaterThan(0);
    expect(segments(db)).toBe(1);
    expect(s.settings.get(FULL_MERGE_KEY, null)).toBeNull();
    integrityCheck(db);
    expect(await found(reg, '周')).toEqual(ids);
  });

  it('run by themselves after the writes of an opened register', async () => {
    const r = await copyRegister(reg, reg.clock, { backgroundDelayMs: 0 });
    try {
      const db = r.core.db;
      // The upkeep starts with the other background jobs (a timer after the start) and merges what
      // the writes before left; the six below are merged only if each write kicks it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await r.core.services.searchUpkeep.idle();
      const before = segments(db);
      const ids = await registerSix(r, '孙');
      await vi.waitFor(async () => {
        await r.core.services.searchUpkeep.idle();
        expect(segments(db)).toBeLessThan(before + 6);
      }, { timeout: 10_000, interval: 20 });
      expect(mergeStep(db)).toBe(false);
      integrityCheck(db);
      expect(await found(r, '孙')).toEqual(ids);
    } finally {
      r.close();
    }
  });
});
