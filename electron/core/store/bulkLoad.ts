import type { Db } from '../db/open';
import type { CaseFactsStore } from './caseFacts';
import type { CaseText } from './caseText';
import { refreshPlannerStatistics } from './plannerStatistics';

/**
 * The end of a bulk load (start/coreState.ts `bulkLoad`): what its writes left out — each case's
 * search index and its contribution to the statistics — written once for every case, in id order,
 * by the same code that writes them case by case. A transaction per `chunk` cases, so FTS5 writes a
 * segment per chunk rather than one per case to merge, and the planner's statistics are taken again
 * after each: the index's tables grow here from nothing, and with the statistics of their empty
 * start FTS5's DELETE of each merged segment's pages scanned the whole data table (a million cases
 * were indexed at 650 a second, then 2,400 once the statistics were taken again by hand). Rewrites
 * what is there (a case counted again moves nothing), so a load stopped on the way and carried on
 * finishes again safely.
 */
export function finishBulkLoad(db: Db, { text, facts }: { text: CaseText; facts: Pick<CaseFactsStore, 'refresh'> }, onChunk?: (done: number, total: number) => void, chunk = 10_000): number {
  const total = db.prepare('SELECT COUNT(*) FROM cases').pluck().get() as number;
  const after = db.prepare('SELECT id FROM cases WHERE id > ? ORDER BY id LIMIT ?').pluck();
  const writeChunk = db.transaction((ids: number[]) => {
    for (const id of ids) {
      text.index(id);
      facts.refresh(id);
    }
  });
  let done = 0;
  let last = 0;
  for (;;) {
    const ids = after.all(last, chunk) as number[];
    if (ids.length === 0) return done;
    writeChunk(ids);
    refreshPlannerStatistics(db);
    done += ids.length;
    last = ids.at(-1)!;
    onChunk?.(done, total);
  }
}
