import { existsSync } from 'node:fs';
import { DomainError } from '../../shared/api/errors';
import { PREPARE_FOR_PRINT } from '../core/notices/printReady';
import { createIdleWorker } from '../core/idleWorker';
import type { Logger, PdfPrinter } from '../core/ports';
import { PRINT_WORKER_SOURCE } from './printWorker';

/**
 * The print engine of browser mode and the tests (DESIGN.md: printToPDF in the desktop app,
 * headless Chromium in the host): playwright-core driving a Chromium found on the machine
 * (CHROMIUM_PATH, Debian's /usr/bin/chromium, Chrome or Edge where installed) or, where there is
 * none, the one @sparticuz/chromium ships in the npm registry. One warm browser and page, reused;
 * jobs run one at a time from a bounded queue. All of it runs in a worker thread (printWorker.ts),
 * so neither loading the engine nor a print holds the thread that answers the page.
 */
export interface ChromiumPrinterOptions {
  log: Logger;
  /** 'bundled' forces the registry's Chromium even where the machine has one (tests, odd machines). */
  prefer?: 'system' | 'bundled';
  /** Jobs waiting beyond the running one; more are refused at once rather than left to time out. */
  maxQueue?: number;
  /** One print taking longer than this (the browser's start not counted) restarts the browser. */
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

/** Where the machine's Chromium is, or null. */
export function systemChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return SYSTEM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

interface WorkerAnswer {
  id?: number;
  engine?: string;
  pdf?: Uint8Array;
  error?: string;
  launchFailed?: string;
  /** Set by the page's side: the engine's thread ended before it answered. */
  stopped?: string;
}

const NO_ENGINE = '文书打印引擎无法启动（未找到可用的 Chromium），请联系管理员';

export interface ChromiumPrinter extends PdfPrinter {
  /** Starts the browser ahead of a notice; resolves with the engine's name. */
  warm(): Promise<string>;
  close(): Promise<void>;
  engine(): string | null;
  /** The engine's thread while it runs, else null. */
  readonly threadId: number | null;
}

/**
 * Without a notice for this long the engine ends, giving back its thread (≈ 25 MB of the host) and
 * its Chromium (≈ 130 MB of the PC); the next notice starts it again, ≈ 0.8 s on this PC, on its
 * own thread, so no one else waits.
 */
const IDLE_MS = 5 * 60_000;
/** A browser that does not close in this long is left to the thread's end. */
const CLOSE_WAIT_MS = 5_000;

export function createChromiumPrinter(options: ChromiumPrinterOptions & { idleMs?: number }): ChromiumPrinter {
  const maxQueue = options.maxQueue ?? 16;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const env = options.env ?? process.env;
  /** The engine's name as last logged, and the thread it was logged for. */
  let engine: { name: string; thread: number | null } | null = null;
  /** Jobs taken and not finished: the one printing and those waiting behind it. */
  let inFlight = 0;
  let tail: Promise<unknown> = Promise.resolve();

  const thread = createIdleWorker<WorkerAnswer, WorkerAnswer>({
    source: PRINT_WORKER_SOURCE,
    workerData: () => ({
      env: { ...env },
      executable: options.prefer === 'bundled' ? null : systemChromium(env),
      playwright: require.resolve('playwright-core'),
      bundled: require.resolve('@sparticuz/chromium'),
      prepare: PREPARE_FOR_PRINT,
    }),
    idleMs: options.idleMs ?? IDLE_MS,
    name: "the print engine's thread",
    answer: (m) => m,
    failed: (detail) => ({ stopped: detail }),
    // The browser closed by the thread that launched it (its scratch home goes with it), then the thread.
    beforeEnd: (w) =>
      new Promise<void>((resolve) => {
        w.on('message', (m: WorkerAnswer) => m.id === 0 && resolve());
        setTimeout(resolve, CLOSE_WAIT_MS).unref();
        w.postMessage({ id: 0, op: 'close' });
      }),
  });

  /** The engine's answer; its start's failure logged and said in Chinese, its thread's end thrown. */
  function named(answer: WorkerAnswer): WorkerAnswer {
    if (answer.launchFailed !== undefined) {
      engine = null;
      options.log.error('notice print engine failed to start', new Error(answer.launchFailed));
      throw new DomainError('INTERNAL', NO_ENGINE);
    }
    if (answer.stopped !== undefined) throw new Error(`the print engine's thread stopped (${answer.stopped})`);
    if (answer.engine && (answer.engine !== engine?.name || thread.threadId !== engine.thread)) {
      engine = { name: answer.engine, thread: thread.threadId };
      options.log.info(`notice print engine ready: ${answer.engine}`);
    }
    return answer;
  }

  async function print(html: string): Promise<Uint8Array> {
    // The browser's start is not timed (the first notice after a rest waits for it); the print is.
    named(await thread.ask({ op: 'warm' }));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Its answer, if it ever comes, finds no one waiting; the next notice gets a fresh browser.
        void thread.ask({ op: 'reset' });
        reject(new DomainError('INTERNAL', '生成PDF超时，请重试'));
      }, timeoutMs);
    });
    try {
      const answer = named(await Promise.race([thread.ask({ op: 'print', html }), timeout]));
      if (answer.error !== undefined || !answer.pdf) throw new Error(answer.error ?? 'the print engine returned no PDF');
      return answer.pdf;
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
    async warm() {
      return named(await thread.ask({ op: 'warm' })).engine!;
    },
    engine: () => (engine && thread.threadId !== null && thread.threadId === engine.thread ? engine.name : null),
    get threadId() {
      return thread.threadId;
    },
    close: () => thread.stop(),
  };
}
