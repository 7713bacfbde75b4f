import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { contract, isOperationName, operationNames } from '../../shared/api/contract';
import { DomainError, fail, httpStatusOf, type Result } from '../../shared/api/errors';
import type { Core } from '../core';
import type { Logger } from '../core/ports';
import { readJson } from './body';
import { serveNoticeFile } from './noticeFiles';
import { clearedSessionCookie, sameOrigin, sessionCookie, tokenOf } from './session';
import { securityHeaders, serveStatic } from './static';

export interface HostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  staticDir: string;
  log: Logger;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
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

function sendResult(res: ServerResponse, result: Result<unknown>, headers: Record<string, string> = {}): void {
  sendJson(res, result.ok ? 200 : httpStatusOf[result.error.code], result, headers);
}

/** GET /api: every operation with the JSON Schemas of its input and value (../shared/API.md "Host"). */
let apiDescription: unknown;
function describeApi() {
  return (apiDescription ??= {
    operations: operationNames.map((name) => ({
      name,
      summary: contract[name].summary,
      access: contract[name].access,
      input: z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(contract[name].output, { io: 'output', unrepresentable: 'any' }),
    })),
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, name: string, core: Core): Promise<void> {
  if (req.method !== 'POST') {
    sendJson(res, 405, fail('VALIDATION', '请用 POST 调用操作'), { Allow: 'POST' });
    return;
  }
  if (!isOperationName(name)) {
    sendJson(res, 404, fail('NOT_FOUND', `没有名为“${name.slice(0, 60)}”的操作`), { Connection: 'close' });
    return;
  }
  let input: unknown;
  try {
    input = await readJson(req);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // Stop reading whatever is left of a refused body; the connection is not reused.
    sendResult(res, fail(error.code, error.message), { Connection: 'close' });
    res.once('finish', () => req.socket.destroySoon());
    return;
  }
  const token = tokenOf(req);
  const result = await core.call(name, input, token);
  if (name === 'session.login' && result.ok) {
    sendResult(res, result, { 'Set-Cookie': sessionCookie((result.value as { token: string }).token) });
  } else if (name === 'session.logout') {
    sendResult(res, result, { 'Set-Cookie': clearedSessionCookie });
  } else {
    sendResult(res, result);
  }
}

/** The loopback host: the built renderer and the same handler table over HTTP. */
export function createHostServer({ core, staticDir, log }: HostOptions): Server {
  const server = createServer((req, res) => {
    const port = (server.address() as { port: number } | null)?.port ?? 0;
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!sameOrigin(req, port)) {
        sendJson(res, 403, fail('FORBIDDEN', '只接受来自本机本程序页面的请求'));
        return;
      }
      if (url.pathname === '/api' || url.pathname === '/api/') {
        sendJson(res, 200, { ok: true, value: describeApi() });
      } else if (url.pathname.startsWith('/api/')) {
        await handleApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)), core);
      } else if (url.pathname.startsWith('/files/notices/')) {
        await serveNoticeFile(req, res, url, core);
      } else if (url.pathname.startsWith('/files/')) {
        sendJson(res, 404, fail('NOT_FOUND', '文件不存在'));
      } else if (req.method === 'GET' || req.method === 'HEAD') {
        serveStatic(staticDir, url.pathname, res);
      } else {
        sendJson(res, 404, fail('NOT_FOUND', '没有这个地址'));
      }
    })().catch((error: unknown) => {
      log.error(`request ${req.method} ${req.url} failed`, error);
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', '系统内部错误，请稍后重试；如反复出现请联系管理员'));
      else res.destroy();
    });
  });
  server.requestTimeout = 5 * 60 * 1000;
  return server;
}
