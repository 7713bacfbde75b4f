import { statfsSync } from 'node:fs';

/** Bytes a program of this user may still write on the disk holding `dir`. */
export function freeBytesOn(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/** As an office reads it: 17.1 GB, 820 MB. */
export function sizeInWords(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`;
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
    super(`升级约需 ${sizeInWords(needed)}，磁盘尚余 ${sizeInWords(free)}`);
  }
}

/** The room an upgrade of a register of `fileBytes` asks for: its copy, and a quarter of it again for the WAL and growth. */
export const spaceForUpgrade = (fileBytes: number): number => Math.ceil(fileBytes * 1.25) + 64 * 1024 * 1024;
