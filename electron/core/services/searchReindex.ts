import type { Db } from '../db/open';
import type { Logger } from '../ports';
import type { CaseStore } from '../store';
import { createBackgroundChunks } from './backgroundChunks';
import { mergeStep, planFullMerge } from './searchUpkeep';
import type { WriteTurns } from '../writeTurns';
import { createSettings, type Settings } from './settings';

/** Where the re-index keeps its place (the settings table): absent when every case is indexed by today's rules. */
export const REINDEX_KEY = 'search.reindex';

export interface ReindexJob {
  /** The last case id indexed afresh (0: none yet). */
  lastId: number;
  /** The last case id indexed under the older rules: later cases were indexed by today's as they came. */
  through: number;
  /** Why (the migration that changed the rules), for the log. */
  why: string;
}

/** Plans the re-index of every case registered so far (a migration that changed what the index holds). */
export function planReindex(db: Db, why: string): void {
  const through = (db.prepare('SELECT MAX(id) FROM cases').pluck().get() as number | null) ?? 0;
  if (through === 0) return;
  createSettings(db).set(REINDEX_KEY, { lastId: 0, through, why } satisfies ReindexJob);
}

/** Whether every case is indexed by today's rules (the search may then use what they added). */
export const indexCurrent = (settings: Settings): boolean => settings.get<ReindexJob | null>(REINDEX_KEY, null) === null;

const CHUNK_CASES = 200;
/**
 * A chunk stops taking cases after this long; its commit (FTS5 writes the chunk's tokens as a new
 * segment) comes on top, about twice the slice: with 30 ms, chunks took up to 53 ms at p99 and 73 at
 * most (a million cases). With 20, a chunk of 45–90 cases committed in 30–58 ms, and a page's call
 * every 25 ms waited p90 23.0, p99 25.8, at most 98 ms; with 12, p90 9.0, p99 15.7, at most 51, the
 * chunks over 50 ms 81 → 68 of the run, the whole re-index 13.1 → 13.7 min (a million cases, the
 * WAL folded on the worker). The longest commits (40–58 ms for 34–59 cases) did not shrink with the
 * slice: FTS5's flush has a part that does not grow with the chunk.
 */
const SLICE_MS = 12;

export interface SearchReindexDeps {
  db: Db;
  settings: Settings;
  store: Pick<CaseStore, 'read' | 'write'>;
  log: Logger;
  /** The register's write turns: a chunk waits for a merge step of the search index (core/writeTurns.ts). */
  turns?: WriteTurns;
  /**
   * A merge step of the search index where the upkeep runs them (its worker): whether it merged. Without
   * it each chunk merges on the page's thread first, a step of up to 200 ms at a million cases.
   */
  mergeFirst?: () => Promise<boolean>;
}

/**
 * The search index rewritten case by case in the background after its rules changed ([F] #11): at a
 * million cases a migration doing it would hold the start for many minutes. Cases registered or
 * changed meanwhile are indexed by today's rules as they come; the search uses what the new rules add
 * once the last older case is done (searchTokens.ts `matchExpression`, `keyed`), and finds the same
 * cases before, slower. Not a user's act: logged, not audited.
 */
export function createSearchReindex({ db, settings, store, log, turns, mergeFirst }: SearchReindexDeps) {
  const jobOf = () => settings.get<ReindexJob | null>(REINDEX_KEY, null);

  function chunk(limit: number): boolean {
    const job = jobOf();
    if (!job) return false;
    // The index's merge work first, a step per chunk (on the worker: `mergeFirst`): re-indexed cases
    // left to the upkeep's pace would pile up segments until FTS5 merged a level of them inside one
    // write (searchUpkeep.ts, `crisismerge`).
    if (!mergeFirst && mergeStep(db)) return true;
    const started = performance.now();
    const ids = store.read.caseIdsAfter(job.lastId, job.through, limit);
    let last = job.lastId;
    for (const id of ids) {
      store.write.reindex(id);
      last = id;
      if (performance.now() - started > SLICE_MS) break;
    }
    if (ids.length > 0 && last < job.through) {
      settings.set(REINDEX_KEY, { ...job, lastId: last } satisfies ReindexJob);
      return true;
    }
    settings.remove(REINDEX_KEY);
    // Every older case's tokens are now deleted rows in the segments that held them: merged away once, in the background.
    planFullMerge(settings, job.why);
    log.info(`search index rewritten for ${job.through} case(s) (${job.why})`);
    return false;
  }

  const runner = createBackgroundChunks({ db, log, label: 'search re-index', chunk, chunkSize: CHUNK_CASES, turns, first: mergeFirst });

  return {
    /** From now on the re-index runs, if one is pending (call once the register takes writes, after the first seconds of the start). */
    start(onWrite?: () => void): void {
      if (!runner.begin(onWrite)) return;
      const job = jobOf();
      if (!job) return;
      log.info(`rewriting the search index after case ${job.lastId} of ${job.through} (${job.why})`);
      runner.kick();
    },
    /** Runs what is planned (after `start`): a re-index planned while the register is open. */
    kick: runner.kick,
    stop: runner.stop,
    idle: runner.idle,
    step: runner.step,
    /** Where it stands: null when every case is indexed by today's rules. */
    progress: (): { done: number; total: number } | null => {
      const job = jobOf();
      return job && { done: job.lastId, total: job.through };
    },
  };
}
export type SearchReindex = ReturnType<typeof createSearchReindex>;
