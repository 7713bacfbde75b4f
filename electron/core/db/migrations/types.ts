import type { Database } from 'better-sqlite3';

/** How far a long migration has come: rows (cases) done of the total. */
export interface MigrationProgress {
  done: number;
  total: number;
}

export interface Migration {
  /** Equals its position in the list, 1-based; becomes PRAGMA user_version once applied. */
  version: number;
  name: string;
  /**
   * A migration whose work grows with the register is a generator that yields its progress now and
   * then: the start answers between yields (the upgrade screen shows how far it is) instead of
   * leaving a blank window for minutes. Either way it runs in one transaction with its version.
   */
  up(db: Database): void | Generator<MigrationProgress, void, void>;
  /**
   * It only makes or drops indexes: no saved row is changed, and a failed or stopped one rolls back
   * whole, so no copy of the register is taken before it (migrate.ts `upgradeCopies`). Checked as it
   * runs: a row changed or a table's definition touched fails it, rolled back.
   */
  indexOnly?: true;
  /**
   * After `up`, the search index's re-index is planned with this reason (its rules changed): one row
   * of settings, outside the index-only check. The index is derived from the saved rows and rewritten
   * from them in the background after the start (services/searchReindex.ts), so a copy would keep
   * nothing the register does not: at a million cases 12 GB written to plan a row.
   */
  reindex?: string;
}
