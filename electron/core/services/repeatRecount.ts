import type { RepeatRecountProgress } from '../../../shared/api/schemas/stats';
import type { Db } from '../db/open';
import type { Logger } from '../ports';
import type { CaseStore } from '../store';
import type { Settings } from './settings';

/**
 * Where the recount keeps its place (the settings table, so a stop or a crash resumes it): the window
 * every stored repeat flag was counted with, and the job while one runs.
 */
export const RECOUNT_KEYS = { counted: 'stats.repeatWindowCounted', job: 'stats.repeatRecount' } as const;

interface Job {
  windowDays: number;
  /** The last case id walked (0: none yet). */
  lastId: number;
  /** The last case id registered before the change: later cases are counted under the new window as they come. */
  through: number;
  /** Flags changed so far (for the log line at the end). */
  changed: number;
}

/** Cases read per chunk; a chunk also ends after SLICE_MS, so one that moves many flags still lets the page's calls through. */
export const RECOUNT_CHUNK_CASES = 500;
const SLICE_MS = 30;

/** The recount's progress as 统计 shows it (stats.summary `repeatRecount`), read from where the job keeps its place. */
export function repeatRecountProgress(settings: Settings): RepeatRecountProgress | null {
  const job = settings.get<Job | null>(RECOUNT_KEYS.job, null);
  return job && { windowDays: job.windowDays, done: Math.min(job.lastId, job.through), total: job.through };
}

export interface RepeatRecountDeps {
  db: Db;
  settings: Settings;
  store: Pick<CaseStore, 'read' | 'write'>;
  /** The office's repeat window now (办公设置 `intake.repeatWindowDays`). */
  windowDays: () => number;
  log: Logger;
}

/**
 * 重复投诉 counted again after the office changed its repeat window ([F] #11): each case's stored
 * repeat flag (its statistics contribution, store/caseFacts.ts) decides 统计's 重复投诉率, the register's
 * `repeat` filter and each business's repeat count, and was counted under the window in force when
 * the case last changed. A change of the window plans a walk of the register in id order, in the
 * settings save's own transaction; the walk moves, one chunk per write transaction and a turn of the
 * event loop between chunks, only the cases whose flag differs under the new window (their
 * statistics and their business's counts move with them through the store's refresh). Its place is
 * kept in the settings table: a stop resumes where it was, a further change starts it again from the
 * first case under the newest window. Not a user's act: logged, not audited (the change of the
 * setting is, as `settings.change`).
 */
