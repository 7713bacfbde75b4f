/**
 * Work that should not sit between the page's calls while they come in a burst (the WAL's
 * checkpoint, the search index's merges): `poke` after each write; `task` runs once the pokes have
 * paused for `pauseMs`, and at the latest `maxWaitMs` after the first poke it has not yet run for.
 */
export function afterPause(task: () => void, pauseMs: number, maxWaitMs = Number.POSITIVE_INFINITY) {
  let timer: NodeJS.Timeout | null = null;
  let firstPoke = 0;
  const cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return {
    poke(): void {
      const now = performance.now();
      if (timer) clearTimeout(timer);
      else firstPoke = now;
      timer = setTimeout(() => {
        timer = null;
        task();
      }, Math.max(0, Math.min(pauseMs, firstPoke + maxWaitMs - now)));
      timer.unref();
    },
    /** Drops a pending run (the work was done another way, or the register closes). */
    cancel,
  };
}
