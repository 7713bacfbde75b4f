import type { Db } from '../db/open';
import type { Logger } from '../ports';
import type { WriteTurns } from '../writeTurns';
import type { MergeWorker } from './mergeWorker';

export interface FoldAsk {
  /**
   * Reads the WAL's frames for the seal (integrity/walPages.ts): run in the fold's turn, before it.
   * Once a fold is complete the next write starts the WAL again over its frames, so every frame a
   * fold may write into the file must have been read first.
   */
  readFrames(): void;
  /** The register closes: a fold whose turn came after that does nothing. */
  closed(): boolean;
}

/**
 * The WAL folded into the register's file (a passive checkpoint) once it has grown (start/openState.ts
 * says when). On the search index's worker when there is one (mergeWorker.ts): at a million cases a
 * fold of 4 MB held the page's thread 15–132 ms (p99 37) while the re-index wrote; on the worker it
 * holds only the page's writes, which wait for it asynchronously, as for a merge step. Without a
 * worker, or once it failed, on the page's thread.
 *
 * The fold takes the register's writer as a merge step does (core/writeTurns.ts `step`): no write of
 * the page's can come between the frames read and the fold, so none is folded unread. A write
 * outside the turns (a session's expiry) is left out while the worker writes (auth/sessions.ts).
 */
export function createWalFold({ db, worker, turns, log }: { db: Db; worker: MergeWorker | null; turns: WriteTurns; log: Logger }) {
  let working = worker;
  /**
   * A fold asked for and not yet over: a second ask is answered by it (the page's writes wait for the
   * fold's turn, so none comes between its frames read and its end).
   */
  let asked = false;

  function here(ask: FoldAsk): void {
    // A transaction held across the loop's turns (the bench's seed batches its writes so) would only
    // make the fold fail with SQLITE_LOCKED; the next write asks for it again.
    if (ask.closed() || db.inTransaction) return;
    try {
      ask.readFrames();
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      log.warn(`checkpoint after a write failed: ${(error as Error).message}`);
    }
  }

  async function onWorker(ask: FoldAsk, on: MergeWorker): Promise<void> {
    if (ask.closed() || db.inTransaction) return;
    ask.readFrames();
    const out = await on.fold();
    // The register closed under the fold: the worker was ended, the close folds what is left.
    if (out.ok || ask.closed()) return;
    log.warn(`the WAL is folded on the page's thread from now on (the merge worker failed: ${out.detail})`);
    working = null;
    here(ask);
  }

  return {
    /** Folds the WAL in the writer's next turn (asked again meanwhile: once). */
    fold(ask: FoldAsk): void {
      const on = working;
      if (!on) return turns.upkeep(() => here(ask));
      if (asked) return;
      asked = true;
      turns
        .step(() => onWorker(ask, on))
        .catch((error: unknown) => log.warn(`checkpoint after a write failed: ${(error as Error).message}`))
        .finally(() => (asked = false));
    },
  };
}
export type WalFold = ReturnType<typeof createWalFold>;
