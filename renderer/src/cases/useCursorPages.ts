import { useEffect } from 'react';
import type { CaseSearchInput } from '../../../shared/api/schemas/cases';

/**
 * Pages of the register by the core's cursors (cases.search `next` → `after`): page N is read from
 * where page N−1 ended, at the same speed at any depth. The cursors of a query are kept for the
 * session, so 上一页 and coming back from a case find their page again; where none is known (the
 * address opened afresh at page 5), the page is asked for by its number instead.
 */
const cursors = new Map<string, (string | null)[]>();
const MAX_QUERIES = 50;

type PagedQuery = Omit<CaseSearchInput, 'page' | 'after'>;

/** The cases.search input of page `page` of `query`. */
export function pageInput(query: PagedQuery, page: number): CaseSearchInput {
  const after = page > 1 ? cursors.get(JSON.stringify(query))?.[page - 2] : undefined;
  return after ? { ...query, after } : { ...query, page };
}

/** Keeps the cursor of the page that follows, once the page's answer has come. */
export function useRememberCursor(query: PagedQuery, page: number, answer: { next: string | null } | null, settled: boolean): void {
  const key = JSON.stringify(query);
  useEffect(() => {
    if (!settled || !answer) return;
    const list = cursors.get(key) ?? [];
    list[page - 1] = answer.next;
    // Most recently used last, so the oldest query is the one let go.
    cursors.delete(key);
    cursors.set(key, list);
    if (cursors.size > MAX_QUERIES) cursors.delete(cursors.keys().next().value!);
  }, [key, page, answer, settled]);
}
