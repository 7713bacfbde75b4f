import type { Session, WebContents } from 'electron';
import { FILE_SCHEME } from '../../shared/api/operationNames';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { isAllowedNavigation } from './window';

/**
 * The Electron security checklist as code (electron/SECURITY-CHECKLIST.md), kept apart from the
 * shell so a test can register these handlers on a recording session and call them.
 */

/** What the page may load: its own origin, its evidence files, inline data and blobs (CSP allows them for images). */
export function isAllowedRequest(requestUrl: string, appUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(requestUrl);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'devtools:'].includes(target.protocol)) return true;
  // The evidence files the page shows, served by the main process with the window's session (files.ts).
  if (target.protocol === `${FILE_SCHEME}:` && target.host === 'app') return true;
  if (app.protocol === 'http:') {
    // Development only (electron-vite's server): its page, modules and hot-reload socket.
    return (target.protocol === 'http:' || target.protocol === 'ws:') && target.host === app.host;
  }
  return target.protocol === app.protocol && target.host === app.host;
}

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'>;

/**
 * Session-wide rules (checklist 5, 7, and DESIGN.md "no remote content"): every permission
 * (camera, notifications, geolocation, USB, HID, serial …) refused, nothing loaded from outside
 * the app's own origin, and the page's CSP on every response that passes the session.
 */
export function hardenSession(session: SessionLike, appUrl: () => string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, appUrl()) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

type ContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * For every web contents the app creates (checklist 11–14): no navigation away from the app, in
 * the main frame or a sub-frame, no redirect away, no new windows, no <webview>.
 */
export function hardenContents(contents: ContentsLike, appUrl: () => string): void {
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, appUrl())) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => guard(event, url));
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event, url) => guard(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The page's URL. ELECTRON_RENDERER_URL is electron-vite's development server; a packaged app
 * ignores it, or anyone able to set an environment variable could put a page of their choice in
 * front of window.api.
 */
export function pageUrl(isPackaged: boolean, env: NodeJS.ProcessEnv, packagedUrl: string): string {
  return !isPackaged && env.ELECTRON_RENDERER_URL ? env.ELECTRON_RENDERER_URL : packagedUrl;
}
