import { basename } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { DomainError } from '../../../shared/api/errors';
import { applyPendingRestore } from '../backup/restore';
import { openReadOnly } from '../db/open';
import type { Checkpoints } from '../integrity/checkpoint';
import type { Keyring } from '../integrity/officeKey';
import { hashFileSync, readSeal } from '../integrity/seal';
import { decide, problem as problemOf, problemOfError, registerTraces, type DbProblem, type Guard } from '../integrity/startCheck';
import { databaseFile, vaultDir } from '../paths';
import { createAudit } from '../services/audit';
import { createVault, type Vault } from '../vault/vault';
import type { Ctx, State } from './coreState';
import { firstChunkProblem } from './guardRun';
import { readOnlyState } from './readOnlyState';

/** What the checks before opening decided: how to open the register for writing, and what still guards it. */
export interface OpenPlan {
  file: string;
  vault: Vault;
  restored: ReturnType<typeof applyPendingRestore>;
  /** No register yet: a first run. */
  fresh: boolean;
  /** What proves the file sound before it is written to (null: nothing to prove, a first run). */
  guard: Guard | null;
  notice: string | null;
  /** The header does not say WAL: the whole guard runs before the file is opened. */
  inlineGuard: boolean;
  keys: Keyring;
  checkpoints: Checkpoints;
}

/**
 * The part of the start check that costs nothing in proportion to the register, before any
 * connection is opened for writing: a staged restore swapped in, a missing file told from a first
 * run, the keyed seal's MAC and header chunk, and the audit chain from the head kept beside the key.
 * Anything wrong opens the register read-only.
 */
export function decideOpen(ctx: Ctx, forced: DbProblem | null): OpenPlan | { readOnly: State } {
  const { deps, log } = ctx;
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
    return { readOnly: readOnlyState(ctx, file, vault, problem) };
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
      return { readOnly: readOnlyState(ctx, file, vault, problem) };
    }
  }
  return { file, vault, restored, fresh, guard, notice, inlineGuard, keys, checkpoints };
}
