import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core';
import type { Logger } from '../core/ports';
import { fileRoute, sendResult, sendStoredFile } from './answers';
import { tokenOf } from './session';

const ROUTE = /^\/files\/exports\/([0-9a-f-]{36})\.xlsx$/;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `GET /files/exports/<id>.xlsx`: a finished export, for the person who made it. Access goes
 * through the contract's `exports.file`, as the notice route's does through `notices.file`.
 */
export async function serveExportFile(req: IncomingMessage, res: ServerResponse, url: URL, core: Core, log: Logger): Promise<void> {
  const id = fileRoute(req, res, url, ROUTE)?.[1];
  if (!id) return;
  const token = tokenOf(req);
  const result = await core.call('exports.file', { id }, token);
  if (!result.ok) {
    sendResult(res, result);
    return;
  }
  const user = core.services.sessions.authenticate(token)!;
  const file = core.services.exports.file(id, user);
  // The export's id is unique to its file, so it serves as the file's tag.
  await sendStoredFile(req, res, { path: file.path, size: file.size, mime: XLSX, name: file.fileName, sha256: id }, log, { download: true });
}
