import type { Clock } from '../ports';

/** What a long task reports as it goes. */
export interface Progress {
  step(text: string): void;
  total(bytes: number): void;
  add(bytes: number): void;
}

export type Task = 'backup' | 'verify' | 'restore';

export interface ProgressView {
  running: boolean;
  task: Task | null;
  step: string;
  done: number;
  total: number;
  startedAt: string | null;
}

/**
 * One long task at a time (a backup, a check, a restore), its progress kept for the page to poll
 * (`backup.progress`) while the task's own call is still under way.
 */
export function createTaskRunner(clock: Clock) {
  let view: ProgressView = { running: false, task: null, step: '', done: 0, total: 0, startedAt: null };
  const sink: Progress = {
    step: (text) => (view = { ...view, step: text }),
    total: (bytes) => (view = { ...view, total: bytes }),
    add: (bytes) => (view = { ...view, done: Math.min(view.total || Infinity, view.done + bytes) }),
  };
  return {
    view: (): ProgressView => ({ ...view }),
    busy: () => view.running,
    /** Runs `work` unless another task runs; `busy` is what to say then. */
    async run<T>(task: Task, work: (p: Progress) => Promise<T>, busy: () => Error): Promise<T> {
      if (view.running) throw busy();
      view = { running: true, task, step: '准备中', done: 0, total: 0, startedAt: clock.now().toISOString() };
      try {
        const out = await work(sink);
        view = { ...view, running: false, step: '已完成', done: view.total };
        return out;
      } finally {
        if (view.running) view = { ...view, running: false, step: '未完成' };
      }
    },
  };
}
export type TaskRunner = ReturnType<typeof createTaskRunner>;
