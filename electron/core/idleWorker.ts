import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';
import { failureDetail } from './workerFailure';

/**
 * A worker thread started at the first job and ended after `idleMs` without one, answering jobs by
 * their id (the OCR reader, services/evidence/textWorker.ts; the media tools, childTools.ts; browser
 * mode's print engine, electron/host/chromiumPrinter.ts; the spreadsheet's writer, exports/sheetWorker.ts;
 * the search index's merges, services/mergeWorker.ts). Plain JavaScript evaluated from `source`,
 * so it runs the same in the bundled host, the Electron main process and the tests. The worker
 * answers `{ id, ... }`; messages without a waiting id are ignored.
 */
export interface IdleWorkerOptions<M extends { id?: number }, A> {
  source: string;
  /** What the worker is given at its start (read when it starts, not when this is made). */
  workerData?: () => unknown;
  idleMs: number;
  /** The answer of one job from the worker's message. */
  answer: (message: M) => A;
  /** The answer of every job still waiting when its worker fails, exits or is stopped. */
  failed: (detail: string) => A;
  /** How the worker is named in the detail of an exit ("the OCR worker"). */
  name: string;
  /**
   * Run before the worker is ended, whether idle or stopped (what it started goes first: a child
   * process, a browser). A job asked meanwhile starts another worker.
   */
  beforeEnd?: (worker: Worker) => Promise<void>;
  /** The thread's V8 heap limits (node:worker_threads `resourceLimits`). */
  resourceLimits?: ResourceLimits;
}

export interface IdleWorker<A> {
  /** Sends a job (its `id` added); never rejects: a worker that dies answers with `failed`. */
  ask(job: Record<string, unknown>, transfer?: TransferListItem[]): Promise<A>;
  /** The worker's thread id while it runs, else null. */
  readonly threadId: number | null;
  /** Ends the worker now, after `beforeEnd`; its jobs still waiting get `failed('stopped')`. */
  stop(): Promise<void>;
  /**
   * Ends the worker without leaving this turn of the event loop (a close that must be over before
   * the caller's next line): `before` runs first, synchronously, then the thread is terminated and
   * its jobs still waiting get `failed('stopped')`.
   */
  stopNow(before: (worker: Worker) => void): void;
}

/** One start of the thread, with the jobs it has not answered. */
interface Started<A> {
  worker: Worker;
  waiting: Map<number, (a: A) => void>;
}

export function createIdleWorker<M extends { id?: number }, A>({ source, workerData, idleMs, answer, failed, name, beforeEnd, resourceLimits }: IdleWorkerOptions<M, A>): IdleWorker<A> {
  let current: Started<A> | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 1;

  const failAll = (s: Started<A>, detail: string) => {
    for (const settle of s.waiting.values()) settle(failed(detail));
    s.waiting.clear();
  };

  function start(): Started<A> {
    const w = new Worker(source, { eval: true, workerData: workerData?.(), resourceLimits });
    w.unref();
    const s: Started<A> = { worker: w, waiting: new Map() };
    w.on('message', (m: M) => {
      const settle = m.id === undefined ? undefined : s.waiting.get(m.id);
      if (!settle) return;
      s.waiting.delete(m.id!);
      settle(answer(m));
    });
    w.once('error', (error) => failAll(s, failureDetail(error)));
    w.once('exit', (code) => {
      if (current === s) current = null;
      failAll(s, `${name} exited (${code})`);
    });
    return s;
  }

  /** The thread let go at once (a job asked from now on starts another), then ended. */
  async function end(s: Started<A>, detail: string): Promise<void> {
    if (current === s) current = null;
    try {
      await beforeEnd?.(s.worker);
    } finally {
      failAll(s, detail);
      await s.worker.terminate();
    }
  }

  return {
    ask(job, transfer) {
      if (idle) clearTimeout(idle);
      idle = null;
      const s = (current ??= start());
      const id = nextId++;
      return new Promise<A>((resolve) => {
        s.waiting.set(id, (a) => {
          resolve(a);
          if (s.waiting.size === 0 && current === s) {
            idle = setTimeout(() => void end(s, 'idle'), idleMs);
            idle.unref();
          }
        });
        s.worker.postMessage({ id, ...job }, transfer);
      });
    },
    get threadId() {
      return current?.worker.threadId ?? null;
    },
    async stop() {
      if (idle) clearTimeout(idle);
      idle = null;
      const s = current;
      if (!s) return;
      failAll(s, 'stopped');
      await end(s, 'stopped');
    },
    stopNow(before) {
      if (idle) clearTimeout(idle);
      idle = null;
      const s = current;
      if (!s) return;
      current = null;
      try {
        before(s.worker);
      } finally {
        failAll(s, 'stopped');
        void s.worker.terminate();
      }
    },
  };
}
