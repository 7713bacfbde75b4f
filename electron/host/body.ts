import type { IncomingMessage } from 'node:http';
import { DomainError } from '../../shared/api/errors';

/** JSON bodies are small; evidence files stream through their own route and never come here. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * Reads a request body as a stream, stopping as soon as it passes the limit, so an oversized
 * body costs at most `limit` bytes of memory however large it claims or turns out to be.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new DomainError('TOO_LARGE', `请求内容过大（上限 ${Math.round(limit / 1024)} KB）`);
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading but keep the socket, so the 413 answer still reaches the client.
        req.off('data', onData);
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) {
    throw new DomainError('UNSUPPORTED_TYPE', '请求内容类型应为 application/json');
  }
  const body = await readBody(req, JSON_BODY_LIMIT);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new DomainError('VALIDATION', '请求内容不是有效的 JSON，请检查格式');
  }
}
