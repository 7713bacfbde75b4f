import type { HandlerTable } from '../../../shared/api/dispatch';
import { DomainError } from '../../../shared/api/errors';
import { settingKeys, WORKFLOW_DEFAULTS } from '../../../shared/api/schemas/officeSettings';
import type { UserView } from '../../../shared/api/schemas/common';
import { createMemorySessions } from '../auth/sessions';
import { openReadOnly } from '../db/open';
import type { DbProblem } from '../integrity/startCheck';
import { refuseAll } from '../integrity/unreadable';
import { createOfficeClock, DEFAULT_OFFICE_ZONE, type OfficeClock } from '../officeClock';
import { createSettings } from '../services/settings';
import { createUsers } from '../services/users';
import type { Ctx } from './coreState';

export interface DiskFullSignIn {
  handlers: HandlerTable;
  authenticate: (token: string | null) => UserView | null;
  clock: OfficeClock;
  close(): void;
}

const ADMINS_ONLY = '磁盘空间不足，数据文件升级之前只有管理员可以登录（以便腾出磁盘空间），请联系管理员。';

/**
 * An older register, not read with this version's statements until it is upgraded, on a disk without
 * room for the upgrade. Its accounts are still its own (the users table has not changed since the
 * first version), so an administrator signs in with their usual password to make room (makingRoom.ts);
 * sessions are in memory and the sign-in goes to the file log, as in every read-only state. Nothing
 * else is offered: every other operation says why. Null when even the users cannot be read.
 */
export function diskFullSignIn(ctx: Ctx, file: string, problem: DbProblem): DiskFullSignIn | null {
  let db: ReturnType<typeof openReadOnly> | null = null;
  try {
    db = openReadOnly(file);
    const settings = createSettings(db);
    const clock = createOfficeClock(ctx.clock, () => settings.get(settingKeys.office.timeZone, DEFAULT_OFFICE_ZONE));
    const sessions = createMemorySessions(db, ctx.clock);
    const fileLog = { append: (e: { action: string; userId: number | null; at: string }) => ctx.log.info(`read-only, not in the audit chain: ${e.action} by user ${e.userId ?? '-'} at ${e.at}`) };
    // Upgraded, the register's own count replaces this; here nobody is assigned anything.
    const users = createUsers(db, clock, fileLog, settings, sessions, () => 0, true);
    const table: Record<string, unknown> = { ...refuseAll(problem, problem.message) };
    table['session.login'] = async (input: { username: string; password: string }) => {
      const out = await users.login(input.username, input.password);
      if (out.user.role !== 'admin') {
        sessions.close(out.token);
        throw new DomainError('FORBIDDEN', ADMINS_ONLY);
      }
      return out;
    };
    table['session.logout'] = (_input: unknown, c: { token: string | null }) => {
      sessions.close(c.token);
      return { ok: true as const };
    };
    table['session.me'] = (_input: unknown, c: { user: UserView | null }) => ({
      user: c.user!,
      officeName: settings.get(settingKeys.office.name, ''),
      today: clock.today(),
      idleLockMinutes: settings.get<number>(settingKeys.workflow.idleLockMinutes, WORKFLOW_DEFAULTS.idleLockMinutes),
    });
    const opened = db;
    return { handlers: table as HandlerTable, authenticate: (t) => sessions.authenticate(t), clock, close: () => opened.close() };
  } catch (error) {
    ctx.log.error('the older register on a full disk: its accounts cannot be read', error);
    db?.close();
    return null;
  }
}
