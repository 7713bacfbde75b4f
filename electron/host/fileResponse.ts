import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpStatusOf, type ApiErrorValue } from '../../shared/api/errors';
import { securityHeaders } from './static';

/** An error answer for a file route, in the API's shape and status (../shared/API.md "Host"). */
export function sendFileError(res: ServerResponse, error: ApiErrorValue, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ ok: false, error });
  res.writeHead(httpStatusOf[error.code], {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** One range of `bytes=a-b`, `bytes=a-` or `bytes=-n`; null when there is none; 'bad' when it cannot be met. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'bad' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges at once are answered whole, as RFC 9110 allows.
  if (!m) return header.includes(',') ? null : 'bad';
  const [, a, b] = m;
  if (a === '' && b === '') return 'bad';
  let start: number;
  let end: number;
  if (a === '') {
    start = Math.max(0, size - Number(b));
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return 'bad';
  return { start, end };
}

export interface FileMeta {
  type: string;
  /** The name offered when saved. */
  name: string;
  /** Content that never changes under this address can say so (a content hash). */
  etag?: string;
  download?: boolean;
}

/** Streams a file with HTTP Range support (200, 206 or 416); HEAD gets the headers alone. */
export async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, meta: FileMeta): Promise<void> {
  const size = (await stat(file)).size;
  const range = parseRange(req.headers.range, size);
  const base = {
    ...securityHeaders,
    'Content-Type': meta.type,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, no-cache',
    'Content-Disposition': `${meta.download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
    ...(meta.etag ? { ETag: `"${meta.etag}"` } : {}),
  };
  if (meta.etag && req.headers['if-none-match'] === `"${meta.etag}"`) {
    res.writeHead(304, base);
    res.end();
    return;
  }
  if (range === 'bad') {
    res.writeHead(416, { ...base, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  res.writeHead(range ? 206 : 200, {
    ...base,
    'Content-Length': size === 0 ? 0 : end - start + 1,
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(file, { start, end });
  stream.once('error', () => res.destroy());
  res.once('close', () => stream.destroy());
  stream.pipe(res);
}
