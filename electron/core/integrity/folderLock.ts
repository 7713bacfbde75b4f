import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import { writeFileAtomicSync } from '../fsync';
import type { Clock } from '../ports';

/**
 * One program per data folder: two hosts, or the desktop app and a host, on one register would
 * each sweep the other's unfinished imports and seal a file the other still writes. The lock is
 * SQLite's own exclusive lock on a small file beside the register (an OS lock: fcntl on POSIX,
 * LockFileEx on Windows), held for the life of the program and released by the OS when it dies,
 * so a lock left by a crashed program is simply taken over. Who holds it (program, pid, since) is
 * written beside it for the message the second program gives.
 */
export const LOCK_FILE = 'complaintdesk.lock';
const INFO_FILE = 'complaintdesk.lock.json';

const infoSchema = z.object({ program: z.string(), pid: z.number().int(), host: z.string(), since: z.string() });
export type LockHolder = z.infer<typeof infoSchema>;

export class FolderLockedError extends Error {
  constructor(
    readonly holder: LockHolder | null,
    dataDir: string,
  ) {
    super(
      holder
        ? `数据文件夹“${dataDir}”正由另一个程序使用：${programName(holder.program)}（进程号 ${holder.pid}，${holder.host === hostname() ? '本机' : `电脑 ${holder.host}`}，自 ${holder.since} 起）。同一份登记簿只能由一个程序打开；请先关闭那个程序，或直接使用它。本程序未作任何改动，即将退出。`
        : `数据文件夹“${dataDir}”正由另一个程序使用。同一份登记簿只能由一个程序打开；请先关闭那个程序。本程序未作任何改动，即将退出。`,
    );
  }
}

const programName = (p: string) => (p === 'desktop' ? '消费投诉受理处理系统（桌面版）' : p === 'host' ? '浏览器模式服务（npm run web）' : p === 'restore' ? '恢复工具（npm run restore）' : p);

export interface FolderLock {
  release(): void;
}

/** The data folder cannot be written (a read-only disk, no permission): no lock is possible or needed. */
export function folderWritable(dataDir: string): boolean {
  try {
    accessSync(dataDir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Takes the data folder's lock, or throws FolderLockedError naming who holds it. Nothing in the
 * folder is changed when it is refused. A folder that cannot be written gets no lock (null).
 */
export function lockDataFolder(dataDir: string, program: string, clock: Clock): FolderLock | null {
  if (!existsSync(dataDir)) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      let code = String((error as { code?: unknown }).code ?? '');
      // A recursive mkdir on a read-only disk may say ENOENT: the nearest folder that exists tells the real reason.
      let up = dirname(dataDir);
      while (!existsSync(up) && dirname(up) !== up) up = dirname(up);
      if (code === 'ENOENT' && existsSync(up) && !folderWritable(up)) code = 'EACCES';
      throw new DomainError(
        'CONFLICT',
        `无法建立数据文件夹“${dataDir}”（${code === 'EROFS' ? '磁盘为只读' : code === 'EACCES' || code === 'EPERM' ? '没有写入权限，或磁盘为只读' : code === 'ENOTDIR' ? '路径中有一段不是文件夹' : code === 'ENOENT' ? '上级文件夹不存在' : code}）。请换一个可以写入的文件夹，或让管理员检查权限。`,
      );
    }
  }
  if (!statSync(dataDir).isDirectory() || !folderWritable(dataDir)) return null;
  const file = join(dataDir, LOCK_FILE);
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = DELETE');
    // A write takes the exclusive lock; in EXCLUSIVE locking mode it is kept until the connection closes.
    db.exec('CREATE TABLE IF NOT EXISTS holder (at TEXT); BEGIN EXCLUSIVE; DELETE FROM holder; INSERT INTO holder VALUES (datetime()); COMMIT;');
  } catch (error) {
    db?.close();
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      let holder: LockHolder | null = null;
      try {
        holder = infoSchema.parse(JSON.parse(readFileSync(join(dataDir, INFO_FILE), 'utf8')));
      } catch {}
      throw new FolderLockedError(holder, dataDir);
    }
    throw error;
  }
  const info: LockHolder = { program, pid: process.pid, host: hostname(), since: clock.now().toISOString() };
  writeFileAtomicSync(join(dataDir, INFO_FILE), JSON.stringify(info));
  let held = db;
  return {
    release() {
      if (!held) return;
      try {
        rmSync(join(dataDir, INFO_FILE), { force: true });
      } catch {}
      held.close();
      held = null as unknown as Database.Database;
    },
  };
}
