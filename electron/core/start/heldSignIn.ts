import type { UserView } from '../../../shared/api/schemas/common';
import { createHeldLoginThrottle } from '../auth/loginThrottle';
import { createMemorySessions, keepSessions } from '../auth/sessions';
import type { Db } from '../db/open';
import type { Logger } from '../ports';
import type { Services } from '../services';
import type { AuditEntry } from '../services/audit';
import { createUsers } from '../services/users';

/**
 * Signing in while the start check holds writes. The check reads the whole file before anything is
 * written to it (at a million cases 12 s from a cold disk on this machine, a minute or more on an
 * office disk), and a sign-in writes a session and an audit row, so the counter waited for it every
 * morning. The check guards the file against writing, not against reading: anyone holding the file can
 * read it without the app. So a sign-in is checked against the users table now, its session kept in
 * memory and its audit rows held; once the file passes they are written as they would have been (the
 * same token's hash, the same times, the rows in their order), before any other write. The attempts
 * already in the table count (a name paused before a restart stays paused), and those made meanwhile
 * are written with the rest (auth/loginThrottle.ts `createHeldLoginThrottle`). If the check fails the register turns
 * read-only: the sessions end and the rows go to the file log, as a read-only register's do.
 */
export function createHeldSignIn(db: Db, services: Services, log: Logger) {
  const held: AuditEntry[] = [];
  const instants = { now: () => services.clock.instant() };
  const sessions = createMemorySessions(db, instants);
  const attempts = createHeldLoginThrottle(db, instants);
  const users = createUsers(db, services.clock, { append: (e) => void held.push(e) }, services.settings, sessions, () => 0, true, attempts);
  let state: 'holding' | 'kept' | 'abandoned' = 'holding';
  const write = () => {
    attempts.keep();
    keepSessions(db, sessions.entries());
    for (const entry of held) services.audit.append(entry);
    held.length = 0;
  };
  const toLog = () => {
    for (const e of held) log.info(`the start check failed, not in the audit chain: ${e.action} by user ${e.userId ?? '-'} at ${e.at}`);
    held.length = 0;
  };
  /** What a sign-in begun before the file passed, and ended after, leaves: written now (its call holds a write turn), or logged. */
  const settle = () => {
    if (state === 'kept') db.transaction(write).immediate();
    else if (state === 'abandoned') toLog();
  };
  return {
    async login(input: { username: string; password: string }) {
      try {
        return await users.login(input.username, input.password);
      } finally {
        settle();
      }
    },
    authenticate: (token: string | null): UserView | null => (state === 'holding' ? sessions.authenticate(token) : null),
    /** Once the file has passed, in the transaction that lets writes through. */
    keep(): void {
      if (state !== 'holding') return;
      write();
      state = 'kept';
    },
    /** The file failed its check: nothing is written to it. */
    abandon(): void {
      if (state !== 'holding') return;
      toLog();
      state = 'abandoned';
    },
  };
}
export type HeldSignIn = ReturnType<typeof createHeldSignIn>;
