import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { open, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Flushes a folder's entries (a rename, a new file) to disk. Windows cannot open a directory for
 * fsync; NTFS journals the rename itself.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const tmpName = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/** A small file replaced whole: written beside, flushed, renamed, so a reader never sees half of it. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = tmpName(path);
  await writeFile(tmp, data, { flush: true });
  await rename(tmp, path);
  await fsyncDir(dirname(path));
}

export function writeFileAtomicSync(path: string, data: string): void {
  const tmp = tmpName(path);
  writeFileSync(tmp, data, { flush: true });
  renameSync(tmp, path);
  fsyncDirSync(dirname(path));
}
