import { createIdleWorker } from '../idleWorker';
import { moduleOf } from '../integrity/checkWorker';
import { DETAIL_OF_SOURCE } from '../workerFailure';

/**
 * The search index's merge steps on a connection of their own in a worker thread (searchUpkeep.ts).
 * At a million cases FTS5's merges rewrite the upper levels of the index now and then: 500
 * registrations set off 3,650 steps (≈ 365 MB written), and a step ends only at a term boundary, so
 * the one holding a term found in every case took 202 ms. On the page's thread each step held every
 * call (registrations waited up to 145 ms, p95 37 ms); here they hold nothing but the page's writes,
 * which wait for a step asynchronously (core/writeTurns.ts). The same connection reads what would
 * hold the page's thread as long: a text walk whose phrase ends in a prefix, which FTS5 merges whole
 * first (store/textWalk.ts `PREFIX_AFTER_TOKENS`: 2025-301, 90–108 ms at a million cases). And the
 * WAL's folds into the file (walFold.ts): at a million cases a fold of 4 MB held the page's thread
 * 15–132 ms (p99 37) while the re-index wrote, here it holds only the page's writes.
 *
 * Plain JavaScript evaluated from this string, as the check worker is, so it runs the same in the
 * bundled host, the Electron main process and the tests.
 */
const SOURCE =
  DETAIL_OF_SOURCE +
  String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
