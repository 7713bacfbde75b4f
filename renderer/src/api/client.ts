import type { ApiClient, CallOptions, PreloadApi, UploadFile, UploadOptions } from '../../../shared/api/client';
import type { InputOf, OutputOf } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/errors';
import { dossierFilePath, evidenceFilePath, FILE_SCHEME, noticeFilePath, type JsonOperationName, type UploadOperationName } from '../../../shared/api/operationNames';

const UNREACHABLE = {
  ok: false,
  error: { code: 'INTERNAL', message: '无法连接到本机服务，请确认程序仍在运行' },
} as const satisfies Result<never>;

/** True for the answer the client gives itself when the register could not be reached at all. */
export function isUnreachable(result: Result<unknown>): boolean {
  return !result.ok && result.error === UNREACHABLE.error;
}

/**
 * What an upload stopped by the clerk answers. The core keeps nothing of a transfer cut off
 * half-way; one cancelled in the instant after its last byte arrived may still have been saved,
 * so the message points to the list, which is reloaded when the dialog closes.
 */
export const CANCELLED_MESSAGE = '已取消上传，文件未保存（如取消时已传完，以证据列表为准）';
const CANCELLED: Result<never> = { ok: false, error: { code: 'VALIDATION', message: CANCELLED_MESSAGE } };

function looksLikeResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: unknown };
  if (b.ok === true) return 'value' in b;
  return b.ok === false && typeof b.error === 'object' && b.error !== null;
}

/** Electron: the preload's frozen functions over IPC. The session lives in the main process. */
export function createIpcClient(preload: PreloadApi): ApiClient {
  return {
    async call<K extends JsonOperationName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
      try {
        // The mapped type loses the link between K and its function when indexed generically.
        const fn = preload[name] as unknown as (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
        const result: unknown = await fn(input);
        return looksLikeResult(result) ? (result as Result<OutputOf<K>>) : UNREACHABLE;
      } catch {
        return UNREACHABLE;
      }
    },
    // The preload reads the picked file's path and the main process streams it into the import.
    async upload<K extends UploadOperationName>(name: K, input: InputOf<K>, file: UploadFile, options: UploadOptions = {}): Promise<Result<OutputOf<K>>> {
      try {
        if (options.signal?.aborted) return CANCELLED;
        const handle = preload[name](input, file, options.onProgress);
        options.signal?.addEventListener('abort', () => handle.cancel());
        const result: unknown = await handle.done;
        if (options.signal?.aborted) return CANCELLED;
        return looksLikeResult(result) ? (result as Result<OutputOf<K>>) : UNREACHABLE;
      } catch {
        return UNREACHABLE;
      }
    },
  };
}

/** Input fields as a query string: an upload's body is the file itself. */
function queryOf(input: object): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== null) params.set(k, String(v));
  return params.toString();
}

/**
 * Browser (the loopback host): POST /api/<name>. The session is an HttpOnly cookie the host sets
 * on session.login, so the page never holds a token. Error statuses still carry a Result body.
 */
export function createHttpClient(base = '/api/'): ApiClient {
  return {
    async call<K extends JsonOperationName>(name: K, input: InputOf<K>, options: CallOptions = {}): Promise<Result<OutputOf<K>>> {
      try {
        const response = await fetch(base + name, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
          keepalive: options.keepalive === true,
        });
        const body: unknown = await response.json();
        return looksLikeResult(body) ? (body as Result<OutputOf<K>>) : UNREACHABLE;
      } catch {
        return UNREACHABLE;
      }
    },
    // XHR rather than fetch: only XHR reports upload progress; the raw file is the body.
    upload<K extends UploadOperationName>(name: K, input: InputOf<K>, file: UploadFile, options: UploadOptions = {}): Promise<Result<OutputOf<K>>> {
      return new Promise((resolve) => {
        if (options.signal?.aborted) return resolve(CANCELLED);
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${base}${name}?${queryOf(input as object)}`);
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
        xhr.responseType = 'json';
        xhr.upload.onprogress = (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
        xhr.onload = () => resolve(looksLikeResult(xhr.response) ? (xhr.response as Result<OutputOf<K>>) : UNREACHABLE);
        xhr.onerror = () => resolve(UNREACHABLE);
        xhr.onabort = () => resolve(CANCELLED);
        options.signal?.addEventListener('abort', () => xhr.abort());
        xhr.send(file as unknown as Blob);
      });
    },
  };
}

/** window.api under Electron, HTTP under the host; callers never know which. */
export function createApiClient(): ApiClient {
  return window.api ? createIpcClient(window.api) : createHttpClient();
}

/**
 * Where the page's own <img>, <video> and <audio> read an evidence file: the host's /files/… with
 * the session cookie, or the same path on the Electron shell's scheme. Both answer HTTP Range.
 */
export function evidenceUrl(id: number, variant: 'original' | 'thumbnail' = 'original'): string {
  return fileUrl(evidenceFilePath(id, variant));
}

/** An issued notice's PDF, to view or (download) save, from the host or the Electron shell's scheme. */
export function noticePdfUrl(id: number, download = false): string {
  return fileUrl(noticeFilePath(id, download));
}

/** A made 卷宗's PDF, to open (and print from the viewer) or (download) save. */
export function dossierPdfUrl(id: number, download = false): string {
  return fileUrl(dossierFilePath(id, download));
}

const fileUrl = (path: string) => (window.api ? `${FILE_SCHEME}://app${path}` : path);
