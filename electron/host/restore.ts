import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreIntoEmpty } from '../core/backup/restore';
import type { Progress } from '../core/backup/progress';
import { verifyBackup } from '../core/backup/verify';
import { defaultKeyDir, keyFromRecoveryCode, KeyUnavailableError, openKeyring, type Keyring, type OfficeKey } from '../core/integrity/officeKey';

/**
 * `npm run restore -- --from <backup folder> --data <folder>` (../shared/API.md "Host"): checks
 * the backup (integrity, every file's hash against its manifest) and restores it into an empty or
 * new data folder. Refuses, changing nothing, when a check fails or the folder is not empty.
 */
const USAGE = '用法：npm run restore -- --from <备份文件夹> --data <数据文件夹> [--recovery-code <恢复码>] [--accept-unsigned]';

export interface RestoreArgs {
  from: string;
  data: string;
  /** The office's recovery code: a backup signed on another PC (its key becomes this PC's). */
  recoveryCode?: string;
  /** A backup made before the office key (unsigned), restored deliberately. */
  acceptUnsigned?: boolean;
}

export function parseRestoreArgs(argv: string[]): RestoreArgs {
  const args: Record<string, string> = {};
  let acceptUnsigned = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--accept-unsigned' && inline === undefined) {
      acceptUnsigned = true;
      continue;
    }
    if (flag !== '--from' && flag !== '--data' && flag !== '--recovery-code') throw new Error(`不认识的参数：${arg}（${USAGE}）`);
    const value = inline ?? argv[++i];
    if (!value || (inline === undefined && value.startsWith('--'))) throw new Error(`参数 ${flag} 需要一个值`);
    args[flag.slice(2)] = flag === '--recovery-code' ? value : resolve(value);
  }
  if (!args.from || !args.data) throw new Error(USAGE);
  return { from: args.from, data: args.data, ...(args['recovery-code'] ? { recoveryCode: args['recovery-code'] } : {}), ...(acceptUnsigned ? { acceptUnsigned } : {}) };
}

function printer(out: (line: string) => void): Progress {
  let total = 0;
  let done = 0;
  let shown = -1;
  return {
    step: (text) => out(`  ${text}…`),
    total: (n) => (total = n),
    add(n) {
      done += n;
      const pct = total ? Math.floor((done / total) * 10) * 10 : 0;
      if (pct !== shown && pct % 20 === 0) {
        shown = pct;
        out(`  ${Math.min(pct, 100)}%`);
      }
    },
  };
}

export async function runRestore(argv: string[], out: (line: string) => void = console.log, keyDir: string = defaultKeyDir()): Promise<number> {
  let a: RestoreArgs;
  try {
    a = parseRestoreArgs(argv);
  } catch (error) {
    out((error as Error).message);
    return 2;
  }
  if (existsSync(a.data) && (!statSync(a.data).isDirectory() || readdirSync(a.data).length > 0)) {
    out(`数据文件夹“${a.data}”不是空的：恢复工具只恢复到空的或新的文件夹，以免覆盖现有数据。未作任何改动。`);
    return 1;
  }
  if (!existsSync(a.from) || !statSync(a.from).isDirectory()) {
    out(`找不到备份文件夹“${a.from}”。未作任何改动。`);
    return 1;
  }
  let recoveryKey: OfficeKey | null = null;
  if (a.recoveryCode) {
    recoveryKey = keyFromRecoveryCode(a.recoveryCode);
    if (!recoveryKey) {
      out('恢复码不对（共 56 个字母和数字，每 4 个一组），请核对后重试。未作任何改动。');
      return 1;
    }
  }
  let keys: Keyring;
  try {
    keys = openKeyring(keyDir);
  } catch (error) {
    out(`${error instanceof KeyUnavailableError ? error.message : (error as Error).message} 未作任何改动。`);
    return 1;
  }
  out(`检查备份 ${a.from}`);
  const progress = printer(out);
  const v = await verifyBackup(a.from, progress.total, progress.add, { keys, recoveryKey, acceptUnsigned: a.acceptUnsigned === true });
  if (!v.ok || !v.manifest) {
    out('这份备份未通过检查，未作任何改动：');
    for (const p of v.problems.slice(0, 20)) out(`  ${p.file}：${p.message}`);
    if (v.problems.length > 20) out(`  ……共 ${v.problems.length} 处问题`);
    return 1;
  }
  out(`备份完好：${v.officeName}，${v.createdAt}，案件 ${v.cases} 件，证据文件 ${v.files} 个`);
  out(`恢复到 ${a.data}`);
  try {
    const copying = printer(out);
    copying.total(v.bytes);
    await restoreIntoEmpty(a.from, v.manifest, a.data, copying);
  } catch (error) {
    out(`恢复未完成（${(error as Error).message}）；数据文件夹未作改动，可以再试一次。`);
    return 1;
  }
  if (recoveryKey && v.keyId === recoveryKey.id) {
    keys.adopt(recoveryKey);
    out('已把恢复码对应的办公室密钥保存到本机，以后这份登记簿的封签和备份都在本机核对。');
  }
  if (!v.signed) out('注意：这份备份没有办公室密钥的签名（旧版本制作），已按您的要求恢复；请尽快用新版本重新备份。');
  out(`恢复完成。启动：npm run web -- --data "${a.data}"`);
  return 0;
}

if (require.main === module) {
  runRestore(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
