import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { z } from 'zod';
import { fsyncDirSync, writeFileAtomicSync } from '../fsync';
import { dirname } from 'node:path';

/**
 * The seal: the SHA-256 of the database file, written when the app closes it cleanly and checked
 * before it is opened again. SQLite's own checks see a damaged structure, but not a changed byte
 * inside a name or a sum; the seal sees any change made while the app was closed (a failing disk,
 * a copy gone wrong, an edit with another tool). While the app runs the file changes on every
 * save, so the seal is removed before the first write and made again at the next clean close;
 * after a crash there is none, and the start relies on SQLite's checks and the audit chain.
 */
export const sealFile = (dbFile: string) => `${dbFile}.seal`;

const sealSchema = z.object({ size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export function hashFileSync(path: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** After a clean close: no WAL left over, so the main file holds everything and can be sealed. */
export function seal(dbFile: string): void {
  const wal = `${dbFile}-wal`;
  if (!existsSync(dbFile) || (existsSync(wal) && statSync(wal).size > 0)) return;
  writeFileAtomicSync(sealFile(dbFile), JSON.stringify({ size: statSync(dbFile).size, sha256: hashFileSync(dbFile) }));
}

/** 'none' (no seal: first run, or the last run did not end cleanly), 'ok', or 'broken'. */
export function checkSeal(dbFile: string): 'none' | 'ok' | 'broken' {
  if (!existsSync(sealFile(dbFile))) return 'none';
  let expected: z.infer<typeof sealSchema>;
  try {
    expected = sealSchema.parse(JSON.parse(readFileSync(sealFile(dbFile), 'utf8')));
  } catch {
    return 'broken';
  }
  if (!existsSync(dbFile) || statSync(dbFile).size !== expected.size) return 'broken';
  return hashFileSync(dbFile) === expected.sha256 ? 'ok' : 'broken';
}

/** Before the first write of a run. */
export function unseal(dbFile: string): void {
  if (!existsSync(sealFile(dbFile))) return;
  rmSync(sealFile(dbFile), { force: true });
  fsyncDirSync(dirname(dbFile));
}
