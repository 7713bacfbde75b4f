/**
 * Turns at the register's one writer between the page's thread and the search index's merge worker
 * (services/mergeWorker.ts). SQLite lets one connection write at a time and the page's connection
 * waits for another's write in SQLite's busy handler, which holds its event loop; so the page's
 * writes wait here instead, asynchronously, for a merge step in progress (reads never wait: WAL),
 * and a merge step waits for the page's writes in progress (a call's handler may await between its
 * statements).
 */
export interface WriteTurns {
  /**
   * A write of the page's thread: after the merge step in progress; no step starts until released.
   * With no step in progress the turn is given at once, not in a later microtask, so calls made one
   * after the other start in the order they were made.
   */
  write(): (() => void) | Promise<() => void>;
  /**
   * Upkeep on the page's connection, in a turn as a write is, after the step in progress: the WAL's
   * fold where there is no worker (services/walFold.ts; beside a step it folds only the frames before
   * the step's, so the next step cannot start the WAL again from its beginning, and with steps back to
   * back the WAL would grow by all they write), the planner's statistics (a write, which beside a step
   * waits in SQLite's busy handler, on the page's thread). Not a write: the steps do not rest for it.
   */
  upkeep(run: () => void): void;
  /** A merge step or a fold of the WAL on the worker's connection: after the page's writes in progress, none meanwhile. */
  step<T>(run: () => Promise<T>): Promise<T>;
  /** Milliseconds since the page's last write ended (Infinity before the first). */
  sinceWrite(): number;
  /**
   * Whether the worker's connection holds the writer now (a merge step, a fold of the WAL): a write
   * that is not worth waiting for (a session's expiry, refreshed by a later call) is left out.
   */
  workerWriting(): boolean;
}

export function createWriteTurns(): WriteTurns {
  let writers = 0;
  let stepping: Promise<void> | null = null;
  const noWriters: (() => void)[] = [];
  let lastWriteEnded = Number.NEGATIVE_INFINITY;
  function write(): (() => void) | Promise<() => void> {
    const take = () => {
      writers++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        lastWriteEnded = performance.now();
        if (--writers === 0) for (const wake of noWriters.splice(0)) wake();
      };
    };
    if (!stepping) return take();
    return (async () => {
      while (stepping) await stepping;
      return take();
    })();
  }
  return {
    write,
    upkeep(run) {
      const turn = write();
      const inTurn = (release: () => void) => {
        const ended = lastWriteEnded;
        try {
          run();
        } finally {
          release();
          lastWriteEnded = ended;
        }
      };
      if (typeof turn === 'function') inTurn(turn);
      else void turn.then(inTurn);
    },
    sinceWrite: () => performance.now() - lastWriteEnded,
    workerWriting: () => stepping !== null,
    async step(run) {
      for (;;) {
        if (stepping) await stepping;
        else if (writers > 0) await new Promise<void>((resolve) => noWriters.push(resolve));
        else break;
      }
      let end!: () => void;
      stepping = new Promise<void>((resolve) => (end = resolve));
      try {
        return await run();
      } finally {
        stepping = null;
        end();
      }
    },
  };
}

/** Turns where nothing writes beside the page's thread (a read-only register, an upgrade). */
export const noWriteTurns: WriteTurns = { write: () => () => {}, upkeep: (run) => run(), step: (run) => run(), sinceWrite: () => Number.POSITIVE_INFINITY, workerWriting: () => false };
