import type { Db } from '../db/open';
import { resized, yieldToLoop } from '../loop';
import { encodeCursor, type CursorValue } from './searchOrders';
import { statementCache } from './statementCache';

/**
 * A walk of the sort's index (sortWalk.ts) read in chunks of the index, a turn of the event loop
 * between. One statement walked until its page was full, however many entries that passed: 2025's
 * 4,048 加倍赔偿 sorted by complainant passed 12,500 names for its first page (57 ms at a million
 * cases, the page's calls waiting 50). Each chunk first finds the entry `size` ahead in the index
 * alone (its keys, no case read), then walks up to it with the filters: a chunk costs its entries,
 * whatever the list.
 */
export const CHUNK_ROWS = 2_000;
const QUICK_CHUNK_MS = 3;

/** One chunk's statements, from a cursor's place (or the start): each takes its parameters, then what the caller adds. */
export interface WalkChunk {
  /** The sort's keys of the index entry OFFSET ? from the place, in the index alone. */
  edge: { sql: string; params: unknown[] };
  /** The page from the place up to and including the edge's keys (then the keys, LIMIT ?). */
  upTo: { sql: string; params: unknown[] };
  /** The page from the place to the end (then LIMIT ?): past the index's last chunk. */
  rest: { sql: string; params: unknown[] };
  columns: number;
}

type KeyRow = { id: number } & Record<`k${number}`, CursorValue>;

/**
 * The chunk's statements of a walk ordered by `keys` (never NULL), from the cursor's place if any;
 * `select` gives the walk's page statement (its filters hidden) with one more condition; `lead`, the
 * condition the walk's index leads with (a category's own order of numbers, sortWalk.ts), if any.
 */
export function walkChunkOf(
  keys: string[],
  desc: boolean,
  cursor: { sql: string; params: unknown[] } | null,
  select: (extra: { sql: string } | null) => string,
  params: unknown[],
  lead: { from: string; sql: string; params: unknown[] } | null = null,
): WalkChunk {
  const order = keys.map((k) => `${k}${desc ? ' DESC' : ''}`).join(', ');
  const upToEdge = `(${keys.join(', ')}) ${desc ? '>=' : '<='} (${keys.map(() => '?').join(', ')})`;
  const from = [...params, ...(cursor?.params ?? [])];
  const edgeWhere = [lead?.sql, cursor?.sql].filter((c) => c !== undefined);
  return {
    edge: {
      sql: `SELECT ${keys.map((k, i) => `${k} AS k${i}`).join(', ')} FROM ${lead?.from ?? 'cases c'} ${edgeWhere.length ? `WHERE ${edgeWhere.join(' AND ')}` : ''} ORDER BY ${order} LIMIT 1 OFFSET ?`,
      params: [...(lead?.params ?? []), ...(cursor?.params ?? [])],
    },
    upTo: { sql: `${select({ sql: cursor ? `${cursor.sql} AND ${upToEdge}` : upToEdge })} LIMIT ?`, params: from },
    rest: { sql: `${select(cursor)} LIMIT ?`, params: from },
    columns: keys.length,
  };
}

export function createWalkChunks(db: Db, chunkRows = CHUNK_ROWS) {
  const prepare = statementCache(db, 50);
  /** The first `limit` rows of the walk from `after`, in chunks; `chunkAt` plans the chunk at a cursor's place. */
  return async function walkInChunks<Row extends KeyRow>(chunkAt: (after: string | undefined) => WalkChunk, after: string | undefined, limit: number): Promise<Row[]> {
    const rows: Row[] = [];
    let place = after;
    let size = chunkRows;
    for (;;) {
      const chunk = chunkAt(place);
      const started = performance.now();
      const edge = prepare(chunk.edge.sql).get(...chunk.edge.params, size - 1) as KeyRow | undefined;
      if (!edge) return [...rows, ...(prepare(chunk.rest.sql).all(...chunk.rest.params, limit - rows.length) as Row[])];
      const keys = Array.from({ length: chunk.columns }, (_, i) => edge[`k${i}`] ?? null);
      rows.push(...(prepare(chunk.upTo.sql).all(...chunk.upTo.params, ...keys, limit - rows.length) as Row[]));
      if (rows.length >= limit) return rows;
      place = encodeCursor(keys);
      const took = performance.now() - started;
      size = resized(size, took, QUICK_CHUNK_MS, 2);
      await yieldToLoop();
    }
  };
}