export function createRepeatRecount({ db, settings, store, windowDays, log }: RepeatRecountDeps) {
  const jobOf = () => settings.get<Job | null>(RECOUNT_KEYS.job, null);

  function plan(days: number): void {
    settings.set(RECOUNT_KEYS.job, { windowDays: days, lastId: 0, through: store.read.lastCaseId(), changed: 0 } satisfies Job);
  }

  /**
   * One chunk in its own write transaction: at most `limit` cases, ending early after SLICE_MS.
   * Returns whether more remains.
   */
  const chunk = db.transaction((limit: number): boolean => {
    const job = jobOf();
    if (!job) return false;
    const days = windowDays();
    // The window was written by some path that did not plan (an older register's settings): start over under it.
    if (job.windowDays !== days) {
      plan(days);
      return true;
    }
    const started = performance.now();
    const rows = store.read.repeatFlags(job.lastId, job.through, limit);
    let last = job.lastId;
    let changed = 0;
    let walked = 0;
    for (const row of rows) {
      const now = store.read.repeatUnder(row, days) ? 1 : 0;
      if (row.stored !== now) {
        store.write.recount(row.id);
        changed++;
      }
      last = row.id;
      walked++;
      if (performance.now() - started > SLICE_MS) break;
    }
    const finished = rows.length === 0 || last >= job.through || (walked === rows.length && rows.length < limit);
    if (!finished) {
      settings.set(RECOUNT_KEYS.job, { ...job, lastId: last, changed: job.changed + changed } satisfies Job);
      return true;
    }
    settings.set(RECOUNT_KEYS.job, null);
    settings.set(RECOUNT_KEYS.counted, days);
    log.info(`repeat complaints counted again under a window of ${days} days: ${job.changed + changed} of ${job.through} case(s) changed`);
    return false;
  });

  /**
   * A chunk committed without waiting for the disk (synchronous=NORMAL, for this commit only): all it
   * writes is derived, and WAL keeps its commits in order, so a power cut loses at most the last
   * chunks together with the place that records them, and the next start walks them again. The
   * register's own commits keep their fsync (it is set back before any other call runs).
   */
  function runChunk(limit: number): boolean {
    const was = db.pragma('synchronous', { simple: true }) as number;
    db.pragma('synchronous = NORMAL');
    try {
      return chunk.immediate(limit);
    } finally {
      db.pragma(`synchronous = ${was}`);
    }
  }

  let started = false;
  let stopped = false;
  let again = false;
  let running: Promise<void> | null = null;
  let afterWrite: (() => void) | undefined;
  /** This run's chunks and the longest of them, for the log line at its end (and the bench). */
  let chunks = 0;
  let longestMs = 0;

  async function drain(): Promise<void> {
    for (;;) {
      // The page's calls go first (the settings save that kicked this answers before the first chunk): a turn of the event loop, then one chunk.
      await new Promise<void>((resolve) => setImmediate(resolve));
      again = false;
      if (stopped) return;
      const t = performance.now();
      const more = runChunk(RECOUNT_CHUNK_CASES);
      longestMs = Math.max(longestMs, performance.now() - t);
      chunks++;
      afterWrite?.();
      if (!more) {
        log.info(`repeat recount: ${chunks} chunk(s) in this run, the longest ${longestMs.toFixed(1)} ms`);
        chunks = 0;
        longestMs = 0;
      }
      if (!more) return;
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
      .catch((error: unknown) => log.error('the recount of repeat complaints stopped', error))
      .finally(() => {
        running = null;
        if (again && !stopped) kick();
      });
  }

  return {
    /**
     * In the settings save's transaction, when the window changed: the flags are to be counted again
     * under `days`, from the first case. Runs once the transaction has committed (`kick`).
     */
    plan,
    kick,
    /**
     * From now on the recount runs (call once the register takes writes, after the first seconds of
     * the start): a job a stop cut off resumes; a window other than the one the flags were last
     * counted with (or none recorded, on a register from before this recount) starts one.
     */
    start(onWrite?: () => void): void {
      if (started || stopped) return;
      started = true;
      afterWrite = onWrite;
      try {
        const job = jobOf();
        const days = windowDays();
        const counted = settings.get<number | null>(RECOUNT_KEYS.counted, null);
        if (job) {
          log.info(`resuming the recount of repeat complaints under ${job.windowDays} days after case ${job.lastId} of ${job.through}`);
        } else if (counted !== days && store.read.lastCaseId() > 0) {
          log.info(`repeat complaints were counted under ${counted === null ? 'a window not recorded' : `${counted} days`}; counting them again under ${days} days`);
          db.transaction(() => plan(days)).immediate();
          afterWrite?.();
        } else {
          return;
        }
      } catch (error) {
        log.error('the recount of repeat complaints could not start', error);
        return;
      }
      kick();
    },
    /** Stops after the chunk in progress (the register closes); the place is kept for the next start. */
    async stop(): Promise<void> {
      stopped = true;
      await running;
    },
    /** Settles when no recount runs (tests, the bench). */
    async idle(): Promise<void> {
      while (running) await running;
    },
    /** One chunk now, outside the background run (tests, the bench): whether more remains. */
    step: (limit = RECOUNT_CHUNK_CASES): boolean => runChunk(limit),
    progress: () => repeatRecountProgress(settings),
  };
}
export type RepeatRecount = ReturnType<typeof createRepeatRecount>;
