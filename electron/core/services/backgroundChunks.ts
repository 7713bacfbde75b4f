import type { Db } from '../db/open';
import { yieldToLoop } from '../loop';
import type { Logger } from '../ports';
import { noWriteTurns, type WriteTurns } from '../writeTurns';

/** Writes this recent make a chunk on another connection rest as long as it ran. */
const WRITES_RECENT_MS = 1000;

export interface BackgroundChunksDeps {
  db: Db;
  log: Logger;
  /** What the job does, for its log lines ("the repeat recount"). */
  label: string;
  /**
   * One chunk of the job, run in its own write transaction: at most `limit` items, and it should end
   * early after a few tens of milliseconds so the page's calls are not held. Returns whether more remains.
   */
  chunk: (limit: number) => boolean;
  /** Items per chunk, unless a caller asks otherwise (`step`). */
  chunkSize: number;
  /** A job that runs after every write logs only the runs worth a look: 100 chunks or more, or one over 50 ms. */
  quiet?: boolean;
  /** The register's write turns (core/writeTurns.ts): a chunk waits for a merge step on another connection. */
  turns?: WriteTurns;
  /**
   * The chunk run off the page's thread, on a connection and in a transaction of its own (the search
   * index's merges, mergeWorker.ts), in a turn of its own; `chunk` stays for `step` (tests, benches).
   */
  away?: (limit: number) => Promise<boolean>;
  /**
   * Work of another connection's that goes before each chunk while it finds some (the search index's
   * merge steps on the worker before the re-index's next cases), in a turn of its own.
   */
  first?: () => Promise<boolean>;
}

/**
 * A job that walks the register in the background, one chunk per write transaction and a turn of the
 * event loop between chunks, so the page's calls go first ([F] #11: no call holds the event loop for
 * more than 50 ms). The job keeps its own place in the register (the settings table), so a stop or a
 * crash resumes it at the next start.
 */
export function createBackgroundChunks({ db, log, label, chunk, chunkSize, quiet = false, turns = noWriteTurns, away, first }: BackgroundChunksDeps) {
  const inTransaction = db.transaction(chunk);

  /**
   * A chunk committed without waiting for the disk (synchronous=NORMAL, for this commit only): what a
   * background job writes is derived, and WAL keeps its commits in order, so a power cut loses at most
   * the last chunks together with the place that records them, and the next start walks them again.
   * The register's own commits keep their fsync (it is set back before any other call runs).
   */
  function runChunk(limit: number): boolean {
    const was = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('synchronous = NORMAL');
    try {
      return inTransaction.immediate(limit);
    } finally {
      db.pragma(`synchronous = ${was}`);
    }
  }

  let started = false;
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;
  let afterWrite: (() => void) | undefined;
  /**
   * This run's chunks and the longest of them, for the log line at its end (and the bench); the work
   * that went first apart, so the chunks' longest says how long the page's thread was held.
   */
  let chunks = 0;
  let longestMs = 0;
  let firstSteps = 0;
  let firstLongestMs = 0;

  /** A chunk on the page's thread, once no merge step holds the register's writer: whether more remains, and its time. */
  async function onThisThread(): Promise<{ more: boolean; ms: number }> {
    const turn = turns.write();
    const release = typeof turn === 'function' ? turn : await turn;
    try {
      // Stopped while it waited for a merge step: the register may be closed.
      if (stopped) return { more: false, ms: 0 };
      const t = performance.now();
      const more = runChunk(chunkSize);
      afterWrite?.();
      return { more, ms: performance.now() - t };
    } finally {
      release();
    }
  }

  /** A chunk on another thread's connection, in a turn of its own. */
  async function elsewhere(run: (limit: number) => Promise<boolean>): Promise<{ more: boolean; ms: number }> {
    const out = await turns.step(async () => {
      const t = performance.now();
      const more = await run(chunkSize);
      // Inside the turn: the seal's WAL tail reads the worker's frames before the page writes again.
      afterWrite?.();
      return { more, ms: performance.now() - t };
    });
    // While the page writes, the steps take at most half the time: a write waits for the step in
    // progress, and back-to-back steps made nearly every registration of a burst wait for one.
    if (out.more && turns.sinceWrite() < WRITES_RECENT_MS) await new Promise((resolve) => setTimeout(resolve, out.ms));
    return out;
  }

  async function drain(): Promise<void> {
    for (;;) {
      // The page's calls go first (a save that kicked the job answers before its first chunk): a
      // turn of the event loop (loop.ts), then one chunk. What the last chunk's write queued (the
      // WAL's fold, start/openState.ts) runs before the turn ends, the page's calls that came
      // meanwhile are read after it; without a whole turn the fold and the next chunk ran back to
      // back, and a call waited for both (during the re-index at a million cases, one in four of a
      // ping every 25 ms waited over 50 ms, p99 117 ms).
      await yieldToLoop();
      if (stopped) return;
      const before = first ? await elsewhere(first) : null;
      if (stopped) return;
      if (before?.more) {
        firstSteps++;
        firstLongestMs = Math.max(firstLongestMs, before.ms);
        continue;
      }
      const { more, ms } = away ? await elsewhere(away) : await onThisThread();
      longestMs = Math.max(longestMs, ms);
      chunks++;
      // A kick before this chunk is answered by it (a chunk reads the register as it is now), and so
      // is the one its own write made through `onWrite`: only a kick from a later call runs it again.
      again = false;
      if (!more) {
        const where = away ? ' (on the worker)' : '';
        const before = firstSteps ? `; before them ${firstSteps} step(s) of other work on the worker, the longest ${firstLongestMs.toFixed(1)} ms` : '';
        if (!quiet || chunks >= 100 || longestMs > 50) log.info(`${label}: ${chunks} chunk(s) in this run, the longest ${longestMs.toFixed(1)} ms${where}${before}`);
        chunks = 0;
        longestMs = 0;
        firstSteps = 0;
        firstLongestMs = 0;
        return;
      }
    }
  }

  function kick(): void {
    if (!started || stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      // The place is kept: the next start resumes from the last chunk that was written.
      .catch((error: unknown) => log.error(`${label} stopped`, error))
      .finally(() => {
        running = null;
        if (again && !stopped) kick();
      });
  }

  return {
    /** From now on chunks run when kicked; `onWrite` follows each committed chunk (the seal's WAL tail). */
    begin(onWrite?: () => void): boolean {
      if (started || stopped) return false;
      started = true;
      afterWrite = onWrite;
      return true;
    },
    /** Runs the job's chunks until it says nothing remains (a kick while it runs runs it again after). */
    kick,
    /** Whether its chunks are running now (a kick from their own writes is answered by them). */
    busy: (): boolean => running !== null,
    /** After this write transaction, for a plan made inside it: the register's write (the seal's WAL tail). */
    wrote: () => afterWrite?.(),
    /** Stops after the chunk in progress (the register closes); the place is kept for the next start. */
    async stop(): Promise<void> {
      stopped = true;
      await running;
    },
    /** Settles when no chunk runs (tests, the bench). */
    async idle(): Promise<void> {
      while (running) await running;
    },
    /** One chunk now, outside the background run (tests, the bench): whether more remains. */
    step: (limit = chunkSize): boolean => runChunk(limit),
  };
}
export type BackgroundChunks = ReturnType<typeof createBackgroundChunks>;
