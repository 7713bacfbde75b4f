import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createCore, type Core } from '../core';
import { defaultDataDir } from '../core/paths';
import { createFileLogger } from '../core/fileLogger';
import { consoleLogger } from '../core/ports';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { bindIpc } from './bindIpc';
import { createElectronPdfPrinter } from './pdfPrinter';
import { isAllowedNavigation, windowOptions } from './window';

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
const printer = createElectronPdfPrinter();

const appUrl = (): string =>
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;

function createWindow(): void {
  const win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.cjs')));
  mainWindow = win;
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl())) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl())) event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The page vetoes unloading while a form holds unsaved input; ask the clerk rather than
  // silently refusing to close (or silently dropping the typing).
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title: '尚未保存',
      message: '已填写的内容尚未保存，关闭后将会丢失。',
      buttons: ['留在此页', '放弃并关闭'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (choice === 1) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
    // The print engine's hidden window must not keep the app alive once the clerk's window has gone.
    printer.close();
  });
  void win.loadURL(appUrl());
}

function harden(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

if (!app.requestSingleInstanceLock()) {
  // One register, one writer: a second copy only brings the first to the front.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(async () => {
    harden();
    try {
      const dataDir = defaultDataDir();
      core = await createCore({ dataDir, log: createFileLogger(dataDir, consoleLogger), pdf: printer });
    } catch (error) {
      dialog.showErrorBox('无法打开数据文件', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    bindIpc(core, appUrl);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    printer.close();
    core?.close();
  });
}
