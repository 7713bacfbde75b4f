import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { fsyncDir, fsyncDirSync, writeFileAtomic, writeFileAtomicSync } from '../fsync';
import { copyVerified, fsyncTree, storePath } from './files';
import { DB_NAME, MANIFEST, STORE, type Manifest } from './manifest';
import type { Progress } from './progress';

/**
 * Restoring, in two ways that share the copy: into an empty data folder (`npm run restore`), and
 * into the running app's own folder, where the backup is staged beside the data and swapped in
 * while the register is closed, the current data renamed aside (never deleted).
 */

/** Copies a verified backup into `dir` in the layout of a data folder (database, vault/ab/…). */
export async function stageBackup(from: string, m: Manifest, dir: string, progress: Progress): Promise<void> {
  progress.step('复制数据库');
  await copyVerified(join(from, DB_NAME), join(dir, DB_NAME), m.database.sha256, (n) => progress.add(n));
  inWalMode(join(dir, DB_NAME));
  progress.step('复制证据文件');
  const store = join(dirname(from), STORE);
  await mkdir(join(dir, 'vault'), { recursive: true });
  for (const f of m.vault.files) await copyVerified(storePath(store, f.sha256), storePath(join(dir, 'vault'), f.sha256), f.sha256, (n) => progress.add(n));
  await copyFile(join(from, MANIFEST), join(dir, 'restored-from.json'));
  progress.step('落盘');
  await fsyncTree(dir);
}

/**
 * A backup is one file in rollback mode (backup/create.ts), readable alone; the register runs in WAL
 * mode. The copy just verified against its manifest is switched here, so the first start after the
 * restore finds a header that says WAL and answers at once, the file checked in its worker with
 * writes held. A header that does not say WAL is checked whole before the file is opened
 * (start/guardRun.ts): at a million cases the first start after a restore waited 67 s for it.
 */
function inWalMode(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    // The last connection's close folds the WAL back and removes it: the folder holds the one file.
    db.close();
  }
}

const isEmptyOrAbsent = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/**
 * `npm run restore`: into an empty (or absent) data folder only. The copy is made in a hidden
 * sibling folder and renamed onto the data folder at the end, so a kill leaves the data folder as
 * it was (empty) or fully restored, never half.
 */
export async function restoreIntoEmpty(from: string, m: Manifest, dataDir: string, progress: Progress): Promise<void> {
  if (!isEmptyOrAbsent(dataDir)) throw new Error('not empty');
  const parent = dirname(dataDir);
  await mkdir(parent, { recursive: true });
  for (const name of await readdir(parent)) {
    if (name.startsWith(`.${basename(dataDir)}.restore-`)) await rm(join(parent, name), { recursive: true, force: true });
  }
  const staging = join(parent, `.${basename(dataDir)}.restore-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(staging);
    await stageBackup(from, m, staging, progress);
    if (!isEmptyOrAbsent(dataDir)) throw new Error('not empty');
    // POSIX renames onto an empty folder in one step; Windows needs it gone first.
    if (existsSync(dataDir) && process.platform === 'win32') await rmdir(dataDir);
    await rename(staging, dataDir);
    await fsyncDir(parent);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The staged restore waiting for the register to close, and its journal of the swap. */
export const PENDING = 'restore-pending';
const STATE = 'swap.json';
const stateSchema = z.object({ aside: z.string(), phase: z.enum(['ready', 'moving', 'movedAside']) });

/** What is moved aside and what is moved in: the register with its WAL and seal, and the vault. */
const DATA_ENTRIES = [DB_NAME, `${DB_NAME}-wal`, `${DB_NAME}-shm`, `${DB_NAME}.seal`, 'vault'];

/**
 * Stages a verified backup in the app's own data folder as `restore-pending` (via a `.partial`
 * name), to be swapped in when the register is closed. Returns the folder the current data will
 * be moved to.
 */
export async function prepareRestore(from: string, m: Manifest, dataDir: string, stamp: string, progress: Progress): Promise<string> {
  for (const name of await readdir(dataDir)) {
    if (name.startsWith(`.${PENDING}.partial-`)) await rm(join(dataDir, name), { recursive: true, force: true });
  }
  const staging = join(dataDir, `.${PENDING}.partial-${randomBytes(6).toString('hex')}`);
  let aside = join(dataDir, `before-restore-${stamp}`);
  for (let n = 2; existsSync(aside); n++) aside = join(dataDir, `before-restore-${stamp}-${n}`);
  try {
    await mkdir(staging);
    await stageBackup(from, m, staging, progress);
    await writeFileAtomic(join(staging, STATE), JSON.stringify({ aside, phase: 'ready' }));
    await rm(join(dataDir, PENDING), { recursive: true, force: true });
    await rename(staging, join(dataDir, PENDING));
    await fsyncDir(dataDir);
    return aside;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Run while the register is closed, before it is opened: the swap, journalled so that a crash at
 * any step is finished by the next start (the current data first moved aside whole, then the
 * staged copy moved in). Returns what was done, or null when nothing was pending.
 */
export function applyPendingRestore(dataDir: string): { aside: string; from: unknown } | null {
  const pending = join(dataDir, PENDING);
  const stateFile = join(pending, STATE);
  if (!existsSync(stateFile)) return null;
  const state = stateSchema.parse(JSON.parse(readFileSync(stateFile, 'utf8')));
  const save = (phase: z.infer<typeof stateSchema>['phase']) => writeFileAtomicSync(stateFile, JSON.stringify({ ...state, phase }));
  if (state.phase !== 'movedAside') {
    save('moving');
    mkdirSync(state.aside, { recursive: true });
    for (const name of DATA_ENTRIES) if (existsSync(join(dataDir, name))) renameSync(join(dataDir, name), join(state.aside, name));
    fsyncDirSync(state.aside);
    fsyncDirSync(dataDir);
    save('movedAside');
  }
  for (const name of [DB_NAME, 'vault']) if (existsSync(join(pending, name))) renameSync(join(pending, name), join(dataDir, name));
  fsyncDirSync(dataDir);
  let from: unknown = null;
  try {
    from = JSON.parse(readFileSync(join(pending, 'restored-from.json'), 'utf8'));
    renameSync(join(pending, 'restored-from.json'), join(state.aside, 'restored-from.json'));
  } catch {}
  rmSync(pending, { recursive: true, force: true });
  fsyncDirSync(dataDir);
  return { aside: state.aside, from };
}
