import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Checkpoint, CheckpointRead } from './checkpoint';
import type { SealRead } from './seal';
import { NotEnoughSpaceError } from '../db/diskSpace';

export type ProblemCode = 'unreadable' | 'corrupt' | 'changedWhileClosed' | 'auditBroken' | 'missing' | 'readOnlyFolder' | 'keyUnavailable' | 'foreignKey' | 'diskFull';

/** Why the register was opened read-only; reaches the page through `setup.status`. */
export interface DbProblem {
  code: ProblemCode;
  /** For the clerk and the administrator, in Chinese. */
  message: string;
  /** What SQLite or the check said, for whoever repairs it. */
  detail?: string;
}

const AFTER = '为防止损坏扩大，本次以只读方式打开：可以查阅，不能登记或修改。请管理员在“设置 → 备份与恢复”中从最近一次完好的备份恢复。';

const MESSAGES: Record<ProblemCode, string> = {
  unreadable: `数据文件已损坏，无法读取。${AFTER}`,
  corrupt: `启动检查发现数据文件已损坏。${AFTER}`,
  changedWhileClosed: `数据文件在程序关闭期间被改动过（与上次正常关闭时的封签不符），可能是磁盘故障或被其他程序修改。${AFTER}`,
  auditBroken: `操作记录（审计链）对不上，数据可能被改动过。${AFTER}`,
  missing:
    '登记簿数据文件（complaintdesk.sqlite）不见了或是空的，但这个数据文件夹里还有以前的证据、封签、备份记录或日志，所以这不是第一次使用：不能新建登记簿，以免案件编号从头开始、原有证据无人认领。请管理员从最近一次完好的备份恢复（设置 → 备份与恢复，或用恢复工具）。',
  diskFull:
    '磁盘空间不足，数据文件未能升级到本版程序（升级前要先复制一份数据文件，再改写其中的表）。数据未作任何改动，在升级之前不能登记或修改。请管理员登录，删除数据文件夹中留存的旧副本（以前升级前、恢复前留下的）腾出空间，也可清理这块磁盘上的其他文件。空间够了即自动升级，无需重新启动程序。',
  readOnlyFolder: '数据文件夹无法写入（磁盘或U盘为只读，或没有写入权限），本次以只读方式打开：可以查阅，不能登记或修改。请让管理员检查文件夹的权限或磁盘后重新启动程序。',
  keyUnavailable: `无法读取本机的办公室密钥，不能核对数据文件的封签。${AFTER}`,
  foreignKey: '数据文件的封签由另一把办公室密钥制作（数据文件夹可能是从另一台电脑复制来的），无法确认它未被改动。本次以只读方式打开。请管理员从备份恢复，并输入原单位的恢复码（设置 → 备份与恢复）。',
};

export const problem = (code: ProblemCode, detail?: string, message?: string): DbProblem => {
  const m = message ?? MESSAGES[code];
  return detail ? { code, message: m, detail } : { code, message: m };
};

/**
 * What in a data folder shows a register lived there: its seal and WAL, evidence in the vault,
 * a restore or a migration's copy set aside, logs, the last good backup. A folder holding any of
 * these is never a first run (an empty or lost register file is a loss to restore, not a new
 * office). Returns what was found, in Chinese, for the message.
 */
export function registerTraces(dataDir: string, dbName: string): string[] {
  if (!existsSync(dataDir)) return [];
  const found: string[] = [];
  const names = readdirSync(dataDir);
  const has = (n: string) => names.includes(n);
  if (has(`${dbName}.seal`)) found.push('封签');
  if (has(`${dbName}-wal`) && statSync(join(dataDir, `${dbName}-wal`)).size > 0) found.push('未写完的日志（-wal）');
  const vault = join(dataDir, 'vault');
  if (existsSync(vault) && readdirSync(vault).some((p) => /^[0-9a-f]{2}$/.test(p) && readdirSync(join(vault, p)).length > 0)) found.push('证据文件');
  if (has('last-good-backup.json')) found.push('最近一次备份的记录');
  if (names.some((n) => n.startsWith('before-restore-') || n.includes('-before-migration-'))) found.push('以前留存的数据副本');
  // Logs written by this very start (the shell's logger is made before the register is opened) are no trace of an earlier one.
  // Files carry the PC's own times, so this start is read on the PC's clock too (never the office clock, which --now may set).
  const started = performance.timeOrigin;
  if (has('logs') && readdirSync(join(dataDir, 'logs')).some((f) => statSync(join(dataDir, 'logs', f)).mtimeMs < started)) found.push('运行日志');
  if (has('restored-from.json')) found.push('恢复记录');
  return found;
}