// What a step writes is derived (the index's segments merged): its commit does not wait for the
// disk, and WAL keeps commits in order, so a power cut loses at most the last steps, merged again.
db.pragma('synchronous = NORMAL');
// Never a fold of the WAL inside a step's commit (SQLite's default, at 1,000 pages): the core folds
// when it has read the WAL's frames for the seal, by asking this connection (walFold.ts).
db.pragma('wal_autocheckpoint = 0');
const changes = db.prepare('SELECT total_changes()').pluck();
const merge = db.prepare("INSERT INTO case_index (case_index, rank) VALUES ('merge', ?)");
const flags = new Int32Array(workerData.flags);
const hold = workerData.holdMs > 0 || workerData.foldHoldMs > 0 ? new Int32Array(new SharedArrayBuffer(4)) : null;
const step = db.transaction((pages) => {
  const before = changes.get();
  // A BigInt binds as an integer: FTS5 refuses a REAL page count.
  merge.run(BigInt(pages));
  // Tests only: a step that holds its transaction, as a long one does at a million cases.
  if (hold && workerData.holdMs > 0) Atomics.wait(hold, 0, 0, workerData.holdMs);
  return changes.get() - before >= 2;
});
const reads = new Map();
parentPort.on('message', (m) => {
  if (m.type === 'read') {
    try {
      let statement = reads.get(m.sql);
      if (!statement) reads.set(m.sql, (statement = db.prepare(m.sql).raw()));
      parentPort.postMessage({ id: m.id, ok: true, row: statement.get(...m.params) ?? null });
    } catch (error) {
      parentPort.postMessage({ id: m.id, ok: false, code: String((error && error.code) || ''), detail: detailOf(error) });
    }
    return;
  }
  if (m.type === 'fold') {
    // Tests only: the thread dies before its fold, throwing what is not an error.
    if (workerData.fault === 'fold') throw undefined;
    const t = performance.now();
    try {
      // Tests only: a fold that takes its time, as one of megabytes into a large file does.
      if (hold && workerData.foldHoldMs > 0) Atomics.wait(hold, 0, 0, workerData.foldHoldMs);
      const [r] = db.pragma('wal_checkpoint(PASSIVE)');
      parentPort.postMessage({ id: m.id, ok: true, frames: r.log, folded: r.checkpointed, ms: performance.now() - t });
    } catch (error) {
      parentPort.postMessage({ id: m.id, ok: false, code: String((error && error.code) || ''), detail: detailOf(error) });
    }
    return;
  }
  if (m.type === 'close') {
    db.close();
    Atomics.store(flags, 0, 1);
    Atomics.notify(flags, 0);
    parentPort.close();
    return;
  }
  // Tests only: the thread dies in the middle of a step, its merge written and not committed.
  if (workerData.fault === 'step') {
    db.prepare('BEGIN IMMEDIATE').run();
    merge.run(BigInt(m.pages));
    throw undefined;
  }
  const t = performance.now();
  try {
    const merged = step.immediate(m.pages);
    parentPort.postMessage({ id: m.id, ok: true, merged, ms: performance.now() - t });
  } catch (error) {
    parentPort.postMessage({ id: m.id, ok: false, code: String((error && error.code) || ''), detail: detailOf(error) });
  }
});
`;

/**
 * Tests only: where the worker's thread dies, as one did at 120,000 cases ("the merge worker failed:
 * undefined"): in the middle of a merge step (its pages written, not committed), or before a fold.
 */
export type MergeWorkerFault = 'step' | 'fold';

export type StepOut = { ok: true; merged: boolean; ms: number } | { ok: false; code: string; detail: string };
export type ReadOut = { ok: true; row: unknown[] | null } | { ok: false; code: string; detail: string };
/** A fold: the WAL's frames, and how many of them are in the file now (all, unless a reader's snapshot kept some). */
export type FoldOut = { ok: true; frames: number; folded: number; ms: number } | { ok: false; code: string; detail: string };

export interface MergeWorker {
  /** One merge step of about `pages` pages (negative: of the full merge), in a transaction of the worker's. */
  step(pages: number): Promise<StepOut>;
  /**
   * One row of a read (its columns as an array) on the worker's connection: a statement that would
   * hold the page's thread too long (a text walk FTS5 must merge a prefix for, store/textWalk.ts),
   * answered after any step in progress.
   */
  read(sql: string, params: unknown[]): Promise<ReadOut>;
  /** The WAL folded into the file (a passive checkpoint) on the worker's connection, after any step in progress. */
  fold(): Promise<FoldOut>;
  /**
   * Ends the worker's connection before the register closes: waits (synchronously, at most a step)
   * for the step in progress, so nothing is written after the close's checkpoint and seal.
   */
  closeNow(): void;
}

/** Waits on this thread, at most 10 s, until the worker's close has set `flags[0]`. */
function waitForClose(flags: Int32Array): void {
  try {
    Atomics.wait(flags, 0, 0, 10_000);
  } catch {
    // A thread that may not block in Atomics.wait (none of Node's or Electron's main processes): spin instead.
    const until = performance.now() + 10_000;
    while (Atomics.load(flags, 0) === 0 && performance.now() < until);
  }
}

/**
 * Null where better-sqlite3 cannot be loaded in a worker: the merges then stay on the page's thread.
 * The thread's upkeep (started at the first job, ended when idle) is core/idleWorker.ts's.
 */
export function createMergeWorker({
  file,
  idleMs,
  holdMs = 0,
  foldHoldMs = 0,
  fault = null,
}: {
  file: string;
  idleMs: number;
  holdMs?: number;
  foldHoldMs?: number;
  /** Tests only: the thread dies at its first step or fold (`MergeWorkerFault`). */
  fault?: MergeWorkerFault | null;
}): MergeWorker | null {
  const module = moduleOf();
  if (!module) return null;
  // The flag the worker sets once its connection is closed: one for each start, so a thread still
  // closing after its idle time cannot answer for the one that replaced it.
  let flags = new Int32Array(new SharedArrayBuffer(4));
  const worker = createIdleWorker<(StepOut | ReadOut | FoldOut) & { id: number }, StepOut | ReadOut | FoldOut>({
    source: SOURCE,
    workerData: () => {
      flags = new Int32Array(new SharedArrayBuffer(4));
      return { module, file, flags: flags.buffer, holdMs, foldHoldMs, fault };
    },
    idleMs,
    name: 'the merge worker',
    answer: (m) => m,
    failed: (detail) => ({ ok: false, code: '', detail }),
    // Let go when idle: its connection closes after the step it is in (it answers messages in order), then its thread ends.
    beforeEnd: (w) =>
      new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        // A close that never ends (none seen) is not waited for past the close's own limit: the thread is ended then.
        setTimeout(resolve, 10_000).unref();
        w.postMessage({ type: 'close' });
      }),
  });
  return {
    step: (pages) => worker.ask({ pages }) as Promise<StepOut>,
    read: (sql, params) => worker.ask({ type: 'read', sql, params }) as Promise<ReadOut>,
    fold: () => worker.ask({ type: 'fold' }) as Promise<FoldOut>,
    // The close of the register waits here, on the page's thread, at most a step, so nothing is written after its checkpoint and seal.
    closeNow: () =>
      worker.stopNow((w) => {
        const closing = flags;
        w.postMessage({ type: 'close' });
        waitForClose(closing);
      }),
  };
}
