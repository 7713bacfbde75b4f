import { statSync } from 'node:fs';
import type { HandlerTable } from '../../../shared/api/dispatch';
import { DomainError } from '../../../shared/api/errors';
import { afterPause } from '../afterPause';
import { createBackupService } from '../backup/service';
import { NotEnoughSpaceError } from '../db/diskSpace';
import { MigrationStopped } from '../db/migrate';
import { openDatabase, type Db } from '../db/open';
import { createHandlers } from '../handlers';
import { type CheckTask, type Running, type TaskOut } from '../integrity/checkWorker';
import { runCheckOnThreads } from '../integrity/chunkThreads';
import { chunkTableSync, unseal, writeSeal, type ChunkTable } from '../integrity/seal';
import { problem as problemOf, problemOfError, type DbProblem } from '../integrity/startCheck';
import { createWalTail, markChunks } from '../integrity/walPages';
import { createServices } from '../services';
import { mediaToolsFromEnv } from '../services/evidence/media';
import { refreshPlannerStatistics } from '../store';
import { withStorageErrors } from '../storageErrors';
import { auditVerifyInWorker, idleCheck, withStatus, type CheckView, type Ctx, type State } from './coreState';
import { decideOpen } from './decideOpen';
import { guardFailure, guardSync, runGuard } from './guardRun';
import { createHeldSignIn } from './heldSignIn';
import { readOnlyState } from './readOnlyState';
import { BACKGROUND_DELAY_MS, CHECKPOINT_PAUSE_MS, CHECKPOINT_WAL_BYTES, CHECKPOINT_WAL_MAX_BYTES, INLINE_CHECK_BYTES, MARK_EVERY_MS, STATISTICS_EVERY_WRITES } from './upkeepTimings';


/**
 * Opens the register: read-only when the checks before opening found a problem; otherwise for
 * writing, with what reads the whole file (the seal's chunk sums or quick_check, then the whole
 * chain) run in a worker after the first answer, writes held until the file is known sound.
 */
