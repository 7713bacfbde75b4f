import type { Db } from '../db/open';
import { createKeptUntilWrite, statementKey } from './writeGeneration';

/** Lists whose counts are kept: the grid, 今日's counts and a few pages of scripts at once. */
const KEPT_COUNTS = 32;

/**
 * A list's count kept for the pages that follow it (下一页, or a page by its number past the first)
 * while nothing is written (writeGeneration.ts), as the text walk keeps its own (textWalk.ts). The
 * count is the same statement on every page, and past a few thousand cases it was most of a page's
 * call: at a million cases 已取消's next page spent 2.8 of its 3.5 ms in process counting the state's
 * index again. A first page always counts afresh, so a list opened again shows what is there now
 * even if a write went unseen; a count read across a write (one counted in slices turns the loop
 * between them) is not kept.
 */
export function createKeptCounts(db: Db, size = KEPT_COUNTS) {
  const kept = createKeptUntilWrite<number>(db, size);
  return async function keptCount(count: { sql: string; params: unknown[] }, next: boolean, read: () => number | Promise<number>): Promise<number> {
    const begun = kept.begin();
    const key = statementKey(count.sql, count.params);
    const known = next ? kept.get(key) : undefined;
    if (known !== undefined) return known;
    const counted = await read();
    kept.keep(key, counted, begun);
    return counted;
  };
}
