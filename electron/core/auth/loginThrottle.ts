import { DomainError } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import type { Clock } from '../ports';

/** An attempt counted: its id (to withdraw it) and how many of its name were in the window before it. */
export interface Attempt {
  id: number;
  earlier: number;
}

/** Attempts an in-memory throttle keeps at most. */
const MEMORY_MAX = 10_000;

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
     * Counts an attempt for `username` before its password is checked and returns its id, with how
     * many attempts of that name were already in the window (a name being guessed at has some);
     * during a pause refuses it (FORBIDDEN), uncounted, so guessing on does not lengthen the pause.
     */
    begin(username: string): Attempt {
      const now = clock.now().getTime();
      const windowStart = new Date(now - WINDOW_MS).toISOString();
      return db.transaction(() => {
        purge.run(windowStart);
        const { n, last } = recent.get(key(username), windowStart) as { n: number; last: string | null };
        refuseIfPaused(n, last === null ? null : Date.parse(last), now);
        return { id: Number(insert.run(key(username), new Date(now).toISOString()).lastInsertRowid), earlier: n };
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
 * The same rule kept in memory: for a register opened read-only (its file is never written), and
 * for names that have no account (nothing to protect across a restart, and a flood of made-up
 * names writes nothing to the register). Counted the same way, forgotten at a restart.
 */
export function createMemoryLoginThrottle(clock: Clock): LoginThrottle {
  // Per name its attempts (id → time, oldest first), and every attempt by age, so that checking a
  // name costs its own attempts, not everyone's: a flood of made-up names lands here.
  const byName = new Map<string, Map<number, number>>();
  const byAge = new Map<number, { name: string; at: number }>();
  let next = 1;
  const key = (username: string) => username.trim().toLowerCase();
  const drop = (id: number) => {
    const a = byAge.get(id);
    if (!a) return;
    byAge.delete(id);
    const mine = byName.get(a.name);
    mine?.delete(id);
    if (mine?.size === 0) byName.delete(a.name);
  };
  return {
    begin(username: string): Attempt {
      const now = clock.now().getTime();
      for (const [id, a] of byAge) {
        if (a.at > now - WINDOW_MS) break;
        drop(id);
      }
      const name = key(username);
      const mine = byName.get(name);
      const last = mine?.size ? [...mine.values()].at(-1)! : null;
      refuseIfPaused(mine?.size ?? 0, last, now);
      // Bounded: a flood of ever-new names forgets the oldest attempts first.
      if (byAge.size >= MEMORY_MAX) drop(byAge.keys().next().value!);
      const id = next++;
      byAge.set(id, { name, at: now });
      byName.set(name, (byName.get(name) ?? new Map<number, number>()).set(id, now));
      return { id, earlier: mine?.size ?? 0 };
    },
    withdraw(attempt: number): void {
      drop(attempt);
    },
    succeeded(username: string): void {
      for (const id of [...(byName.get(key(username))?.keys() ?? [])]) drop(id);
    },
  };
}

/**
 * The rule while the start check holds writes (start/heldSignIn.ts): the attempts already in the
 * table are read, so a name paused before a restart stays paused; attempts made meanwhile are
 * counted in memory and written to the table by `keep`, when writes are let through.
 */
export function createHeldLoginThrottle(db: Db, clock: Clock): LoginThrottle & { keep(): void } {
  const recent = db.prepare('SELECT COUNT(*) AS n, MAX(at) AS last FROM login_attempts WHERE username = ? AND at > ?');
  const insert = db.prepare('INSERT INTO login_attempts (username, at) VALUES (?, ?)');
  const forget = db.prepare('DELETE FROM login_attempts WHERE username = ?');
  const key = (username: string) => username.trim().toLowerCase();
  // Attempts of names with an account only (users.ts counts made-up names elsewhere), paused at five: few.
  const attempts = new Map<number, { name: string; at: number }>();
  const succeeded = new Set<string>();
  let kept = false;
  let next = 1;
  return {
    begin(username: string): Attempt {
      const now = clock.now().getTime();
      const windowStart = now - WINDOW_MS;
      const name = key(username);
      const stored = succeeded.has(name) ? { n: 0, last: null } : (recent.get(name, new Date(windowStart).toISOString()) as { n: number; last: string | null });
      const mine = [...attempts.values()].filter((a) => a.name === name && a.at > windowStart);
      const last = Math.max(stored.last === null ? -Infinity : Date.parse(stored.last), mine.at(-1)?.at ?? -Infinity);
      const earlier = stored.n + mine.length;
      refuseIfPaused(earlier, Number.isFinite(last) ? last : null, now);
      const id = next++;
      attempts.set(id, { name, at: now });
      return { id, earlier };
    },
    withdraw(attempt: number): void {
      attempts.delete(attempt);
    },
    succeeded(username: string): void {
      const name = key(username);
      for (const [id, a] of attempts) if (a.name === name) attempts.delete(id);
      if (kept) forget.run(name);
      else succeeded.add(name);
    },
    /** In the transaction that lets writes through (and after a sign-in begun before it): the table as the attempts would have left it. */
    keep(): void {
      for (const name of succeeded) forget.run(name);
      succeeded.clear();
      for (const a of attempts.values()) insert.run(a.name, new Date(a.at).toISOString());
      attempts.clear();
      kept = true;
    },
  };
}
