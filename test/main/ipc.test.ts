import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/main/ipc';

const fileApp = 'file:///opt/ComplaintDesk/out/renderer/index.html';
const winApp = 'file:///C:/Program%20Files/ComplaintDesk/resources/app/out/renderer/index.html';
const devApp = 'http://localhost:5173/';

const main = (url: string) => ({ url, isMainFrame: true });
const sub = (url: string) => ({ url, isMainFrame: false });

describe('isTrustedSender with the packaged app (file://)', () => {
  it("accepts the app's own index.html in the main frame, with any hash route", () => {
    expect(isTrustedSender(main(fileApp), fileApp)).toBe(true);
    expect(isTrustedSender(main(`${fileApp}#/`), fileApp)).toBe(true);
    expect(isTrustedSender(main(`${fileApp}#/cases/42?tab=events`), fileApp)).toBe(true);
    expect(isTrustedSender(main(`${winApp}#/login`), winApp)).toBe(true);
  });

  it('refuses the same page in a sub-frame', () => {
    expect(isTrustedSender(sub(fileApp), fileApp)).toBe(false);
    expect(isTrustedSender(sub(devApp), devApp)).toBe(false);
  });

  it('refuses another file path', () => {
    expect(isTrustedSender(main('file:///opt/ComplaintDesk/out/renderer/evil.html'), fileApp)).toBe(false);
    expect(isTrustedSender(main('file:///tmp/index.html'), fileApp)).toBe(false);
    expect(isTrustedSender(main('file:///C:/Users/clerk/Downloads/index.html'), winApp)).toBe(false);
  });

  // A file URL with a host is a different file (on Windows, a UNC share: \\evil\C:\...\index.html),
  // even when its path reads the same as the app's.
  it('refuses the same path on another host', () => {
    expect(isTrustedSender(main('file://evil-host/opt/ComplaintDesk/out/renderer/index.html'), fileApp)).toBe(false);
  });

  it('refuses http(s) origins', () => {
    expect(isTrustedSender(main('http://localhost:5173/'), fileApp)).toBe(false);
    expect(isTrustedSender(main('https://example.com/opt/ComplaintDesk/out/renderer/index.html'), fileApp)).toBe(false);
  });
});

describe('isTrustedSender with the app scheme (app://complaintdesk/index.html)', () => {
  const app = 'app://complaintdesk/index.html';
  it('accepts the app’s own page in the main frame', () => {
    expect(isTrustedSender(main(`${app}#/cases/1`), app)).toBe(true);
    expect(isTrustedSender(main('app://complaintdesk/'), app)).toBe(true);
  });

  // A custom scheme's origin is "null" whatever its host, so origins alone would match app://evil.
  it('refuses another host of the same scheme, a sub-frame, and other schemes', () => {
    expect(isTrustedSender(main('app://evil/index.html'), app)).toBe(false);
    expect(isTrustedSender(sub(app), app)).toBe(false);
    expect(isTrustedSender(main('other://complaintdesk/index.html'), app)).toBe(false);
    expect(isTrustedSender(main('file:///opt/ComplaintDesk/out/renderer/index.html'), app)).toBe(false);
    expect(isTrustedSender(main('http://complaintdesk/index.html'), app)).toBe(false);
  });
});

describe('isTrustedSender with the dev server (http://localhost:5173/)', () => {
  it('accepts pages from the dev server origin in the main frame', () => {
    expect(isTrustedSender(main('http://localhost:5173/'), devApp)).toBe(true);
    expect(isTrustedSender(main('http://localhost:5173/#/cases'), devApp)).toBe(true);
  });

  it('refuses other ports, hosts, schemes and file pages', () => {
    expect(isTrustedSender(main('http://localhost:5174/'), devApp)).toBe(false);
    expect(isTrustedSender(main('http://127.0.0.1:5173/'), devApp)).toBe(false);
    expect(isTrustedSender(main('https://localhost:5173/'), devApp)).toBe(false);
    expect(isTrustedSender(main('http://evil.example/'), devApp)).toBe(false);
    expect(isTrustedSender(main(fileApp), devApp)).toBe(false);
  });
});

describe('isTrustedSender with no sender or a bad URL', () => {
  it('refuses null', () => {
    expect(isTrustedSender(null, fileApp)).toBe(false);
    expect(isTrustedSender(null, devApp)).toBe(false);
  });

  it('refuses garbage and empty URLs, and everything when the app URL is garbage', () => {
    expect(isTrustedSender(main(''), fileApp)).toBe(false);
    expect(isTrustedSender(main('about:blank'), fileApp)).toBe(false);
    expect(isTrustedSender(main('not a url'), devApp)).toBe(false);
    expect(isTrustedSender(main(fileApp), 'not a url')).toBe(false);
  });
});
