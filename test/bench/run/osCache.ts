import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';

/**
 * Pushing the register's file out of the OS page cache, for the first searches of a morning.
 * Preferred: POSIX_FADV_DONTNEED on the register's own files (Python's os.posix_fadvise; Node has
 * no binding), which evicts exactly them and leaves the other programs on the machine their cache.
 * Else, as root, the kernel's drop_caches (every clean page of the machine). `fincore` (util-linux),
 * where installed, says how much of the file is still resident afterwards.
 */
export type DropMethod = 'fadvise' | 'drop_caches';

function fadvise(files: string[]): void {
  const script = 'import os,sys\nfor p in sys.argv[1:]:\n  fd=os.open(p,os.O_RDONLY)\n  os.posix_fadvise(fd,0,0,os.POSIX_FADV_DONTNEED)\n  os.close(fd)';
  execFileSync('python3', ['-c', script, ...files], { stdio: 'pipe' });
}

/** Resident bytes of the files, or null without fincore. */
export function residentBytes(files: string[]): number | null {
  try {
    const out = execFileSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out
      .trim()
      .split('\n')
      .reduce((s, l) => s + Number(l.trim() || 0), 0);
  } catch {
    return null;
  }
}

/** Drops the files from the page cache; says how, and how much stayed resident (null: unknown). */
export function dropFromCache(files: string[]): { method: DropMethod | null; residentAfter: number | null; note: string } {
  const present = files.filter((f) => existsSync(f));
  try {
    fadvise(present);
    const left = residentBytes(present);
    // DONTNEED cannot evict pages mapped by a process (SQLite's -shm); a few MB may stay.
    if (left === null || left < 16 * 1024 * 1024) return { method: 'fadvise', residentAfter: left, note: 'posix_fadvise(DONTNEED) via python3' };
  } catch {}
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '1');
    return { method: 'drop_caches', residentAfter: residentBytes(present), note: 'echo 1 > /proc/sys/vm/drop_caches' };
  } catch (error) {
    return { method: null, residentAfter: residentBytes(present), note: `could not drop the cache (${(error as Error).message})` };
  }
}
