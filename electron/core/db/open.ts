import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { checkSpaceForUpgrade, migrate, migrationPending, upgradeCopies, versionOf, type UpgradeStep } from './migrate';
import type { Migration } from './migrations/types';
import type { Logger } from '../ports';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Before a migration writes: the start check's full checks, run to the end first, so a
   * migration never writes onto a damaged file. Not called when no migration is pending.
   * `rowsChanged`: a migration to run changes saved rows (not only indexes: migrate.ts `upgradeCopies`).
   */
  beforeMigrate?: (upgrade: { rowsChanged: boolean }) => Promise<void>;
  /** Free bytes on the disk holding a folder (tests give a full disk). */
  freeBytes?: (dir: string) => number;
  /** The migrations to bring the file to (the app's own; tests stop at an earlier one). */
  migrations?: readonly Migration[];
  /** After migrations ran, before the connection is used: what they left in the WAL is folded off the page's thread. */
  afterMigrate?: () => Promise<void>;
  /** Writes refused at the SQLite level (query_only) until the start check lets them through. */
  holdWrites?: boolean;
  /** How far an upgrade of an older register has come (the pre-migration copy, each migration). */
  onUpgrade?: (step: UpgradeStep) => void;
  /** The program is closing: a long migration stops at its next slice and is rolled back. */
  stopped?: () => boolean;
}

/**
 * Opens the register. WAL for readers beside the writer; synchronous=FULL because a registered
 * complaint must survive a power cut the moment the clerk sees its number (DESIGN.md "Data").
 * The WAL is folded into the file by the core itself (wal_autocheckpoint off, here and on the
 * search index's worker, which folds it when asked: services/walFold.ts), so it can note which pages
 * each checkpoint writes, for the seal at the clean close (integrity/walPages.ts).
 */
export async function openDatabase(file: string, log: Logger, options: OpenOptions = {}): Promise<Db> {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('wal_autocheckpoint = 0');
    if (migrationPending(db, options.migrations)) {
      checkSpaceForUpgrade(db, file, options.freeBytes);
      await options.beforeMigrate?.({ rowsChanged: upgradeCopies(versionOf(db), options.migrations) });
    }
    const upgrade = await migrate(db, file, log, options.migrations, options.onUpgrade, options.stopped, options.freeBytes);
    if (upgrade.to > upgrade.from) await options.afterMigrate?.();
    if (options.holdWrites) db.pragma('query_only = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A register that failed its check at start: read-only at the SQLite level, no WAL switch, no
 * migration, so not a byte of the damaged file is written (DESIGN.md "Quality bars").
 */
export function openReadOnly(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('query_only = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
