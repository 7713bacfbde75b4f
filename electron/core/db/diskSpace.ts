import { formatBytes } from '../../../shared/formatBytes';
import { statfsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** Bytes a program of this user may still write on the disk holding `dir`. */
export function freeBytesOn(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/**
 * Not enough room for an upgrade: the copy before it is as large as the register, and a migration
 * that rewrites a table writes it again through the WAL (0030: 3.1 GB at a million cases, on a
 * 13.9 GB file). Found before a byte is written; the register opens read-only saying so.
 */
export class NotEnoughSpaceError extends Error {
  /** Read by problemOfError (integrity/startCheck.ts) like SQLite's own "disk is full". */
  readonly code = 'SQLITE_FULL';
  constructor(readonly needed: number, readonly free: number) {
    // In the units the screens use (shared/formatBytes.ts): the sign-in page and 腾出空间 name the same sizes.
    super(`升级约需 ${formatBytes(needed)}，磁盘尚余 ${formatBytes(free)}`);
  }
}

/**
 * The room an upgrade of a register of `fileBytes` asks for: its copy (when one is taken:
 * migrate.ts `upgradeCopies`), and a quarter of it again for the WAL and growth.
 */
export const spaceForUpgrade = (fileBytes: number, copy = true): number => Math.ceil(fileBytes * (copy ? 1.25 : 0.25)) + 64 * 1024 * 1024;

export interface Room {
  neededBytes: number;
  freeBytes: number;
}

/** The room an upgrade of the register at `file` asks for, against what its disk has now (before the upgrade, and on the screen that makes room). */
export function roomForUpgrade(file: string, freeBytes: (dir: string) => number = freeBytesOn, copy = true): Room {
  return { neededBytes: spaceForUpgrade(statSync(file).size, copy), freeBytes: freeBytes(dirname(file)) };
}
