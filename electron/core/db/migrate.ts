import { DomainError } from '../../../shared/api/errors';
import type { Logger } from '../ports';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import type { Db } from './open';

/** A database written by a newer app: refuse, rather than let old code misread new data. */
export class DatabaseTooNewError extends DomainError {
  constructor(found: number, supported: number) {
    super(
      'CONFLICT',
      `数据文件的版本（${found}）比本程序支持的版本（${supported}）新，请安装新版程序后再打开；数据未作任何改动`,
    );
  }
}

function hasUserTables(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1").get() !== undefined;
}

/** Whether a migration would write (the start check then runs in full before it). */
export function migrationPending(db: Db, migrations: readonly Migration[] = allMigrations): boolean {
  return (db.pragma('user_version', { simple: true }) as number) < migrations.length;
}

/**
 * Brings the schema to the latest version: a copy of the file first (when it holds data), then
 * each migration in its own transaction that also sets user_version, so a crash leaves the
 * database at a whole version, never between two.
 */
export async function migrate(
  db: Db,
  file: string,
  log: Logger,
  migrations: readonly Migration[] = allMigrations,
): Promise<{ from: number; to: number; backup: string | null }> {
  const latestVersion = migrations.length;
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}`);
  });
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latestVersion) throw new DatabaseTooNewError(from, latestVersion);
  if (from === latestVersion) return { from, to: from, backup: null };

  let backup: string | null = null;
  if (file !== ':memory:' && hasUserTables(db)) {
    backup = `${file}.v${from}-before-migration-${Date.now()}.bak`;
    await db.backup(backup);
    log.info(`database backed up to ${backup} before migrating from v${from} to v${latestVersion}`);
  }
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    log.info(`database migrated to v${m.version} (${m.name})`);
  }
  return { from, to: latestVersion, backup };
}
