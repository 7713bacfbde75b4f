import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OutputOf } from '../../shared/api/contract';
import type { Core } from '../core';
import { sendFile, sendFileError } from './fileResponse';
import { tokenOf } from './session';

const ROUTE = /^\/files\/notices\/(\d{1,12})\.pdf$/;

/**
 * `GET /files/notices/<id>.pdf` (../shared/API.md "Host"): an issued notice's stored PDF, with the
 * session (bearer or cookie) and HTTP Range. Access and lookup go through the contract's
 * `notices.file`, so this route checks nothing the API does not; only a hash becomes a path.
 */
export async function serveNoticeFile(req: IncomingMessage, res: ServerResponse, url: URL, core: Core): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendFileError(res, { code: 'VALIDATION', message: '请用 GET 读取文件' }, { Allow: 'GET, HEAD' });
    return;
  }
  const id = ROUTE.exec(url.pathname)?.[1];
  if (!id) {
    sendFileError(res, { code: 'NOT_FOUND', message: '文件不存在' });
    return;
  }
  const result = await core.call('notices.file', { id: Number(id) }, tokenOf(req));
  if (!result.ok) {
    sendFileError(res, result.error);
    return;
  }
  const notice = result.value as OutputOf<'notices.file'>;
  const path = core.vault.pathOf(notice.sha256);
  if ((await core.vault.check(notice.sha256)) !== 'ok') {
    sendFileError(res, { code: 'INTERNAL', message: `文书 ${notice.number} 的PDF文件缺失或已被改动，请联系管理员核查` });
    return;
  }
  await sendFile(req, res, path, { type: 'application/pdf', name: notice.fileName, etag: notice.sha256, download: url.searchParams.has('download') });
}
