import { createIdleWorker } from '../../idleWorker';

/**
 * ffprobe and ffmpeg started from a worker thread, not from the thread that answers the page.
 * libuv's spawn holds the thread that calls it until the child has forked and exec'd: 3–5 ms on an
 * idle machine, but 168 ms in a CPU profile of the host importing a video at a million cases on two
 * busy cores (README "Measured"). From a worker that wait is the worker's; the page's calls go on.
 * The worker thread's upkeep (started at the first tool, ended when idle) is core/idleWorker.ts's.
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
  const worker = createIdleWorker<{ id?: number; out: string | Uint8Array | null }, string | Buffer | null>({
    source: SOURCE,
    idleMs,
    name: 'the media tools\' worker',
    failed: () => null,
    answer: ({ out }) => (out === null || typeof out === 'string' ? out : Buffer.from(out.buffer, out.byteOffset, out.byteLength)),
    // The children go before the worker: it kills them and says so (at most a second is waited for).
    beforeEnd: (w) =>
      new Promise<void>((resolve) => {
        w.on('message', (m: { stopped?: boolean }) => m.stopped && resolve());
        setTimeout(resolve, 1_000).unref();
        w.postMessage({ stop: true });
      }),
  });

  return {
    run: ((file: string, args: string[], encoding: 'utf8' | 'buffer') =>
      worker.ask({ file, args, encoding, maxBuffer: MAX_BUFFER, timeout: TIMEOUT_MS })) as ChildTools['run'],
    get threadId() {
      return worker.threadId;
    },
    stop: () => worker.stop(),
  };
}

/** The one the evidence store uses: a worker for the whole process, started at the first video or recording. */
export const childTools = createChildTools();