export async function openState(ctx: Ctx, forced: DbProblem | null, onFailure: (p: DbProblem) => void): Promise<State> {
  const plan = decideOpen(ctx, forced);
  if ('readOnly' in plan) return plan.readOnly;
  const { deps, log, clock, runner, requestRestart } = ctx;
  const { file, vault, restored, fresh, guard, notice, inlineGuard, keys, checkpoints } = plan;
  // Why the whole file is read (quickCheck): a file with no seal is one just restored, one this PC
  // has never opened (first trust), or one the app did not close.
  const whyWhole = restored ? '刚从备份恢复' : notice ? '本机第一次打开这份登记簿' : '上次未正常关闭';
  const guardStep = guard?.kind === 'quickCheck' ? `正在检查数据文件（${whyWhole}）` : '正在核对数据文件的封签';
  const check: CheckView = guard ? { running: true, writesHeld: true, step: guardStep, done: 0, total: 0 } : idleCheck();
  const progress = (done: number, total: number) => {
    check.done = done;
    check.total = total;
    if (ctx.upgrade) ctx.upgrade = { ...ctx.upgrade, done, total };
  };
  const running = new Set<Running>();
  const run = (t: CheckTask): Promise<TaskOut> => {
    const r = runCheckOnThreads(t, progress);
    running.add(r);
    return r.done.finally(() => running.delete(r));
  };
  let base: ChunkTable | null = null;
  let guardPassed = !guard;
  if (guard && !inlineGuard && statSync(file).size <= (deps.inlineCheckBytes ?? INLINE_CHECK_BYTES)) {
    // A small register is checked here and now (milliseconds), sooner than a worker thread starts.
    const out = guardSync(guard, file);
    if (!out.ok) return readOnlyState(ctx, file, vault, guardFailure(guard, out));
    guardPassed = true;
    if (guard.kind === 'seal') base = { size: guard.sealed.size, hashes: guard.sealed.hashes };
  }
  check.writesHeld = !guardPassed;
  if (guard && inlineGuard) {
    // A header that does not say WAL (a register from elsewhere, or damage): the whole check first, then the open.
    const out = await runGuard(guard, file, (t) => runCheckOnThreads(t).done);
    if (!out.ok) return readOnlyState(ctx, file, vault, guardFailure(guard, out));
    guardPassed = true;
  }
  // Only before a migration: the full check runs first, so a migration never writes onto a damaged file.
  let migrationFailure: DbProblem | null = null;
  let db: Db;
  try {
    db = await openDatabase(file, log, {
      holdWrites: !guardPassed,
      onUpgrade: (step) => {
        if (ctx.upgrade) ctx.upgrade = step;
      },
      stopped: () => ctx.closing,
      freeBytes: deps.freeBytes,
      beforeMigrate: guard && !guardPassed
        ? async ({ rowsChanged }) => {
            check.step = '升级前检查数据文件';
            if (ctx.upgrade) ctx.upgrade = { step: check.step, done: 0, total: 0 };
            const out = await runGuard(guard!, file, run);
            if (!out.ok) {
              migrationFailure = guardFailure(guard!, out);
              throw new Error('the register failed its check before a migration');
            }
            // An upgrade that only makes indexes writes as a day's work does, and the guard that lets a
            // day's writes through lets it through: quick_check too (2 min at a million cases) guards
            // migrations that rewrite rows, with the copy taken before them.
            if (guard!.kind !== 'quickCheck' && rowsChanged) {
              const quick = await run({ task: 'quick_check', file });
              if (!quick.ok) {
                migrationFailure = guardFailure({ kind: 'quickCheck' }, quick);
                throw new Error('the register failed quick_check before a migration');
              }
            }
            guardPassed = true;
            // The check before the upgrade is done; the banner no longer says it is running.
            check.step = '数据文件已检查，稍后核对操作记录';
          }
        : undefined,
      afterMigrate: async () => {
        const folded = await run({ task: 'fold', file });
        if (!folded.ok) {
          // Left for the core's own fold after writes pause, its pages noted for the seal as any write's.
          log.warn(`the WAL after the upgrade was not folded in a worker: ${folded.detail ?? ''}`);
          return;
        }
        // The chunk sums of the file before the upgrade no longer hold, and the pages the fold wrote
        // went past the WAL's reader: the seal's sums are taken afresh in the background.
        base = null;
      },
    });
  } catch (error) {
    if (migrationFailure) return readOnlyState(ctx, file, vault, migrationFailure);
    if (error instanceof MigrationStopped) throw error;
    // A file SQLite cannot even open for writing is damaged: read-only, like a failed check. A newer schema is refused whole.
    if (fresh || error instanceof DomainError) throw error;
    // Too little room for an upgrade is the disk's state, not a fault of the program: said, without a stack.
    if (error instanceof NotEnoughSpaceError) log.warn(`not enough room on the disk to upgrade the register: ${error.message}`);
    else log.error('the register could not be opened for writing', error);
    return readOnlyState(ctx, file, vault, problemOfError(error));
  }
  const swept = await vault.sweep();
  if (swept) log.warn(`removed ${swept} unfinished vault import(s) left by an interrupted run`);
  let releaseWrites!: () => void;
  const writesReleased = new Promise<void>((r) => (releaseWrites = r));
  let services: ReturnType<typeof createServices>;
  try {
    services = createServices({ db, clock, vault, media: deps.media ?? mediaToolsFromEnv(), log, pdf: deps.pdf, textReader: deps.textReader, bulkLoad: deps.bulkLoad, mergeStepHoldMs: deps.mergeStepHoldMs, mergeWorkerFault: deps.mergeWorkerFault, writable: guardPassed ? null : writesReleased });
  } catch (error) {
    // A schema this version did not write (a changed byte in a table's definition, say): damaged, never a crash of the start.
    db.close();
    if (fresh) throw error;
    log.error('the register does not have the schema this version wrote', error);
    return readOnlyState(ctx, file, vault, problemOfError(error));
  }
  const health = { readOnly: false, problem: null };
  // Writes held for the check: a sign-in is taken meanwhile, its session and rows written once the file passes (start/heldSignIn.ts).
  const heldSignIn = guardPassed ? null : createHeldSignIn(db, services, log);
  const backup = createBackupService({ db, dataDir: deps.dataDir, vaultRoot: vault.root, clock: services.clock, settings: services.settings, audit: services.audit, runner, log, readOnly: false, requestRestart, keys });

  const dirty = new Set<number>();
  const wal = `${file}-wal`;
  const walTail = createWalTail(wal);
  let released = false;
  let closed = false;
  let writesSinceStatistics = 0;
  let markTimer: NodeJS.Timeout | null = null;
  // The WAL's frames are read for the seal first, in the fold's turn: a write outside a write call (a
  // session's expiry refreshed by a read, a merge step) is otherwise read only at the next write call,
  // and once the fold is complete, the next write starts the WAL again over those frames. Folded on the
  // search index's worker, off the page's thread (services/walFold.ts).
  const fold = () => services.walFold.fold({ readFrames: () => walTail.catchUp(dirty), closed: () => closed });
  const checkpointing = afterPause(fold, CHECKPOINT_PAUSE_MS);
  let checkpointQueued = false;
  let afterStartTimer: NodeJS.Timeout | null = null;
  let textTimer: NodeJS.Timeout | null = null;
  let stopDelay: (() => void) | null = null;
  const writeMark = (state: 'open' | 'closed', seal: string | null) => {
    const head = services.audit.mark();
    checkpoints.write({ keyId: keys.current.id, state, seal, head, at: services.clock.now() });
    ctx.lastMark = head;
  };

  const release = () => {
    if (released || closed) return;
    // The file passed the checks that guard writing: from its first write on, the seal of the last clean close no longer holds.
    unseal(file);
    writeMark('open', null);
    db.pragma('query_only = OFF');
    refreshPlannerStatistics(db);
    if (restored) {
      // Sessions copied with the backup would come back to life; after a restore everyone signs in again.
      db.transaction(() => {
        db.prepare('DELETE FROM sessions').run();
        services.audit.append({ at: services.clock.now(), userId: null, action: 'backup.restored', entity: 'backup', entityId: null, data: { setAside: restored.aside, from: restored.from } });
      }).immediate();
    }
    // The sign-ins taken while writes were held, before any other write.
    if (heldSignIn) db.transaction(() => heldSignIn.keep()).immediate();
    released = true;
    check.writesHeld = false;
    releaseWrites();
    // Evidence text left unread (a restart cut it off, or added by an older version) is read after
    // the first seconds of the start, which are the clerks' (issue [H]); new items are read as they come.
    textTimer = setTimeout(() => {
      textTimer = null;
      if (!closed) services.evidence.text.start(() => st.afterWrite());
      // 统计's repeat flags counted again if the repeat window changed since they were (or a stop cut a recount off).
      if (!closed) services.repeatRecount.start(() => st.afterWrite());
      // The search index rewritten for the cases indexed by older rules (a migration planned it).
      if (!closed) services.searchReindex.start(() => st.afterWrite());
      // Merges of the search index left by the writes so far (a seed's, a stop's), then after each write.
      if (!closed) services.searchUpkeep.start(() => st.afterWrite());
    }, deps.backgroundDelayMs ?? BACKGROUND_DELAY_MS);
    textTimer.unref();
  };

  const own = createHandlers(services, backup, runner, health);
  const login = own['session.login'];
  // While writes are held, a sign-in is taken by heldSignIn (its session in memory, its rows held).
  const table = withStorageErrors({ ...own, 'session.login': (input: Parameters<typeof login>[0]) => (heldSignIn && !released ? heldSignIn.login(input) : login(input)) }, log);
  const ref: { st?: State } = {};
  const handlers = withStatus({ ...table, 'audit.verify': auditVerifyInWorker(file, ctx) } as HandlerTable, () => ref.st!);

  const fail = (p: DbProblem) => {
    if (closed) return;
    log.error(`the register failed its check after start (${p.code}: ${p.detail ?? ''}); switching to read-only`);
    heldSignIn?.abandon();
    check.running = false;
    onFailure(p);
  };

  async function watch(): Promise<void> {
    try {
      if (guard && !guardPassed) {
        check.step = guardStep;
        await deps.guardStarts;
        if (closed) return;
        const out = await runGuard(guard, file, run);
        if (closed) return;
        if (!out.ok) return fail(guardFailure(guard, out));
        if (guard.kind === 'seal') base = { size: guard.sealed.size, hashes: Buffer.from((out.table as ChunkTable).hashes) };
      }
      release();
      // What does not guard writing waits a moment: the first seconds after a start are the clerks' (sign-in, the
      // first registrations), not a thread reading the whole file beside them on a two-core PC.
      await new Promise<void>((resolve) => {
        afterStartTimer = setTimeout(resolve, deps.backgroundDelayMs ?? BACKGROUND_DELAY_MS);
        afterStartTimer.unref();
        stopDelay = resolve;
      });
      if (closed) return;
      // A legacy seal proves the file is what the old app closed; quick_check then runs once, as before the key.
      // A keyed seal's chunks prove every byte is what SQLite left at the last clean close: no quick_check every
      // morning (minutes at a million cases). A page damaged while that run wrote is found by SQLite as it reads,
      // and by the integrity_check every backup runs on its page-for-page copy (backup/create.ts).
      if (guard && guard.kind === 'legacySeal' && !guardPassed) {
        check.step = '正在检查数据文件结构';
        const quick = await run({ task: 'quick_check', file });
        if (closed) return;
        if (!quick.ok) return fail(guardFailure({ kind: 'quickCheck' }, quick));
      }
      if (!base) {
        check.step = '正在计算数据文件的封签';
        // The chunk sums the next clean close starts from; chunks written meanwhile are noted dirty and hashed again then.
        const out = await run({ task: 'chunks', file });
        if (closed) return;
        if (out.ok) base = { size: (out.table as ChunkTable).size, hashes: Buffer.from((out.table as ChunkTable).hashes) };
      }
      if (!fresh) {
        check.step = '正在核对操作记录（审计链）';
        const chain = await run({ task: 'chain', file, mark: ctx.lastMark });
        if (closed) return;
        if (!chain.ok) {
          return fail(chain.error ? problemOfError({ code: chain.code, message: chain.detail }) : problemOf('auditBroken', `第 ${chain.firstBroken as number} 条起不符（已核对 ${chain.checked as number} 条）`));
        }
      }
      check.running = false;
      check.step = '';
    } catch (error) {
      // A check that could not run is no pass: the register is not let through for writing.
      log.error('the background check failed', error);
      fail(problemOfError(error));
    }
  }

  const heldSignInUser = (t: string | null) => (heldSignIn && !released ? heldSignIn.authenticate(t) : null);
  const st: State = {
    db,
    services,
    vault,
    backup,
    health,
    notice,
    check,
    writesReleased: guardPassed ? null : writesReleased,
    watching: Promise.resolve(),
    // After a restore the sessions copied with the backup are deleted when writes are let through; until then none is honoured.
    // While writes are held, a session taken then is in memory (start/heldSignIn.ts); the table's are read as always.
    dispatchDeps: { handlers, authenticate: (t) => heldSignInUser(t) ?? (restored && !released ? null : services.sessions.authenticate(t)), logError: (message, error) => log.error(message, error) },
    signInHeld: heldSignIn !== null,
    writeTurn: () => services.writeTurns.write(),
    afterWrite() {
      if (!released || closed) return;
      services.searchUpkeep.kick();
      const walBytes = walTail.catchUp(dirty);
      if (walBytes > CHECKPOINT_WAL_MAX_BYTES) {
        checkpointing.cancel();
        // Right after the call that grew it, not in its answer: at a million cases the fold of 4 MB
        // made one registration in seventeen of a burst wait 25–40 ms for it.
        if (!checkpointQueued) {
          checkpointQueued = true;
          setImmediate(() => {
            checkpointQueued = false;
            if (!closed) fold();
          });
        }
      } else if (walBytes > CHECKPOINT_WAL_BYTES) checkpointing.poke();
      else checkpointing.cancel();
      if (++writesSinceStatistics >= STATISTICS_EVERY_WRITES) {
        writesSinceStatistics = 0;
        // After the call that wrote: only tables grown or shrunk 25-fold are sampled again (store/plannerStatistics.ts).
        // In a turn: beside a merge step its write would wait in SQLite's busy handler, holding this thread.
        setImmediate(() =>
          services.writeTurns.upkeep(() => {
            if (closed) return;
            try {
              refreshPlannerStatistics(db);
              // Its pages are chunks the next clean close hashes again, as a call's are.
              walTail.catchUp(dirty);
            } catch (error) {
              log.warn(`planner statistics not refreshed: ${(error as Error).message}`);
            }
          }),
        );
      }
      if (!markTimer) {
        markTimer = setTimeout(() => {
          markTimer = null;
          if (closed) return;
          try {
            writeMark('open', null);
          } catch (error) {
            log.warn(`could not keep the audit head beside the office key: ${(error as Error).message}`);
          }
        }, MARK_EVERY_MS);
        markTimer.unref();
      }
    },
    close(sealIt = true) {
      if (closed) return;
      closed = true;
      if (markTimer) clearTimeout(markTimer);
      checkpointing.cancel();
      if (afterStartTimer) clearTimeout(afterStartTimer);
      if (textTimer) clearTimeout(textTimer);
      // A reading in progress is dropped: its item stays pending for the next start.
      void services.evidence.text.stop();
      void services.repeatRecount.stop();
      void services.searchReindex.stop();
      void services.searchUpkeep.stop();
      stopDelay?.();
      for (const r of running) r.stop();
      // A long read's snapshot would keep the checkpoint below from emptying the WAL before the seal.
      services.snapshots.closeAll();
      // Calls held for the check go on, to whatever state comes next (read-only after a failure).
      releaseWrites();
      if (!released || !sealIt) {
        // Nothing was written (or the file is not sound): the seal and checkpoint of the last clean close stay as they were.
        db.close();
        return;
      }
      const head = services.audit.mark();
      const at = services.clock.now();
      try {
        markChunks(wal, dirty);
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {}
      db.close();
      // A clean close: only the chunks this run wrote are hashed again (all of them when the start had no sums yet).
      try {
        const sums = chunkTableSync(file, base, base ? dirty : null);
        const digest = writeSeal(file, keys.current, sums);
        checkpoints.write({ keyId: keys.current.id, state: 'closed', seal: digest, head, at });
        ctx.lastMark = head;
      } catch (error) {
        log.error('could not seal the register at close', error);
      }
    },
  };
  ref.st = st;
  if (guardPassed) release();
  st.watching = watch();
  return st;
}
