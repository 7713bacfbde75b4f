import type { Stats } from 'node:fs';
import { lstat, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '../../../shared/api/errors';
import { isoFromWallTime } from '../time';
import type { Logger } from '../ports';
import { DB_NAME } from './manifest';
import { fileErrorMessage } from './place';

/**
 * The copies the app sets aside in the data folder and never deletes on its own: the register as it
 * was before each upgrade (db/migrate.ts) and the data as it was before each restore (restore.ts).
 * At a million cases each is 14 GB and the next upgrade needs as much again free, so the
 * administrator sees them and may remove one (README "Where data lives").
 */
export type KeptCopyKind = 'beforeMigration' | 'beforeRestore';

export interface KeptCopy {
  /** The entry's name in the data folder: what `remove` is asked for. */
  name: string;
  kind: KeptCopyKind;
  /** When it was set aside (ISO; a restore's in office time, as its folder is named). */
  at: string;
  bytes: number;
  /** The schema version an upgrade's copy holds. */
  version: number | null;
}

const MIGRATION_COPY = new RegExp(`^${DB_NAME.replace('.', '\\.')}\\.v(\\d+)-before-migration-(\\d+)\\.bak$`);
/** Named by the office time of the restore (restore.ts, fileStamp): 20261123-173000. */
const RESTORE_ASIDE = /^before-restore-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(-\d+)?$/;

/** A folder's bytes, read off the page's thread: a restore's aside folder holds the whole evidence vault (100,000 files or more). */
async function treeBytes(path: string, s: Stats): Promise<number> {
  if (!s.isDirectory()) return s.size;
  let bytes = 0;
  for (const entry of await readdir(path)) {
    const p = join(path, entry);
    bytes += await treeBytes(p, await lstat(p));
  }
  return bytes;
}

/** SQLite's files beside a copy once something opened it (its WAL and shared memory), counted and removed with it. */
const sideFiles = (name: string) => [`${name}-wal`, `${name}-shm`, `${name}-journal`];

export async function listKeptCopies(dataDir: string, timeZone: string): Promise<KeptCopy[]> {
  const names = await readdir(dataDir);
  const present = new Set(names);
  const copies: KeptCopy[] = [];
  for (const name of names) {
    const migration = MIGRATION_COPY.exec(name);
    if (migration) {
      let bytes = 0;
      for (const n of [name, ...sideFiles(name)]) if (present.has(n)) bytes += (await stat(join(dataDir, n))).size;
      copies.push({ name, kind: 'beforeMigration', at: new Date(Number(migration[2])).toISOString(), bytes, version: Number(migration[1]) });
      continue;
    }
    const restore = RESTORE_ASIDE.exec(name);
    if (restore) {
      const s = await lstat(join(dataDir, name));
      if (!s.isDirectory()) continue;
      const [, y, mo, d, h, mi, sec] = restore;
      copies.push({ name, kind: 'beforeRestore', at: isoFromWallTime(`${y}-${mo}-${d}T${h}:${mi}:${sec}`, timeZone), bytes: await treeBytes(join(dataDir, name), s), version: null });
    }
  }
  return copies.sort((a, b) => b.at.localeCompare(a.at));
}

/** Removes one copy the list names (any other name is refused: nothing else in the data folder is the administrator's to delete here). */
export async function removeKeptCopy(dataDir: string, name: string, timeZone: string): Promise<KeptCopy> {
  const copy = (await listKeptCopies(dataDir, timeZone)).find((c) => c.name === name);
  if (!copy) throw new DomainError('NOT_FOUND', '数据文件夹中没有这份留存的副本，请刷新后重试');
  for (const n of copy.kind === 'beforeMigration' ? [name, ...sideFiles(name)] : [name]) await rm(join(dataDir, n), { recursive: true, force: true });
  return copy;
}

/** What a removal leaves for the record: where the register can be written, the audit chain; otherwise kept for it (start/makingRoom.ts). */
export type RemovalRecord = (data: Record<string, unknown>) => void;

/**
 * Removes a copy for an administrator and records it either way: a removal that failed halfway
 * (part of a restore's folder gone) is recorded and said as well as one that succeeded.
 */
export async function removeKeptCopyRecorded(o: { dataDir: string; name: string; timeZone: string; by: string; log: Logger; record: RemovalRecord }): Promise<KeptCopy> {
  let removed: KeptCopy;
  try {
    removed = await removeKeptCopy(o.dataDir, o.name, o.timeZone);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    o.log.error(`removing the kept copy ${o.name} failed`, error);
    o.record({ name: o.name, failed: true });
    throw new DomainError('INTERNAL', `副本未能全部删除：${fileErrorMessage(error).replace(/^备份位置/, '数据文件夹')}`);
  }
  o.record({ name: o.name, kind: removed.kind, bytes: removed.bytes, setAsideAt: removed.at });
  o.log.warn(`${o.by} removed the kept copy ${o.name} (${removed.bytes} bytes) from the data folder`);
  return removed;
}

/** The list as the screens read it: each copy's time in the office's clock, and their total. */
export async function keptCopiesView(dataDir: string, clock: { zone(): string; iso(instant: Date): string }) {
  const copies = (await listKeptCopies(dataDir, clock.zone())).map((c) => ({ ...c, at: clock.iso(new Date(c.at)) }));
  return { copies, bytes: copies.reduce((sum, c) => sum + c.bytes, 0) };
}
