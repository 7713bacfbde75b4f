import { Readable } from 'node:stream';
import { protocol } from 'electron';
import type { OutputOf } from '../../shared/api/contract';
import { httpStatusOf } from '../../shared/api/errors';
import { FILE_SCHEME } from '../../shared/api/operationNames';
import type { Core } from '../core';
import { fileAnswer, type ServedFile } from '../core/vault/fileResponse';

const FILE_PATH = /^\/files\/evidence\/(\d{1,15})(\/thumbnail)?$/;
const NOTICE_PATH = /^\/files\/notices\/(\d{1,12})\.pdf$/;
const DOSSIER_PATH = /^\/files\/dossiers\/(\d{1,12})\.pdf$/;
const EXPORT_PATH = /^\/files\/exports\/([0-9a-f-]{36})\.xlsx$/;

/**
 * Registered before the app is ready, together with the app's own scheme (Electron takes one
 * registration): the scheme streams, and answers fetch and media elements.
 */
export const fileSchemePrivileges = { scheme: FILE_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } } as const;

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });

/** The file behind a path, by the same operations the host's routes call, or the error answer. */
async function served(core: Core, url: URL, token: string | null): Promise<ServedFile | Response> {
  const evidence = FILE_PATH.exec(url.pathname);
  if (evidence) {
    const result = await core.call('evidence.file', { id: Number(evidence[1]), variant: evidence[2] ? 'thumbnail' : 'original' }, token, { download: true });
    return result.ok ? (result.value as ServedFile) : json(httpStatusOf[result.error.code], result);
  }
  const notice = NOTICE_PATH.exec(url.pathname);
  if (notice) {
    const result = await core.call('notices.file', { id: Number(notice[1]) }, token);
    if (!result.ok) return json(httpStatusOf[result.error.code], result);
    const n = result.value as OutputOf<'notices.file'>;
    if ((await core.vault.check(n.sha256)) !== 'ok') {
      return json(500, { ok: false, error: { code: 'INTERNAL', message: `文书 ${n.number} 的PDF文件缺失或已被改动，请联系管理员核查` } });
    }
    return { path: core.vault.pathOf(n.sha256), size: n.size, mime: 'application/pdf', name: n.fileName, sha256: n.sha256 };
  }
  const dossier = DOSSIER_PATH.exec(url.pathname);
  if (dossier) {
    const result = await core.call('dossier.file', { id: Number(dossier[1]) }, token);
    if (!result.ok) return json(httpStatusOf[result.error.code], result);
    const d = result.value as OutputOf<'dossier.file'>;
    if ((await core.vault.check(d.sha256)) !== 'ok') {
      return json(500, { ok: false, error: { code: 'INTERNAL', message: `卷宗 ${d.caseNo} 第${d.version}版的PDF文件缺失或已被改动，请联系管理员核查` } });
    }
    return { path: core.vault.pathOf(d.sha256), size: d.size, mime: 'application/pdf', name: d.fileName, sha256: d.sha256 };
  }
  const exported = EXPORT_PATH.exec(url.pathname);
  if (exported) {
    const result = await core.call('exports.file', { id: exported[1] }, token);
    if (!result.ok) return json(httpStatusOf[result.error.code], result);
    const file = core.services.exports.file(exported[1]!, core.services.sessions.authenticate(token)!);
    // The export's id is unique to its file, so it serves as the file's tag.
    return { path: file.path, size: file.size, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name: file.fileName, sha256: exported[1]! };
  }
  return json(404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个文件' } });
}

/**
 * `cdfile://app/files/evidence/<id>[/thumbnail]` and `cdfile://app/files/notices/<id>.pdf`: the
 * desktop twin of the host's GET /files/…, the same operations with the window's session and the
 * same Range answers, so a 3 GB video seeks without loading.
 */
export function serveFiles(core: Core, tokenFor: () => string | null): void {
  protocol.handle(FILE_SCHEME, async (request) => {
    const file = await served(core, new URL(request.url), tokenFor());
    if (file instanceof Response) return file;
    const answer = fileAnswer(file, request.headers.get('range') ?? undefined, request.method === 'HEAD' ? 'HEAD' : 'GET');
    const body = answer.body ? (Readable.toWeb(answer.body) as unknown as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
