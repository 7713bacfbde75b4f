import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDir } from '../fsync';

const SHA256 = /^[0-9a-f]{64}$/;

export interface VaultFile {
  sha256: string;
  size: number;
}

/** Reports bytes as they pass, for a progress bar. */
export type OnBytes = (n: number) => void;

export async function hashFile(path: string, onBytes?: OnBytes): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    onBytes?.((chunk as Buffer).length);
  }
  return hash.digest('hex');
}

/** The files of a content-addressed vault (`ab/abcdef…`), its unfinished imports (tmp/) left out. */
export async function listVault(root: string): Promise<VaultFile[]> {
  const out: VaultFile[] = [];
  const prefixes = await readdir(root).catch(() => [] as string[]);
  for (const prefix of prefixes.filter((p) => /^[0-9a-f]{2}$/.test(p)).sort()) {
    for (const name of (await readdir(join(root, prefix))).sort()) {
      if (!SHA256.test(name) || !name.startsWith(prefix)) continue;
      const s = await stat(join(root, prefix, name));
      if (s.isFile()) out.push({ sha256: name, size: s.size });
    }
  }
  return out;
}

export const storePath = (root: string, sha256: string) => join(root, sha256.slice(0, 2), sha256);

export class AlteredError extends Error {
  constructor(readonly path: string) {
    super(`content of ${path} does not match its SHA-256`);
  }
}

/**
 * Copies a file under a temporary name beside its destination, hashing as it goes, flushes it and
 * only then renames it into place — when its hash is the one expected. A crash leaves a `.part`
 * file, never a half file under a real name.
 */
export async function copyVerified(src: string, dest: string, sha256: string, onBytes?: OnBytes): Promise<void> {
  await mkdir(dirname(dest), { recursive: true });
  const tmp = `${dest}.${randomBytes(6).toString('hex')}.part`;
  const hash = createHash('sha256');
  const out = await open(tmp, 'wx');
  try {
    for await (const chunk of createReadStream(src, { highWaterMark: 1024 * 1024 })) {
      const buf = chunk as Buffer;
      hash.update(buf);
      await out.write(buf);
      onBytes?.(buf.length);
    }
    await out.sync();
    await out.close();
    if (hash.digest('hex') !== sha256) throw new AlteredError(src);
    await rename(tmp, dest);
    await fsyncDir(dirname(dest));
  } catch (error) {
    await out.close().catch(() => {});
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Every file and folder under `root` flushed, deepest first, so a rename of `root` publishes finished content. */
export async function fsyncTree(root: string): Promise<void> {
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) await fsyncTree(path);
    else if (entry.isFile()) {
      const h = await open(path, 'r+');
      await h.sync();
      await h.close();
    }
  }
  await fsyncDir(root);
}
