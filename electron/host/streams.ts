import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core';
import type { Logger } from '../core/ports';
import type { ServedFile } from '../core/vault/fileResponse';
import { fileRoute, sendResult, sendStoredFile } from './answers';
import { uploadBody } from './clientGone';

/** How long a refused upload's remaining body is still read, so the client receives the answer before the socket closes. */
const DRAIN_MS = 2000;

/**
 * The streamed upload of the contract: `POST /api/<operation>?…` with the raw file as the body.
 * The query is the input; the body goes unread into the core's import (dispatch checks the
 * session first, so no byte of an unauthenticated upload is kept).
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, name: string, url: URL, core: Core, token: string | null): Promise<void> {
  const length = req.headers['content-length'];
  const declaredSize = length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
  const input = Object.fromEntries(url.searchParams);
  const { stream, signal } = uploadBody(req);
  const result = await core.call(name, input, token, { upload: { stream, declaredSize, signal } });
  if (signal.aborted) return; // nobody is there to answer
  if (req.complete) {
    sendResult(res, result);
    return;
  }
  // Refused before the body was all read: answer, read on briefly so the answer is seen, then close.
  sendResult(res, result, { Connection: 'close' });
  req.resume();
  const timer = setTimeout(() => req.socket.destroy(), DRAIN_MS);
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
}

const FILE_PATH = /^\/files\/evidence\/(\d{1,15})(\/thumbnail)?$/;

/**
 * GET /files/evidence/<id>[/thumbnail]: the contract's download operation with the session
 * (bearer or cookie), answered with HTTP Range (206 exact bytes, 416 outside the file).
 */
export async function handleFile(req: IncomingMessage, res: ServerResponse, url: URL, core: Core, token: string | null, log: Logger): Promise<void> {
  const m = fileRoute(req, res, url, FILE_PATH);
  if (!m) return;
  const result = await core.call('evidence.file', { id: Number(m[1]), variant: m[2] ? 'thumbnail' : 'original' }, token, { download: true });
  if (!result.ok) {
    sendResult(res, result);
    return;
  }
  await sendStoredFile(req, res, result.value as ServedFile, log);
}
