import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OutputOf } from '../../shared/api/contract';
import { fail } from '../../shared/api/errors';
import type { Core } from '../core';
import type { Logger } from '../core/ports';
import { fileRoute, sendResult, sendStoredFile } from './answers';
import { tokenOf } from './session';

const ROUTE = /^\/files\/dossiers\/(\d{1,12})\.pdf$/;

/**
 * `GET /files/dossiers/<id>.pdf` (../shared/API.md `dossier.make`): a made 卷宗's stored PDF, with
 * the session and HTTP Range, as notice files are (./noticeFiles.ts); access and lookup through the
 * contract's `dossier.file`. A file no longer as stored is not served.
 */
export async function serveDossierFile(req: IncomingMessage, res: ServerResponse, url: URL, core: Core, log: Logger): Promise<void> {
  const id = fileRoute(req, res, url, ROUTE)?.[1];
  if (!id) return;
  const result = await core.call('dossier.file', { id: Number(id) }, tokenOf(req));
  if (!result.ok) {
    sendResult(res, result);
    return;
  }
  const d = result.value as OutputOf<'dossier.file'>;
  if ((await core.vault.check(d.sha256)) !== 'ok') {
    sendResult(res, fail('INTERNAL', `卷宗 ${d.caseNo} 第${d.version}版的PDF文件缺失或已被改动，请联系管理员核查`));
    return;
  }
  const file = { path: core.vault.pathOf(d.sha256), size: d.size, mime: 'application/pdf', name: d.fileName, sha256: d.sha256 };
  await sendStoredFile(req, res, file, log, { download: url.searchParams.has('download') });
}
