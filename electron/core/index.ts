import { existsSync } from 'node:fs';
import { dispatch, type Transfer } from '../../shared/api/dispatch';
import type { Result } from '../../shared/api/errors';
import type { OperationName } from '../../shared/api/operationNames';
import { createTaskRunner } from './backup/progress';
import type { Db } from './db/open';
import type { Health } from './handlers';
import { createCheckpoints } from './integrity/checkpoint';
import { lockDataFolder } from './integrity/folderLock';
import { defaultKeyDir, fileProtector, KeyUnavailableError, openKeyring, type Keyring } from './integrity/officeKey';
import { writesRegister } from './integrity/readOnly';
import { problemOfError, type DbProblem } from './integrity/startCheck';
import { yieldToLoop } from './loop';
import { databaseFile, vaultDir } from './paths';
import { consoleLogger, systemClock } from './ports';
import type { Services } from './services';
import type { CheckView, CoreDeps, Ctx, State } from './start/coreState';
import { clearHeldAudit, heldAuditFile, notYetAppended, readHeldAudit } from './start/heldAudit';
import { openState } from './start/openState';
import { readOnlyState } from './start/readOnlyState';
import { olderRegister, upgradingState } from './start/upgrading';
import { warmMediaLibraries } from './services/evidence/media';
import { createVault } from './vault/vault';
import type { Vault } from './vault/vault';

export type { CheckView, CoreDeps } from './start/coreState';

export interface Core {
  /** The one entry both transports call; never throws. */
  call(name: string, input: unknown, token: string | null, transfer?: Transfer): Promise<Result<unknown>>;
  services: Services;
  db: Db;
  vault: Vault;
  /** Read-only because the register failed its check at start, and why. */
  health: Health;
  /** The background part of the start check, as it stands. */
  check: CheckView;
  /** Resolves when the background checks have finished (or failed and switched to read-only). */
  checked(): Promise<void>;
  /** Loads the libraries the first piece of evidence needs, for a moment nobody is waiting (services/evidence/media.ts). */
  warm(): Promise<void>;
  /** The daily backup, looked at every minute while the app runs (and at once: a missed one is caught up). */
  startSchedule(): () => void;
  /**
   * Closes the register; a clean close seals it. `seal: false` leaves it as a crash would (the next
   * start checks the whole file): for a writer that went around the WAL, whose chunks the seal's
   * bookkeeping did not see (the seed, test/bench/seed).
   */
  close(options?: { seal?: boolean }): void;
}

/** Operations that write even though they do not change the register's records (sessions, sign-in throttle). */
const HELD_BESIDES_WRITES: ReadonlySet<string> = new Set(['session.login', 'session.logout', 'session.unlock', 'session.changePassword', 'backup.restore']);
const holdsWrite = (name: string) => HELD_BESIDES_WRITES.has(name) || writesRegister[name as OperationName] === true;
/**
 * Reads that record what they found (a check of the evidence: its events and audit row, written at
 * its end, after minutes of reading files, so not in a write turn all along; a register opened
 * read-only answers it unrecorded): while the start check holds writes they wait as writes do, or
 * their record was refused as if the data folder could not be written.
 */
const RECORDED_READS: ReadonlySet<string> = new Set(['evidence.verify']);
const waitsForWrites = (name: string) => holdsWrite(name) || RECORDED_READS.has(name);

/**
 * Opens the register in `dataDir` and assembles the handler table. At start: the data folder is
 * locked against a second program, a restore staged by `backup.restore` is swapped in, and the
 * file is checked in two parts. What costs nothing in proportion to the register runs before the
 * first answer (the keyed seal's MAC, the audit chain from the head kept beside the office key);
 * what reads the whole file runs in a worker after it (the seal's chunk sums or quick_check, then
 * the whole chain), reads served meanwhile and writes held until the file is known sound. A
 * damaged or changed register opens read-only. A restore asked for while running closes the
 * register after that call, lets calls in flight finish and holds new ones, swaps, and opens it again.
 */
