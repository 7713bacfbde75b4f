import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '../../../shared/api/errors';
import { formatBytes } from '../../../shared/formatBytes';
import { fsyncDir } from '../fsync';

/** Bytes kept from the start of every import, enough for content sniffing (file-type reads 4100). */
export const HEAD_BYTES = 4100;

export interface Stored {
  sha256: string;
  size: number;
  /** The first HEAD_BYTES bytes, for sniffing the type from the content. */
  head: Buffer;
  /** False when the same content was already in the vault (stored once). */
  created: boolean;
}

export interface ImportOptions {
  /** Refuse, and keep nothing, once more than this many bytes have arrived. */
  maxBytes: number;
  /** Aborting stops the copy and removes the temporary file. */
  signal?: AbortSignal;
}

const SHA256 = /^[0-9a-f]{64}$/;
const TMP = 'tmp';

/**
 * The content-addressed evidence vault of DESIGN.md "Data": every file is named by its SHA-256
 * under `vault/ab/abcdef…`, written to a temporary name in the same folder tree, flushed and
 * renamed, so a crash never leaves a half file under a real name. The same content twice is
 * stored once. Names from users never become paths: only a hash does.
 */
export function createVault(root: string) {
  const tmpDir = join(root, TMP);

  const pathOf = (sha256: string): string => {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
    return join(root, sha256.slice(0, 2), sha256);
  };

  /** Moves a flushed temporary file under its hash; a file already there wins (same bytes). */
  async function commit(tmpPath: string, sha256: string): Promise<boolean> {
    const final = pathOf(sha256);
    const exists = await stat(final).then(
      () => true,
      () => false,
    );
    if (exists) {
      await rm(tmpPath, { force: true });
      return false;
    }
    await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
    await rename(tmpPath, final);
    await fsyncDir(join(root, sha256.slice(0, 2)));
    return true;
  }

  /**
   * One streaming pass: hashes while it writes, memory flat whatever the size. The caller commits
   * its database row only after this resolves, so no row ever points at a missing file.
   */
  async function importStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: ImportOptions): Promise<Stored> {
    await mkdir(tmpDir, { recursive: true });
    const tmpPath = join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let headSize = 0;
    let size = 0;
    let handle: FileHandle | null = await open(tmpPath, 'wx');
    try {
      for await (const chunk of source) {
        options.signal?.throwIfAborted();
        const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        size += buf.length;
        if (size > options.maxBytes) {
          throw new DomainError('TOO_LARGE', `文件超过大小上限（${formatBytes(options.maxBytes)}），未保存`);
        }
        if (headSize < HEAD_BYTES) {
          const part = buf.subarray(0, HEAD_BYTES - headSize);
          headChunks.push(Buffer.from(part));
          headSize += part.length;
        }
        hash.update(buf);
        await handle.write(buf);
      }
      options.signal?.throwIfAborted();
      await handle.sync();
      await handle.close();
      handle = null;
      const sha256 = hash.digest('hex');
      const created = await commit(tmpPath, sha256);
      return { sha256, size, head: Buffer.concat(headChunks, headSize), created };
    } catch (error) {
      await handle?.close().catch(() => {});
      await rm(tmpPath, { force: true });
      throw error;
    }
  }

  return {
    root,
    pathOf,
    importStream,

    /** A small file already in memory (a printed notice's PDF). */
    putBuffer(data: Uint8Array): Promise<Stored> {
      return importStream([data], { maxBytes: Number.MAX_SAFE_INTEGER });
    },

    async has(sha256: string): Promise<boolean> {
      return stat(pathOf(sha256)).then(
        (s) => s.isFile(),
        () => false,
      );
    },

    /** Re-hashes a stored file: 'missing', 'altered' (content no longer matches its name) or 'ok'. */
    async check(sha256: string): Promise<'ok' | 'missing' | 'altered'> {
      const path = pathOf(sha256);
      const exists = await stat(path).then(
        (s) => s.isFile(),
        () => false,
      );
      if (!exists) return 'missing';
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
      return hash.digest('hex') === sha256 ? 'ok' : 'altered';
    },

    /** Leftovers of imports cut off by a crash or a kill; run at start, before any import. */
    async sweep(): Promise<number> {
      const names = await readdir(tmpDir).catch(() => [] as string[]);
      await Promise.all(names.map((n) => rm(join(tmpDir, n), { force: true })));
      return names.length;
    },
  };
}
export type Vault = ReturnType<typeof createVault>;

export { formatBytes };
