import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { contract, isOperationName, operationNames, streamOf } from '../../shared/api/contract';
import { DomainError, fail } from '../../shared/api/errors';
import type { Core } from '../core';
import { yieldToLoop } from '../core/loop';
import type { Logger } from '../core/ports';
import { sendJson, sendResult } from './answers';
import { readJson } from './body';
import { clientWentAway } from './clientGone';
import { serveExportFile } from './exportFiles';
import { serveDossierFile } from './dossierFiles';
import { serveNoticeFile } from './noticeFiles';
import { clearedSessionCookie, sameOrigin, sessionCookie, tokenOf } from './session';
import { serveStatic } from './static';
import { handleFile, handleUpload } from './streams';

export interface HostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  staticDir: string;
  log: Logger;
}


/** Operations described between two turns of the event loop: a few milliseconds. */
const DESCRIBED_A_TURN = 8;

/**
 * GET /api: every operation with the JSON Schemas of its input and value (../shared/API.md "Host"),
 * built once. Built in one piece it held the page's calls 45–65 ms, so the loop turns between a few
 * operations.
 */
let apiDescription: Promise<unknown> | undefined;
function describeApi(): Promise<unknown> {
  return (apiDescription ??= (async () => {
    const operations: unknown[] = [];
    for (const name of operationNames) {
      if (operations.length % DESCRIBED_A_TURN === DESCRIBED_A_TURN - 1) await yieldToLoop();
      operations.push({
        name,
        summary: contract[name].summary,
        access: contract[name].access,
        ...(streamOf(name) ? { stream: streamOf(name) } : {}),
        input: z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }),
        output: z.toJSONSchema(contract[name].output, { io: 'output', unrepresentable: 'any' }),
      });
    }
    return { operations };
  })());
}

/**
 * A method the resource does not have (GET /api/cases.get, DELETE /api): ../shared/API.md has no
 * 405 code, and its codes keep their own statuses, so this is NOT_FOUND, 404: there is nothing at
 * this method and path. VALIDATION would say the body was wrong, which it was not. `Allow` names
 * the methods that are there.
 */
function noSuchMethod(res: ServerResponse, allow: string, message: string): void {
  sendJson(res, 404, fail('NOT_FOUND', message), { Allow: allow });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, name: string, url: URL, core: Core): Promise<void> {
  if (req.method !== 'POST') {
    noSuchMethod(res, 'POST', `操作只能用 POST 调用（收到的是 ${String(req.method).slice(0, 10)}）`);
    return;
  }
  if (!isOperationName(name)) {
    sendJson(res, 404, fail('NOT_FOUND', `没有名为“${name.slice(0, 60)}”的操作`), { Connection: 'close' });
    return;
  }
  if (streamOf(name) === 'upload') {
    await handleUpload(req, res, name, url, core, tokenOf(req));
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

/** A %-decoded path segment, or null when its encoding is malformed (`%E0%A4%A`). */
function decodePath(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
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
        if (req.method === 'GET' || req.method === 'HEAD') sendJson(res, 200, { ok: true, value: await describeApi() });
        else noSuchMethod(res, 'GET, HEAD', '操作列表只能用 GET 读取；调用操作请 POST 到 /api/<操作名>');
      } else if (url.pathname.startsWith('/api/')) {
        const name = decodePath(url.pathname.slice('/api/'.length));
        if (name === null) sendJson(res, 400, fail('VALIDATION', '地址中的 % 编码无效，请检查操作名称'), { Connection: 'close' });
        else await handleApi(req, res, name, url, core);
      } else if (url.pathname.startsWith('/files/notices/')) {
        await serveNoticeFile(req, res, url, core, log);
      } else if (url.pathname.startsWith('/files/dossiers/')) {
        await serveDossierFile(req, res, url, core, log);
      } else if (url.pathname.startsWith('/files/exports/')) {
        await serveExportFile(req, res, url, core, log);
      } else if (url.pathname.startsWith('/files/')) {
        await handleFile(req, res, url, core, tokenOf(req), log);
      } else if (req.method === 'GET' || req.method === 'HEAD') {
        serveStatic(staticDir, url.pathname, res);
      } else {
        sendJson(res, 404, fail('NOT_FOUND', '没有这个地址'));
      }
    })().catch((error: unknown) => {
      // A client that went away is no fault (and anyone on the PC can send thousands): nothing is logged, nobody is answered.
      if (clientWentAway(req, error)) {
        res.destroy();
        return;
      }
      log.error(`request ${req.method} ${String(req.url).slice(0, 200)} failed`, error);
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', '系统内部错误，请稍后重试；如反复出现请联系管理员'));
      else res.destroy();
    });
  });
  // An upload of a several-GB phone video may take longer than any fixed limit; the host binds
  // loopback only, so a slow client is the office's own. Headers still have to arrive in time.
  server.requestTimeout = 0;
  server.headersTimeout = 60 * 1000;
  return server;
}
