import { open } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { mac, macMatches, type Keyring, type OfficeKey } from '../integrity/officeKey';

/** The layout of a backup target folder: one folder per backup, evidence shared by hash beside them. */
export const MANIFEST = 'manifest.json';
export const DB_NAME = 'complaintdesk.sqlite';
/** Shared by every backup in the target, so a file already copied is never copied again. */
export const STORE = 'complaintdesk-vault';
export const BACKUP_PREFIX = 'complaintdesk-backup-';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const size = z.number().int().nonnegative();

export const manifestSchema = z.object({
  format: z.literal('complaintdesk-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  officeName: z.string(),
  schemaVersion: z.number().int(),
  cases: z.number().int().nonnegative(),
  database: z.object({ file: z.literal(DB_NAME), size, sha256 }),
  /** The store is always the sibling folder STORE; a manifest never names another path. */
  vault: z.object({ store: z.literal(`../${STORE}`), files: z.array(z.object({ sha256, size })) }),
  /** The audit chain's last row when the copy was taken: a history rewritten later no longer matches it. */
  auditHead: z.object({ hash: z.string(), rows: z.number().int().nonnegative() }),
  /** The office key the manifest is signed with (integrity/officeKey.ts); absent in backups made before it. */
  keyId: z.string().optional(),
  /** HMAC-SHA-256 with that key over the manifest as written without this field. */
  mac: z.string().optional(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const totalBytes = (m: Manifest) => m.database.size + m.vault.files.reduce((n, f) => n + f.size, 0);

/** A manifest is small: one line per evidence file. Anything far larger is not one. */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

const signedText = (m: Omit<Manifest, 'mac'>) => JSON.stringify(m);

/** The manifest with its signature: the text signed is the manifest as written, less `mac`. */
export function signManifest(m: Omit<Manifest, 'keyId' | 'mac'>, key: OfficeKey): Manifest {
  const withKey = { ...m, keyId: key.id };
  return { ...withKey, mac: mac(key, 'complaintdesk-backup-manifest', signedText(withKey)) };
}

export type Signature = { kind: 'ok' } | { kind: 'unsigned' } | { kind: 'unknownKey'; keyId: string } | { kind: 'forged' };

/** Checks the manifest's signature against the keys this PC holds (and a key given by its recovery code). */
export function checkSignature(raw: Record<string, unknown>, keys: Keyring | null, extra: OfficeKey | null = null): Signature {
  const { mac: got, ...rest } = raw;
  if (typeof got !== 'string' || typeof rest.keyId !== 'string') return { kind: 'unsigned' };
  const key = (extra && extra.id === rest.keyId ? extra : null) ?? keys?.byId(rest.keyId) ?? null;
  if (!key) return { kind: 'unknownKey', keyId: rest.keyId };
  return macMatches(key, got, 'complaintdesk-backup-manifest', JSON.stringify(rest)) ? { kind: 'ok' } : { kind: 'forged' };
}

/**
 * The manifest of a backup folder, or why it cannot be read (in Chinese). Only a regular file of
 * sensible size is read: a FIFO or a device named manifest.json would hold the check forever.
 */
export async function readManifest(dir: string): Promise<{ manifest: Manifest; raw: Record<string, unknown> } | { error: string }> {
  let text: string;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one.
    const handle = await open(join(dir, MANIFEST), constants.O_RDONLY | (process.platform === 'win32' ? 0 : constants.O_NONBLOCK));
    try {
      const info = await handle.stat();
      if (!info.isFile()) return { error: '备份清单（manifest.json）不是一个普通文件，无法据此检查和恢复；请选择正常的备份文件夹' };
      if (info.size > MAX_MANIFEST_BYTES) return { error: '备份清单（manifest.json）大得不正常，不是本程序写的清单' };
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return { error: '这个文件夹不是一份备份（没有 manifest.json）；请选择以 complaintdesk-backup- 开头的备份文件夹' };
  }
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    return { manifest: manifestSchema.parse(raw), raw };
  } catch {
    return { error: '备份清单（manifest.json）已损坏或格式不对，无法据此检查和恢复' };
  }
}
