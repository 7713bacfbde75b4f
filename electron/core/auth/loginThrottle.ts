import type { Clock } from '../ports';

/** Failed sign-ins allowed per user name within the window before a pause. */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const PAUSE_MS = 5 * 60 * 1000;

/**
 * Slows password guessing at a shared office PC or against the loopback host: after five wrong
 * passwords for one user name within 15 minutes, that name is paused for 5 minutes. Kept in
 * memory: a restart forgives, which is acceptable for a desk app and never locks an office out.
 */
export function createLoginThrottle(clock: Clock) {
  const failures = new Map<string, number[]>();
  const key = (username: string) => username.trim().toLowerCase();
  const recent = (username: string) => {
    const now = clock.now().getTime();
    const list = (failures.get(key(username)) ?? []).filter((t) => now - t < WINDOW_MS);
    failures.set(key(username), list);
    return list;
  };
  return {
    /** Minutes left in the pause, or 0 when a sign-in may be tried. */
    pausedFor(username: string): number {
      const list = recent(username);
      if (list.length < MAX_FAILURES) return 0;
      const until = list[list.length - 1]! + PAUSE_MS;
      const left = until - clock.now().getTime();
      return left > 0 ? Math.ceil(left / 60_000) : 0;
    },
    failed(username: string): void {
      recent(username).push(clock.now().getTime());
    },
    succeeded(username: string): void {
      failures.delete(key(username));
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
