import { Worker } from 'node:worker_threads';

/**
 * ffprobe and ffmpeg started from a worker thread, not from the thread that answers the page.
 * libuv's spawn holds the thread that calls it until the child has forked and exec'd: 3–5 ms on an
 * idle machine, but 168 ms in a CPU profile of the host importing a video at a million cases on two
 * busy cores (README "Measured"). From a worker that wait is the worker's; the page's calls go on.
 * The worker is plain JavaScript evaluated from this string (as checkWorker.ts), so it runs the same
 * in the bundled host, the Electron main process and the tests.
 */
const SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const { execFile } = require('node:child_process');
const running = new Set();
parentPort.on('message', ({ id, stop, file, args, encoding, maxBuffer, timeout }) => {
  // A close: the children go too, rather than running on without anyone to read them.
  if (stop) {
    for (const child of running) child.kill();
    return parentPort.postMessage({ stopped: true });
  }
  try {
    const child = execFile(file, args, { encoding, maxBuffer, timeout, windowsHide: true }, (error, stdout) => {
      running.delete(child);
      if (error) return parentPort.postMessage({ id, out: null });
      if (typeof stdout === 'string') return parentPort.postMessage({ id, out: stdout });
      // The bytes move to the page's thread, not copied (a poster frame is up to a few MB).
      const bytes = new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.byteLength).slice();
      parentPort.postMessage({ id, out: bytes }, [bytes.buffer]);
    });
    running.add(child);
  } catch {
    parentPort.postMessage({ id, out: null });
  }
});
`;

/** A worker with nothing to run ends after this long; the next tool starts another (≈ 20 ms, off the page's thread). */
const IDLE_MS = 30_000;
const MAX_BUFFER = 16 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

export interface ChildTools {
  /** The tool's standard output, or null when it is absent, fails, times out or its worker dies. Never rejects. */
  run(file: string, args: string[], encoding: 'utf8'): Promise<string | null>;
  run(file: string, args: string[], encoding: 'buffer'): Promise<Buffer | null>;
  /** The worker's thread id while it runs, else null (tests, the bench's memory figures). */
  readonly threadId: number | null;
  stop(): Promise<void>;
}

export function createChildTools({ idleMs = IDLE_MS }: { idleMs?: number } = {}): ChildTools {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 1;
  const waiting = new Map<number, (out: string | Uint8Array | null) => void>();

  const failAll = () => {
    for (const settle of waiting.values()) settle(null);
    waiting.clear();
  };

  function start(): Worker {
    const w = new Worker(SOURCE, { eval: true });
    w.unref();
    w.on('message', (m: { id: number; out: string | Uint8Array | null }) => {
      if (m.id === undefined) return;
      const settle = waiting.get(m.id);
      waiting.delete(m.id);
      settle?.(m.out);
    });
    w.once('error', failAll);
    w.once('exit', () => {
      if (worker === w) worker = null;
      failAll();
    });
    return w;
  }

  function run(file: string, args: string[], encoding: 'utf8' | 'buffer'): Promise<string | Buffer | null> {
    if (idle) clearTimeout(idle);
    idle = null;
    worker ??= start();
    const w = worker;
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, (out) => {
        resolve(out === null || typeof out === 'string' ? out : Buffer.from(out.buffer, out.byteOffset, out.byteLength));
        if (waiting.size === 0 && worker === w) {
          idle = setTimeout(() => void w.terminate(), idleMs);
          idle.unref();
        }
      });
      w.postMessage({ id, file, args, encoding, maxBuffer: MAX_BUFFER, timeout: TIMEOUT_MS });
    });
  }

  return {
    run: run as ChildTools['run'],
    get threadId() {
      return worker?.threadId ?? null;
    },
    async stop() {
      if (idle) clearTimeout(idle);
      idle = null;
      const w = worker;
      worker = null;
      failAll();
      if (!w) return;
      const stopped = new Promise<void>((resolve) => {
        w.on('message', (m: { stopped?: boolean }) => m.stopped && resolve());
        setTimeout(resolve, 1_000).unref();
      });
      w.postMessage({ stop: true });
      await stopped;
      await w.terminate();
    },
  };
}

/** The one the evidence store uses: a worker for the whole process, started at the first video or recording. */
export const childTools = createChildTools();
