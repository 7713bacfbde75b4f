import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Logger } from '../ports';
import { checkSeal } from './seal';
import { verifyAuditChain } from './auditChain';

export type ProblemCode = 'unreadable' | 'corrupt' | 'changedWhileClosed' | 'auditBroken';

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
  changedWhileClosed: `数据文件在程序关闭期间被改动过（与上次正常关闭时的校验值不符），可能是磁盘故障或被其他程序修改。${AFTER}`,
  auditBroken: `操作记录（审计链）对不上，数据可能被改动过。${AFTER}`,
};

export const problem = (code: ProblemCode, detail?: string): DbProblem => (detail ? { code, message: MESSAGES[code], detail } : { code, message: MESSAGES[code] });

/**
 * The check before the register is opened for writing (DESIGN.md "Quality bars"): the seal, then
 * SQLite's quick_check and the audit chain, all on a read-only connection, so nothing is ever
 * written to a damaged file. A missing or empty file is a new register, not a problem.
 */
export function checkAtStart(file: string, log: Logger): DbProblem | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  if (checkSeal(file) === 'broken') return problem('changedWhileClosed');
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const quick = db.pragma('quick_check') as { quick_check: string }[];
    if (quick.length !== 1 || quick[0]!.quick_check !== 'ok') {
      return problem('corrupt', quick.slice(0, 5).map((r) => r.quick_check).join('；'));
    }
    const chain = verifyAuditChain(db);
    if (!chain.ok) return problem('auditBroken', `第 ${chain.firstBroken} 条起不符（已核对 ${chain.checked} 条）`);
    return null;
  } catch (error) {
    log.error('the database failed its check at start', error);
    const code = String((error as { code?: unknown }).code ?? '');
    return problem(code.startsWith('SQLITE_CORRUPT') ? 'corrupt' : 'unreadable', (error as Error).message);
  } finally {
    db?.close();
  }
}
