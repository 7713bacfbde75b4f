import { Worker } from 'node:worker_threads';
import type { Logger } from '../ports';
import { sqliteModulePath } from './sqliteModule';

/**
 * The WAL folded into the register's file by a worker thread on a connection of its own, not by the
 * thread that answers the page. At a million cases each registration writes ≈ 85 pages (350 KB) of
 * WAL, so a burst passes 4 MB every ten or twelve calls, and the fold of those 4 MB (≈ 1,000 pages
 * written into a 14 GB file, then its fsync) held the page's thread 6–11 ms: the next registration
 * waited for it (a CPU profile of the host, registrations back to back). In WAL mode a checkpoint on
 * another connection runs beside the writer (https://sqlite.org/wal.html "Concurrency"): PASSIVE
 * copies the frames committed when it starts and takes no lock a write needs.
 *
 * At a close the file must be still before it is sealed: `stopSync` waits for a fold in progress
 * (shared memory and Atomics, as a close is synchronous) and lets no other begin.
 */
const SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const state = new Int32Array(workerData.state);
const IDLE = 0, BUSY = 1;
const db = new Database(workerData.file, { fileMustExist: true });
// The fold's own fsync of the file, whatever the build's default (the register is FULL throughout).
db.pragma('synchronous = FULL');
parentPort.on('message', (m) => {
  if (m === 'close') {
    db.close();
    return parentPort.close();
  }
  // A close has begun (STOPPED): the file stays as it is.
  if (Atomics.compareExchange(state, 0, IDLE, BUSY) !== IDLE) return parentPort.postMessage({ skipped: true });
  let out;
  try {
    out = db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch (error) {
    out = { error: error.message };
  } finally {
    Atomics.store(state, 0, IDLE);
    Atomics.notify(state, 0);
  }
  parentPort.postMessage(out);
});
`;

const IDLE = 0;
const BUSY = 1;
const STOPPED = 2;

export interface Checkpointer {
  /**
   * Folds the WAL into the file, off the page's thread; settles once a fold that began after this
   * call has ended (a call during a fold gets the next one). Never rejects.
   */
  request(): Promise<void>;
  /** The worker's thread id while it runs (tests), else null. */
  readonly threadId: number | null;
  /** At a close: waits for a fold in progress, lets none begin, ends the worker. */
  stopSync(): void;
}

/**
 * `inline` folds on the page's thread: used where better-sqlite3 cannot be loaded in a worker, or
 * after the worker failed (the register must not grow its WAL without end).
 */
export function createCheckpointer({ file, inline, log }: { file: string; inline: () => void; log: Logger }): Checkpointer {
  const state = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker | null = null;
  let broken = sqliteModulePath() === null;
  let stopped = false;
  let running = false;
  /** Settled when the fold now running ends; `next`, by the one after it. */
  let current: (() => void)[] = [];
  let next: (() => void)[] = [];

  const settle = (list: (() => void)[]) => {
    for (const done of list) done();
  };

  function fail(why: string): void {
    if (broken) return;
    broken = true;
    worker = null;
    running = false;
    log.warn(`the WAL is folded on the page's thread from now on: ${why}`);
    if (!stopped) inline();
    settle(current);
    settle(next);
    current = [];
    next = [];
  }

  function start(): Worker {
    const w = new Worker(SOURCE, { eval: true, workerData: { module: sqliteModulePath(), file, state: state.buffer } });
    w.unref();
    w.on('message', (m: { error?: string }) => {
      if (m.error) log.warn(`checkpoint in its worker failed: ${m.error}`);
      running = false;
      settle(current);
      current = next;
      next = [];
      if (current.length && !stopped) send();
    });
    w.once('error', (error) => fail(error.message));
    w.once('exit', (code) => {
      if (worker === w && !stopped) fail(`its worker exited (${code})`);
    });
    return w;
  }

  function send(): void {
    running = true;
    worker ??= start();
    worker.postMessage('run');
  }

  return {
    request() {
      if (stopped) return Promise.resolve();
      if (broken) {
        inline();
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        if (running) next.push(resolve);
        else {
          current.push(resolve);
          send();
        }
      });
    },
    get threadId() {
      return worker?.threadId ?? null;
    },
    stopSync() {
      if (stopped) return;
      stopped = true;
      const w = worker;
      worker = null;
      if (w) {
        // A fold in progress ends first (its fsync included); then the flag keeps any other from starting.
        while (Atomics.compareExchange(state, 0, IDLE, STOPPED) === BUSY) Atomics.wait(state, 0, BUSY, 1_000);
        w.postMessage('close');
      }
      settle(current);
      settle(next);
      current = [];
      next = [];
    },
  };
}
