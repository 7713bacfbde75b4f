import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { CHUNK } from './seal';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

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

/** The chunks of the seal's table that the pages at these byte offsets fall in. */
export function markChunks(walFile: string, into: Set<number>): void {
  const { offsets, pageSize } = walPageOffsets(walFile);
  for (const at of offsets) {
    into.add(Math.floor(at / CHUNK));
    into.add(Math.floor((at + pageSize - 1) / CHUNK));
  }
}
