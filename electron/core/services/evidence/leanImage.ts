import { open, type FileHandle } from 'node:fs/promises';

/**
 * Metadata a picture may carry into the decoder: the camera's EXIF (one JPEG APP1 segment, at most
 * 64 KB), a colour profile and a little more. libjpeg keeps every APPn and COM segment it meets in
 * memory, libpng every text chunk, and libvips copies them again: a photo padded with 100 MB of
 * APP1 blocks took 370 MB to thumbnail, a PNG with 100 MB of tEXt 300 MB.
 */
export const METADATA_BUDGET = 1024 * 1024;

/** Segments or chunks walked before the image data this many at most: a header of tiny ones costs no more. */
const MAX_PARTS = 50_000;

export interface LeanImage {
  /** Byte ranges of the file to give the decoder, [start, end) in file order. */
  ranges: [number, number][];
  /** Bytes of metadata left out. */
  dropped: number;
}

/** Ranges that leave out the parts `drop` named, in file order. */
function rangesWithout(drop: [number, number][], size: number): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  for (const [a, b] of drop) {
    if (a > from) ranges.push([from, a]);
    from = b;
  }
  if (from < size) ranges.push([from, size]);
  return ranges;
}

async function reader(file: FileHandle) {
  const buf = Buffer.alloc(8);
  return async (pos: number, n: 4 | 8) => ((await file.read(buf, 0, n, pos)).bytesRead === n ? buf : null);
}

/**
 * A JPEG's segments up to its image data (SOS), 4 bytes read per segment: every metadata segment
 * (APP1–APP15, COM) past the budget is left out, in file order, so the first EXIF segment
 * (orientation) and the colour profile stay. Null when this is no JPEG it can walk.
 */
async function jpegParts(file: FileHandle, size: number, budget: number): Promise<LeanImage | null> {
  const at = await reader(file);
  const soi = await at(0, 4);
  if (!soi || soi[0] !== 0xff || soi[1] !== 0xd8) return null;
  const drop: [number, number][] = [];
  let pos = 2;
  let kept = 0;
  let dropped = 0;
  for (let n = 0; n < MAX_PARTS; n++) {
    const b = await at(pos, 4);
    if (!b || b[0] !== 0xff) return null;
    const marker: number = b[1]!;
    if (marker === 0xff) {
      pos += 1; // a fill byte before a marker
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return { ranges: rangesWithout(drop, size), dropped };
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2; // markers without a length
      continue;
    }
    const length = b.readUInt16BE(2);
    if (length < 2) return null;
    const end = pos + 2 + length;
    if ((marker >= 0xe1 && marker <= 0xef) || marker === 0xfe) {
      if (kept + length > budget) {
        drop.push([pos, end]);
        dropped += end - pos;
      } else kept += length;
    }
    pos = end;
  }
  return null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A PNG's chunks, 8 bytes read per chunk: ancillary chunks (a lower-case first letter: text, EXIF,
 * colour profile, time …) past the budget are left out; critical ones (IHDR, PLTE, IDAT, IEND) all
 * stay. Null when this is no PNG it can walk.
 */
async function pngParts(file: FileHandle, size: number, budget: number): Promise<LeanImage | null> {
  const at = await reader(file);
  const sig = await at(0, 8);
  if (!sig || !sig.equals(PNG_SIGNATURE)) return null;
  const drop: [number, number][] = [];
  let pos = 8;
  let kept = 0;
  let dropped = 0;
  for (let n = 0; n < MAX_PARTS && pos < size; n++) {
    const b = await at(pos, 8);
    if (!b) return null;
    const length = b.readUInt32BE(0);
    const type = b.toString('latin1', 4, 8);
    const end = pos + 12 + length;
    if (type === 'IEND') return { ranges: rangesWithout(drop, size), dropped };
    const ancillary = (b[4]! & 0x20) !== 0;
    if (ancillary) {
      if (kept + length > budget) {
        drop.push([pos, end]);
        dropped += end - pos;
      } else kept += length;
    }
    pos = end;
  }
  return null;
}

/**
 * What of a JPEG or PNG file to give the decoder so that its memory follows the picture, not the
 * metadata padding it: the ranges to read, and how much was left out. Null for other types, or a
 * file that cannot be walked (it is then decoded as it is, within sharp's own limits).
 */
export async function leanImage(path: string, mime: string, budget = METADATA_BUDGET): Promise<LeanImage | null> {
  if (mime !== 'image/jpeg' && mime !== 'image/png') return null;
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    return await (mime === 'image/jpeg' ? jpegParts : pngParts)(file, size, budget);
  } finally {
    await file.close();
  }
}

/** The kept ranges read into one buffer. */
export async function readRanges(path: string, ranges: [number, number][]): Promise<Buffer> {
  const total = ranges.reduce((n, [a, b]) => n + (b - a), 0);
  const out = Buffer.allocUnsafe(total);
  const file = await open(path, 'r');
  try {
    let offset = 0;
    for (const [a, b] of ranges) {
      for (let pos = a; pos < b; ) {
        const { bytesRead } = await file.read(out, offset, b - pos, pos);
        if (bytesRead === 0) return out.subarray(0, offset); // shorter than it said: the decoder judges what is there
        offset += bytesRead;
        pos += bytesRead;
      }
    }
    return out.subarray(0, offset);
  } finally {
    await file.close();
  }
}
