import { DomainError } from '../../../shared/api/errors';
import type { Role, UserView } from '../../../shared/api/schemas/common';
import { createLoginThrottle, createMemoryLoginThrottle, type LoginThrottle } from '../auth/loginThrottle';
import { createPasswordWork } from '../auth/passwordGate';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { toUserView, type Sessions, type UserRow } from '../auth/sessions';
import type { Db } from '../db/open';
import type { Audit } from './audit';
import type { Settings } from './settings';
import type { OfficeClock } from '../officeClock';

export interface NewUser { username: string; displayName: string; password: string; role: Role }

/**
 * The users table, the audit's append and one setting only, so that an older register not yet
 * upgraded can be signed in to (start/diskFullSignIn.ts). `readOnly`: the register's file is never
 * written, so sign-in attempts are counted in memory; `attemptsOf` counts them otherwise (start/heldSignIn.ts). `openCasesOf`: the store's count of a
 * handler's unfinished cases, read from the index (handler_id, status), skipping years of closed
 * cases (the register's tables are read by the store alone).
 */
export function createUsers(db: Db, clock: OfficeClock, audit: Pick<Audit, 'append'>, settings: Pick<Settings, 'set'>, sessions: Sessions, openCasesOf: (handlerId: number) => number, readOnly = false, attemptsOf?: LoginThrottle) {
  const count = db.prepare('SELECT COUNT(*) FROM users').pluck();
  const byName = db.prepare('SELECT id, username, display_name, role, password_hash FROM users WHERE username = ? AND disabled_at IS NULL');
  const insert = db.prepare('INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)');
  const passwordOf = db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck();
  const setPassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const list = db.prepare('SELECT id, username, display_name, role, disabled_at FROM users ORDER BY disabled_at IS NOT NULL, id');
  const one = db.prepare('SELECT id, role, disabled_at FROM users WHERE id = ?');
  const setDisabledAt = db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?');
  const activeAdmins = db.prepare("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL").pluck();
  const investigators = db.prepare("SELECT id, display_name FROM users WHERE role = 'investigator' AND disabled_at IS NULL ORDER BY display_name");
  const exists = db.prepare('SELECT 1 FROM users WHERE username = ?').pluck();
  // Sign-in bookkeeping keeps UTC instants: only compared, never shown, and text order is time order in any zone.
  const instants = { now: () => clock.instant() };
  const throttle = attemptsOf ?? (readOnly ? createMemoryLoginThrottle(instants) : createLoginThrottle(db, instants));
  // Names with no account are paused the same way, counted in memory (a flood of them writes nothing).
  const unknownNames = createMemoryLoginThrottle(instants);
  // Every password hash waits its turn in a bounded lane (auth/passwordGate), so no caller can
  // queue unbounded scrypt work, and no flood of wrong guesses keeps a real sign-in out.
  const passwordWork = createPasswordWork();
  const nameKey = (username: string) => `name:${username.trim().toLowerCase()}`;
  const userKey = (id: number) => `user:${id}`;
  const userExists = db.prepare('SELECT 1 FROM users WHERE id = ?').pluck();

  const nameFree = (username: string) => {
    if (exists.get(username)) throw new DomainError('CONFLICT', `用户名“${username}”已被使用，请换一个`, { username: '用户名已被使用' });
  };

  function insertUser(u: NewUser, hash: string, by: number | null): number {
    nameFree(u.username);
    const at = clock.now();
    const id = Number(insert.run(u.username, u.displayName, u.role, hash, at).lastInsertRowid);
    audit.append({ at, userId: by ?? id, action: 'users.create', entity: 'user', entityId: id, data: { username: u.username, role: u.role } });
    return id;
  }

  return {
    initialised: () => (count.get() as number) > 0,

    /**
     * First-run setup: only while no user exists, so it cannot be used to take over an office.
     * Checked before the password is hashed (a flood of calls after setup costs nothing) and again
     * in the transaction (two first-run screens racing).
     */
    async init(officeName: string, admin: Omit<NewUser, 'role'>): Promise<void> {
      const done = () => {
        if ((count.get() as number) > 0) throw new DomainError('CONFLICT', '系统已完成首次设置，请直接登录');
      };
      done();
      const hash = await passwordWork.anonymous(() => hashPassword(admin.password));
      db.transaction(() => {
        done();
        settings.set('office.name', officeName);
        insertUser({ ...admin, role: 'admin' }, hash, null);
      }).immediate();
    },

    /** users.create in two steps, so a client request id can be stored with the new row (services/requests.ts). */
    creation(u: NewUser, by: UserView) {
      return {
        prepare: () => {
          nameFree(u.username); // before the slow part; checked again in the transaction
          return passwordWork.named(userKey(by.id), () => hashPassword(u.password));
        },
        commit: (hash: string) => ({ id: db.transaction(() => insertUser(u, hash, by.id)).immediate() }),
      };
    },

    async login(username: string, password: string): Promise<{ token: string; user: UserView }> {
      const row = byName.get(username) as (UserRow & { password_hash: string }) | undefined;
      const counter = row ? throttle : unknownNames;
      const attempt = counter.begin(username);
      let good: boolean;
      try {
        good = row
          ? await passwordWork.named(nameKey(username), () => verifyPassword(password, row.password_hash), { failing: attempt.earlier > 0 })
          : await passwordWork.unknownName();
      } catch (error) {
        counter.withdraw(attempt.id);
        throw error;
      }
      const at = clock.now();
      if (!row || !good) {
        audit.append({ at, userId: row?.id ?? null, action: 'session.login.failed', entity: 'user', entityId: row?.id ?? null, data: { username } });
        throw new DomainError('UNAUTHENTICATED', '用户名或密码不正确，请重新输入（注意大小写和输入法）');
      }
      throttle.succeeded(username);
      audit.append({ at, userId: row.id, action: 'session.login', entity: 'user', entityId: row.id, data: {} });
      return { token: sessions.open(row.id), user: toUserView(row) };
    },

    /** Changing one's password ends every other session of that user (a PC left signed in elsewhere). */
    async changePassword(user: UserView, token: string | null, current: string, next: string): Promise<void> {
      const stored = passwordOf.get(user.id) as string;
      const hash = await passwordWork.named(userKey(user.id), async () => {
        if (!(await verifyPassword(current, stored))) {
          throw new DomainError('VALIDATION', '当前密码不正确', { currentPassword: '当前密码不正确' });
        }
        return hashPassword(next);
      });
      db.transaction(() => {
        setPassword.run(hash, user.id);
        sessions.closeOthers(user.id, token);
        audit.append({ at: clock.now(), userId: user.id, action: 'session.changePassword', entity: 'user', entityId: user.id, data: {} });
      }).immediate();
    },

    /** For a user who forgot theirs: the administrator sets a new one; the user's sessions end. */
    async resetPassword(userId: number, password: string, by: UserView): Promise<void> {
      const missing = () => new DomainError('NOT_FOUND', '没有这个用户');
      if (!userExists.get(userId)) throw missing();
      const hash = await passwordWork.named(userKey(by.id), () => hashPassword(password));
      db.transaction(() => {
        if (setPassword.run(hash, userId).changes === 0) throw missing();
        sessions.closeOthers(userId, null);
        audit.append({ at: clock.now(), userId: by.id, action: 'users.resetPassword', entity: 'user', entityId: userId, data: {} });
      }).immediate();
    },

    list: (): (UserView & { disabled: boolean })[] =>
      (list.all() as (UserRow & { disabled_at: string | null })[]).map((u) => ({ ...toUserView(u), disabled: u.disabled_at !== null })),

    /**
     * 停用 a user who left: they can no longer sign in and their sessions end; their cases, events
     * and approvals stay as they are (nothing is deleted). The last active administrator stays.
     */
    setDisabled(userId: number, disabled: boolean, by: UserView): void {
      db.transaction(() => {
        const u = one.get(userId) as { id: number; role: string; disabled_at: string | null } | undefined;
        if (!u) throw new DomainError('NOT_FOUND', '没有这个用户');
        if (disabled && userId === by.id) throw new DomainError('VALIDATION', '不能停用自己的账号', { userId: '不能停用自己的账号' });
        if ((u.disabled_at !== null) === disabled) return;
        if (disabled && u.role === 'admin' && (activeAdmins.get() as number) <= 1) {
          throw new DomainError('CONFLICT', '这是最后一位在用的管理员，不能停用');
        }
        const at = clock.now();
        setDisabledAt.run(disabled ? at : null, userId);
        if (disabled) sessions.closeOthers(userId, null);
        audit.append({ at, userId: by.id, action: disabled ? 'users.disable' : 'users.enable', entity: 'user', entityId: userId, data: {} });
      }).immediate();
    },

    /** Active investigators a supervisor may assign, with how many open cases each carries. */
    assignable: () => (investigators.all() as { id: number; display_name: string }[]).map((u) => ({ id: u.id, displayName: u.display_name, openCases: openCasesOf(u.id) })),

    /** 锁屏 unlock: the signed-in user's own password, paused like a login after repeated misses. */
    async verifyOwnPassword(user: UserView, password: string): Promise<void> {
      const attempt = throttle.begin(user.username);
      const stored = passwordOf.get(user.id) as string;
      let good: boolean;
      try {
        good = await passwordWork.named(nameKey(user.username), () => verifyPassword(password, stored), { failing: attempt.earlier > 0 });
      } catch (error) {
        throttle.withdraw(attempt.id);
        throw error;
      }
      if (!good) throw new DomainError('VALIDATION', '密码不正确', { password: '密码不正确' });
      throttle.succeeded(user.username);
    },
  };
}
export type Users = ReturnType<typeof createUsers>;
