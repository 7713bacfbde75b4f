import { DomainError } from '../../../shared/api/errors';

/**
 * Refused at once when the queue is full. FORBIDDEN, like the sign-in pause: both are "not now,
 * try again shortly" refusals, and ../shared/API.md has no busy code.
 */
export const BUSY_MESSAGE = '系统正忙（同时处理的登录和密码请求过多），请稍等几秒再试';

export interface PasswordGateLimits {
  /** Password hashes run at once. */
  concurrency: number;
  /** Further callers that may wait for a turn; beyond this they are refused at once. */
  queue: number;
}

/**
 * Bounds the scrypt work callers can queue, above all those without a session (setup.init,
 * session.login). Each hash takes ~0.1 s and 32 MB on one of libuv's four worker threads, which
 * file I/O needs too; unbounded, 300 parallel calls kept a real sign-in waiting for 26 s. With the
 * bound, a sign-in waits behind at most (concurrency + queue) hashes, or is told at once to try
 * again. Two at once leaves two worker threads for the rest of the register.
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
