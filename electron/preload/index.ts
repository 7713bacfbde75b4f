import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { PreloadApi } from '../../shared/api/client';
import {
  IPC_CHANNEL,
  IPC_UPLOAD_CANCEL_CHANNEL,
  IPC_UPLOAD_CHANNEL,
  IPC_UPLOAD_PROGRESS_CHANNEL,
  operationNames,
  streamedOperations,
} from '../../shared/api/operationNames';

let uploads = 0;

/**
 * An upload operation: the page hands over a File it got from the picker or a drop; its path is
 * read here (webUtils) and the main process streams the file from disk. The page never names a path.
 */
function uploadFunction(name: string) {
  return (input: unknown, file: File, onProgress?: (sent: number, total: number) => void) => {
    const uploadId = `${Date.now().toString(36)}-${++uploads}`;
    const listener = (_event: unknown, p: { uploadId: string; sent: number; total: number }) => {
      if (p.uploadId === uploadId) onProgress?.(p.sent, p.total);
    };
    ipcRenderer.on(IPC_UPLOAD_PROGRESS_CHANNEL, listener);
    const done = ipcRenderer
      .invoke(IPC_UPLOAD_CHANNEL, { uploadId, name, input, path: webUtils.getPathForFile(file) })
      .finally(() => ipcRenderer.off(IPC_UPLOAD_PROGRESS_CHANNEL, listener));
    return { done, cancel: () => ipcRenderer.send(IPC_UPLOAD_CANCEL_CHANNEL, uploadId) };
  };
}

/**
 * One frozen function per operation (style.md): the page gets these and nothing else,
 * never ipcRenderer itself. Downloads are read by the page's elements from the file scheme.
 */
const streamed = streamedOperations as Record<string, 'upload' | 'download' | undefined>;
const api = Object.freeze(
  Object.fromEntries(
    operationNames
      .filter((name) => streamed[name] !== 'download')
      .map((name) => [name, streamed[name] === 'upload' ? uploadFunction(name) : (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)]),
  ),
) as unknown as PreloadApi;

contextBridge.exposeInMainWorld('api', api);
