import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { Logger } from '../ports';
import { afterPause } from '../afterPause';
import { createBackgroundChunks } from './backgroundChunks';
import type { Settings } from './settings';
import type { WriteTurns } from '../writeTurns';
import type { MergeWorker } from './mergeWorker';

/**
 * Pages of the search index written per merge step. Measured on a 200,000-case index (synthetic
 * tokens of the same shape): steps of 25 pages took at most 10 ms over 6,000 registrations, steps
 * of 100 pages now and then 150–200 ms.
 */
export const MERGE_PAGES = 25;

/**
 * Merging waits for the writes to pause this long: a step run between two calls of a burst (a desk's
 * registrations back to back, several clerks at once) made the next call wait for it.
 */
export const MERGE_PAUSE_MS = 100;
/** ...but never longer than this after the first write it waits for, so segments do not pile up in a long burst. */
export const MERGE_MAX_WAIT_MS = 1000;

/** Where a pending full merge is kept (the settings table, so a restart resumes it): absent when none is. */
export const FULL_MERGE_KEY = 'search.fullMerge';

/**
 * Plans the index merged into one segment, in steps (after the re-index: the deleted rows of every
 * older case are dropped only when the segments holding them are merged, and `deletemerge` is off).
 */
export function planFullMerge(settings: Settings, why: string): void {
  settings.set(FULL_MERGE_KEY, { why });
}

/** A step follows every write: its statements are prepared once per connection. */
const statements = new WeakMap<Db, { changes: Statement; merge: Statement }>();

/**
 * One bounded step of FTS5's merge work on the search index (`'merge'` command: about `pages` pages
 * written), in the caller's transaction. Whether it did any: FTS5 writes at least two rows when it
 * merges, so fewer changes mean nothing was left at a level with enough segments (SQLite's FTS5
 * documentation, "The 'merge' command").
 */
export function mergeStep(db: Db, pages: number = MERGE_PAGES): boolean {
  let s = statements.get(db);
  if (!s) {
    s = { changes: db.prepare('SELECT total_changes()').pluck(), merge: db.prepare("INSERT INTO case_index (case_index, rank) VALUES ('merge', ?)") };
    statements.set(db, s);
  }
  const before = s.changes.get() as number;
  // A BigInt binds as an integer: FTS5 refuses a REAL page count, which a JS number binds as.
  s.merge.run(BigInt(pages));
  return (s.changes.get() as number) - before >= 2;
}

/**
 * The search index's merge work, done between the page's calls instead of inside them ([F] #11: no
 * call holds the event loop for more than 50 ms). Migration 22 turned FTS5's own merging off
 * (`automerge` and `deletemerge` 0): left on, it merged inside whichever write came next, and its
 * merge of a segment whose rows were mostly re-indexed held one write transaction for 1.6–3.5 s at
 * 200,000 cases. Each write leaves a small segment; after the write this job merges them a few
 * pages at a time, in transactions of their own. If it falls behind (a long seed, a stop), FTS5's
 * `crisismerge` still merges a level of 16 segments inside the write: slower, never wrong.
 *
 * With `worker` the steps run on its connection in a thread of its own (mergeWorker.ts): the page's
 * calls are never held by them, its writes wait for a step asynchronously (`turns`). Without one
 * (better-sqlite3 not loadable in a worker), or after the worker failed, they run on the page's thread.
 */
export function createSearchUpkeep({ db, settings, log, worker = null, turns }: { db: Db; settings: Settings; log: Logger; worker?: MergeWorker | null; turns?: WriteTurns }) {
  /**
   * A step of the merges the writes left (levels of four segments or more); while a full merge is
   * planned, a step of it instead (a negative page count: FTS5 merges every segment into one, also
   * a step at a time).
   */
  const planned = () => settings.get<{ why: string } | null>(FULL_MERGE_KEY, null);
  /** After a step that merged nothing: a planned full merge is done. */
  function nothingMerged(full: { why: string } | null): false {
    // Read again: the re-index's steps and the upkeep's may both have found the plan before their
    // steps, and the first to end has removed it (the line was logged twice after one full merge).
    if (full && planned()) {
      settings.remove(FULL_MERGE_KEY);
      log.info(`search index merged into one segment (${full.why})`);
    }
    return false;
  }
  function chunk(pages: number): boolean {
    const full = planned();
    return mergeStep(db, full ? -pages : pages) || nothingMerged(full);
  }
  /** The worker while it works; null once it failed (the steps then run on the page's thread). */
  let working = worker;
  let stopping = false;
  async function onWorker(pages: number): Promise<boolean> {
    // A step whose turn came after the close began (it waited for a write's turn): the register is closed under it.
    if (stopping) return false;
    if (!working) return runner.step(pages);
    const full = planned();
    const out = await working.step(full ? -pages : pages);
    // The register closes: the worker was ended under its step.
    if (stopping) return false;
    if (out.ok) return out.merged || nothingMerged(full);
    if (out.code === 'SQLITE_BUSY') throw new Error(`merge step: ${out.detail}`);
    // The worker could not open the register or died: the merges go on on the page's thread, as before it.
    log.warn(`the search index's merges run on the page's thread from now on (the merge worker failed: ${out.detail})`);
    working = null;
    return runner.step(pages);
  }
  const runner = createBackgroundChunks({
    db,
    log,
    label: 'search index merge',
    chunk,
    chunkSize: MERGE_PAGES,
    quiet: true,
    turns,
    away: worker ? onWorker : undefined,
  });
  const merging = afterPause(() => runner.kick(), MERGE_PAUSE_MS, MERGE_MAX_WAIT_MS);
  return {
    /** From now on each kick merges until nothing is left (call once the register takes writes). */
    start(onWrite?: () => void): void {
      if (runner.begin(onWrite)) runner.kick();
    },
    /**
     * After a write that indexed a case (any write call: one that did not leaves nothing to merge, and
     * a step finds that in microseconds): the merging starts once the writes pause.
     */
    kick(): void {
      // While it merges, a kick (its own chunks' writes among them) is answered by the merging itself.
      if (runner.busy()) return runner.kick();
      merging.poke();
    },
    stop(): Promise<void> {
      merging.cancel();
      stopping = true;
      const stopped = runner.stop();
      // Before the register's close goes on to its checkpoint and seal: the worker's step in progress ends, its connection closes.
      worker?.closeNow();
      return stopped;
    },
    idle: runner.idle,
    /** One step now, in a transaction of its own (tests, the benches): whether it merged anything. */
    step: runner.step,
    /** One step where the steps run (the worker, else the page's thread), for a job that must not outrun them (the re-index). */
    stepWhereMerging: (): Promise<boolean> => (worker ? onWorker(MERGE_PAGES) : Promise.resolve(runner.step(MERGE_PAGES))),
  };
}
export type SearchUpkeep = ReturnType<typeof createSearchUpkeep>;
