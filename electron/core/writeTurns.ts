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
  /** A merge step on the worker's connection: after the page's writes in progress, none meanwhile. */
  step<T>(run: () => Promise<T>): Promise<T>;
  /** Milliseconds since the page's last write ended (Infinity before the first). */
  sinceWrite(): number;
}

export function createWriteTurns(): WriteTurns {
  let writers = 0;
  let stepping: Promise<void> | null = null;
  const noWriters: (() => void)[] = [];
  let lastWriteEnded = Number.NEGATIVE_INFINITY;
  return {
    write() {
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
    },
    sinceWrite: () => performance.now() - lastWriteEnded,
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
export const noWriteTurns: WriteTurns = { write: () => () => {}, step: (run) => run(), sinceWrite: () => Number.POSITIVE_INFINITY };
