import type { Db } from '../db/open';
import type { CaseFactsStore } from './caseFacts';
import type { CaseText } from './caseText';

/**
 * The end of a bulk load (start/coreState.ts `bulkLoad`): what its writes left out — each case's
 * search index and its contribution to the statistics — written once for every case, in id order,
 * by the same code that writes them case by case. A transaction per `chunk` cases, so FTS5 writes a
 * segment per chunk rather than one per case to merge. Rewrites what is there (a case counted again
 * moves nothing), so a load stopped on the way and carried on finishes again safely.
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
    done += ids.length;
    last = ids.at(-1)!;
    onChunk?.(done, total);
  }
}
