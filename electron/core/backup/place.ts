import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { DomainError } from '../../../shared/api/errors';
import { storageMessage } from '../storageErrors';

const inside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

const real = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/**
 * Where a backup may go: a full path (the host runs on the office PC, so it is a folder there),
 * outside the data folder (a backup inside what it backs up would be set aside with it), and a
 * folder that exists or whose parent does (a stick that is not plugged in is said so, not created).
 */
export function backupTarget(dir: string, dataDir: string, field = 'dir'): string {
  if (!isAbsolute(dir)) throw new DomainError('VALIDATION', '请填写完整的文件夹路径，如 D:\\备份 或 /media/u盘/备份', { [field]: '请填写完整路径' });
  const target = resolve(dir);
  if (inside(real(target), real(dataDir))) {
    throw new DomainError('VALIDATION', '备份位置不能在数据文件夹里面，请换一个文件夹（最好在另一块磁盘或U盘上）', { [field]: '不能在数据文件夹里面' });
  }
  if (!existsSync(target)) {
    if (!existsSync(dirname(target))) throw new DomainError('VALIDATION', `找不到“${dirname(target)}”；如果是U盘，请确认已插好`, { [field]: '找不到这个位置' });
    try {
      mkdirSync(target);
    } catch (error) {
      throw new DomainError('VALIDATION', fileErrorMessage(error), { [field]: '无法在此处建立文件夹' });
    }
  }
  if (!statSync(target).isDirectory()) throw new DomainError('VALIDATION', '这个位置是一个文件，不是文件夹', { [field]: '不是文件夹' });
  return target;
}

/** A backup folder to check or restore from: a full path to an existing folder. */
export function backupFolder(path: string): string {
  if (!isAbsolute(path)) throw new DomainError('VALIDATION', '请填写备份文件夹的完整路径', { path: '请填写完整路径' });
  const p = resolve(path);
  if (!existsSync(p) || !statSync(p).isDirectory()) throw new DomainError('VALIDATION', `找不到备份文件夹“${p}”；如果在U盘上，请确认已插好`, { path: '找不到这个文件夹' });
  return p;
}

/** A file-system or SQLite fault during a backup or restore, as the administrator can act on it. */
export function fileErrorMessage(error: unknown): string {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'ENOSPC' || code.startsWith('SQLITE_FULL')) return '备份位置的空间已满，本次备份未完成，未完成的部分已清除；原有的备份和数据不受影响。请清理空间或换一个位置后重试';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return '无法写入备份位置（没有权限，或磁盘/U盘为只读）；请换一个位置后重试';
  }
  if (code === 'ENOENT') return '备份位置不见了（U盘是否被拔出？）；请插好后重试';
  if (code === 'EIO') return '读写备份位置时出错（磁盘或U盘可能有故障）；请换一个位置后重试';
  return storageMessage(error) ?? '备份未完成（原因见日志）；原有的备份和数据不受影响';
}
