import { resolve } from 'node:path';
import { defaultDataDir } from '../core/paths';

export interface HostArgs { dataDir: string; port: number }

/** `--data <folder> --port <n>` (../shared/API.md "Host"); port 0 or absent picks a free one. */
export function parseHostArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): HostArgs {
  let dataDir = defaultDataDir(env);
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new Error(`参数 ${flag} 需要一个值`);
      return v;
    };
    if (flag === '--data') dataDir = resolve(value());
    else if (flag === '--port') {
      const v = value();
      port = Number(v);
      if (!/^\d+$/.test(v) || port > 65535) throw new Error(`端口应为 0–65535 的整数，收到：${v}`);
    } else throw new Error(`不认识的参数：${arg}（可用：--data <文件夹> --port <端口>）`);
  }
  return { dataDir, port };
}
