import type { ApiClient, PreloadApi } from '../../../shared/api/client';
import type { InputOf, OperationName, OutputOf } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/errors';

const UNREACHABLE = {
  ok: false,
  error: { code: 'INTERNAL', message: '无法连接到本机服务，请确认程序仍在运行' },
} as const satisfies Result<never>;

/** True for the answer the client gives itself when the register could not be reached at all. */
export function isUnreachable(result: Result<unknown>): boolean {
  return !result.ok && result.error === UNREACHABLE.error;
}

function looksLikeResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: unknown };
  if (b.ok === true) return 'value' in b;
  return b.ok === false && typeof b.error === 'object' && b.error !== null;
}

/** Electron: the preload's frozen functions over IPC. The session lives in the main process. */
export function createIpcClient(preload: PreloadApi): ApiClient {
  return {
    async call<K extends OperationName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
      try {
        // The mapped type loses the link between K and its function when indexed generically.
        const fn = preload[name] as (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
        const result: unknown = await fn(input);
        return looksLikeResult(result) ? (result as Result<OutputOf<K>>) : UNREACHABLE;
      } catch {
        return UNREACHABLE;
      }
    },
  };
}

/**
 * Browser (the loopback host): POST /api/<name>. The session is an HttpOnly cookie the host sets
 * on session.login, so the page never holds a token. Error statuses still carry a Result body.
 */
export function createHttpClient(base = '/api/'): ApiClient {
  return {
    async call<K extends OperationName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>> {
      try {
        const response = await fetch(base + name, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
        const body: unknown = await response.json();
        return looksLikeResult(body) ? (body as Result<OutputOf<K>>) : UNREACHABLE;
      } catch {
        return UNREACHABLE;
      }
    },
  };
}

/** window.api under Electron, HTTP under the host; callers never know which. */
export function createApiClient(): ApiClient {
  return window.api ? createIpcClient(window.api) : createHttpClient();
}
