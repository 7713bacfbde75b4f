import type { Db } from '../db/open';
import { resized, yieldToLoop } from '../loop';
import { statementCache } from './statementCache';

/**
 * A list's count read in slices of its receipt days, newest first, with a turn of the event loop
 * between slices, stopping past the cap. A list the day counts do not count (two keys, a status with
 * a key, a deadline's state) is counted case by case; SQLite walks one key's cases and checks the
 * rest in each, and a count that must find 10,001 matches passed 50,000 cases of one category for
 * category S01 with 来访 (100 ms at a million cases, the page's calls waiting), 43,000 for S01 with
 * 质量 (165 ms), the whole register for 超期办结 (110–146 ms). Each slice holds about `SLICE_CASES`
 * cases of the key the index walks (from the day counts), doubled while a slice is quick, so a rare
 * status (whose own index answers at once) is not read in a thousand small pieces, and cut when slow
 * (loop.ts `resized`). The first is small because nothing is known of the pace yet: 4,000 cases of
 * S01 with 质量 took 20 ms warm but held the page's calls 531 ms on a register cold from the disk.
 */
export const SLICE_CASES = 1_000;
/** A slice quicker than this may be twice as large next time; one four times as slow, half. */
const QUICK_SLICE_MS = 4;

/** A slice of receipt times: received_at from `from` (inclusive) to `to` (exclusive). */
export interface ReceiptSlice {
  from: string;
  to: string;
}

/**
 * `sql` counts the list within a slice: its parameters, then the slice's two bounds and a LIMIT.
 * `sliceBefore` gives the slice of about `size` cases received before `before` (null: from the
 * newest), or null when none are left.
 */
export function createCountSlices(db: Db, sliceCases = SLICE_CASES) {
  const prepare = statementCache(db, 50);
  return async function countInSlices(count: { sql: string; params: unknown[] }, sliceBefore: (before: string | null, size: number) => ReceiptSlice | null, cap: number): Promise<number> {
    const statement = prepare(count.sql).pluck();
    let counted = 0;
    let before: string | null = null;
    let size = sliceCases;
    for (;;) {
      const slice = sliceBefore(before, size);
      if (!slice) return counted;
      const started = performance.now();
      counted += statement.get(...count.params, slice.from, slice.to, cap + 1 - counted) as number;
      if (counted > cap) return counted;
      const took = performance.now() - started;
      size = resized(size, took, QUICK_SLICE_MS);
      before = slice.from;
      await yieldToLoop();
    }
  };
}
