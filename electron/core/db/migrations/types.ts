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
}
