import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { CHUNK } from './seal';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;
/** What the WAL's tail reads at once: 63 frames of 4 KB pages, one frame of 64 KB pages or more. */
const BATCH_BYTES = 256 * 1024;

/**
 * The database pages a WAL holds, read from its frame headers (https://sqlite.org/fileformat.html
 * "WAL file format": a 32-byte header, then frames of a 24-byte header whose first four bytes are
 * the page number, big-endian, and one page). Only these pages can change in the database file at
 * a checkpoint, so only their chunks need hashing again for the seal. Frames of an older round of
 * the WAL are counted too: that can only name a chunk too many, never one too few.
 */
/** Byte offsets in the database file of the pages the WAL holds. */
export function walPageOffsets(walFile: string): { offsets: number[]; pageSize: number } {
  if (!existsSync(walFile)) return { offsets: [], pageSize: 0 };
  const fd = openSync(walFile, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < WAL_HEADER) return { offsets: [], pageSize: 0 };
    const header = Buffer.alloc(WAL_HEADER);
    readSync(fd, header, 0, WAL_HEADER, 0);
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return { offsets: [], pageSize: 0 };
    const pageSize = header.readUInt32BE(8) === 1 ? 65536 : header.readUInt32BE(8);
    const pages: number[] = [];
    const frame = Buffer.alloc(4);
    for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= size; at += FRAME_HEADER + pageSize) {
      readSync(fd, frame, 0, 4, at);
      pages.push(frame.readUInt32BE(0));
    }
    return { offsets: pages.filter((p) => p > 0).map((p) => (p - 1) * pageSize), pageSize };
  } finally {
    closeSync(fd);
  }
}

function markPage(into: Set<number>, at: number, pageSize: number): void {
  into.add(Math.floor(at / CHUNK));
  into.add(Math.floor((at + pageSize - 1) / CHUNK));
}

/** The chunks of the seal's table that the pages at these byte offsets fall in. */
export function markChunks(walFile: string, into: Set<number>): void {
  const { offsets, pageSize } = walPageOffsets(walFile);
  for (const at of offsets) markPage(into, at, pageSize);
}

/**
 * Follows the WAL as it grows, reading each frame's header once. After a checkpoint SQLite starts
 * the WAL again from its beginning with new salts but leaves the file its size, so the file's
 * size says nothing of what is in it: reading every frame header of it after every write cost a
 * register 60–80 ms once it had reached 4 MB. This reads on from where it stopped, ends the round
 * at the first frame with other salts (one of an older round, never to be checkpointed), and goes
 * on after a round's last commit only, since frames after it may yet be written over.
 */
export function createWalTail(walFile: string) {
  let salts: Buffer | null = null;
  let next = WAL_HEADER;
  const header = Buffer.alloc(WAL_HEADER);
  /** Frames read a batch at a time: a read per frame header cost each registration 85 reads (0.3–2 ms at a million cases). */
  let batch = Buffer.alloc(0);
  return {
    /** Marks the chunks of the pages written since the last call; gives the bytes of frames in the WAL's current round. */
    catchUp(into: Set<number>): number {
      if (!existsSync(walFile)) {
        salts = null;
        return 0;
      }
      const fd = openSync(walFile, 'r');
      try {
        const size = fstatSync(fd).size;
        if (size < WAL_HEADER || readSync(fd, header, 0, WAL_HEADER, 0) < WAL_HEADER) return 0;
        const magic = header.readUInt32BE(0);
        if (magic !== 0x377f0682 && magic !== 0x377f0683) return 0;
        const pageSize = header.readUInt32BE(8) === 1 ? 65536 : header.readUInt32BE(8);
        const frameSize = FRAME_HEADER + pageSize;
        const round = header.subarray(16, 24);
        if (salts === null || !round.equals(salts)) {
          salts = Buffer.from(round);
          next = WAL_HEADER;
        }
        const batchFrames = Math.max(1, Math.floor(BATCH_BYTES / frameSize));
        if (batch.length < batchFrames * frameSize) batch = Buffer.alloc(batchFrames * frameSize);
        let at = next;
        scan: while (at + frameSize <= size) {
          const frames = Math.min(batchFrames, Math.floor((size - at) / frameSize));
          const got = Math.floor(readSync(fd, batch, 0, frames * frameSize, at) / frameSize);
          if (got === 0) break;
          for (let i = 0; i < got; i++, at += frameSize) {
            const f = i * frameSize;
            if (!batch.subarray(f + 8, f + 16).equals(salts)) break scan;
            const page = batch.readUInt32BE(f);
            if (page > 0) markPage(into, (page - 1) * pageSize, pageSize);
            if (batch.readUInt32BE(f + 4) !== 0) next = at + frameSize;
          }
        }
        return next - WAL_HEADER;
      } finally {
        closeSync(fd);
      }
    },
  };
}
export type WalTail = ReturnType<typeof createWalTail>;
