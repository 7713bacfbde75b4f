import { createHash, randomBytes } from 'node:crypto';
import type { UserView } from '../../../shared/api/schemas/common';
import type { Db } from '../db/open';
import type { Clock } from '../ports';

/** A session lapses after this long without use: a shared office PC left signed in is a risk. */
const IDLE_MS = 12 * 60 * 60 * 1000;
/** Refresh the expiry at most this often, so reads do not write on every call. */
const TOUCH_EVERY_MS = 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: UserView['role'];
}

export const toUserView = (u: UserRow): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  role: u.role,
});

/**
 * Sessions live in the database (only a hash of each token), so a host restart keeps users signed in.
 * `workerWriting`: the search index's worker holds the register's writer (core/writeTurns.ts); a read's
 * refresh of the expiry would wait for it in SQLite's busy handler, holding the page's thread, and
 * would write beside a fold of the WAL, outside the turns the seal's reading of the WAL relies on.
 */
export function createSessions(db: Db, clock: Clock, workerWriting: () => boolean = () => false) {
  const insert = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const find = db.prepare(
    `SELECT s.token_hash, s.last_seen_at, s.expires_at, u.id, u.username, u.display_name, u.role
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = ? AND u.disabled_at IS NULL`,
  );
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at < ?');
  const removeOthers = db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?');

  return {
    open(userId: number): string {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      purge.run(now.toISOString());
      insert.run(hashToken(token), userId, now.toISOString(), now.toISOString(), new Date(now.getTime() + IDLE_MS).toISOString());
      return token;
    },
    authenticate(token: string | null): UserView | null {
      if (!token || token.length > 200) return null;
      const row = find.get(hashToken(token)) as (UserRow & { token_hash: string; last_seen_at: string; expires_at: string }) | undefined;
      const now = clock.now();
      if (!row || row.expires_at <= now.toISOString()) return null;
      // Left for a later call while the worker writes: a few minutes late against twelve hours idle.
      if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS && !workerWriting()) {
        try {
          touch.run(now.toISOString(), new Date(now.getTime() + IDLE_MS).toISOString(), row.token_hash);
        } catch (error) {
          // While the start check holds writes (query_only), a read still serves; the expiry is refreshed by a later call.
          if (!String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_READONLY')) throw error;
        }
      }
      return toUserView(row);
    },
    close(token: string | null): void {
      if (token) remove.run(hashToken(token));
    },
    closeOthers(userId: number, keep: string | null): void {
      removeOthers.run(userId, keep ? hashToken(keep) : '');
    },
  };
}
export type Sessions = ReturnType<typeof createSessions>;

/**
 * Sessions of a register opened read-only (damaged at start): kept in memory, so signing in to
 * read and to restore never writes the file. A restart forgets them, as it forgets the damage.
 */
export function createMemorySessions(db: Db, clock: Clock): Sessions & { entries(): HeldSession[] } {
  const users = db.prepare('SELECT id, username, display_name, role FROM users WHERE id = ? AND disabled_at IS NULL');
  const open = new Map<string, { userId: number; createdAt: number; expiresAt: number }>();
  return {
    open(userId: number): string {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now().getTime();
      open.set(hashToken(token), { userId, createdAt: now, expiresAt: now + IDLE_MS });
      return token;
    },
    authenticate(token: string | null): UserView | null {
      if (!token || token.length > 200) return null;
      const s = open.get(hashToken(token));
      const now = clock.now().getTime();
      if (!s || s.expiresAt <= now) return null;
      const row = users.get(s.userId) as UserRow | undefined;
      if (!row) return null;
      s.expiresAt = now + IDLE_MS;
      return toUserView(row);
    },
    close(token: string | null): void {
      if (token) open.delete(hashToken(token));
    },
    closeOthers(userId: number, keep: string | null): void {
      const kept = keep ? hashToken(keep) : '';
      for (const [hash, s] of open) if (s.userId === userId && hash !== kept) open.delete(hash);
    },
    /** The sessions open now and not expired, to be kept in the table once it can be written (start/heldSignIn.ts). */
    entries(): HeldSession[] {
      const now = clock.now().getTime();
      return [...open].filter(([, s]) => s.expiresAt > now).map(([tokenHash, s]) => ({ tokenHash, userId: s.userId, createdAt: s.createdAt, expiresAt: s.expiresAt }));
    },
  };
}

/** A session opened in memory, by its token's hash (the token itself is never kept). */
export interface HeldSession {
  tokenHash: string;
  userId: number;
  createdAt: number;
  expiresAt: number;
}

/** Writes sessions opened in memory into the table, as `open` would have (same hash, same times). */
export function keepSessions(db: Db, held: HeldSession[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  for (const s of held) {
    const created = new Date(s.createdAt).toISOString();
    insert.run(s.tokenHash, s.userId, created, created, new Date(s.expiresAt).toISOString());
  }
}
