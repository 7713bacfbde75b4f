import { join } from 'node:path';
import { app, BrowserWindow, dialog, net, protocol, safeStorage, session } from 'electron';
import { createCore, type Core } from '../core';
import { defaultDataDir } from '../core/paths';
import { createFileLogger } from '../core/fileLogger';
import { consoleLogger } from '../core/ports';
import { APP_SCHEME, APP_URL, appProtocolHandler, appSchemePrivileges } from './appProtocol';
import { bindIpc } from './bindIpc';
import { fileSchemePrivileges, serveFiles } from './files';
import { hardenContents, hardenSession, pageUrl } from './hardening';
import { createElectronPdfPrinter } from './pdfPrinter';
import { safeStorageProtector } from './keyProtector';
import { createWindowSessions } from './sessions';
import { bindUploads } from './uploads';
import { windowOptions } from './window';

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
const sessions = createWindowSessions();
const printer = createElectronPdfPrinter();

const appUrl = (): string => pageUrl(app.isPackaged, process.env, APP_URL);

// Before ready, as Electron requires (and once): every renderer sandboxed, the app's own scheme
// and the one evidence files are served on.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([appSchemePrivileges, fileSchemePrivileges]);

function createWindow(): void {
  // The window's contents are hardened by the web-contents-created hook in harden().
  const win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.cjs')));
  mainWindow = win;
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

/** Long enough for the window to have drawn its first page and answered its first calls. */
const WARM_AFTER_MS = 5_000;

function harden(): void {
  protocol.handle(APP_SCHEME, appProtocolHandler(join(__dirname, '../renderer'), (fileUrl) => net.fetch(fileUrl)));
  hardenSession(session.defaultSession, appUrl);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, appUrl));
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
      core = await createCore({ dataDir, log: createFileLogger(dataDir, consoleLogger), pdf: printer, program: 'desktop', protector: safeStorageProtector(safeStorage) });
    } catch (error) {
      // A data folder held by another program (a host on the same folder) or one that cannot be written: said, nothing changed.
      dialog.showErrorBox('无法打开数据文件', error instanceof Error ? error.message : String(error));
      app.quit();
      return;
    }
    // The daily backup runs in this process while the app is open; a missed one is caught up now.
    const stopSchedule = core.startSchedule();
    app.on('will-quit', stopSchedule);
    bindIpc(core, appUrl, sessions);
    bindUploads(core, appUrl, sessions);
    // One window, one register: its session reads the files its page shows.
    serveFiles(core, () => (mainWindow ? sessions.get(mainWindow.webContents.id) : null));
    createWindow();
    // The first photo's image libraries load while the clerk signs in, not in the first import (core.warm).
    const warming = core;
    setTimeout(() => void warming.warm().catch(() => undefined), WARM_AFTER_MS).unref();
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
