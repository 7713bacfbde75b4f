import { contextBridge, ipcRenderer } from 'electron';
import type { PreloadApi } from '../../shared/api/client';
import { IPC_CHANNEL, operationNames } from '../../shared/api/operationNames';

/**
 * One frozen function per operation (style.md): the page gets these and nothing else,
 * never ipcRenderer itself.
 */
const api = Object.freeze(
  Object.fromEntries(operationNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL, name, input)])),
) as unknown as PreloadApi;

contextBridge.exposeInMainWorld('api', api);
