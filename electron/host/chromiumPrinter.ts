import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../shared/api/errors';
import { PREPARE_FOR_PRINT } from '../core/notices/printReady';
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
  id: number;
  engine?: string;
  pdf?: Uint8Array;
  error?: string;
  launchFailed?: string;
}

const NO_ENGINE = '文书打印引擎无法启动（未找到可用的 Chromium），请联系管理员';

export interface ChromiumPrinter extends PdfPrinter {
  /** Starts the browser ahead of the first notice; resolves with the engine's name. */
  warm(): Promise<string>;
  close(): Promise<void>;
  engine(): string | null;
  /** The engine's thread while it runs, else null. */
  readonly threadId: number | null;
}

export function createChromiumPrinter(options: ChromiumPrinterOptions): ChromiumPrinter {
  const maxQueue = options.maxQueue ?? 16;
  const timeoutMs = options.timeoutMs ?? 60_000;
  let worker: Worker | null = null;
  let engine: string | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve(a: WorkerAnswer): void; reject(e: Error): void }>();
  /** Jobs taken and not finished: the one printing and those waiting behind it. */
  let inFlight = 0;
  let tail: Promise<unknown> = Promise.resolve();

  function start(): Worker {
    const env = options.env ?? process.env;
    const w = new Worker(PRINT_WORKER_SOURCE, {
      eval: true,
      workerData: {
        env: { ...env },
        executable: options.prefer === 'bundled' ? null : systemChromium(env),
        playwright: require.resolve('playwright-core'),
        bundled: require.resolve('@sparticuz/chromium'),
        prepare: PREPARE_FOR_PRINT,
      },
    });
    w.on('message', (m: WorkerAnswer) => {
      const job = waiting.get(m.id);
      if (!job) return;
      waiting.delete(m.id);
      if (waiting.size === 0) w.unref();
      job.resolve(m);
    });
    const fail = (detail: string) => {
      if (worker === w) {
        worker = null;
        engine = null;
      }
      for (const job of waiting.values()) job.reject(new Error(`the print engine's thread stopped (${detail})`));
      waiting.clear();
    };
    w.once('error', (error) => fail(error.message));
    w.once('exit', (code) => fail(`exit ${code}`));
    return w;
  }

  function ask(op: 'warm' | 'print' | 'reset' | 'close', html?: string): Promise<WorkerAnswer> {
    const w = (worker ??= start());
    // Held open while it has work, so a script that prints and ends waits for its PDF; idle, it keeps nothing alive.
    w.ref();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.postMessage({ id, op, html });
    });
  }

  /** The engine's answer, its start's failure logged and said in Chinese. */
  function named(answer: WorkerAnswer): WorkerAnswer {
    if (answer.launchFailed !== undefined) {
      engine = null;
      options.log.error('notice print engine failed to start', new Error(answer.launchFailed));
      throw new DomainError('INTERNAL', NO_ENGINE);
    }
    if (answer.engine && answer.engine !== engine) {
      engine = answer.engine;
      options.log.info(`notice print engine ready: ${engine}`);
    }
    return answer;
  }

  async function print(html: string): Promise<Uint8Array> {
    // The browser's start is not timed (the first notice of the day may wait for it); the print is.
    await ask('warm').then(named);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // Its answer, if it ever comes, finds no one waiting; the next notice gets a fresh browser.
        void ask('reset').catch(() => {});
        reject(new DomainError('INTERNAL', '生成PDF超时，请重试'));
      }, timeoutMs);
    });
    try {
      const answer = named(await Promise.race([ask('print', html), timeout]));
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
      named(await ask('warm'));
      return engine!;
    },
    engine: () => engine,
    get threadId() {
      return worker?.threadId ?? null;
    },
    async close() {
      const w = worker;
      if (!w) return;
      // The browser closed by the thread that launched it, then the thread ended.
      await ask('close').catch(() => {});
      worker = null;
      engine = null;
      await w.terminate();
    },
  };
}
