/**
 * What the core needs from its host, passed in rather than reached for (style.md):
 * the Electron shell and the loopback host each supply their own.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface Clock {
  now(): Date;
}

/**
 * Renders notice HTML to PDF. Electron supplies webContents.printToPDF; the host and tests
 * supply headless Chromium. Used by the notices capability; absent until then.
 */
export interface PdfPrinter {
  printToPdf(html: string, options: { pageSize: 'A4' }): Promise<Uint8Array>;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that starts at `start` and runs on in real time from there (the host's `--now`,
 * ../shared/API.md "Host"), so deadline tests and demonstrations do not depend on today's date.
 */
export function clockStartingAt(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}

export const consoleLogger: Logger = {
  info: (m) => console.log(`[info] ${m}`),
  warn: (m) => console.warn(`[warn] ${m}`),
  error: (m, e) => console.error(`[error] ${m}`, e),
};
