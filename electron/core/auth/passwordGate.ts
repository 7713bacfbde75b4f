import { DomainError } from '../../../shared/api/errors';

/**
 * Refused at once when the queue is full. FORBIDDEN, like the sign-in pause: both are "not now,
 * try again shortly" refusals of an anonymous caller, and ../shared/API.md has no busy code.
 */
export const BUSY_MESSAGE = '系统正忙（同时登录的请求过多），请稍等几秒再试';

export interface PasswordGateLimits {
  /** Password hashes run at once for callers without a session. */
  concurrency: number;
  /** Further callers that may wait for a turn; beyond this they are refused at once. */
  queue: number;
}

/**
 * Bounds the scrypt work that callers without a session (setup.init, session.login) can queue.
 * Each hash takes ~0.1 s and 32 MB on a worker thread; unbounded, 300 parallel calls kept a real
 * sign-in waiting for half a minute. With the bound, a sign-in waits behind at most
 * (concurrency + queue) hashes, or is told at once to try again.
 */
export function createPasswordGate(limits: PasswordGateLimits = { concurrency: 2, queue: 8 }) {
  let running = 0;
  const waiting: (() => void)[] = [];

  return async function gated<T>(work: () => Promise<T>): Promise<T> {
    if (running < limits.concurrency) running++;
    else if (waiting.length < limits.queue) await new Promise<void>((resolve) => waiting.push(resolve));
    else throw new DomainError('FORBIDDEN', BUSY_MESSAGE);
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, so a newcomer cannot overtake the queue.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
export type PasswordGate = ReturnType<typeof createPasswordGate>;
