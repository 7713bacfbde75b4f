import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { NOTICE_MARGINS_MM } from '../../shared/notices/styles';
import { PREPARE_FOR_PRINT } from '../core/notices/printReady';
import type { PdfPrinter } from '../core/ports';

/**
 * The core's print engine in the desktop app (DESIGN.md "electron/main": print and printToPDF):
 * one hidden, sandboxed window, reused; each notice's self-contained HTML (fonts and seal inside)
 * is loaded from a temporary file — a data: URL would hit Chromium's URL length limit — and
 * printed with the page's own CSS size and margins. Jobs run one at a time.
 */
export function createElectronPdfPrinter(): PdfPrinter & { close(): void } {
  let win: BrowserWindow | null = null;
  let tail: Promise<unknown> = Promise.resolve();

  const windowFor = () => {
    if (win && !win.isDestroyed()) return win;
    // Its own in-memory session: the app's session refuses anything but the app's origin (hardening.ts),
    // and this one reads only the temporary notice file and what is inlined in it, nothing from a network.
    const printing = session.fromPartition('complaintdesk-print');
    printing.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    printing.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
      callback({ cancel: !/^(file|data|blob):/.test(details.url) });
    });
    win = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      webPreferences: { session: printing, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true, webSecurity: true, spellcheck: false },
    });
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    return win;
  };

  async function print(html: string): Promise<Uint8Array> {
    const file = join(app.getPath('temp'), `complaintdesk-notice-${randomBytes(8).toString('hex')}.html`);
    await writeFile(file, html, 'utf8');
    try {
      const w = windowFor();
      await w.loadFile(file);
      // Every face loaded, a long last paragraph cut to go with the sign block (printReady.ts).
      await w.webContents.executeJavaScript(PREPARE_FOR_PRINT);
      // At 100 %, with the page's own size and margins (given here too, in inches, should the CSS ones not be taken).
      const inches = (mm: number) => mm / 25.4;
      const m = NOTICE_MARGINS_MM;
      return await w.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        scale: 1,
        margins: { top: inches(m.top), right: inches(m.right), bottom: inches(m.bottom), left: inches(m.left) },
      });
    } finally {
      await rm(file, { force: true });
    }
  }

  return {
    printToPdf(html) {
      const job = tail.then(() => print(html));
      tail = job.catch(() => undefined);
      return job;
    },
    close() {
      if (win && !win.isDestroyed()) win.destroy();
      win = null;
    },
  };
}
