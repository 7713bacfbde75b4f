import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OutputOf } from '../../shared/api/contract';
import { fail } from '../../shared/api/errors';
import type { Core } from '../core';
import type { Logger } from '../core/ports';
import { fileRoute, sendResult, sendStoredFile } from './answers';
import { tokenOf } from './session';

type PdfOperation = 'notices.file' | 'dossier.file';

/**
 * A route that serves a PDF the core stored in the vault (an issued notice, a 卷宗), with the
 * session (bearer or cookie) and HTTP Range, answered as evidence files are. Access and lookup go
 * through the contract's operation, so the route checks nothing the API does not; only a hash
 * becomes a path, and a file no longer as stored is not served (`what` names it in the refusal).
 */
export function storedPdfRoute<Op extends PdfOperation>(route: RegExp, operation: Op, what: (found: OutputOf<Op>) => string) {
  return async function serve(req: IncomingMessage, res: ServerResponse, url: URL, core: Core, log: Logger): Promise<void> {
    const id = fileRoute(req, res, url, route)?.[1];
    if (!id) return;
    const result = await core.call(operation, { id: Number(id) }, tokenOf(req));
    if (!result.ok) {
      sendResult(res, result);
      return;
    }
    const found = result.value as OutputOf<Op>;
    if ((await core.vault.check(found.sha256)) !== 'ok') {
      sendResult(res, fail('INTERNAL', `${what(found)}的PDF文件缺失或已被改动，请联系管理员核查`));
      return;
    }
    const file = { path: core.vault.pathOf(found.sha256), size: found.size, mime: 'application/pdf', name: found.fileName, sha256: found.sha256 };
    await sendStoredFile(req, res, file, log, { download: url.searchParams.has('download') });
  };
}
