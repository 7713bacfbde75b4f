import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { dispatch, type DispatchDeps, type HandlerTable, type Transfer } from '../../shared/api/dispatch';
import { DomainError, type Result } from '../../shared/api/errors';
import type { OperationName } from '../../shared/api/operationNames';
import { createTaskRunner, type TaskRunner } from './backup/progress';
import { applyPendingRestore } from './backup/restore';
import { createBackupService, type BackupService } from './backup/service';
import { openDatabase, openReadOnly, type Db } from './db/open';
import { createHandlers, type Health } from './handlers';
import { createCheckpoints, type Checkpoints } from './integrity/checkpoint';
import { runCheck, type CheckTask, type Running, type TaskOut } from './integrity/checkWorker';
import { lockDataFolder, type FolderLock } from './integrity/folderLock';
import { defaultKeyDir, fileProtector, KeyUnavailableError, openKeyring, type Keyring, type SecretProtector } from './integrity/officeKey';
import { refuseWrites, writesRegister } from './integrity/readOnly';
import { CHUNK, chunkTableSync, hashFileSync, readSeal, unseal, writeSeal, type ChunkTable } from './integrity/seal';
import { decide, problem as problemOf, problemOfError, registerTraces, type DbProblem, type Guard } from './integrity/startCheck';
import { openUnreadable } from './integrity/unreadable';
import { markChunks } from './integrity/walPages';
import { databaseFile, vaultDir } from './paths';
import { consoleLogger, systemClock, type Clock, type Logger, type PdfPrinter } from './ports';
import { createServices, type Services } from './services';
import { refreshPlannerStatistics } from './store';
import { createAudit, type AuditMark } from './services/audit';
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
  /** Where the office key lives (integrity/officeKey.ts); the user's configuration folder when not given. */
  keyDir?: string;
  /** How the key is kept there: the desktop app supplies safeStorage; a plain private file otherwise. */
  protector?: SecretProtector;
  /** Named in the data folder's lock, for the message a second program gives. */
  program?: string;
  /** Registers up to this size are checked before the first answer (default 16 MiB); tests set 0 to run every check in the worker. */
  inlineCheckBytes?: number;
  /** Delay before the checks that do not guard writing start (default 3 s); tests set 0. */
  backgroundDelayMs?: number;
}

/** The start check's work after the app answers (setup.status `check`). */
export interface CheckView {
  running: boolean;
  /** Writes wait until the checks that guard against writing onto a damaged or changed file pass. */
  writesHeld: boolean;
  step: string;
  done: number;
  total: number;
}

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
  /** The daily backup, looked at every minute while the app runs (and at once: a missed one is caught up). */
  startSchedule(): () => void;
  close(): void;
}

/** How long after writes are let through the rest of the check (the whole chain, the seal's sums) starts. */
const BACKGROUND_DELAY_MS = 3000;
/** A register this small is checked before the first answer, in less time than a worker takes to start. */
const INLINE_CHECK_BYTES = 16 * 1024 * 1024;
/** A WAL past this size is folded into the file after the call that grew it (SQLite's own default is 1000 pages). */
const CHECKPOINT_WAL_BYTES = 4 * 1024 * 1024;
/** How soon after a write the audit head is kept beside the key: a crash loses at most this much of it. */
const MARK_EVERY_MS = 1000;

/** Operations that write even though they do not change the register's records (sessions, sign-in throttle). */
const HELD_BESIDES_WRITES: ReadonlySet<string> = new Set(['session.login', 'session.logout', 'session.unlock', 'session.changePassword', 'backup.restore']);
const holdsWrite = (name: string) => HELD_BESIDES_WRITES.has(name) || writesRegister[name as OperationName] === true;

interface Ctx {
  deps: CoreDeps;
  log: Logger;
  clock: Clock;
  runner: TaskRunner;
  requestRestart: () => void;
  /** null: the folder cannot be written. */
  lock: FolderLock | null;
  keys: Keyring | null;
  keyError: string | null;
  checkpoints: Checkpoints | null;
  /** The last audit mark written beside the key by this program. */
  lastMark: AuditMark | null;
}

