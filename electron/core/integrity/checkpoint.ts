import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { mac, macMatches, writePrivateFileSync, type Keyring } from './officeKey';

/**
 * What the app itself last left in each register, kept beside the office key (not in the data
 * folder) and keyed with it: whether it closed cleanly, the digest of the seal it wrote then, and
 * the audit chain's head (the last row's id and hash). A register that ends earlier than the app
 * left it, a chain re-hashed after an edit, or a seal removed to hide an edit no longer matches.
 * One entry per data folder, by its real path: someone holding only the folder cannot make the
 * app open it under another name.
 */
export interface AuditMark {
  id: number;
  hash: string;
}

export interface Checkpoint {
  keyId: string;
  /** 'open' from the first write of a run until its clean close. */
  state: 'open' | 'closed';
  /** The digest of the seal written at the clean close (seal.ts), null while open. */
  seal: string | null;
  head: AuditMark;
  at: string;
}

const entrySchema = z.object({
  keyId: z.string(),
  state: z.enum(['open', 'closed']),
  seal: z.string().nullable(),
  head: z.object({ id: z.number().int().nonnegative(), hash: z.string() }),
  at: z.string(),
  mac: z.string(),
});

export const folderId = (dataDir: string): string => {
  let p: string;
  try {
    p = realpathSync(dataDir);
  } catch {
    p = resolve(dataDir);
  }
  return process.platform === 'win32' ? p.toLowerCase() : p;
};

const macOf = (keys: Keyring, c: Checkpoint) => {
  const key = keys.byId(c.keyId);
  return key ? mac(key, 'complaintdesk-checkpoint', c.keyId, c.state, c.seal ?? '', String(c.head.id), c.head.hash, c.at) : null;
};

export type CheckpointRead = { kind: 'none' } | { kind: 'ok'; checkpoint: Checkpoint } | { kind: 'forged' };

/** One small file per data folder, so two programs on two registers never overwrite each other's. */
export function createCheckpoints(keys: Keyring, dataDir: string) {
  const id = folderId(dataDir);
  const file = join(keys.dir, 'registers', `${createHash('sha256').update(id).digest('hex').slice(0, 32)}.json`);
  return {
    read(): CheckpointRead {
      if (!existsSync(file)) return { kind: 'none' };
      let raw: unknown;
      try {
        raw = (JSON.parse(readFileSync(file, 'utf8')) as { folder?: unknown; checkpoint?: unknown }).checkpoint;
      } catch {
        return { kind: 'forged' };
      }
      const parsed = entrySchema.safeParse(raw);
      if (!parsed.success) return { kind: 'forged' };
      const { mac: got, ...checkpoint } = parsed.data;
      const key = keys.byId(checkpoint.keyId);
      if (!key || !macMatches(key, got, 'complaintdesk-checkpoint', checkpoint.keyId, checkpoint.state, checkpoint.seal ?? '', String(checkpoint.head.id), checkpoint.head.hash, checkpoint.at)) {
        return { kind: 'forged' };
      }
      return { kind: 'ok', checkpoint };
    },
    write(c: Checkpoint): void {
      writePrivateFileSync(file, `${JSON.stringify({ folder: id, checkpoint: { ...c, mac: macOf(keys, c) } }, null, 2)}\n`);
    },
    /** After a restore: nothing the app kept of the register set aside applies to the one restored. */
    forget(): void {
      rmSync(file, { force: true });
    },
  };
}
export type Checkpoints = ReturnType<typeof createCheckpoints>;
