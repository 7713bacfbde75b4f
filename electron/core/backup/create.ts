import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../db/open';
import { fsyncDir, fsyncFile } from '../fsync';
import { runCheck } from '../integrity/checkWorker';
import type { OfficeKey } from '../integrity/officeKey';
import { AlteredError, copyVerified, fsyncTree, hashFile, listVault, storePath } from './files';
import { BACKUP_PREFIX, DB_NAME, MANIFEST, signManifest, STORE, type Manifest } from './manifest';
import type { Progress } from './progress';
import { checkDatabaseCopy } from './verify';

export interface CreateOptions {
  db: Db;
  vaultRoot: string;
  /** The target folder, already checked (backup/place.ts). */
  target: string;
  /** Office-local stamp for the folder name, e.g. 20261123-180000. */
  stamp: string;
  createdAt: string;
  progress: Progress;
  /** The office key the manifest is signed with. */
  key: OfficeKey;
}

export interface Created {
  path: string;
  cases: number;
  files: number;
  bytes: number;
  /** Evidence files copied this time; the others were already in the target's store with the right hash. */
  copiedFiles: number;
  /** Evidence files left out because their content no longer matches their hash (see the log). */
  skipped: string[];
}

/** How often the copy's progress is read from its size on the disk. */
const PROGRESS_EVERY_MS = 250;

/**
 * The register copied by SQLite's VACUUM INTO on a worker thread's own read-only connection: a
 * consistent snapshot, taken while the app goes on answering and writing, without the free pages a
 * page-for-page copy carries, and without the steps on the page's thread (the last of which waited
 * for the whole copy to reach the disk: 0.9–1.2 s at a million cases). Restoring such a backup gives
 * a register without free pages (README "Backup and restore").
 */
async function copyDatabase(file: string, dest: string, expected: number, progress: Progress): Promise<void> {
  let reported = 0;
  const report = (size: number) => {
    const n = Math.min(size, expected);
    if (n > reported) progress.add(n - reported);
    reported = Math.max(reported, n);
  };
  const timer = setInterval(() => void stat(dest).then((s) => report(s.size), () => {}), PROGRESS_EVERY_MS);
  try {
    const out = await runCheck({ task: 'vacuumInto', file, dest }).done;
    if (!out.ok) throw Object.assign(new Error(`the database could not be copied: ${out.detail ?? ''}`), { code: out.code });
  } finally {
    clearInterval(timer);
  }
  report(expected);
}

/** Folders of backups cut off by a crash or a kill: never under a final name, removed by the next backup. */
export async function removeUnfinished(target: string): Promise<void> {
  for (const name of await readdir(target)) {
    if (name.startsWith(`.${BACKUP_PREFIX}`) && name.includes('.partial-')) await rm(join(target, name), { recursive: true, force: true });
  }
  const store = join(target, STORE);
  for (const prefix of await readdir(store).catch(() => [] as string[])) {
    for (const name of await readdir(join(store, prefix)).catch(() => [] as string[])) {
      if (name.endsWith('.part')) await rm(join(store, prefix, name), { force: true });
    }
  }
}

async function freeName(target: string, stamp: string): Promise<string> {
  for (let n = 1; ; n++) {
    const name = `${BACKUP_PREFIX}${stamp}${n === 1 ? '' : `-${n}`}`;
    if (!existsSync(join(target, name))) return name;
  }
}

/**
 * A backup (DESIGN.md "Data"; [G]): SQLite's online backup of the register into a temporary
 * folder, step by step while the app keeps answering; the copy switched to a rollback journal (one
 * file, readable from a write-protected stick), flushed and integrity-checked; the evidence vault
 * copied by hash into the target's shared store (a file already there with the right hash is not
 * copied again); then the manifest, a flush of everything, and one rename to the final name. A
 * crash at any point leaves a `.partial` folder or `.part` file, never a half backup under a final name.
 */
export async function createBackup(o: CreateOptions): Promise<Created> {
  await removeUnfinished(o.target);
  const name = await freeName(o.target, o.stamp);
  const tmp = join(o.target, `.${name}.partial-${randomBytes(6).toString('hex')}`);
  const final = join(o.target, name);
  await mkdir(tmp);
  try {
    const before = await listVault(o.vaultRoot);
    const pageSize = o.db.pragma('page_size', { simple: true }) as number;
    // The copy holds the pages in use, not the free ones (3 GB of a 14 GB register at a million cases after upgrades).
    const inUse = ((o.db.pragma('page_count', { simple: true }) as number) - (o.db.pragma('freelist_count', { simple: true }) as number)) * pageSize;
    o.progress.total(inUse + before.reduce((n, f) => n + f.size, 0));

    o.progress.step('复制数据库');
    const dbCopy = join(tmp, DB_NAME);
    await copyDatabase(o.db.name, dbCopy, inUse, o.progress);
    const copy = new Database(dbCopy);
    let facts: { officeName: string; schemaVersion: number };
    try {
      copy.pragma('journal_mode = DELETE');
      facts = {
        officeName: (JSON.parse((copy.prepare("SELECT value FROM settings WHERE key = 'office.name'").pluck().get() as string | undefined) ?? '""') as string),
        schemaVersion: copy.pragma('user_version', { simple: true }) as number,
      };
    } finally {
      copy.close();
    }
    // The copy's chain, re-hashed in a worker: its head goes into the signed manifest, and a broken chain is not backed up as sound.
    const chain = await runCheck({ task: 'chain', file: dbCopy }).done;
    if (!chain.ok) throw new Error(`the copy's audit chain does not verify: ${chain.detail ?? `row ${String(chain.firstBroken)}`}`);
    const head = chain.head as { hash: string; rows: number };
    await fsyncFile(dbCopy);

    o.progress.step('检查数据库副本');
    const check = await checkDatabaseCopy(dbCopy);
    if (!check.ok) throw new Error(`the copy failed integrity_check: ${check.detail}`);

    o.progress.step('复制证据文件');
    const store = join(o.target, STORE);
    const files: Manifest['vault']['files'] = [];
    const skipped: string[] = [];
    let copied = 0;
    for (const f of await listVault(o.vaultRoot)) {
      const dest = storePath(store, f.sha256);
      const there = await stat(dest).then((s) => s.size, () => null);
      if (there === f.size && (await hashFile(dest, (n) => o.progress.add(n))) === f.sha256) {
        files.push(f);
        continue;
      }
      try {
        await copyVerified(storePath(o.vaultRoot, f.sha256), dest, f.sha256, (n) => o.progress.add(n));
        files.push(f);
        copied++;
      } catch (error) {
        if (!(error instanceof AlteredError)) throw error;
        skipped.push(f.sha256);
      }
    }

    o.progress.step('写入清单并落盘');
    const dbSize = (await stat(dbCopy)).size;
    const manifest: Manifest = signManifest({
      format: 'complaintdesk-backup',
      version: 1,
      createdAt: o.createdAt,
      officeName: facts.officeName,
      schemaVersion: facts.schemaVersion,
      cases: check.cases,
      database: { file: DB_NAME, size: dbSize, sha256: await hashFile(dbCopy) },
      vault: { store: `../${STORE}`, files },
      auditHead: head,
    }, o.key);
    await writeFile(join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { flush: true });
    await fsyncTree(tmp);
    await rename(tmp, final);
    await fsyncDir(o.target);
    const bytes = dbSize + files.reduce((n, f) => n + f.size, 0);
    return { path: final, cases: check.cases, files: files.length, bytes, copiedFiles: copied, skipped };
  } catch (error) {
    await rm(tmp, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
}