interface State {
  db: Db | null;
  services: Services | null;
  vault: Vault;
  backup: BackupService | null;
  health: Health;
  notice: string | null;
  check: CheckView;
  dispatchDeps: DispatchDeps;
  /** Pending while writes are held. */
  writesReleased: Promise<void> | null;
  /** The background checks. */
  watching: Promise<void>;
  afterWrite(): void;
  /** `seal` false: a register found damaged is closed as it is, neither sealed nor marked closed. */
  close(seal?: boolean): void;
}

const idleCheck = (): CheckView => ({ running: false, writesHeld: false, step: '', done: 0, total: 0 });

function withStatus(handlers: HandlerTable, st: () => State): HandlerTable {
  const base = handlers['setup.status'] as (input: unknown, ctx: unknown) => Record<string, unknown> | Promise<Record<string, unknown>>;
  const out: Record<string, unknown> = { ...handlers };
  out['setup.status'] = async (input: unknown, ctx: unknown) => {
    const s = st();
    return {
      ...(await base(input, ctx)),
      ...(s.check.running ? { check: { ...s.check } } : {}),
      ...(s.notice ? { notice: s.notice } : {}),
    };
  };
  return out as HandlerTable;
}

/** `audit.verify` in a worker (it re-hashes every row), held to the head the app last kept beside the key. */
function auditVerifyInWorker(file: string, ctx: Ctx) {
  return async () => {
    const out = await runCheck({ task: 'chain', file, mark: ctx.lastMark }).done;
    if (out.error) throw new DomainError('INTERNAL', '审计日志核验未能完成（原因见日志），请稍后再试');
    const head = (out.head as { hash: string; rows: number } | undefined) ?? { hash: '', rows: out.checked as number };
    return { ok: out.ok, checked: out.checked as number, ...(out.ok ? {} : { firstBroken: out.firstBroken as number }), head };
  };
}

function readOnlyState(ctx: Ctx, file: string, vault: Vault, problem: DbProblem): State {
  const { deps, log, clock, runner, requestRestart } = ctx;
  const logError = (message: string, error: unknown) => log.error(message, error);
  const health = { readOnly: true, problem };
  const base = { vault, notice: null, check: idleCheck(), writesReleased: null, watching: Promise.resolve(), afterWrite: () => {} };
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
    const table = refuseWrites(withStorageErrors(createHandlers(services, backup, runner, health), log));
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
    const unreadable = problem.code === 'missing' || problem.code === 'readOnlyFolder' ? problem : problemOf('unreadable', problem.detail ?? (error as Error).message);
    const u = openUnreadable({ dataDir: deps.dataDir, problem: unreadable, clock, runner, log, requestRestart, vaultRoot: vault.root, keys: ctx.keys });
    const ref: { st?: State } = {};
    const handlers = withStatus(u.handlers, () => ref.st!);
    const st: State = { ...base, db: null, services: null, backup: null, health: { readOnly: true, problem: unreadable }, dispatchDeps: { handlers, authenticate: u.authenticate, logError }, close: u.close };
    ref.st = st;
    return st;
  }
}

/**
 * The header chunk against the seal (or, without a seal, SQLite's header read for WAL mode): a
 * problem, 'inline' when the whole guard must run before the file is opened, or null.
 */
function firstChunkProblem(file: string, guard: Guard): DbProblem | 'inline' | null {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(CHUNK, fstatSync(fd).size));
    readSync(fd, buf, 0, buf.length, 0);
    if (guard.kind === 'seal') {
      if (guard.sealed.size === 0) return null;
      const sum = createHash('sha256').update(buf).digest();
      return sum.equals(guard.sealed.hashes.subarray(0, 32)) ? null : problemOf('changedWhileClosed', 'chunk 0');
    }
    // Bytes 18 and 19 are 2 in WAL mode; opening anything else for writing would rewrite them.
    return buf.length >= 100 && buf.toString('latin1', 0, 16) === 'SQLite format 3\0' && buf[18] === 2 && buf[19] === 2 ? null : 'inline';
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes against the guard, in a worker: the seal's chunks, a legacy seal's hash, or quick_check. */
function guardTask(guard: Guard, file: string): CheckTask {
  if (guard.kind === 'seal') return { task: 'chunks', file, sealed: guard.sealed };
  if (guard.kind === 'legacySeal') return { task: 'sha256', file };
  return { task: 'quick_check', file };
}

