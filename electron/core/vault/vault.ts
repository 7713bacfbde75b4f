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
  signal?: { throwIfAborted(): void };
  /**
   * Called once with the first HEAD_BYTES bytes (or all of a shorter file, possibly none) before
   * anything is committed: throwing refuses the file early, e.g. a type outside the allow-list.
   */
  accept?: (head: Buffer) => void | Promise<void>;
  /** The size the sender announced: a stream that ends short of it was cut off, and is not kept. */
  expectedSize?: number | null;
}

/** A file write may be partial (a disk filling up): keep writing until the buffer is out. */
async function writeAll(handle: FileHandle, buf: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buf.length) {
    const { bytesWritten } = await handle.write(buf, offset, buf.length - offset);
    offset += bytesWritten;
  }
}

/** Several chunks in one system call (a socket delivers 64 KB at a time; the disk likes larger writes). */
async function writevAll(handle: FileHandle, bufs: Buffer[]): Promise<void> {
  const total = bufs.reduce((n, b) => n + b.length, 0);
  const { bytesWritten } = await handle.writev(bufs);
  if (bytesWritten < total) await writeAll(handle, Buffer.concat(bufs).subarray(bytesWritten));
}

/** Chunks gathered into one write. (A periodic fdatasync during the copy was measured slower than one fsync at the end.) */
const WRITE_BATCH = 1024 * 1024;

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
    let accepted = false;
    let size = 0;
    // One write in flight while the next chunks are hashed: disk and CPU side by side.
    let writing = null as Promise<void> | null;
    const batch: Buffer[] = [];
    let batchBytes = 0;
    let handle: FileHandle | null = await open(tmpPath, 'wx');
    const head = () => Buffer.concat(headChunks, headSize);
    const writeBatch = async (h: FileHandle) => {
      if (batchBytes === 0) return;
      const bufs = batch.splice(0);
      batchBytes = 0;
      if (writing) await writing;
      writing = writevAll(h, bufs);
    };
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
          if (headSize === HEAD_BYTES && !accepted) {
            accepted = true;
            await options.accept?.(head());
          }
        }
        hash.update(buf);
        batch.push(buf);
        batchBytes += buf.length;
        if (batchBytes >= WRITE_BATCH) await writeBatch(handle);
      }
      await writeBatch(handle);
      if (writing) await writing;
      writing = null;
      options.signal?.throwIfAborted();
      if (!accepted) await options.accept?.(head());
      if (options.expectedSize != null && size !== options.expectedSize) {
        throw new DomainError('VALIDATION', `文件未传完整（收到 ${formatBytes(size)}，应为 ${formatBytes(options.expectedSize)}），未保存，请重新添加`);
      }
      await handle.sync();
      await handle.close();
      handle = null;
      const sha256 = hash.digest('hex');
      const created = await commit(tmpPath, sha256);
      return { sha256, size, head: head(), created };
    } catch (error) {
      await writing?.catch(() => {});
      await handle?.close().catch(() => {});
      await rm(tmpPath, { force: true });
      throw error;
    }
  }

  /** A stored file, or a byte range of it (both ends inclusive), as a stream: memory flat whatever the size. */
  function read(sha256: string, range?: { start: number; end: number }) {
    return createReadStream(pathOf(sha256), range ? { start: range.start, end: range.end, highWaterMark: 256 * 1024 } : { highWaterMark: 1024 * 1024 });
  }

  /**
   * Copies a stored file out of the vault (an export), hashing what is written, flushed; the
   * copy's own hash is returned, so a file altered in the vault is caught, not passed on.
   */
  async function copyOut(sha256: string, dest: string): Promise<string> {
    const out = await open(dest, 'wx');
    const hash = createHash('sha256');
    try {
      let writing: Promise<void> | null = null;
      for await (const chunk of read(sha256)) {
        hash.update(chunk as Buffer);
        if (writing) await writing;
        writing = writeAll(out, chunk as Buffer);
      }
      if (writing) await writing;
      await out.sync();
    } finally {
      await out.close();
    }
    return hash.digest('hex');
  }

  return {
    root,
    pathOf,
    importStream,
    read,
    copyOut,

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
