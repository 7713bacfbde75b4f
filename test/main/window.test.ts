import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, windowOptions } from '../../electron/main/window';

describe('windowOptions', () => {
  const preload = '/opt/ComplaintDesk/resources/app/out/preload/index.cjs';
  const prefs = windowOptions(preload).webPreferences ?? {};

  it('isolates and sandboxes the page with no Node in it', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.sandbox).toBe(true);
  });

  it('keeps web security on and the dangerous extras off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('turns on no Blink feature and sets nothing that would loosen the page (checklist 10)', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.disableBlinkFeatures).toBeUndefined();
    expect(prefs.additionalArguments).toBeUndefined();
    expect(prefs.safeDialogs).not.toBe(false);
    expect(Object.keys(prefs).sort()).toEqual(
      ['allowRunningInsecureContent', 'contextIsolation', 'experimentalFeatures', 'navigateOnDragDrop', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'sandbox', 'spellcheck', 'webSecurity', 'webviewTag'].sort(),
    );
  });

  it('passes the preload path through unchanged', () => {
    expect(prefs.preload).toBe(preload);
    expect(windowOptions('C:\\Program Files\\ComplaintDesk\\preload.cjs').webPreferences?.preload).toBe('C:\\Program Files\\ComplaintDesk\\preload.cjs');
  });

  it('opens hidden (shown when ready) with the Chinese title', () => {
    const options = windowOptions(preload);
    expect(options.show).toBe(false);
    expect(options.title).toBe('消费投诉受理处理系统');
  });
});

describe('isAllowedNavigation', () => {
  it('keeps to the app scheme’s page', () => {
    const app = 'app://complaintdesk/index.html';
    expect(isAllowedNavigation(`${app}#/cases/12`, app)).toBe(true);
    expect(isAllowedNavigation('app://evil/index.html', app)).toBe(false);
    expect(isAllowedNavigation('app://complaintdesk/other.html', app)).toBe(false);
  });

  const fileApp = 'file:///opt/ComplaintDesk/out/renderer/index.html';
  const devApp = 'http://localhost:5173/';

  it('allows the app page itself, with any hash route', () => {
    expect(isAllowedNavigation(fileApp, fileApp)).toBe(true);
    expect(isAllowedNavigation(`${fileApp}#/cases/12`, fileApp)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/#/cases', devApp)).toBe(true);
  });

  it('refuses other files on disk', () => {
    expect(isAllowedNavigation('file:///etc/passwd', fileApp)).toBe(false);
    expect(isAllowedNavigation('file:///opt/ComplaintDesk/out/renderer/other.html', fileApp)).toBe(false);
    expect(isAllowedNavigation('file://evil-host/opt/ComplaintDesk/out/renderer/index.html', fileApp)).toBe(false);
  });

  it('refuses other hosts, ports and schemes', () => {
    expect(isAllowedNavigation('https://example.com/', fileApp)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', devApp)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5174/', devApp)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', devApp)).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/', devApp)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/other', devApp)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173@evil.example/', devApp)).toBe(false);
  });

  it('refuses javascript:, data: and garbage', () => {
    expect(isAllowedNavigation('javascript:alert(1)', fileApp)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', devApp)).toBe(false);
    expect(isAllowedNavigation('data:text/html,<script>alert(1)</script>', fileApp)).toBe(false);
    expect(isAllowedNavigation('not a url', fileApp)).toBe(false);
    expect(isAllowedNavigation('', fileApp)).toBe(false);
    expect(isAllowedNavigation('/opt/ComplaintDesk/out/renderer/index.html', fileApp)).toBe(false);
  });

  it('refuses everything when the app URL itself is garbage', () => {
    expect(isAllowedNavigation(fileApp, 'not a url')).toBe(false);
  });
});
