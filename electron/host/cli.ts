import { resolve } from 'node:path';
import { defaultDataDir } from '../core/paths';

export interface HostArgs {
  dataDir: string;
  port: number;
  /** `--now <ISO date-time>`: the instant the host's clock starts at (tests, demonstrations). */
  now?: Date;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `--data <folder> --port <n> --now <instant>` (../shared/API.md "Host"); port 0 or absent picks a free one. */
export function parseHostArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): HostArgs {
  let dataDir = defaultDataDir(env);
  let port = 0;
  let now: Date | undefined;
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
    } else if (flag === '--now') {
      const v = value();
      now = new Date(v);
      if (!ISO_INSTANT.test(v) || Number.isNaN(now.getTime())) throw new Error(`--now 应为带时区的 ISO 8601 时间，如 2026-11-02T09:00:00+08:00，收到：${v}`);
    } else throw new Error(`不认识的参数：${arg}（可用：--data <文件夹> --port <端口> --now <时间>）`);
  }
  return now ? { dataDir, port, now } : { dataDir, port };
}
