import type { ApiClient } from '../../../shared/api/client';
import type { OperationName } from '../../../shared/api/contract';

/** Operations whose UNAUTHENTICATED answer is expected and handled by the caller itself. */
// backup.progress: a restore ends every session on purpose, and the panel that polled it shows the outcome and its own "重新登录".
const SESSION_PROBES: ReadonlySet<OperationName> = new Set(['session.me', 'session.login', 'session.logout', 'backup.progress']);

/**
 * Wraps a client so that an expired or missing session on any ordinary call sends the user back
 * to the login screen, instead of every screen handling it on its own.
 */
export function withUnauthenticatedHandler(client: ApiClient, onUnauthenticated: () => void): ApiClient {
  return {
    async call(name, input) {
      const result = await client.call(name, input);
      if (!result.ok && result.error.code === 'UNAUTHENTICATED' && !SESSION_PROBES.has(name)) {
        onUnauthenticated();
      }
      return result;
    },
    async upload(name, input, file, options) {
      const result = await client.upload(name, input, file, options);
      if (!result.ok && result.error.code === 'UNAUTHENTICATED') onUnauthenticated();
      return result;
    },
  };
}
