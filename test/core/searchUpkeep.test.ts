import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../electron/core/db/open';
import { createMergeWorker } from '../../electron/core/services/mergeWorker';
import { createSettings } from '../../electron/core/services/settings';
import { createSearchUpkeep, FULL_MERGE_KEY, mergeStep, planFullMerge } from '../../electron/core/services/searchUpkeep';
import { createWriteTurns } from '../../electron/core/writeTurns';
import { copyRegister, minimalComplaint, openRegister, quietLog, type Register, watchLoopGaps } from './harness';

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

/**
 * A copy of the shared register whose upkeep has started (a timer after the start) and merged what
 * the writes before left; `mergeStepHoldMs` makes each later step hold its transaction that long.
 */
async function settledCopy(mergeStepHoldMs?: number): Promise<Register> {
  const r = await copyRegister(reg, reg.clock, { backgroundDelayMs: 0, mergeStepHoldMs });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await r.core.services.searchUpkeep.idle();
  return r;
}

/** Waits until `upkeep` has merged some of the segments there were more than `before`. */
async function untilMerged(db: Db, upkeep: { idle(): Promise<void> }, before: number): Promise<void> {
  await vi.waitFor(async () => {
    await upkeep.idle();
    expect(segments(db)).toBeLessThan(before);
  }, { timeout: 10_000, interval: 20 });
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
    // The six below are merged only if each write kicks the upkeep.
    const r = await settledCopy();
    try {
      const db = r.core.db;
      const before = segments(db);
      const ids = await registerSix(r, '孙');
      await untilMerged(db, r.core.services.searchUpkeep, before + 6);
      expect(mergeStep(db)).toBe(false);
      integrityCheck(db);
      expect(await found(r, '孙')).toEqual(ids);
    } finally {
      r.close();
    }
  });
});

/** Whether another connection holds the register's writer now (a merge step in its transaction). */
function writerHeld(file: string): boolean {
  const other = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    other.exec('BEGIN IMMEDIATE');
    other.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    other.close();
  }
}

async function untilWriterHeld(file: string): Promise<void> {
  await vi.waitFor(() => expect(writerHeld(file)).toBe(true), { timeout: 10_000, interval: 2 });
}

describe('the merges on a thread of their own', () => {
  it('write nothing through the page’s connection: a worker’s connection merges the segments', async () => {
    const r = await settledCopy();
    try {
      const db = r.core.db;
      const before = segments(db);
      const ids = await registerSix(r, '吴');
      // SQLite counts the rows each connection changed: the page's stops at the registrations'.
      const changesAfterWrites = db.prepare('SELECT total_changes()').pluck().get() as number;
      await untilMerged(db, r.core.services.searchUpkeep, before + 6);
      expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(changesAfterWrites);
      integrityCheck(db);
      expect(await found(r, '吴')).toEqual(ids);
    } finally {
      r.close();
    }
  });

  it('hold no call while a step runs: a registration waits for the step without blocking, a search answers meanwhile', async () => {
    const r = await settledCopy(400);
    try {
      const file = join(r.dir, 'complaintdesk.sqlite');
      await registerSix(r, '郑');
      await untilWriterHeld(file);
      // The event loop's longest gap while the step holds the writer.
      const gaps = watchLoopGaps();
      const order: string[] = [];
      const t0 = performance.now();
      const registration = r.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: '郑等候', phone: '13800002000' } })).then((v) => {
        order.push('register');
        return { ...v, ms: performance.now() - t0 };
      });
      const search = r.must<{ rows: unknown[] }>('cases.search', { text: '郑', pageSize: 10 }).then((v) => {
        order.push('search');
        return { ...v, ms: performance.now() - t0 };
      });
      const [reg1, s1] = await Promise.all([registration, search]);
      const longestGap = gaps.stop();
      expect(order).toEqual(['search', 'register']);
      expect(s1.rows.length).toBeGreaterThan(0);
      expect(s1.ms).toBeLessThan(200);
      expect(reg1.ms).toBeGreaterThan(s1.ms);
      expect(longestGap).toBeLessThan(200);
      expect(await found(r, '郑等候')).toEqual([reg1.id]);
    } finally {
      r.close();
    }
  });

  it('end before the register closes: the step in progress commits first, the worker’s connection closes, and the seal holds at the next start', async () => {
    const r = await settledCopy(400);
    let again: Awaited<ReturnType<Register['reopen']>> | null = null;
    try {
      const file = join(r.dir, 'complaintdesk.sqlite');
      const ids = await registerSix(r, '冯');
      await untilWriterHeld(file);
      r.core.close();
      // No connection of the app's is left on the file: the last one to close removed the WAL and its index.
      expect(existsSync(`${file}-wal`)).toBe(false);
      expect(existsSync(`${file}-shm`)).toBe(false);
      expect(writerHeld(file)).toBe(false);
      again = await r.reopen();
      await again.checked();
      expect(again.health).toEqual({ readOnly: false, problem: null });
      integrityCheck(again.db);
      const page = await again.call('cases.search', { text: '冯', pageSize: 50 }, r.token);
      expect(page.ok && (page.value as { rows: { id: number }[] }).rows.map((x) => x.id).sort((a, b) => a - b)).toEqual(ids);
    } finally {
      again?.close();
      r.close();
    }
  });
  it('say once that a full merge is done, when two steps on the worker found it planned (the re-index’s and the upkeep’s)', async () => {
    const r = await copyRegister(reg, reg.clock, { backgroundDelayMs: 60_000 });
    const lines: string[] = [];
    const db = r.core.db;
    const settings = createSettings(db);
    const upkeep = createSearchUpkeep({
      db,
      settings,
      log: { ...quietLog, info: (m: string) => lines.push(m) },
      worker: createMergeWorker({ file: join(r.dir, 'complaintdesk.sqlite'), idleMs: 1_000 }),
      turns: createWriteTurns(),
    });
    try {
      while (upkeep.step());
      db.transaction(() => planFullMerge(settings, 'a test'))();
      // Both sent before either answered: each read the plan, neither merged anything.
      let done = 0;
      while (settings.get(FULL_MERGE_KEY, null) !== null && done++ < 100) await Promise.all([upkeep.stepWhereMerging(), upkeep.stepWhereMerging()]);
      expect(settings.get(FULL_MERGE_KEY, null)).toBeNull();
      expect(lines.filter((l) => l.startsWith('search index merged into one segment'))).toEqual(['search index merged into one segment (a test)']);
    } finally {
      await upkeep.stop();
      r.close();
    }
  });

  it('go back to the page’s thread, saying so, when the worker cannot open the register', async () => {
    // The register's own upkeep starts only after a minute: the merges below are this upkeep's.
    const r = await copyRegister(reg, reg.clock, { backgroundDelayMs: 60_000 });
    const warnings: string[] = [];
    const db = r.core.db;
    const upkeep = createSearchUpkeep({
      db,
      settings: createSettings(db),
      log: { ...quietLog, warn: (m: string) => warnings.push(m) },
      worker: createMergeWorker({ file: join(r.dir, 'not-there.sqlite'), idleMs: 1_000 }),
      turns: createWriteTurns(),
    });
    try {
      const before = segments(db);
      const ids = await registerSix(r, '褚');
      expect(segments(db)).toBe(before + 6);
      upkeep.start();
      await untilMerged(db, upkeep, before + 6);
      expect(warnings.join('\n')).toMatch(/merges run on the page's thread from now on \(the merge worker failed/);
      integrityCheck(db);
      expect(await found(r, '褚')).toEqual(ids);
    } finally {
      await upkeep.stop();
      r.close();
    }
  });
});
