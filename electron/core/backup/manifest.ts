import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

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
});
export type Manifest = z.infer<typeof manifestSchema>;

export const totalBytes = (m: Manifest) => m.database.size + m.vault.files.reduce((n, f) => n + f.size, 0);

/** The manifest of a backup folder, or why it cannot be read (in Chinese). */
export async function readManifest(dir: string): Promise<{ manifest: Manifest } | { error: string }> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), 'utf8');
  } catch {
    return { error: '这个文件夹不是一份备份（没有 manifest.json）；请选择以 complaintdesk-backup- 开头的备份文件夹' };
  }
  try {
    return { manifest: manifestSchema.parse(JSON.parse(text)) };
  } catch {
    return { error: '备份清单（manifest.json）已损坏或格式不对，无法据此检查和恢复' };
  }
}
