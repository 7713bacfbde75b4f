import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { contentTypeOf } from '../core/contentTypes';

/**
 * The page is served from a custom scheme, not file:// (Electron security checklist, item 18): a
 * file:// page may reach any file the user can, and its origin is shared by every local file.
 * app://complaintdesk/ serves the built renderer folder and nothing else.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'complaintdesk';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Registered before the app is ready: a standard, secure origin, so 'self' and fetch behave. */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/**
 * The file under `root` that a request names, or null when the request is for another host or
 * would leave the folder (../, %2e%2e/, an absolute path, a NUL). `/` is index.html.
 */
export function appFileFor(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(join(base, path === '/' ? 'index.html' : path));
  const rel = relative(base, file);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}

/**
 * The handler for protocol.handle(APP_SCHEME, …). `fetchFile` is Electron's net.fetch on a file://
 * URL; the answer carries the page's security policy itself, as a custom scheme's responses do not
 * pass through the session's header hooks.
 */
export function appProtocolHandler(root: string, fetchFile: (fileUrl: string) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const file = appFileFor(root, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const found = await fetchFile(pathToFileURL(file).href).catch(() => null);
    if (!found?.ok) return new Response('Not found', { status: 404 });
    return new Response(found.body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}
