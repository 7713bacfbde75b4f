import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { fsyncDirSync, writeFileAtomicSync } from '../fsync';
import { mac, macMatches, type Keyring, type OfficeKey } from './officeKey';

/**
 * The seal: what the database file held when the app closed it cleanly, keyed with the office key
 * (officeKey.ts), checked before the register is written again. SQLite's own checks see a damaged
 * structure, but not a changed byte inside a name or a sum; the seal sees any change made while
 * the app was closed (a failing disk, a copy gone wrong, an edit with another tool), and, being
 * keyed, an edit sealed again by someone who holds the folder but not the key.
 *
 * It is a table of SHA-256 sums of 1 MiB chunks, so a clean close re-hashes only the chunks the
 * run wrote (walPages.ts names them from the WAL before each checkpoint), not the whole file. A WAL
 * left behind (a reader still open at close) is sealed with it. The checkpoint kept beside the key
 * (checkpoint.ts) holds the seal's digest, so a seal that was removed is missed, not forgiven.
 */
export const sealFile = (dbFile: string) => `${dbFile}.seal`;
export const CHUNK = 1 << 20;

export interface ChunkTable {
  size: number;
  /** 32 bytes per chunk of CHUNK bytes, the last one short. */
  hashes: Buffer;
}

export interface Sealed extends ChunkTable {
  /** A WAL the close could not fold into the file, sealed beside it. */
  wal: { size: number; sha256: string } | null;
}

const keyedSchema = z.object({
  format: z.literal('complaintdesk-seal'),
  version: z.literal(2),
  keyId: z.string(),
  size: z.number().int().nonnegative(),
  chunk: z.literal(CHUNK),
  hashes: z.string(),
  wal: z.object({ size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  mac: z.string(),
});
/** What versions before the office key wrote: the file's plain SHA-256. */
const legacySchema = z.object({ size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

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

/** The chunk sums of `file`, only the chunks in `dirty` (and any beyond `base`) read again. */
export function chunkTableSync(file: string, base: ChunkTable | null = null, dirty: ReadonlySet<number> | null = null): ChunkTable {
  const size = statSync(file).size;
  const count = Math.ceil(size / CHUNK);
  const hashes = Buffer.alloc(count * 32);
  const buf = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(file, 'r');
  try {
    for (let i = 0; i < count; i++) {
      const reuse = base && dirty && !dirty.has(i) && (i + 1) * CHUNK <= base.size && (i + 1) * CHUNK <= size;
      if (reuse) {
        base.hashes.copy(hashes, i * 32, i * 32, i * 32 + 32);
        continue;
      }
      const n = readSync(fd, buf, 0, Math.min(CHUNK, size - i * CHUNK), i * CHUNK);
      createHash('sha256').update(buf.subarray(0, n)).digest().copy(hashes, i * 32);
    }
  } finally {
    closeSync(fd);
  }
  return { size, hashes };
}

/** The keyed digest of a seal: the checkpoint beside the key keeps it. */
export function sealDigest(key: OfficeKey, s: Sealed): string {
  return mac(key, 'complaintdesk-seal', String(s.size), String(CHUNK), createHash('sha256').update(s.hashes).digest('hex'), s.wal ? `${s.wal.size}:${s.wal.sha256}` : '');
}

/** Writes the seal of a closed register; returns its digest. */
export function writeSeal(dbFile: string, key: OfficeKey, table: ChunkTable): string {
  const walFile = `${dbFile}-wal`;
  const wal = existsSync(walFile) && statSync(walFile).size > 0 ? { size: statSync(walFile).size, sha256: hashFileSync(walFile) } : null;
  const sealed: Sealed = { ...table, wal };
  const digest = sealDigest(key, sealed);
  writeFileAtomicSync(
    sealFile(dbFile),
    JSON.stringify({ format: 'complaintdesk-seal', version: 2, keyId: key.id, size: table.size, chunk: CHUNK, hashes: table.hashes.toString('base64'), wal, mac: digest }),
  );
  return digest;
}

export type SealRead =
  | { kind: 'none' }
  /** Written before the office key: a plain SHA-256, trusted once (first start after the upgrade). */
  | { kind: 'legacy'; size: number; sha256: string }
  | { kind: 'keyed'; sealed: Sealed; digest: string }
  /** Made with a key this PC does not hold (a folder copied from another PC). */
  | { kind: 'foreign'; keyId: string }
  /** Unreadable, or its MAC does not hold: forged or damaged. */
  | { kind: 'forged' };

export function readSeal(dbFile: string, keys: Keyring | null): SealRead {
  const path = sealFile(dbFile);
  if (!existsSync(path)) return { kind: 'none' };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { kind: 'forged' };
  }
  const legacy = legacySchema.safeParse(json);
  if (legacy.success && !(json as { format?: unknown }).format) return { kind: 'legacy', ...legacy.data };
  const keyed = keyedSchema.safeParse(json);
  if (!keyed.success) return { kind: 'forged' };
  const s = keyed.data;
  const key = keys?.byId(s.keyId) ?? null;
  if (!key) return { kind: 'foreign', keyId: s.keyId };
  const hashes = Buffer.from(s.hashes, 'base64');
  if (hashes.length !== Math.ceil(s.size / CHUNK) * 32) return { kind: 'forged' };
  const sealed: Sealed = { size: s.size, hashes, wal: s.wal };
  if (!macMatches(key, s.mac, 'complaintdesk-seal', String(s.size), String(CHUNK), createHash('sha256').update(hashes).digest('hex'), s.wal ? `${s.wal.size}:${s.wal.sha256}` : '')) {
    return { kind: 'forged' };
  }
  return { kind: 'keyed', sealed, digest: s.mac };
}

/** Before the first write of a run. */
export function unseal(dbFile: string): void {
  if (!existsSync(sealFile(dbFile))) return;
  rmSync(sealFile(dbFile), { force: true });
  fsyncDirSync(dirname(dbFile));
}
