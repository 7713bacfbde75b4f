import type { RepeatRecountProgress } from '../../../shared/api/schemas/stats';
import type { Db } from '../db/open';
import type { Logger } from '../ports';
import type { CaseStore } from '../store';
import { createBackgroundChunks } from './backgroundChunks';
import type { WriteTurns } from '../writeTurns';
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
  /** The register's write turns: a chunk waits for a merge step of the search index (core/writeTurns.ts). */
  turns?: WriteTurns;
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
export function createRepeatRecount({ db, settings, store, windowDays, log, turns }: RepeatRecountDeps) {
  const jobOf = () => settings.get<Job | null>(RECOUNT_KEYS.job, null);

  function plan(days: number): void {
    settings.set(RECOUNT_KEYS.job, { windowDays: days, lastId: 0, through: store.read.lastCaseId(), changed: 0 } satisfies Job);
  }

  /** One chunk: at most `limit` cases, ending early after SLICE_MS. Returns whether more remains. */
  function chunk(limit: number): boolean {
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
  }

  const runner = createBackgroundChunks({ db, log, label: 'repeat recount', chunk, chunkSize: RECOUNT_CHUNK_CASES, turns });

  return {
    /**
     * In the settings save's transaction, when the window changed: the flags are to be counted again
     * under `days`, from the first case. Runs once the transaction has committed (`kick`).
     */
    plan,
    /**
     * A new register (setup.init, before its first case) counts its repeats under the window in
     * force from the start: recorded, so its first start with cases does not count them all again
     * (it did: a seeded register of 200,000 cases recounted every one in the background).
     */
    countingFromTheStart(): void {
      if (store.read.lastCaseId() === 0 && settings.get<number | null>(RECOUNT_KEYS.counted, null) === null) settings.set(RECOUNT_KEYS.counted, windowDays());
    },
    kick: runner.kick,
    /**
     * From now on the recount runs (call once the register takes writes, after the first seconds of
     * the start): a job a stop cut off resumes; a window other than the one the flags were last
     * counted with (or none recorded, on a register from before this recount) starts one.
     */
    start(onWrite?: () => void): void {
      if (!runner.begin(onWrite)) return;
      try {
        const pending = jobOf();
        const days = windowDays();
        const counted = settings.get<number | null>(RECOUNT_KEYS.counted, null);
        if (pending) {
          log.info(`resuming the recount of repeat complaints under ${pending.windowDays} days after case ${pending.lastId} of ${pending.through}`);
        } else if (counted !== days && store.read.lastCaseId() > 0) {
          log.info(`repeat complaints were counted under ${counted === null ? 'a window not recorded' : `${counted} days`}; counting them again under ${days} days`);
          db.transaction(() => plan(days)).immediate();
          runner.wrote();
        } else {
          return;
        }
      } catch (error) {
        log.error('the recount of repeat complaints could not start', error);
        return;
      }
      runner.kick();
    },
    stop: runner.stop,
    idle: runner.idle,
    step: runner.step,
    progress: () => repeatRecountProgress(settings),
  };
}
export type RepeatRecount = ReturnType<typeof createRepeatRecount>;
