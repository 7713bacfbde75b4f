import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '../../../shared/api/errors';

/**
 * Refused at once when a lane is full. FORBIDDEN, like the sign-in pause: both are "not now,
 * try again shortly" refusals, and ../shared/API.md has no busy code.
 */
export const BUSY_MESSAGE = '系统正忙（同时处理的登录和密码请求过多），请稍等几秒再试';

export interface GateLimits {
  /** Jobs run at once. */
  concurrency: number;
  /** Of those, at most this many for keys that are failing (a bounded share). */
  failingConcurrency: number;
  /** Jobs waiting in all; beyond this a newcomer is refused at once. */
  queue: number;
  /** Jobs waiting for one key; beyond this that key's newcomer is refused at once. */
  perKey: number;
}

interface Waiter {
  failing: boolean;
  start: () => void;
}

/**
 * A bounded gate with fair queueing (style of a deficit-free round robin): waiting jobs are kept
 * per key (a user name) and a free slot goes to the next key in turn, not to whoever queued most,
 * so one name's flood waits behind itself; jobs of failing keys hold at most `failingConcurrency`
 * slots, so names being guessed at cannot take every slot from names that are not.
 */
export function createFairGate(limits: GateLimits) {
  let running = 0;
  let runningFailing = 0;
  let waiting = 0;
  // Insertion order is the turn order: a key served goes to the back.
  const queues = new Map<string, Waiter[]>();

  const startable = (failing: boolean) => running < limits.concurrency && (!failing || runningFailing < limits.failingConcurrency);
  const begin = (failing: boolean) => {
    running++;
    if (failing) runningFailing++;
  };

  function pump(): void {
    for (const [key, line] of queues) {
      if (running >= limits.concurrency) return;
      const next = line[0]!;
      if (!startable(next.failing)) continue;
      line.shift();
      waiting--;
      queues.delete(key);
      if (line.length) queues.set(key, line);
      begin(next.failing);
      next.start();
    }
  }

  return async function gated<T>(key: string, work: () => Promise<T>, { failing = false }: { failing?: boolean } = {}): Promise<T> {
    if (startable(failing) && !queues.has(key)) begin(failing);
    else {
      const line = queues.get(key) ?? [];
      if (waiting >= limits.queue || line.length >= limits.perKey) throw new DomainError('FORBIDDEN', BUSY_MESSAGE);
      await new Promise<void>((start) => {
        line.push({ failing, start });
        waiting++;
        if (!queues.has(key)) queues.set(key, line);
      });
    }
    try {
      return await work();
    } finally {
      running--;
      if (failing) runningFailing--;
      pump();
    }
  };
}

export interface PasswordWorkLimits {
  named: GateLimits;
  anonymous: GateLimits;
}

/**
 * Bounds the scrypt work callers can queue. Each hash takes ~0.1 s and 32 MB on one of libuv's four
 * worker threads, which file I/O needs too, so at most two run at once. Unbounded, 300 parallel
 * calls kept a real sign-in waiting 26 s; with one shared queue of ten, 20 anonymous wrong guesses
 * at a time refused 12 of 14 real sign-ins as busy. So the work goes in two lanes:
 *
 * - named: sign-ins and unlocks of existing accounts, and what signed-in users do (change or set a
 *   password, create a user), fairly queued per user name; names with wrong passwords in the
 *   sign-in pause's window share one of the two slots. A real sign-in waits behind a few hashes.
 * - anonymous: what nobody known asks for — first-run setup, and sign-ins with names that do not
 *   exist. Those never hash at all: they wait as long as a check takes (so an answer does not tell
 *   a name that exists from one that does not) in a lane of their own, which a flood fills alone.
 */
export function createPasswordWork(limits: PasswordWorkLimits = { named: { concurrency: 2, failingConcurrency: 1, queue: 32, perKey: 4 }, anonymous: { concurrency: 2, failingConcurrency: 2, queue: 8, perKey: 8 } }) {
  const named = createFairGate(limits.named);
  const anonymous = createFairGate(limits.anonymous);
  // How long a password check takes here, from the recent ones (starting from scrypt's usual 0.1 s).
  let typicalMs = 100;
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      typicalMs = typicalMs * 0.8 + (performance.now() - started) * 0.2;
    }
  };
  return {
    /** Hashing for a known name or a signed-in user (`key`); `failing`: the name has wrong passwords in the pause's window. */
    named: <T>(key: string, work: () => Promise<T>, options: { failing?: boolean } = {}) => named(key, () => timed(work), options),
    /** Hashing asked by nobody known (first-run setup). */
    anonymous: <T>(work: () => Promise<T>) => anonymous('', work),
    /** A sign-in with a name that does not exist: as long as a check, in the anonymous lane, with no hash. */
    unknownName: (): Promise<false> => anonymous('', () => sleep(typicalMs * (0.9 + Math.random() * 0.2)).then(() => false as const)),
  };
}
export type PasswordWork = ReturnType<typeof createPasswordWork>;
