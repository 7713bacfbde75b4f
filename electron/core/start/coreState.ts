import { DomainError } from '../../../shared/api/errors';
import type { DispatchDeps, HandlerTable } from '../../../shared/api/dispatch';
import type { TaskRunner } from '../backup/progress';
import type { BackupService } from '../backup/service';
import type { UpgradeStep } from '../db/migrate';
import type { Db } from '../db/open';
import type { Health } from '../handlers';
import type { Checkpoints } from '../integrity/checkpoint';
import { runCheck } from '../integrity/checkWorker';
import type { FolderLock } from '../integrity/folderLock';
import type { Keyring, SecretProtector } from '../integrity/officeKey';
import type { Clock, Logger, PdfPrinter } from '../ports';
import type { Services } from '../services';
import type { AuditEntry, AuditMark } from '../services/audit';
import type { MediaTools } from '../services/evidence/media';
import type { MergeWorkerFault } from '../services/mergeWorker';
import type { TextReader } from '../services/evidence/textWorker';
import type { Vault } from '../vault/vault';

/** What the start's modules share: the core's dependencies, its context across restarts, and one opened register's state. */
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
  /** Tests only: the check that guards writing reads the file once this settles (as long as a million cases' check takes). */
  guardStarts?: Promise<void>;
  /** Reads pictures' text (OCR in a worker thread) when not given; a test that measures the import alone gives its own. */
  textReader?: TextReader;
  /**
   * A bulk load (the bench's seed): the search index and the statistics are not written case by case
   * but once, at its end (`services.store.finishBulkLoad`, store/bulkLoad.ts). Until then the cases it
   * registers are neither found by the search nor counted by 统计.
   */
  bulkLoad?: boolean;
  /** Free bytes on the disk holding a folder, asked before an upgrade (db/diskSpace.ts); tests give a full disk. */
  freeBytes?: (dir: string) => number;
  /** How often a disk without room for the upgrade is looked at again (start/makingRoom.ts; default 5 s); tests set less. */
  roomWatchMs?: number;
  /** Tests only: each merge step of the search index holds its transaction this long (a long step at a million cases). */
  mergeStepHoldMs?: number;
  /** Tests only: the merge worker's thread dies at its first step or fold (services/mergeWorker.ts). */
  mergeWorkerFault?: MergeWorkerFault;
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

export interface Ctx {
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
  /** An older register being upgraded at start: how far it has come (null otherwise). */
  upgrade: UpgradeStep | null;
  /** The program is closing (a long migration then stops and is rolled back). */
  closing: boolean;
  /**
   * Done while the register could only be read (a kept copy removed to make room: start/makingRoom.ts),
   * for the audit chain once the register can be written again: those the data folder could not hold
   * (start/heldAudit.ts holds the rest in a file, so a close before the upgrade loses none).
   */
  deferredAudit: AuditEntry[];
  /** The disk now has room for the upgrade that found none: the register is opened again, upgraded, after the current call answers. */
  requestUpgrade: () => void;
}

export interface State {
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
  /** A sign-in is taken while writes are held (start/heldSignIn.ts), not made to wait for them. */
  signInHeld?: boolean;
  /** The background checks. */
  watching: Promise<void>;
  afterWrite(): void;
  /**
   * A write call's turn at the register's writer (core/writeTurns.ts): waits, asynchronously, for a
   * merge step of the search index on the worker's connection; released after the call.
   */
  writeTurn(): (() => void) | Promise<() => void>;
  /** `seal` false: a register found damaged is closed as it is, neither sealed nor marked closed. */
  close(seal?: boolean): void;
}

export const idleCheck = (): CheckView => ({ running: false, writesHeld: false, step: '', done: 0, total: 0 });

export function withStatus(handlers: HandlerTable, st: () => State): HandlerTable {
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
export function auditVerifyInWorker(file: string, ctx: Ctx) {
  return async () => {
    const out = await runCheck({ task: 'chain', file, mark: ctx.lastMark }).done;
    if (out.error) throw new DomainError('INTERNAL', '审计日志核验未能完成（原因见日志），请稍后再试');
    const head = (out.head as { hash: string; rows: number } | undefined) ?? { hash: '', rows: out.checked as number };
    return { ok: out.ok, checked: out.checked as number, ...(out.ok ? {} : { firstBroken: out.firstBroken as number }), head };
  };
}
