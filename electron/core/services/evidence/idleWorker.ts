import { Worker, type TransferListItem } from 'node:worker_threads';

/**
 * A worker thread started at the first job and ended after `idleMs` without one, answering jobs by
 * their id (the OCR reader, textWorker.ts; the media tools, childTools.ts). Plain JavaScript
 * evaluated from `source`, so it runs the same in the bundled host, the Electron main process and
 * the tests. The worker answers `{ id, ... }`; messages without a waiting id are left to `onOther`.
 */
export interface IdleWorkerOptions<M extends { id?: number }, A> {
  source: string;
  /** What the worker is given at its start (read when it starts, not when this is made). */
  workerData?: () => unknown;
  idleMs: number;
  /** The answer of one job from the worker's message. */
  answer: (message: M) => A;
  /** The answer of every job still waiting when the worker fails, exits or is stopped. */
  failed: (detail: string) => A;
  /** How the worker is named in the detail of an exit ("the OCR worker"). */
  name: string;
}

export interface IdleWorker<A> {
  /** Sends a job (its `id` added); never rejects: a worker that dies answers with `failed`. */
  ask(job: Record<string, unknown>, transfer?: TransferListItem[]): Promise<A>;
  /** The worker's thread id while it runs, else null. */
  readonly threadId: number | null;
  /** Ends the worker now, after `beforeEnd` (given the worker, when one runs); jobs waiting get `failed('stopped')`. */
  stop(beforeEnd?: (worker: Worker) => Promise<void>): Promise<void>;
}

export function createIdleWorker<M extends { id?: number }, A>({ source, workerData, idleMs, answer, failed, name }: IdleWorkerOptions<M, A>): IdleWorker<A> {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 1;
  const waiting = new Map<number, (a: A) => void>();

  const failAll = (detail: string) => {
    for (const settle of waiting.values()) settle(failed(detail));
    waiting.clear();
  };

  function start(): Worker {
    const w = new Worker(source, { eval: true, workerData: workerData?.() });
    w.unref();
    w.on('message', (m: M) => {
      const settle = m.id === undefined ? undefined : waiting.get(m.id);
      if (!settle) return;
      waiting.delete(m.id!);
      settle(answer(m));
    });
    w.once('error', (error) => failAll(error.message));
    w.once('exit', (code) => {
      if (worker === w) worker = null;
      failAll(`${name} exited (${code})`);
    });
    return w;
  }

  return {
    ask(job, transfer) {
      if (idle) clearTimeout(idle);
      idle = null;
      worker ??= start();
      const w = worker;
      const id = nextId++;
      return new Promise<A>((resolve) => {
        waiting.set(id, (a) => {
          resolve(a);
          if (waiting.size === 0 && worker === w) {
            idle = setTimeout(() => void w.terminate(), idleMs);
            idle.unref();
          }
        });
        w.postMessage({ id, ...job }, transfer);
      });
    },
    get threadId() {
      return worker?.threadId ?? null;
    },
    async stop(beforeEnd) {
      if (idle) clearTimeout(idle);
      idle = null;
      const w = worker;
      worker = null;
      failAll('stopped');
      if (!w) return;
      await beforeEnd?.(w);
      await w.terminate();
    },
  };
}
