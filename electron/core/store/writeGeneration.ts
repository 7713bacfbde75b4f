import type { Db } from '../db/open';
import { recentlyUsed } from './recentlyUsed';

/**
 * What the register has had written since, as one string that changes with any row this connection
 * changed (total_changes, triggers included) or any commit of another (data_version): what a read
 * keeps for the next call holds while it is the same.
 */
export function createWriteGeneration(db: Db): () => string {
  const generation = db.prepare("SELECT total_changes() || '/' || (SELECT data_version FROM pragma_data_version)").pluck();
  return () => generation.get() as string;
}

/**
 * What reads keep for the calls that follow, by key, until anything is written: at most `size`
 * entries, the least recently used going first (the text walks, the lists' counts, whether a deadline
 * state is few). `begin` reads the generation and drops what an earlier one kept; `keep` keeps a
 * value only if nothing was written since that `begin` (a read that turned the loop may have seen
 * a write).
 */
export function createKeptUntilWrite<V>(db: Db, size: number) {
  const generation = createWriteGeneration(db);
  const kept = recentlyUsed<string, V>(size);
  let keptAt = '';
  return {
    begin(): string {
      const now = generation();
      if (now !== keptAt) {
        kept.clear();
        keptAt = now;
      }
      return now;
    },
    get: (key: string): V | undefined => kept.get(key),
    keep(key: string, value: V, begun: string): void {
      if (generation() === begun) kept.set(key, value);
    },
  };
}

/** A statement and its parameters as one key. */
export const statementKey = (sql: string, params: unknown[]) => `${sql}\u0000${JSON.stringify(params)}`;
