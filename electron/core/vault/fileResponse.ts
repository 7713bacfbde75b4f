import { createReadStream, type ReadStream } from 'node:fs';

export type RangeAsked =
  | { kind: 'whole' }
  | { kind: 'part'; start: number; end: number }
  /** A byte range that lies outside the file or cannot be read: 416. */
  | { kind: 'unsatisfiable' };

/** Range units are case-insensitive (RFC 9110 §14.1): `BYTES=0-3` is `bytes=0-3`. */
const BYTES = /^bytes=(\d*)-(\d*)$/i;

/**
 * One `Range: bytes=…` header against a file of `size` bytes (RFC 9110 §14). Several ranges at
 * once are answered whole, which the RFC allows; players ask for one.
 */
export function parseRange(header: string | undefined, size: number): RangeAsked {
  if (!header) return { kind: 'whole' };
  const spec = header.trim();
  if (!spec.toLowerCase().startsWith('bytes=')) return { kind: 'whole' };
  if (spec.includes(',')) return { kind: 'whole' };
  const m = BYTES.exec(spec.replace(/\s+/g, ''));
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'unsatisfiable' };
  if (m[1] === '') {
    // Suffix: the last N bytes.
    const n = Number(m[2]);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || end < start) return { kind: 'unsatisfiable' };
  return { kind: 'part', start, end };
}

export interface ServedFile {
  path: string;
  size: number;
  mime: string;
  name: string;
  sha256: string;
}

export interface FileAnswer {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** Null for HEAD and for 416. */
  body: ReadStream | null;
}

/** RFC 5987 filename*, so a Chinese name survives; the plain filename is an ASCII stand-in. */
function disposition(name: string, download: boolean): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(name)}; filename="${ascii}"`;
}

/**
 * The answer for a stored file, the same for the host's GET /files/… and the Electron shell's
 * scheme: 200 whole, 206 with exactly the asked bytes, 416 for a range outside the file.
 * A video of several GB seeks without being loaded: only the asked bytes are read.
 */
export function fileAnswer(file: ServedFile, rangeHeader: string | undefined, method: 'GET' | 'HEAD' = 'GET', { download = false }: { download?: boolean } = {}): FileAnswer {
  const common: Record<string, string> = {
    'Accept-Ranges': 'bytes',
    // Content-addressed: the bytes behind an id never change, but only a signed-in user may see them.
    'Cache-Control': 'private, max-age=3600',
    ETag: `"${file.sha256}"`,
    'Content-Disposition': disposition(file.name, download),
    'X-Content-Type-Options': 'nosniff',
  };
  const range = parseRange(rangeHeader, file.size);
  if (range.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'Content-Range': `bytes */${file.size}`, 'Content-Length': '0' }, body: null };
  }
  const type = { 'Content-Type': file.mime };
  if (range.kind === 'whole') {
    return {
      status: 200,
      headers: { ...common, ...type, 'Content-Length': String(file.size) },
      body: method === 'HEAD' ? null : createReadStream(file.path, { highWaterMark: 1024 * 1024 }),
    };
  }
  return {
    status: 206,
    headers: { ...common, ...type, 'Content-Length': String(range.end - range.start + 1), 'Content-Range': `bytes ${range.start}-${range.end}/${file.size}` },
    body: method === 'HEAD' ? null : createReadStream(file.path, { start: range.start, end: range.end, highWaterMark: 256 * 1024 }),
  };
}
