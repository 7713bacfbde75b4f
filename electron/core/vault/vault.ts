import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, rmSync, statSync, type Stats } from 'node:fs';
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
    // Hashed as it was written: known good as it lies now.
    await stat(final).then((s) => remember(sha256, s, 'ok'), () => {});
    return true;
  }

  /**
   * What this process knows of a file's content: the verdict of its last full hash, with the file's
   * stat fingerprint then. Any write to a file changes its ctime (which, unlike mtime, no tool can
   * set back), so a verdict holds exactly while the fingerprint does. Bounded: the oldest go first.
   */
  const known = new Map<string, { stamp: string; verdict: 'ok' | 'altered' }>();
  const KNOWN_MAX = 50_000;
  const stampOf = (s: Stats) => `${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  function remember(sha256: string, s: Stats, verdict: 'ok' | 'altered'): void {
    known.delete(sha256);
    known.set(sha256, { stamp: stampOf(s), verdict });
    if (known.size > KNOWN_MAX) known.delete(known.keys().next().value!);
  }

  async function hashOf(path: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  /** Re-hashes a file, remembering the verdict against the fingerprint it had before the read. */
  async function check(sha256: string): Promise<'ok' | 'missing' | 'altered'> {
    const path = pathOf(sha256);
    const before = await stat(path).catch(() => null);
    if (!before?.isFile()) return 'missing';
    const verdict = (await hashOf(path)) === sha256 ? 'ok' : 'altered';
    remember(sha256, before, verdict);
    return verdict;
  }

  /** Large files are checked one at a time, in the background, each once. */
  const checking = new Set<string>();
  let backgroundQueue: Promise<unknown> = Promise.resolve();
  function checkLater(sha256: string, onAltered: (sha256: string) => void): void {
    if (checking.has(sha256)) return;
    checking.add(sha256);
    backgroundQueue = backgroundQueue
      .then(() => check(sha256))
      .then((verdict) => verdict === 'altered' && onAltered(sha256))
      .catch(() => {})
      .finally(() => checking.delete(sha256));
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
    // A write that fails (a full disk: ENOSPC) usually does so while the loop waits for the
    // sender's next chunk, with nobody awaiting it: left unobserved, that rejection ends the whole
    // process. So it is caught the moment it happens, kept, and thrown at the next step.
    let failed: { error: unknown } | null = null;
    const throwIfFailed = () => {
      if (failed) throw failed.error;
    };
    const batch: Buffer[] = [];
    let batchBytes = 0;
    let handle: FileHandle | null = await open(tmpPath, 'wx');
    const head = () => Buffer.concat(headChunks, headSize);
    const writeBatch = async (h: FileHandle) => {
      if (batchBytes === 0) return;
      const bufs = batch.splice(0);
      batchBytes = 0;
      if (writing) await writing;
      throwIfFailed();
      writing = writevAll(h, bufs).catch((error: unknown) => {
        failed ??= { error };
      });
    };
    try {
      for await (const chunk of source) {
        throwIfFailed();
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
      throwIfFailed();
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
      await writing;
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
    // As in importStream: a failed write (a full USB stick) is caught when it happens, not left unobserved.
    let failed: { error: unknown } | null = null;
    const throwIfFailed = () => {
      if (failed) throw failed.error;
    };
    let writing: Promise<void> | null = null;
    try {
      for await (const chunk of read(sha256)) {
        hash.update(chunk as Buffer);
        if (writing) await writing;
        throwIfFailed();
        writing = writeAll(out, chunk as Buffer).catch((error: unknown) => {
          failed ??= { error };
        });
      }
      if (writing) await writing;
      throwIfFailed();
      await out.sync();
    } finally {
      await writing;
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

    /** Whether the file is in place now; synchronous, so a transaction can rely on it (see discard). */
    holds(sha256: string): boolean {
      return statSync(pathOf(sha256), { throwIfNoEntry: false })?.isFile() ?? false;
    },

    /**
     * Removes a file an import brought in but never recorded (its row was refused), when `inUse`
     * says no row names it. Synchronous with that check, as every row is written in a synchronous
     * transaction that first asks `holds`: a row either sees the file or is not written.
     */
    discard(sha256: string, inUse: () => boolean): boolean {
      if (inUse()) return false;
      rmSync(pathOf(sha256), { force: true });
      known.delete(sha256);
      return true;
    },

    async has(sha256: string): Promise<boolean> {
      return stat(pathOf(sha256)).then(
        (s) => s.isFile(),
        () => false,
      );
    },

    /** Re-hashes a stored file: 'missing', 'altered' (content no longer matches its name) or 'ok'. */
    check,

    /**
     * Whether a file may be served as the one recorded (`size` bytes), before a byte of it is sent.
     * A file of another size is 'altered' at once. One whose fingerprint has not changed since its
     * last full hash (at import, at a verification, at an earlier read) keeps that verdict. Otherwise
     * a file up to `hashUpTo` bytes is hashed now (a photo, a scan, a PDF: milliseconds), and a
     * larger one (a 3 GB video, read by Range a megabyte at a time) is served 'unchecked' while it
     * is hashed once in the background, so a later read knows.
     */
    async trust(sha256: string, size: number, { hashUpTo, onAltered }: { hashUpTo: number; onAltered: (sha256: string) => void }): Promise<'ok' | 'missing' | 'altered' | 'unchecked'> {
      const now = await stat(pathOf(sha256)).catch(() => null);
      if (!now?.isFile()) return 'missing';
      if (now.size !== size) {
        remember(sha256, now, 'altered');
        return 'altered';
      }
      const memo = known.get(sha256);
      if (memo && memo.stamp === stampOf(now)) return memo.verdict;
      if (size <= hashUpTo) return check(sha256);
      checkLater(sha256, onAltered);
      return 'unchecked';
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
