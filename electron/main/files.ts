import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { httpStatusOf } from '../../shared/api/errors';
import { FILE_SCHEME } from '../../shared/api/operationNames';
import type { Core } from '../core';
import { fileAnswer, type ServedFile } from '../core/vault/fileResponse';

const FILE_PATH = /^\/files\/evidence\/(\d{1,15})(\/thumbnail)?$/;

/**
 * Registered before the app is ready, together with the app's own scheme (Electron takes one
 * registration): the scheme streams, and answers fetch and media elements.
 */
export const fileSchemePrivileges = { scheme: FILE_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } } as const;

/**
 * `cdfile://app/files/evidence/<id>[/thumbnail]`: the desktop twin of the host's GET /files/…,
 * the same download operation with the window's session and the same Range answers, so a 3 GB
 * video seeks without loading.
 */
export function serveFiles(core: Core, tokenFor: () => string | null): void {
  protocol.handle(FILE_SCHEME, async (request) => {
    const url = new URL(request.url);
    const m = FILE_PATH.exec(url.pathname);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    if (!m) return json(404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个文件' } });
    const result = await core.call('evidence.file', { id: Number(m[1]), variant: m[2] ? 'thumbnail' : 'original' }, tokenFor(), { download: true });
    if (!result.ok) return json(httpStatusOf[result.error.code], result);
    const answer = fileAnswer(result.value as ServedFile, request.headers.get('range') ?? undefined, request.method === 'HEAD' ? 'HEAD' : 'GET');
    const body = answer.body ? (Readable.toWeb(answer.body) as unknown as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
