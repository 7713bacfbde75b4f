import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { fail } from '../../shared/api/errors';
import { IPC_UPLOAD_CANCEL_CHANNEL, IPC_UPLOAD_CHANNEL, IPC_UPLOAD_PROGRESS_CHANNEL, streamedOperations } from '../../shared/api/operationNames';
import type { Core } from '../core';
import { trustedEvent } from './bindIpc';
import type { WindowSessions } from './sessions';

interface UploadRequest {
  uploadId: string;
  name: string;
  input: unknown;
  /** The picked or dropped file's path, read by the preload with webUtils from a File the user gave. */
  path: string;
}

const PROGRESS_EVERY_MS = 200;

function isUploadRequest(v: unknown): v is UploadRequest {
  const r = v as UploadRequest | null;
  return !!r && typeof r.uploadId === 'string' && r.uploadId.length <= 64 && typeof r.name === 'string' && typeof r.path === 'string';
}

/**
 * The desktop side of a streamed upload: the main process reads the file the user picked (dialog
 * or drag-and-drop) from disk and feeds the same core import the host feeds from an HTTP body,
 * reporting progress to the page and stopping on cancel.
 */
export function bindUploads(core: Core, appUrl: () => string, sessions: WindowSessions): void {
  const running = new Map<string, AbortController>();

  ipcMain.handle(IPC_UPLOAD_CHANNEL, async (event: IpcMainInvokeEvent, request: unknown) => {
    if (!trustedEvent(event, appUrl())) return fail('FORBIDDEN', '拒绝来自未知页面的调用');
    if (!isUploadRequest(request) || (streamedOperations as Record<string, string>)[request.name] !== 'upload') {
      return fail('VALIDATION', '上传请求无效');
    }
    if (!isAbsolute(request.path)) return fail('VALIDATION', '无法读取所选文件的位置，请重新选择文件');
    const info = await stat(request.path).catch(() => null);
    if (!info?.isFile()) return fail('NOT_FOUND', '所选文件已不存在或不是普通文件，请重新选择');

    const controller = new AbortController();
    const key = `${event.sender.id}:${request.uploadId}`;
    running.set(key, controller);
    const source = createReadStream(request.path, { highWaterMark: 1024 * 1024 });
    controller.signal.addEventListener('abort', () => source.destroy(new Error('cancelled')));
    const { uploadId } = request;
    const total = info.size;
    // Counted as the import pulls it (one consumer, so backpressure holds), reported to the page now and then.
    async function* counted() {
      let sent = 0;
      let last = 0;
      for await (const chunk of source) {
        sent += (chunk as Buffer).length;
        const now = performance.now();
        if ((now - last >= PROGRESS_EVERY_MS || sent === total) && !event.sender.isDestroyed()) {
          last = now;
          event.sender.send(IPC_UPLOAD_PROGRESS_CHANNEL, { uploadId, sent, total });
        }
        yield chunk as Buffer;
      }
    }
    try {
      return await core.call(request.name, request.input, sessions.get(event.sender.id), {
        upload: { stream: counted(), declaredSize: info.size, signal: controller.signal },
      });
    } finally {
      source.destroy();
      running.delete(key);
    }
  });

  ipcMain.on(IPC_UPLOAD_CANCEL_CHANNEL, (event, uploadId: unknown) => {
    if (typeof uploadId === 'string') running.get(`${event.sender.id}:${uploadId}`)?.abort();
  });
}
