import { noWriteTurns } from '../writeTurns';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { HandlerTable } from '../../../shared/api/dispatch';
import { createBackupService } from '../backup/service';
import { openReadOnly, type Db } from '../db/open';
import { createHandlers } from '../handlers';
import { refuseWrites } from '../integrity/readOnly';
import { problem as problemOf, type DbProblem } from '../integrity/startCheck';
import { openUnreadable } from '../integrity/unreadable';
import { createServices } from '../services';
import { mediaToolsFromEnv } from '../services/evidence/media';
import { withStorageErrors } from '../storageErrors';
import type { Vault } from '../vault/vault';
import { diskFullSignIn } from './diskFullSignIn';
import { makingRoom } from './makingRoom';
import { auditVerifyInWorker, idleCheck, withStatus, type Ctx, type State } from './coreState';

/**
 * A register that failed its check, or cannot be written, is opened read-only: it can be consulted
 * and backed up, never changed. One that cannot be read at all answers only what lets a person restore.
 */
export function readOnlyState(ctx: Ctx, file: string, vault: Vault, problem: DbProblem): State {
  const { deps, log, clock, runner, requestRestart } = ctx;
  const logError = (message: string, error: unknown) => log.error(message, error);
  const health = { readOnly: true, problem };
  const base = { vault, notice: null, check: idleCheck(), writesReleased: null, watching: Promise.resolve(), afterWrite: () => {}, writeTurn: noWriteTurns.write };
  if (problem.code === 'diskFull') {
    // An older register on a full disk is sound, but this version's statements are not for its schema
    // (0039's queue names an index 0038 lacks: 案件 answered 系统内部错误 when consulted so): it is not
    // read with them. An administrator signs in against its accounts and makes room for the upgrade.
    const signIn = diskFullSignIn(ctx, file, problem);
    if (signIn) {
      const ref: { st?: State } = {};
      const room = makingRoom(signIn.handlers, { ctx, file, clock: signIn.clock });
      const handlers = withStatus(room.handlers, () => ref.st!);
      const close = () => {
        room.stop();
        signIn.close();
      };
      const st: State = { ...base, db: null, services: null, backup: null, health, dispatchDeps: { handlers, authenticate: signIn.authenticate, logError }, close };
      ref.st = st;
      return st;
    }
  }
  let db: Db | null = null;
  let copyDir: string | null = null;
  const dropCopy = () => copyDir && rmSync(copyDir, { recursive: true, force: true });
  try {
    if (problem.code === 'missing') throw new Error('the register file is missing or empty');
    let readFrom = file;
    if (problem.code === 'readOnlyFolder') {
      // SQLite cannot read a WAL-mode file where it may not make its -shm beside it: it reads a copy in the temp folder.
      copyDir = mkdtempSync(join(tmpdir(), 'complaintdesk-readonly-'));
      readFrom = join(copyDir, basename(file));
      copyFileSync(file, readFrom);
      if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${readFrom}-wal`);
    }
    db = openReadOnly(readFrom);
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    const services = createServices({ db, clock, vault, media: deps.media ?? mediaToolsFromEnv(), log, pdf: deps.pdf, readOnly: true });
    const backup = createBackupService({ db, dataDir: deps.dataDir, vaultRoot: vault.root, clock: services.clock, settings: services.settings, audit: services.audit, runner, log, readOnly: true, requestRestart, keys: ctx.keys });
    const ref: { st?: State } = {};
    const table = refuseWrites(withStorageErrors(createHandlers(services, backup, runner, health), log), problem);
    const handlers = withStatus({ ...table, 'audit.verify': auditVerifyInWorker(file, ctx) } as HandlerTable, () => ref.st!);
    const st: State = { ...base, db, services, backup, health, dispatchDeps: { handlers, authenticate: (t) => services.sessions.authenticate(t), logError }, close: () => {
      db!.close();
      dropCopy();
    } };
    ref.st = st;
    return st;
  } catch (error) {
    if (problem.code !== 'missing') log.error('the damaged register cannot be read at all', error);
    db?.close();
    dropCopy();
    // A register this version cannot read before its upgrade (an older schema) is not damaged when the disk was only full.
    const unreadable = problem.code === 'missing' || problem.code === 'readOnlyFolder' || problem.code === 'diskFull' ? problem : problemOf('unreadable', problem.detail ?? (error as Error).message);
    const u = openUnreadable({ dataDir: deps.dataDir, problem: unreadable, clock, runner, log, requestRestart, vaultRoot: vault.root, keys: ctx.keys });
    const ref: { st?: State } = {};
    const handlers = withStatus(u.handlers, () => ref.st!);
    const st: State = { ...base, db: null, services: null, backup: null, health: { readOnly: true, problem: unreadable }, dispatchDeps: { handlers, authenticate: u.authenticate, logError }, close: u.close };
    ref.st = st;
    return st;
  }
}