/** How the start check trusts the file before writing to it, decided from the seal and the checkpoint. */
export type Guard =
  /** The keyed seal: every chunk of the file must hash as sealed. */
  | { kind: 'seal'; sealed: { size: number; hashes: Buffer; wal: { size: number; sha256: string } | null } }
  /** A seal from before the office key: the file's SHA-256 (once, at the first start after the upgrade). */
  | { kind: 'legacySeal'; size: number; sha256: string }
  /** No seal (the last run did not close cleanly, or the folder is new to this PC): SQLite's quick_check. */
  | { kind: 'quickCheck' };

export interface Decision {
  guard: Guard | null;
  problem: DbProblem | null;
  /** Said once in setup.status: the first start with an office key trusts what it finds. */
  notice: string | null;
  checkpoint: Checkpoint | null;
}

/**
 * The start check's first part, which costs nothing in proportion to the register: the seal's
 * MAC against the office key and the checkpoint the app kept beside it. The file's bytes are read
 * later, in a worker (startWatch in ../index.ts), before any write.
 */
export function decide(seal: SealRead, cp: CheckpointRead): Decision {
  if (cp.kind === 'forged') return { guard: null, problem: problem('changedWhileClosed', '本机保存的检查点与办公室密钥不符'), notice: null, checkpoint: null };
  if (cp.kind === 'ok') {
    const checkpoint = cp.checkpoint;
    if (checkpoint.state === 'open') return { guard: { kind: 'quickCheck' }, problem: null, notice: null, checkpoint };
    if (seal.kind === 'keyed' && seal.digest === checkpoint.seal) return { guard: { kind: 'seal', sealed: seal.sealed }, problem: null, notice: null, checkpoint };
    const why = seal.kind === 'none' ? '上次正常关闭时写下的封签不见了' : seal.kind === 'keyed' ? '封签被换过' : seal.kind === 'foreign' ? '封签由另一把密钥制作' : '封签已损坏或被改过';
    return { guard: null, problem: problem('changedWhileClosed', why), notice: null, checkpoint };
  }
  const notice = '本机第一次以办公室密钥保护这份登记簿：本次启动按现状接受数据文件（首次信任），此后每次关闭都会加密封存，关闭期间的改动都会被发现。';
  switch (seal.kind) {
    case 'keyed':
      return { guard: { kind: 'seal', sealed: seal.sealed }, problem: null, notice, checkpoint: null };
    case 'legacy':
      return { guard: { kind: 'legacySeal', size: seal.size, sha256: seal.sha256 }, problem: null, notice, checkpoint: null };
    case 'none':
      return { guard: { kind: 'quickCheck' }, problem: null, notice, checkpoint: null };
    case 'foreign':
      return { guard: null, problem: problem('foreignKey', `密钥编号 ${seal.keyId}`), notice: null, checkpoint: null };
    case 'forged':
      return { guard: null, problem: problem('changedWhileClosed', '封签已损坏或被改过'), notice: null, checkpoint: null };
  }
}

/** A SQLite or file error met while opening or checking, as a problem. */
export function problemOfError(error: unknown): DbProblem {
  const code = String((error as { code?: unknown }).code ?? '');
  // A full disk is no damage: saying 已损坏 would send the office to restore a backup it does not need.
  if (error instanceof NotEnoughSpaceError) return problem('diskFull', error.message, MESSAGES.diskFull.replace('磁盘空间不足', `磁盘空间不足（${error.message}）`));
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return problem('diskFull', (error as Error).message);
  return problem(code.startsWith('SQLITE_CORRUPT') ? 'corrupt' : 'unreadable', (error as Error).message);
}
