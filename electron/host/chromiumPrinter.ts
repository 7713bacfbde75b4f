import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DomainError } from '../../shared/api/errors';
import { PREPARE_FOR_PRINT } from '../core/notices/printReady';
import type { Logger, PdfPrinter } from '../core/ports';

/**
 * The print engine of browser mode and the tests (DESIGN.md: printToPDF in the desktop app,
 * headless Chromium in the host): playwright-core driving a Chromium found on the machine
 * (CHROMIUM_PATH, Debian's /usr/bin/chromium, Chrome or Edge where installed) or, where there is
 * none, the one @sparticuz/chromium ships in the npm registry. One warm browser and page, reused;
 * jobs run one at a time from a bounded queue.
 */
export interface ChromiumPrinterOptions {
  log: Logger;
  /** 'bundled' forces the registry's Chromium even where the machine has one (tests, odd machines). */
  prefer?: 'system' | 'bundled';
  /** Jobs waiting beyond the running one; more are refused at once rather than left to time out. */
  maxQueue?: number;
  /** One print taking longer than this restarts the browser. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

const QUIET = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-gpu', '--font-render-hinting=none'];

/** Where the machine's Chromium is, or null. */
export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return SYSTEM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * The engine's own home, in the temp folder and removed with it: Chromium writes its settings,
 * crash-report folders and caches under HOME and the XDG folders, and nothing of the print engine
 * belongs in the office user's profile.
 */
function scratchHome(env: NodeJS.ProcessEnv): { env: NodeJS.ProcessEnv; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'complaintdesk-print-'));
  return {
    env: { ...env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function launch(options: ChromiumPrinterOptions): Promise<{ browser: Browser; engine: string }> {
  const env = options.env ?? process.env;
  const found = options.prefer === 'bundled' ? null : systemChromium(env);
  const home = scratchHome(env);
  try {
    // Loaded when the first notice is printed (or the engine warms up after the host answers): it takes
    // a second of the start's CPU on this PC, and the start must not wait for it.
    const { chromium } = await import('playwright-core');
    let browser: Browser;
    let engine: string;
    if (found) {
      browser = await chromium.launch({ executablePath: found, args: ['--no-sandbox', ...QUIET], env: home.env });
      engine = `${found} ${browser.version()}`;
    } else {
      // The registry's build: a brotli-packed headless shell unpacked into the temp folder on first use.
      const { default: bundled } = await import('@sparticuz/chromium');
      const path = await bundled.executablePath();
      browser = await chromium.launch({ executablePath: path, args: [...bundled.args, ...QUIET], env: home.env });
      engine = `@sparticuz/chromium ${browser.version()}`;
    }
    browser.on('disconnected', home.remove);
    return { browser, engine };
  } catch (error) {
    home.remove();
    throw error;
  }
}

export function createChromiumPrinter(options: ChromiumPrinterOptions): PdfPrinter & { warm(): Promise<string>; close(): Promise<void>; engine(): string | null } {
  const maxQueue = options.maxQueue ?? 16;
  const timeoutMs = options.timeoutMs ?? 60_000;
  let session: Promise<{ browser: Browser; page: Page; engine: string }> | null = null;
  let engine: string | null = null;
  /** Jobs taken and not finished: the one printing and those waiting behind it. */
  let inFlight = 0;
  let tail: Promise<unknown> = Promise.resolve();

  const reset = () => {
    const old = session;
    session = null;
    engine = null;
    void old?.then((s) => s.browser.close()).catch(() => {});
  };

  function open() {
    session ??= (async () => {
      const { browser, engine: name } = await launch(options);
      browser.on('disconnected', () => {
        if (engine === name) reset();
      });
      const page = await browser.newPage();
      engine = name;
      options.log.info(`notice print engine ready: ${name}`);
      return { browser, page, engine: name };
    })().catch((error: unknown) => {
      session = null;
      options.log.error('notice print engine failed to start', error);
      throw new DomainError('INTERNAL', '文书打印引擎无法启动（未找到可用的 Chromium），请联系管理员');
    });
    return session;
  }

  async function print(html: string): Promise<Uint8Array> {
    const { page } = await open();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DomainError('INTERNAL', '生成PDF超时，请重试')), timeoutMs);
    });
    try {
      return await Promise.race([
        (async () => {
          await page.setContent(html, { waitUntil: 'load' });
          // Every face loaded, a long last paragraph cut to go with the sign block (printReady.ts).
          await page.evaluate(PREPARE_FOR_PRINT);
          // At 100 %: the notice's CSS keeps everything inside the page, so Chromium has nothing to shrink to fit.
          return page.pdf({ preferCSSPageSize: true, printBackground: true, scale: 1 });
        })(),
        timeout,
      ]);
    } catch (error) {
      reset();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    printToPdf(html) {
      if (inFlight > maxQueue) return Promise.reject(new DomainError('CONFLICT', '正在生成的文书过多，请稍后再试'));
      inFlight++;
      const job = tail.then(() => print(html)).finally(() => inFlight--);
      tail = job.catch(() => undefined);
      return job;
    },
    /** Starts the browser ahead of the first notice; resolves with the engine's name. */
    async warm() {
      return (await open()).engine;
    },
    engine: () => engine,
    async close() {
      const s = session;
      session = null;
      await s?.then((x) => x.browser.close()).catch(() => {});
    },
  };
}
