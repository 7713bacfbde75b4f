import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Equals its position in the list, 1-based; becomes PRAGMA user_version once applied. */
  version: number;
  name: string;
  up(db: Database): void;
}
