import { DomainError } from '../../shared/api/errors';
import type { HandlerTable } from '../../shared/api/dispatch';
import type { Logger } from './ports';

/**
 * What a clerk can do about a storage fault, by SQLite's error code family. The transaction that
 * hit it has rolled back, so each message can say truthfully that nothing of this step was saved.
 */
const MESSAGES: [prefix: string, message: string][] = [
  ['SQLITE_FULL', '磁盘空间已满，本次操作未保存；请清理磁盘空间后重试，已保存的数据不受影响'],
  ['SQLITE_READONLY', '数据文件为只读，本次操作未保存；请检查数据文件夹的权限后重试'],
  ['SQLITE_BUSY', '数据文件正被其他程序占用，本次操作未保存，请稍后重试'],
  ['SQLITE_LOCKED', '数据文件正被其他程序占用，本次操作未保存，请稍后重试'],
  ['SQLITE_IOERR', '读写数据文件时出错，本次操作未保存；请检查磁盘后重试'],
  ['SQLITE_CORRUPT', '数据文件已损坏，请停止使用并联系管理员从备份恢复'],
  ['SQLITE_NOTADB', '数据文件已损坏，请停止使用并联系管理员从备份恢复'],
  // The evidence vault's files: the import that hit these kept nothing (its temporary file is removed).
  ['ENOSPC', '磁盘空间已满，文件未保存；请清理磁盘空间后重试，已保存的数据不受影响'],
  ['EDQUOT', '磁盘配额已满，文件未保存；请清理磁盘空间后重试，已保存的数据不受影响'],
  ['EFBIG', '文件超出了磁盘或系统允许的单个文件大小，未保存；请联系管理员'],
  ['EROFS', '证据库所在磁盘为只读，文件未保存；请检查数据文件夹的权限后重试'],
  ['EACCES', '没有权限读写该文件或文件夹，本次操作未完成；请检查权限后重试'],
  ['EPERM', '没有权限读写该文件或文件夹，本次操作未完成；请检查权限后重试'],
  ['EIO', '读写磁盘时出错，本次操作未完成；请检查磁盘后重试'],
];

export function storageMessage(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return MESSAGES.find(([prefix]) => code.startsWith(prefix))?.[1] ?? null;
}

/** Wraps every handler so a storage fault reaches the clerk as a specific Chinese message, and the log with its stack. */
export function withStorageErrors(handlers: HandlerTable, log: Logger): HandlerTable {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (input: unknown, ctx: unknown) => unknown][]) {
    wrapped[name] = async (input: unknown, ctx: unknown) => {
      try {
        return await handler(input, ctx);
      } catch (error) {
        const message = storageMessage(error);
        if (!message) throw error;
        log.error(`storage fault in ${name}`, error);
        throw new DomainError('INTERNAL', message);
      }
    };
  }
  return wrapped as HandlerTable;
}