/** The guard on this thread, for a small register. */
function guardSync(guard: Guard, file: string): TaskOut {
  try {
    if (guard.kind === 'seal') {
      const sums = chunkTableSync(file);
      return sums.size === guard.sealed.size && sums.hashes.equals(guard.sealed.hashes) ? { ok: true } : { ok: false, detail: 'chunks' };
    }
    if (guard.kind === 'legacySeal') return statSync(file).size === guard.size && hashFileSync(file) === guard.sha256 ? { ok: true } : { ok: false, detail: 'sha256' };
    const db = openReadOnly(file);
    try {
      const rows = db.pragma('quick_check') as { quick_check: string }[];
      return rows.length === 1 && rows[0]!.quick_check === 'ok' ? { ok: true } : { ok: false, detail: rows.slice(0, 5).map((r) => r.quick_check).join('；') };
    } finally {
      db.close();
    }
  } catch (error) {
    return { ok: false, error: true, code: String((error as { code?: unknown }).code ?? ''), detail: (error as Error).message };
  }
}

/** Runs the guard's task; a legacy seal's hash is compared here. */
async function runGuard(guard: Guard, file: string, run: (t: CheckTask) => Promise<TaskOut>): Promise<TaskOut> {
  const out = await run(guardTask(guard, file));
  if (guard.kind === 'legacySeal' && out.ok && (out.sha256 !== guard.sha256 || out.size !== guard.size)) return { ok: false, detail: 'sha256' };
  return out;
}

function guardFailure(guard: Guard, out: TaskOut): DbProblem {
  if (out.error) return problemOfError({ code: out.code, message: out.detail });
  if (guard.kind === 'quickCheck') return problemOf('corrupt', out.detail);
  if (guard.kind === 'legacySeal') return problemOf('changedWhileClosed', '与旧版封签的校验值不符');
  return problemOf('changedWhileClosed', out.detail);
}

