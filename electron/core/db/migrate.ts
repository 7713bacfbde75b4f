import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DomainError } from '../../../shared/api/errors';
import { yieldToLoop } from '../loop';
import { planReindex } from '../services/searchReindex';
import type { Logger } from '../ports';
import { migrations as allMigrations } from './migrations';
import type { Migration, MigrationProgress } from './migrations/types';
import type { Db } from './open';
import { freeBytesOn, NotEnoughSpaceError, roomForUpgrade } from './diskSpace';

/** A database written by a newer app: refuse, rather than let old code misread new data. */
export class DatabaseTooNewError extends DomainError {
  constructor(found: number, supported: number) {
    super(
      'CONFLICT',
      `数据文件的版本（${found}）比本程序支持的版本（${supported}）新，请安装新版程序后再打开；数据未作任何改动`,
    );
  }
}

/** A copy before a migration is written under this suffix and takes its own name only when whole. */
const PARTIAL = '.partial';

/**
 * Copies before a migration that a stopped program left half-written (at a million cases the copy
 * is 14 GB and takes minutes: closing the window meanwhile left gigabytes that were no copy of anything).
 */
function removeUnfinishedCopies(file: string, log: Logger): void {
  const name = basename(file);
  for (const entry of readdirSync(dirname(file))) {
    if (entry.startsWith(`${name}.v`) && entry.includes('-before-migration-') && (entry.endsWith(PARTIAL) || entry.endsWith(`${PARTIAL}-journal`))) {
      rmSync(join(dirname(file), entry), { force: true });
      log.warn(`removed an unfinished copy before a migration: ${entry}`);
    }
  }
}

function hasUserTables(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1").get() !== undefined;
}

/**
 * Room for the copy and the migrations, asked before either (and before the full check that precedes
 * them: minutes at a million cases): a disk that fills halfway is found only after that much work.
 */
export function checkSpaceForUpgrade(db: Db, file: string, freeBytes: (dir: string) => number = freeBytesOn, migrations: readonly Migration[] = allMigrations): void {
  // A new register is made, not copied: nothing to ask room for.
  if (file === ':memory:' || !hasUserTables(db)) return;
  const room = roomForUpgrade(file, freeBytes, upgradeCopies(versionOf(db), migrations));
  if (room.freeBytes < room.neededBytes) throw new NotEnoughSpaceError(room.neededBytes, room.freeBytes);
}

/** The register's schema version (its user_version). */
export const versionOf = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/** Whether a migration would write (the start check then runs in full before it). */
export function migrationPending(db: Db, migrations: readonly Migration[] = allMigrations): boolean {
  return versionOf(db) < migrations.length;
}

/**
 * Whether the upgrade of a register at version `from` changes saved rows, so the file is copied
 * first; or only makes indexes. An index changes no row and its migration rolls back whole, so the
 * copy would keep nothing the register does not: at a million cases it was 12 GB written (and asked
 * of the disk) and 24–40 s of the upgrade screen, to add an index of 30 MB in 3 s.
 */
export function upgradeCopies(from: number, migrations: readonly Migration[] = allMigrations): boolean {
  return migrations.slice(from).some((m) => !m.indexOnly);
}

/** What an index-only migration must leave as it was: the rows written (total_changes) and every definition that is not an index's. */
function untouched(db: Db): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  const defs = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE type <> 'index' ORDER BY type, name").all();
  return JSON.stringify([changes, defs]);
}

/** What an upgrade is doing, for the upgrade screen (setup.status `upgrading`). */
export interface UpgradeStep {
  step: string;
  done: number;
  total: number;
}

/** How long a generator migration runs before it lets the process answer (the upgrade screen's polls). */
const SLICE_MS = 50;

function isGenerator(x: unknown): x is Generator<MigrationProgress, void, void> {
  return typeof x === 'object' && x !== null && typeof (x as Generator).next === 'function';
}

/**
 * One migration and its version in one transaction. A generator migration is driven here, the
 * transaction held open across the event loop's turns (nothing else uses the connection before
 * the migration ends: the core hands it out only after), so the start can answer meanwhile.
 */
/** The program is closing while a long migration runs: it is rolled back and runs again at the next start. */
export class MigrationStopped extends Error {
  constructor(name: string) {
    super(`migration ${name} stopped: the program is closing`);
  }
}

async function apply(db: Db, m: Migration, report: (p: MigrationProgress) => void, stopped: () => boolean): Promise<void> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const before = m.indexOnly ? untouched(db) : null;
    const run = m.up(db);
    if (isGenerator(run)) {
      let slice = performance.now();
      for (let r = run.next(); !r.done; r = run.next()) {
        report(r.value);
        if (performance.now() - slice > SLICE_MS) {
          await yieldToLoop();
          if (stopped()) throw new MigrationStopped(m.name);
          slice = performance.now();
        }
      }
    }
    // No copy was taken on its word (upgradeCopies): a row it changed is not let through.
    if (before !== null && untouched(db) !== before) throw new Error(`migration ${m.name} is marked index-only but changed rows or tables`);
    if (m.reindex) planReindex(db, m.reindex);
    db.pragma(`user_version = ${m.version}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Brings the schema to the latest version: a copy of the file first (when it holds data and a
 * migration to run changes rows), then each migration in its own transaction that also sets
 * user_version, so a crash leaves the database at a whole version, never between two.
 */
export async function migrate(
  db: Db,
  file: string,
  log: Logger,
  migrations: readonly Migration[] = allMigrations,
  onProgress: (p: UpgradeStep) => void = () => {},
  stopped: () => boolean = () => false,
  freeBytes: (dir: string) => number = freeBytesOn,
): Promise<{ from: number; to: number; backup: string | null }> {
  const latestVersion = migrations.length;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}`);
  });
  const from = versionOf(db);
  if (from > latestVersion) throw new DatabaseTooNewError(from, latestVersion);
  if (from === latestVersion) return { from, to: from, backup: null };

  let backup: string | null = null;
  const holdsData = file !== ':memory:' && hasUserTables(db);
  if (holdsData) {
    removeUnfinishedCopies(file, log);
    checkSpaceForUpgrade(db, file, freeBytes, migrations);
  }
  if (holdsData && !upgradeCopies(from, migrations)) {
    log.info(`no copy before migrating from v${from} to v${latestVersion}: the migrations change no saved row (indexes, a re-index planned)`);
  } else if (holdsData) {
    backup = `${file}.v${from}-before-migration-${Date.now()}.bak`;
    const partial = `${backup}${PARTIAL}`;
    onProgress({ step: `升级前备份原数据文件（版本 ${from}）`, done: 0, total: 0 });
    try {
      await db.backup(partial, {
        progress: ({ totalPages, remainingPages }) => {
          onProgress({ step: `升级前备份原数据文件（版本 ${from}）`, done: totalPages - remainingPages, total: totalPages });
          return 2000;
        },
      });
      renameSync(partial, backup);
    } catch (error) {
      rmSync(partial, { force: true });
      rmSync(`${partial}-journal`, { force: true });
      throw error;
    }
    log.info(`database backed up to ${backup} before migrating from v${from} to v${latestVersion}`);
  }
  for (const m of migrations.slice(from)) {
    const step = `升级数据文件：第 ${m.version - from} 步，共 ${latestVersion - from} 步`;
    onProgress({ step, done: 0, total: 0 });
    await apply(db, m, (p) => onProgress({ step, ...p }), stopped);
    log.info(`database migrated to v${m.version} (${m.name})`);
  }
  return { from, to: latestVersion, backup };
}
