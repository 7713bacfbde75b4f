import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OutputOf } from '../../shared/api/contract';
import { fail } from '../../shared/api/errors';
import type { Core } from '../core';
import type { Logger } from '../core/ports';
import { fileRoute, sendResult, sendStoredFile } from './answers';
import { tokenOf } from './session';

const ROUTE = /^\/files\/notices\/(\d{1,12})\.pdf$/;

/**
 * `GET /files/notices/<id>.pdf` (../shared/API.md "Host"): an issued notice's stored PDF, with the
 * session (bearer or cookie) and HTTP Range, answered as evidence files are. Access and lookup go
 * through the contract's `notices.file`, so this route checks nothing the API does not; only a hash
 * becomes a path.
 */
export async function serveNoticeFile(req: IncomingMessage, res: ServerResponse, url: URL, core: Core, log: Logger): Promise<void> {
  const id = fileRoute(req, res, url, ROUTE)?.[1];
  if (!id) return;
  const result = await core.call('notices.file', { id: Number(id) }, tokenOf(req));
  if (!result.ok) {
    sendResult(res, result);
    return;
  }
  const notice = result.value as OutputOf<'notices.file'>;
  if ((await core.vault.check(notice.sha256)) !== 'ok') {
    sendResult(res, fail('INTERNAL', `文书 ${notice.number} 的PDF文件缺失或已被改动，请联系管理员核查`));
    return;
  }
  const file = { path: core.vault.pathOf(notice.sha256), size: notice.size, mime: 'application/pdf', name: notice.fileName, sha256: notice.sha256 };
  await sendStoredFile(req, res, file, log, { download: url.searchParams.has('download') });
}