async function openState(ctx: Ctx, forced: DbProblem | null, onFailure: (p: DbProblem) => void): Promise<State> {
  const { deps, log, clock, runner, requestRestart } = ctx;
  const file = databaseFile(deps.dataDir);
  const writable = ctx.lock !== null;
  const restored = writable && !forced ? applyPendingRestore(deps.dataDir) : null;
  if (restored) {
    log.warn(`restored from a backup; the data it replaced is in ${restored.aside}`);
    // A different register now: what the app kept of the one set aside no longer applies.
    ctx.checkpoints?.forget();
  }
  const vault = createVault(vaultDir(deps.dataDir));
  const empty = !existsSync(file) || statSync(file).size === 0;
  let problem = forced;
  if (!problem && empty) {
    const traces = registerTraces(deps.dataDir, basename(file));
    if (ctx.checkpoints && ctx.checkpoints.read().kind !== 'none') traces.push('本机保存的该登记簿检查点');
    if (traces.length) problem = problemOf('missing', `数据文件夹中还有：${traces.join('、')}`);
    else if (!writable) throw new DomainError('CONFLICT', `数据文件夹“${deps.dataDir}”无法写入（只读磁盘或没有写入权限），不能在这里新建登记簿。请换一个可以写入的文件夹（--data），或让管理员检查权限。`);
  }
  if (!problem && !writable) problem = problemOf('readOnlyFolder', deps.dataDir);
  if (!problem && ctx.keyError) problem = problemOf('keyUnavailable', ctx.keyError, `${ctx.keyError}本次以只读方式打开：可以查阅，不能登记或修改。`);
  if (problem) {
    log.error(`the register is opened read-only (${problem.code}: ${problem.detail ?? ''})`);
    return readOnlyState(ctx, file, vault, problem);
  }

  const keys = ctx.keys!;
  const checkpoints = ctx.checkpoints!;
  const fresh = empty;
  let guard: Guard | null = null;
  let notice: string | null = null;
  let inlineGuard = false;
  if (!fresh) {
    const decision = decide(readSeal(file, keys), checkpoints.read());
    problem = decision.problem;
    guard = decision.guard;
    // A register just restored from a checked backup is no first use to announce.
    notice = restored ? null : decision.notice;
    try {
      if (!problem && guard?.kind === 'seal' && guard.sealed.wal) {
        const wal = `${file}-wal`;
        if (!existsSync(wal) || statSync(wal).size !== guard.sealed.wal.size || hashFileSync(wal) !== guard.sealed.wal.sha256) problem = problemOf('changedWhileClosed', '-wal 文件与封签不符');
      }
      if (!problem && guard) {
        // The first chunk holds SQLite's header (page size, WAL mode, schema version): checked before any connection is
        // opened for writing, since opening and migrating act on what it says. One chunk is cheap; the rest waits for the worker.
        const headerProblem = firstChunkProblem(file, guard);
        if (headerProblem === 'inline') inlineGuard = true;
        else if (headerProblem) problem = headerProblem;
      }
      if (!problem && decision.checkpoint) {
        // The chain from the head the app last kept beside the key: costs the rows written since, not the chain.
        const ro = openReadOnly(file);
        try {
          const hasAudit = ro.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() !== undefined;
          const v = hasAudit ? createAudit(ro).verifyFrom(decision.checkpoint.head) : { ok: true, checked: 0 };
          if (!v.ok) {
            const why = v.reason === 'cut' ? `审计记录在第 ${v.firstBroken} 条之前就结束了，比程序上次写下的少` : v.reason === 'rewritten' ? `第 ${v.firstBroken} 条审计记录与程序上次写下的不同（整条链被重新计算过）` : `第 ${v.firstBroken} 条起不符`;
            problem = problemOf('auditBroken', why);
          }
        } finally {
          ro.close();
        }
        ctx.lastMark = decision.checkpoint.head;
      }
    } catch (error) {
      log.error('the database failed its check at start', error);
      problem = problemOfError(error);
    }
    if (problem) {
      log.error(`the register failed its check at start (${problem.code}: ${problem.detail ?? ''}); opened read-only`);
      return readOnlyState(ctx, file, vault, problem);
    }
  }

  const check: CheckView = guard ? { running: true, writesHeld: true, step: '正在检查数据文件', done: 0, total: 0 } : idleCheck();
  const progress = (done: number, total: number) => {
    check.done = done;
    check.total = total;
  };
  const running = new Set<Running>();
  const run = (t: CheckTask): Promise<TaskOut> => {
    const r = runCheck(t, progress);
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
    const out = await runGuard(guard, file, (t) => runCheck(t).done);
    if (!out.ok) return readOnlyState(ctx, file, vault, guardFailure(guard, out));
    guardPassed = true;
  }
  // Only before a migration: the full check runs first, so a migration never writes onto a damaged file.
  let migrationFailure: DbProblem | null = null;
  let db: Db;
  try {
    db = await openDatabase(file, log, {
      holdWrites: !guardPassed,
      beforeMigrate: guard && !guardPassed
        ? async () => {
            check.step = '升级前检查数据文件';
            const out = await runGuard(guard!, file, run);
            if (!out.ok) {
              migrationFailure = guardFailure(guard!, out);
              throw new Error('the register failed its check before a migration');
            }
            if (guard!.kind !== 'quickCheck') {
              const quick = await run({ task: 'quick_check', file });
              if (!quick.ok) {
                migrationFailure = guardFailure({ kind: 'quickCheck' }, quick);
                throw new Error('the register failed quick_check before a migration');
              }
            }
            guardPassed = true;
          }
        : undefined,
    });
  } catch (error) {
    if (migrationFailure) return readOnlyState(ctx, file, vault, migrationFailure);
    // A file SQLite cannot even open for writing is damaged: read-only, like a failed check. A newer schema is refused whole.
    if (fresh || error instanceof DomainError) throw error;
    log.error('the register could not be opened for writing', error);
    return readOnlyState(ctx, file, vault, problemOfError(error));
  }
  const swept = await vault.sweep();
  if (swept) log.warn(`removed ${swept} unfinished vault import(s) left by an interrupted run`);
  const services = createServices({ db, clock, vault, media: deps.media ?? mediaToolsFromEnv(), log, pdf: deps.pdf });
  const health = { readOnly: false, problem: null };
  const backup = createBackupService({ db, dataDir: deps.dataDir, vaultRoot: vault.root, clock: services.clock, settings: services.settings, audit: services.audit, runner, log, readOnly: false, requestRestart, keys });

  const dirty = new Set<number>();
  const wal = `${file}-wal`;
  let released = false;
  let closed = false;
  let markTimer: NodeJS.Timeout | null = null;
  let afterStartTimer: NodeJS.Timeout | null = null;
  let stopDelay: (() => void) | null = null;
  const writeMark = (state: 'open' | 'closed', seal: string | null) => {
    const head = services.audit.mark();
    checkpoints.write({ keyId: keys.current.id, state, seal, head, at: services.clock.now() });
    ctx.lastMark = head;
  };

  let releaseWrites!: () => void;
  const writesReleased = new Promise<void>((r) => (releaseWrites = r));
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
    released = true;
    check.writesHeld = false;
    releaseWrites();
  };

  const table = withStorageErrors(createHandlers(services, backup, runner, health), log);
  const ref: { st?: State } = {};
  const handlers = withStatus({ ...table, 'audit.verify': auditVerifyInWorker(file, ctx) } as HandlerTable, () => ref.st!);

  const fail = (p: DbProblem) => {
    if (closed) return;
    log.error(`the register failed its check after start (${p.code}: ${p.detail ?? ''}); switching to read-only`);
    check.running = false;
    onFailure(p);
  };

  async function watch(): Promise<void> {
    try {
      if (guard && !guardPassed) {
        check.step = guard.kind === 'quickCheck' ? '正在检查数据文件（上次未正常关闭）' : '正在核对数据文件的封签';
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
    dispatchDeps: { handlers, authenticate: (t) => (restored && !released ? null : services.sessions.authenticate(t)), logError: (message, error) => log.error(message, error) },
    afterWrite() {
      if (!released || closed) return;
      try {
        if (existsSync(wal) && statSync(wal).size > CHECKPOINT_WAL_BYTES) {
          markChunks(wal, dirty);
          db.pragma('wal_checkpoint(PASSIVE)');
        }
      } catch (error) {
        log.warn(`checkpoint after a write failed: ${(error as Error).message}`);
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
      if (afterStartTimer) clearTimeout(afterStartTimer);
      stopDelay?.();
      for (const r of running) r.stop();
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
  const ctx: Ctx = { deps, log, clock, runner, requestRestart, lock, keys, keyError, checkpoints: keys ? createCheckpoints(keys, deps.dataDir) : null, lastMark: null };
  let inFlight = 0;
  let gate: Promise<void> | null = null;
  let closed = false;
  const onFailure = (p: DbProblem) => void restart(p);
  let state: State;
  try {
    state = await openState(ctx, null, onFailure);
  } catch (error) {
    lock?.release();
    throw error;
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
      state = await openState(ctx, forced, onFailure);
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
      if (state.writesReleased && holdsWrite(name)) {
        await state.writesReleased;
        while (gate) await gate;
      }
      inFlight++;
      let result: Result<unknown>;
      const current = state;
      try {
        result = await dispatch(current.dispatchDeps, name, input, token, transfer);
      } finally {
        inFlight--;
      }
      if (holdsWrite(name)) current.afterWrite();
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
    get check() {
      return { ...state.check };
    },
    async checked() {
      for (;;) {
        const s = state;
        await s.watching;
        await new Promise((r) => setImmediate(r));
        while (gate) await gate;
        if (s === state) return;
      }
    },
    startSchedule() {
      let first = true;
      const look = () => {
        const atStart = first;
        first = false;
        if (closed || gate) return;
        const s = state;
        const tick = () => s.backup?.tick(atStart).then(() => s.afterWrite());
        (s.writesReleased ? s.writesReleased.then(tick) : tick())?.catch((error: unknown) => log.error('the backup schedule failed', error));
      };
      const timer = setInterval(look, 60_000);
      timer.unref();
      setImmediate(look);
      return () => clearInterval(timer);
    },
    close: () => {
      if (closed) return;
      closed = true;
      try {
        state.close();
      } finally {
        lock?.release();
      }
    },
  };
}
