import { DomainError } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import type { Clock } from '../ports';

/** Failed sign-ins allowed per user name within the window before a pause. */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const PAUSE_MS = 5 * 60 * 1000;

/** The pause still owed by a name with `count` attempts in the window, the last at `last`; throws it in Chinese. */
function refuseIfPaused(count: number, last: number | null, now: number): void {
  if (count < MAX_FAILURES || last === null) return;
  const left = last + PAUSE_MS - now;
  if (left > 0) {
    throw new DomainError('FORBIDDEN', `密码错误次数过多，该账号已暂停登录，请 ${Math.ceil(left / 60_000)} 分钟后再试；忘记密码请联系管理员`);
  }
}

/**
 * Slows password guessing at a shared office PC or against the loopback host: after five wrong
 * passwords for one user name within 15 minutes, that name is paused for 5 minutes.
 *
 * An attempt is counted when it starts, before its password is checked, and only a success takes
 * it back: 500 guesses sent at once are counted one by one (this runs synchronously), so at most
 * five are ever checked. The count lives in the database, so a restart does not forgive it.
 */
export function createLoginThrottle(db: Db, clock: Clock) {
  const recent = db.prepare('SELECT COUNT(*) AS n, MAX(at) AS last FROM login_attempts WHERE username = ? AND at > ?');
  const insert = db.prepare('INSERT INTO login_attempts (username, at) VALUES (?, ?)');
  const forget = db.prepare('DELETE FROM login_attempts WHERE username = ?');
  const cancel = db.prepare('DELETE FROM login_attempts WHERE id = ?');
  const purge = db.prepare('DELETE FROM login_attempts WHERE at <= ?');
  const key = (username: string) => username.trim().toLowerCase();

  return {
    /**
     * Counts an attempt for `username` before its password is checked and returns its id; during
     * a pause refuses it (FORBIDDEN), uncounted, so guessing on does not lengthen the pause.
     */
    begin(username: string): number {
      const now = clock.now().getTime();
      const windowStart = new Date(now - WINDOW_MS).toISOString();
      return db.transaction(() => {
        purge.run(windowStart);
        const { n, last } = recent.get(key(username), windowStart) as { n: number; last: string | null };
        refuseIfPaused(n, last === null ? null : Date.parse(last), now);
        return Number(insert.run(key(username), new Date(now).toISOString()).lastInsertRowid);
      }).immediate();
    },
    /** The attempt was never checked (the server was busy): it does not count. */
    withdraw(attempt: number): void {
      cancel.run(attempt);
    },
    /** The password was right: the name's count starts again. */
    succeeded(username: string): void {
      forget.run(key(username));
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/**
 * The same rule kept in memory, for a register opened read-only (its file is never written):
 * counted the same way, forgotten at a restart.
 */
export function createMemoryLoginThrottle(clock: Clock): LoginThrottle {
  const attempts = new Map<number, { username: string; at: number }>();
  let next = 1;
  const key = (username: string) => username.trim().toLowerCase();
  return {
    begin(username: string): number {
      const now = clock.now().getTime();
      for (const [id, a] of attempts) if (a.at <= now - WINDOW_MS) attempts.delete(id);
      const mine = [...attempts.values()].filter((a) => a.username === key(username));
      refuseIfPaused(mine.length, mine.length ? Math.max(...mine.map((a) => a.at)) : null, now);
      attempts.set(next, { username: key(username), at: now });
      return next++;
    },
    withdraw(attempt: number): void {
      attempts.delete(attempt);
    },
    succeeded(username: string): void {
      for (const [id, a] of attempts) if (a.username === key(username)) attempts.delete(id);
    },
  };
}
