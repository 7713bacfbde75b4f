import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpStatusOf, type Result } from '../../shared/api/errors';
import type { Logger } from '../core/ports';
import { fileAnswer, type ServedFile } from '../core/vault/fileResponse';
import { securityHeaders } from './static';

/** Every JSON answer of the host: the page's security headers, never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** A result of the contract with the status ../shared/API.md gives its error code. */
export function sendResult(res: ServerResponse, result: Result<unknown>, headers: Record<string, string> = {}): void {
  sendJson(res, result.ok ? 200 : httpStatusOf[result.error.code], result, headers);
}

/**
 * A stored file (evidence, a notice's PDF) as the core answers it for both shells (fileAnswer: 200,
 * 206 with exactly the asked bytes, 416), plus 304 for a copy the browser already holds.
 */
export async function sendStoredFile(req: IncomingMessage, res: ServerResponse, file: ServedFile, log: Logger, options: { download?: boolean } = {}): Promise<void> {
  const answer = fileAnswer(file, req.headers.range, req.method === 'HEAD' ? 'HEAD' : 'GET', options);
  if (req.headers['if-none-match'] === answer.headers.ETag) {
    answer.body?.destroy();
    res.writeHead(304, { ...securityHeaders, ETag: answer.headers.ETag!, 'Cache-Control': answer.headers['Cache-Control']! });
    res.end();
    return;
  }
  res.writeHead(answer.status, { ...securityHeaders, ...answer.headers });
  if (!answer.body) {
    res.end();
    return;
  }
  // A player that seeks closes the previous request: that is not a fault.
  await pipeline(answer.body, res).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') log.warn(`serving ${file.name} stopped: ${error.message}`);
  });
}

/**
 * The captures of a stored-file route (`/files/…`), or null once it has answered: files are read
 * with GET or HEAD only, and a path the route does not know is not found.
 */
export function fileRoute(req: IncomingMessage, res: ServerResponse, url: URL, route: RegExp): RegExpExecArray | null {
  const m = route.exec(url.pathname);
  if (!m) {
    sendResult(res, { ok: false, error: { code: 'NOT_FOUND', message: '文件不存在' } });
    return null;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendResult(res, { ok: false, error: { code: 'VALIDATION', message: '请用 GET 读取文件' } }, { Allow: 'GET, HEAD' });
    return null;
  }
  return m;
}
