import { dispatch, type DispatchDeps, type Transfer } from '../../shared/api/dispatch';
import type { Result } from '../../shared/api/errors';
import { createTaskRunner, type TaskRunner } from './backup/progress';
import { applyPendingRestore } from './backup/restore';
import { createBackupService, type BackupService } from './backup/service';
import { openDatabase, openReadOnly, type Db } from './db/open';
import { createHandlers, type Health } from './handlers';
import { refuseWrites } from './integrity/readOnly';
import { seal, unseal } from './integrity/seal';
import { checkAtStart, problem as problemOf } from './integrity/startCheck';
import { openUnreadable } from './integrity/unreadable';
import { databaseFile, vaultDir } from './paths';
import { consoleLogger, systemClock, type Clock, type Logger, type PdfPrinter } from './ports';
import { createServices, type Services } from './services';
import { mediaToolsFromEnv, type MediaTools } from './services/evidence/media';
import { withStorageErrors } from './storageErrors';
import { createVault, type Vault } from './vault/vault';

export interface CoreDeps {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  /** Chromium's print engine for notices, supplied by the shell (printToPDF) or the host (playwright-core). */
  pdf?: PdfPrinter;
  /** ffmpeg/ffprobe for poster frames and video metadata; from the environment when not given. */
  media?: MediaTools;
}

export interface Core {
  /** The one entry both transports call; never throws. */
  call(name: string, input: unknown, token: string | null, transfer?: Transfer): Promise<Result<unknown>>;
  services: Services;
  db: Db;
  vault: Vault;
  /** Read-only because the register failed its check at start, and why. */
  health: Health;
  /** The daily backup, looked at every minute while the app runs (and at once: a missed one is caught up). */
  startSchedule(): () => void;
  close(): void;
}

interface State {
  db: Db | null;
  services: Services | null;
  vault: Vault;
  backup: BackupService | null;
  health: Health;
  dispatchDeps: DispatchDeps;
  close(): void;
}

async function openState(deps: CoreDeps, log: Logger, clock: Clock, runner: TaskRunner, requestRestart: () => void): Promise<State> {
  const file = databaseFile(deps.dataDir);
  const restored = applyPendingRestore(deps.dataDir);
  if (restored) log.warn(`restored from a backup; the data it replaced is in ${restored.aside}`);
  const vault = createVault(vaultDir(deps.dataDir));
  const problem = checkAtStart(file, log);
  const logError = (message: string, error: unknown) => log.error(message, error);

  if (problem) {
    log.error(`the register failed its check at start (${problem.code}: ${problem.detail ?? ''}); opened read-only`);
    const health = { readOnly: true, problem };
    let db: Db | null = null;
    try {
      db = openReadOnly(file);
      const services = createServices({ db, clock, vault, media: deps.media ?? mediaToolsFromEnv(), log, pdf: deps.pdf, readOnly: true });
      const backup = createBackupService({ db, dataDir: deps.dataDir, vaultRoot: vault.root, clock: services.clock, settings: services.settings, audit: services.audit, runner, log, readOnly: true, requestRestart });
      const handlers = refuseWrites(withStorageErrors(createHandlers(services, backup, runner, health), log));
      return { db, services, vault, backup, health, dispatchDeps: { handlers, authenticate: (t) => services.sessions.authenticate(t), logError }, close: () => db!.close() };
    } catch (error) {
      log.error('the damaged register cannot be read at all', error);
      db?.close();
      const unreadable = problemOf('unreadable', problem.detail ?? (error as Error).message);
      const u = openUnreadable({ dataDir: deps.dataDir, problem: unreadable, clock, runner, log, requestRestart, vaultRoot: vault.root });
      return { db: null, services: null, vault, backup: null, health: { readOnly: true, problem: unreadable }, dispatchDeps: { handlers: u.handlers, authenticate: u.authenticate, logError }, close: u.close };
    }
  }

  // The file passed its checks: from its first write on, the seal of the last clean close no longer holds.
  unseal(file);
  const db = await openDatabase(file, log);
  const swept = await vault.sweep();
  if (swept) log.warn(`removed ${swept} unfinished vault import(s) left by an interrupted run`);
  const services = createServices({ db, clock, vault, media: deps.media ?? mediaToolsFromEnv(), log, pdf: deps.pdf });
  if (restored) {
    // Sessions copied with the backup would come back to life; after a restore everyone signs in again.
    db.transaction(() => {
      db.prepare('DELETE FROM sessions').run();
      services.audit.append({ at: services.clock.now(), userId: null, action: 'backup.restored', entity: 'backup', entityId: null, data: { setAside: restored.aside, from: restored.from } });
    }).immediate();
  }
  const health = { readOnly: false, problem: null };
  const backup = createBackupService({ db, dataDir: deps.dataDir, vaultRoot: vault.root, clock: services.clock, settings: services.settings, audit: services.audit, runner, log, readOnly: false, requestRestart });
  return {
    db,
    services,
    vault,
    backup,
    health,
    dispatchDeps: { handlers: withStorageErrors(createHandlers(services, backup, runner, health), log), authenticate: (t) => services.sessions.authenticate(t), logError },
    close: () => {
      db.close();
      // A clean close leaves no WAL behind, so the file alone can be sealed for the next start.
      try {
        seal(file);
      } catch (error) {
        log.error('could not seal the register at close', error);
      }
    },
  };
}

/**
 * Opens the register in `dataDir` and assembles the handler table. At start: a restore staged by
 * `backup.restore` is swapped in, then the file is checked (seal, quick_check, audit chain); a
 * damaged register opens read-only. A restore asked for while running closes the register after
 * that call, lets calls in flight finish and holds new ones, swaps, and opens it again.
 */
export async function createCore(deps: CoreDeps): Promise<Core> {
  const log = deps.log ?? consoleLogger;
  const clock = deps.clock ?? systemClock;
  const runner = createTaskRunner(clock);
  let restartRequested = false;
  const requestRestart = () => (restartRequested = true);
  let state = await openState(deps, log, clock, runner, requestRestart);
  let inFlight = 0;
  let gate: Promise<void> | null = null;
  let closed = false;

  async function restart(): Promise<void> {
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    try {
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
      state.close();
      state = await openState(deps, log, clock, runner, requestRestart);
    } finally {
      gate = null;
      release();
    }
  }

  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`the register could not be read, so it has no ${what}`);
    return value;
  };

  return {
    async call(name, input, token, transfer) {
      while (gate) await gate;
      inFlight++;
      let result: Result<unknown>;
      try {
        result = await dispatch(state.dispatchDeps, name, input, token, transfer);
      } finally {
        inFlight--;
      }
      if (restartRequested) {
        restartRequested = false;
        await restart();
      }
      return result;
    },
    get services() {
      return need(state.services, 'services');
    },
    get db() {
      return need(state.db, 'database');
    },
    get vault() {
      return state.vault;
    },
    get health() {
      return state.health;
    },
    startSchedule() {
      let first = true;
      const look = () => {
        const atStart = first;
        first = false;
        if (!closed && !gate) state.backup?.tick(atStart).catch((error: unknown) => log.error('the backup schedule failed', error));
      };
      const timer = setInterval(look, 60_000);
      timer.unref();
      setImmediate(look);
      return () => clearInterval(timer);
    },
    close: () => {
      closed = true;
      state.close();
    },
  };
}
