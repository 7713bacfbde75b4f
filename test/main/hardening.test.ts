import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session, WebContents } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_URL, appFileFor, appProtocolHandler, appSchemePrivileges } from '../../electron/main/appProtocol';
import { hardenContents, hardenSession, isAllowedRequest, pageUrl } from '../../electron/main/hardening';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { tempDir } from '../core/harness';

// No Electron binary runs here, so the real handlers are registered on a recorder with the same
// methods as Electron's session and web contents, and then called as Electron would call them.

type Handler = (...args: any[]) => any;
function recorder() {
  const handlers = new Map<string, Handler>();
  const keep = (name: string) => (...args: unknown[]) => handlers.set(name, args.at(-1) as Handler);
  const session = {
    setPermissionRequestHandler: keep('permissionRequest'),
    setPermissionCheckHandler: keep('permissionCheck'),
    setDevicePermissionHandler: keep('devicePermission'),
    webRequest: { onBeforeRequest: keep('beforeRequest'), onHeadersReceived: keep('headersReceived') },
  };
  const contents = {
    on: (event: string, handler: Handler) => handlers.set(event, handler),
    setWindowOpenHandler: keep('windowOpen'),
  };
  const get = (name: string): Handler => {
    const h = handlers.get(name);
    if (!h) throw new Error(`no handler registered for ${name}`);
    return h;
  };
  return { session: session as unknown as Session, contents: contents as unknown as WebContents, get };
}

const devUrl = 'http://localhost:5173/';
const call = <T>(handler: Handler, ...args: unknown[]) => new Promise<T>((resolve) => handler(...args, resolve));
const prevented = (handler: Handler, ...args: unknown[]) => {
  let stopped = false;
  handler({ preventDefault: () => (stopped = true) }, ...args);
  return stopped;
};

describe('the session (checklist 5, 7; no remote content)', () => {
  const r = recorder();
  hardenSession(r.session, () => APP_URL);

  it('refuses every permission request and check, and every device', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'display-capture']) {
      expect(await call(r.get('permissionRequest'), {}, permission), permission).toBe(false);
      expect(r.get('permissionCheck')({}, permission, 'app://complaintdesk'), permission).toBe(false);
    }
    expect(r.get('devicePermission')({ deviceType: 'usb', origin: 'app://complaintdesk' })).toBe(false);
  });

  it('loads nothing from outside the app', async () => {
    const cancel = (url: string) => call<{ cancel: boolean }>(r.get('beforeRequest'), { url }).then((x) => x.cancel);
    expect(await cancel('app://complaintdesk/assets/index-abc.js')).toBe(false);
    expect(await cancel('data:image/png;base64,AAAA')).toBe(false);
    // Evidence files come from the main process's own scheme (electron/main/files.ts), on its one host.
    expect(await cancel('cdfile://app/files/evidence/12/thumbnail')).toBe(false);
    for (const url of ['cdfile://elsewhere/files/evidence/12', 'https://example.com/x.js', 'http://127.0.0.1:8080/api', 'file:///etc/passwd', 'app://other/x.js', 'ws://localhost:5173/', 'ftp://x/y', 'not a url']) {
      expect(await cancel(url), url).toBe(true);
    }
  });

  it('puts the page’s security policy on responses', async () => {
    const out = await call<{ responseHeaders: Record<string, string[]> }>(r.get('headersReceived'), { responseHeaders: { 'X-Other': ['1'] } });
    expect(out.responseHeaders).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('lets the development server through only in development', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', devUrl)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', devUrl)).toBe(true);
    expect(isAllowedRequest('http://localhost:5174/', devUrl)).toBe(false);
    expect(isAllowedRequest('https://cdn.example.com/x.js', devUrl)).toBe(false);
    expect(pageUrl(true, { ELECTRON_RENDERER_URL: 'https://evil.example/' }, APP_URL)).toBe(APP_URL);
    expect(pageUrl(false, { ELECTRON_RENDERER_URL: devUrl }, APP_URL)).toBe(devUrl);
    expect(pageUrl(false, {}, APP_URL)).toBe(APP_URL);
  });
});

describe('every web contents (checklist 11–14)', () => {
  const r = recorder();
  hardenContents(r.contents, () => APP_URL);

  it('stays on the app’s page in the main frame and in sub-frames, and after redirects', () => {
    expect(prevented(r.get('will-navigate'), `${APP_URL}#/cases/1`)).toBe(false);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://complaintdesk/other.html', 'javascript:alert(1)']) {
      expect(prevented(r.get('will-navigate'), url), url).toBe(true);
      expect(prevented(r.get('will-redirect'), url), url).toBe(true);
      let stopped = false;
      r.get('will-frame-navigate')({ url, preventDefault: () => (stopped = true) });
      expect(stopped, url).toBe(true);
    }
  });

  it('opens no window and attaches no <webview>', () => {
    expect(r.get('windowOpen')({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(r.get('windowOpen')({ url: APP_URL })).toEqual({ action: 'deny' });
    expect(prevented(r.get('will-attach-webview'), {}, {})).toBe(true);
  });
});

describe('the app:// scheme instead of file:// (checklist 18)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  const root = join(tmp.dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>投诉</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'not for the page');

  it('is a standard, secure scheme', () => {
    expect(appSchemePrivileges).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('serves the renderer folder and nothing outside it', () => {
    expect(appFileFor(root, 'app://complaintdesk/')).toBe(join(root, 'index.html'));
    expect(appFileFor(root, 'app://complaintdesk/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    for (const url of [
      'app://complaintdesk/../secret.txt',
      'app://complaintdesk/%2e%2e/secret.txt',
      'app://complaintdesk/assets/..%2f..%2fsecret.txt',
      'app://complaintdesk/%00',
      'app://complaintdesk/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const file = appFileFor(root, url);
      expect(file === null || file.startsWith(root + '/'), url).toBe(true);
      expect(file, url).not.toBe(join(tmp.dir, 'secret.txt'));
    }
  });

  it('answers with the file, its type and the page’s policy, or 404', async () => {
    const readFile = async (fileUrl: string) => new Response(readFileSync(new URL(fileUrl)));
    const handler = appProtocolHandler(root, readFile);
    const page = await handler(new Request(APP_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>投诉</title>');
    expect((await handler(new Request('app://complaintdesk/assets/app.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handler(new Request('app://complaintdesk/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://complaintdesk/missing.js'))).status).toBe(404);
  });
});
