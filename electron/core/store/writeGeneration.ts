import type { Db } from '../db/open';

/**
 * What the register has had written since, as one string that changes with any row this connection
 * changed (total_changes, triggers included) or any commit of another (data_version): what a read
 * keeps for the next call holds while it is the same.
 */
export function createWriteGeneration(db: Db): () => string {
  const generation = db.prepare("SELECT total_changes() || '/' || (SELECT data_version FROM pragma_data_version)").pluck();
  return () => generation.get() as string;
}