export async function createCore(deps: CoreDeps): Promise<Core> {
  const log = deps.log ?? consoleLogger;
  const clock = deps.clock ?? systemClock;
  const runner = createTaskRunner(clock);
  let restartRequested = false;
  const requestRestart = () => (restartRequested = true);
  let upgradeRequested = false;
  /** Asked during a call (a removal made the room), the upgrade starts after its answer; asked between calls (the disk looked at again), at once. */
  const requestUpgrade = () => {
    upgradeRequested = true;
    setImmediate(() => {
      if (!upgradeRequested || inFlight > 0 || closed) return;
      upgradeRequested = false;
      upgradeNow();
    });
  };
  const lock = lockDataFolder(deps.dataDir, deps.program ?? 'host', clock);
  let keys: Keyring | null = null;
  let keyError: string | null = null;
  try {
    keys = openKeyring(deps.keyDir ?? defaultKeyDir(), deps.protector ?? fileProtector, clock);
  } catch (error) {
    if (!(error instanceof KeyUnavailableError)) {
      lock?.release();
      throw error;
    }
    keyError = error.message;
  }
  const ctx: Ctx = { deps, log, clock, runner, requestRestart, lock, keys, keyError, checkpoints: keys ? createCheckpoints(keys, deps.dataDir) : null, lastMark: null, upgrade: null, closing: false, deferredAudit: [], requestUpgrade };
  let inFlight = 0;
  let gate: Promise<void> | null = null;
  let closed = false;
  const onFailure = (p: DbProblem) => void restart(p);
  let state: State;
  /** Settles when an upgrade at start has ended (null: none). */
  let upgrading: Promise<void> | null = null;
  const file = databaseFile(deps.dataDir);
  if (lock && keys && olderRegister(file)) {
    // An older register: its migrations may take minutes, so the core answers at once with the upgrade's
    // progress (setup.status `upgrading`) and every other call waits for the upgraded register.
    ctx.upgrade = { step: '正在准备升级数据文件', done: 0, total: 0 };
    state = upgradingState(createVault(vaultDir(deps.dataDir)));
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    upgrading = openState(ctx, null, onFailure)
      .then(
        (opened) => {
          if (closed) return opened.close();
          state = opened;
          appendHeld(opened);
        },
        (error: unknown) => {
          if (closed) return log.info(`upgrade stopped by the close; it runs again at the next start (${(error as Error).message})`);
          log.error('the register could not be upgraded', error);
          state = readOnlyState(ctx, file, state.vault, problemOfError(error));
        },
      )
      .finally(() => {
        ctx.upgrade = null;
        gate = null;
        release();
      });
  } else {
    try {
      state = await openState(ctx, null, onFailure);
    } catch (error) {
      lock?.release();
      throw error;
    }
    appendHeld(state);
  }
  // Logged only now: a log line written before the start check would look like the trace of an earlier register.
  if (keys?.createdNow) log.warn(`made this PC's office key in ${keys.dir} (first start with an office key: the register found is trusted as it is)`);

  async function restart(forced: DbProblem | null = null): Promise<void> {
    let release!: () => void;
    const previous = gate;
    gate = new Promise((r) => (release = r));
    try {
      if (previous) await previous;
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
      if (closed) return;
      // A register found damaged after writes were let through is closed without a seal: it must not pass as sound next time.
      state.close(!forced);
      try {
        state = await openState(ctx, forced, onFailure);
      } catch (error) {
        // Stopped by the close (a long migration rolls back): it runs again at the next start.
        if (closed) throw error;
        log.error('the register could not be opened again', error);
        state = readOnlyState(ctx, file, state.vault, problemOfError(error));
      }
    } finally {
      gate = null;
      release();
    }
  }

  /**
   * The disk has room now for the upgrade that found none (start/makingRoom.ts): the register is
   * opened again and upgraded after the call that made the room has answered, with the upgrade's
   * progress in setup.status as at start; a close meanwhile stops it as it stops the start's.
   */
  function upgradeNow(): void {
    ctx.upgrade = { step: '正在准备升级数据文件', done: 0, total: 0 };
    upgrading = restart()
      .then(() => appendDeferredAudit(state))
      .catch((error: unknown) => {
        if (closed) log.info(`upgrade stopped by the close; it runs again at the next start (${(error as Error).message})`);
        else log.error('the upgrade after room was made failed', error);
      })
      .finally(() => (ctx.upgrade = null));
  }

  /**
   * What was done while the register could only be read, into its audit chain now that it can be
   * written (its time kept): the entries held in the data folder (start/heldAudit.ts), from this
   * run or one closed before its upgrade, and any the folder could not take.
   */
  async function appendDeferredAudit(s: State): Promise<void> {
    if (s.health.readOnly || !s.db || !s.services) return;
    if (ctx.deferredAudit.length === 0 && !existsSync(heldAuditFile(deps.dataDir))) return;
    if (s.writesReleased) await s.writesReleased;
    if (s !== state || closed) return;
    const turn = s.writeTurn();
    const endTurn = typeof turn === 'function' ? turn : await turn;
    try {
      const { db, services } = s;
      const held = notYetAppended(readHeldAudit(deps.dataDir, log, clock), (rows) => services.audit.tailData(rows));
      const entries = [...held, ...ctx.deferredAudit];
      db.transaction(() => entries.forEach((e) => services.audit.append(e))).immediate();
      ctx.deferredAudit.splice(0, entries.length - held.length);
      clearHeldAudit(deps.dataDir);
      if (entries.length > 0) log.info(`${entries.length} audit entries held while the register could only be read are in its chain now`);
    } finally {
      endTurn();
    }
    s.afterWrite();
  }
  function appendHeld(s: State): void {
    appendDeferredAudit(s).catch((error: unknown) => log.error('the audit entries held while the register could only be read could not be appended', error));
  }

  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`the register could not be read, so it has no ${what}`);
    return value;
  };

  return {
    async call(name, input, token, transfer) {
      if (ctx.upgrade && name === 'setup.status') return { ok: true, value: { initialised: true, readOnly: false, upgrading: { ...ctx.upgrade } } };
      while (gate) await gate;
      // A sign-in is taken while writes are held; its session and rows are written once they are let through (start/heldSignIn.ts).
      if (state.writesReleased && waitsForWrites(name) && !(name === 'session.login' && state.signInHeld)) {
        await state.writesReleased;
        while (gate) await gate;
      }
      inFlight++;
      let result: Result<unknown>;
      const current = state;
      let endTurn: (() => void) | null = null;
      try {
        // A write waits for a merge step of the search index on the worker's connection, here, rather than in SQLite's busy handler.
        if (holdsWrite(name)) {
          const turn = current.writeTurn();
          endTurn = typeof turn === 'function' ? turn : await turn;
        }
        result = await dispatch(current.dispatchDeps, name, input, token, transfer);
      } finally {
        endTurn?.();
        inFlight--;
      }
      if (holdsWrite(name)) current.afterWrite();
      if (restartRequested) {
        restartRequested = false;
        await restart();
      }
      if (upgradeRequested) {
        upgradeRequested = false;
        upgradeNow();
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
    get check() {
      return { ...state.check };
    },
    async checked() {
      for (;;) {
        const s = state;
        await s.watching;
        await yieldToLoop();
        while (gate) await gate;
        if (s === state) return;
      }
    },
    warm: () => warmMediaLibraries(),
    startSchedule() {
      let first = true;
      const look = () => {
        const atStart = first;
        first = false;
        if (closed || gate) return;
        const s = state;
        // Writes are let go at a close too (so calls held for the check end): no backup onto a closed register then.
        // The upkeep after a write (the seal's WAL tail, the search index's merges, the audit head's
        // mark) only after a backup: a look that found none due started the merge worker every minute.
        const tick = () => (closed || s !== state ? undefined : s.backup?.tick(atStart).then((wrote) => wrote && s.afterWrite()));
        (s.writesReleased ? s.writesReleased.then(tick) : tick())?.catch((error: unknown) => log.error('the backup schedule failed', error));
      };
      const timer = setInterval(look, 60_000);
      timer.unref();
      setImmediate(look);
      return () => clearInterval(timer);
    },
    close: ({ seal = true } = {}) => {
      if (closed) return;
      closed = true;
      ctx.closing = true;
      if (upgrading && gate) {
        // Closed in the middle of an upgrade: it stops at its next slice and rolls back; the folder stays
        // locked until then, so a program started meanwhile does not find the file in use.
        void upgrading.finally(() => lock?.release());
        return;
      }
      try {
        state.close(seal);
      } finally {
        lock?.release();
      }
    },
  };
}
