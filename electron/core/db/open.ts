import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import type { Logger } from '../ports';

export type Db = Database.Database;

/**
 * Opens the register. WAL for readers beside the writer; synchronous=FULL because a registered
 * complaint must survive a power cut the moment the clerk sees its number (DESIGN.md "Data").
 */
export async function openDatabase(file: string, log: Logger): Promise<Db> {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    await migrate(db, file, log);
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
  db.pragma('busy_timeout = 5000');
  return db;
}
