import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { HandlerTable } from '../../../shared/api/dispatch';
import { DomainError } from '../../../shared/api/errors';
import { operationNames, type OperationName } from '../../../shared/api/operationNames';
import type { TaskRunner } from '../backup/progress';
import { createBackupService, LAST_GOOD_FILE } from '../backup/service';
import { openReadOnly, type Db } from '../db/open';
import { createHandlers } from '../handlers';
import type { Clock, Logger } from '../ports';
import { createServices } from '../services';
import { mediaToolsFromEnv } from '../services/evidence/media';
import { createVault } from '../vault/vault';
import type { DbProblem } from './startCheck';
import type { Keyring } from './officeKey';

const CLI = '（也可在本机用恢复工具：npm run restore -- --from <备份文件夹> --data <新的数据文件夹>）';

/** What a register that cannot be read at all still offers: restoring it, to an administrator. */
const OFFERED: readonly OperationName[] = ['setup.status', 'session.login', 'session.logout', 'session.me', 'backup.status', 'backup.verify', 'backup.restore', 'backup.progress'];

export interface Unreadable {
  handlers: HandlerTable;
  authenticate: (token: string | null) => ReturnType<ReturnType<typeof createServices>['sessions']['authenticate']>;
  close(): void;
}

/** Every operation says why it cannot run (`message`); setup.status gives the problem. */
export const refuseAll = (problem: DbProblem, message = `${problem.message}${CLI}`): HandlerTable => {
  const refuse = () => {
    throw new DomainError('CONFLICT', message);
  };
  const table: Record<string, unknown> = Object.fromEntries(operationNames.map((name) => [name, refuse]));
  table['setup.status'] = () => ({ initialised: true, readOnly: true, problem });
  return table as HandlerTable;
};

/**
 * The register cannot be read at all (its first page or header is gone), so nobody can sign in
 * against it. The last good backup (remembered outside the database) lends its accounts: an
 * administrator signs in with the password they had then, sees the backup and restores it. Every
 * other operation says why it cannot run. Without a known backup, only the restore tool is left.
 */
export function openUnreadable(o: { dataDir: string; problem: DbProblem; clock: Clock; runner: TaskRunner; log: Logger; requestRestart: () => void; vaultRoot: string; keys: Keyring | null }): Unreadable {
  let backupDb: Db | null = null;
  try {
    const { path } = z.object({ path: z.string() }).parse(JSON.parse(readFileSync(join(o.dataDir, LAST_GOOD_FILE), 'utf8')));
    const file = join(path, 'complaintdesk.sqlite');
    if (!existsSync(file)) throw new Error(`the last good backup is not at ${path}`);
    backupDb = openReadOnly(file);
    const db = backupDb;
    const problem = { ...o.problem, message: `${o.problem.message}请管理员用最近一次完好备份时的账号和密码登录后恢复。` };
    const services = createServices({ db, clock: o.clock, vault: createVault(o.vaultRoot), media: mediaToolsFromEnv(), log: o.log, readOnly: true });
    const backup = createBackupService({ db, dataDir: o.dataDir, vaultRoot: o.vaultRoot, clock: services.clock, settings: services.settings, audit: services.audit, runner: o.runner, log: o.log, readOnly: true, requestRestart: o.requestRestart, keys: o.keys });
    const all = createHandlers(services, backup, o.runner, { readOnly: true, problem });
    const handlers = { ...refuseAll(problem) } as Record<string, unknown>;
    for (const name of OFFERED) handlers[name] = all[name];
    handlers['session.login'] = async (input: { username: string; password: string }, ctx: unknown) => {
      const out = await (all['session.login'] as (i: unknown, c: unknown) => Promise<{ token: string; user: { role: string } }>)(input, ctx);
      if (out.user.role !== 'admin') {
        services.sessions.close(out.token);
        throw new DomainError('FORBIDDEN', `${o.problem.message}数据文件无法读取时只有管理员可以登录，以便从备份恢复。`);
      }
      return out;
    };
    return { handlers: handlers as HandlerTable, authenticate: (t) => services.sessions.authenticate(t), close: () => db.close() };
  } catch (error) {
    o.log.error('no last good backup to sign in against while the register cannot be read', error);
    backupDb?.close();
    return { handlers: refuseAll(o.problem), authenticate: () => null, close: () => {} };
  }
}
