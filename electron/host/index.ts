import { join } from 'node:path';
import { DomainError } from '../../shared/api/errors';
import { createCore } from '../core';
import { FolderLockedError } from '../core/integrity/folderLock';
import { createFileLogger } from '../core/fileLogger';
import { clockStartingAt, consoleLogger } from '../core/ports';
import { createChromiumPrinter } from './chromiumPrinter';
import { whenIdle } from './whenIdle';
import { parseHostArgs } from './cli';
import { createHostServer } from './server';

/** Why the register could not be opened, as the person at the PC can act on it. */
function startFailure(error: unknown, dataDir: string): string {
  if (error instanceof FolderLockedError || error instanceof DomainError) return error.message;
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOENT' || code === 'ENOTDIR') {
    return `无法打开或建立数据文件夹“${dataDir}”（${code === 'ENOENT' ? '上级文件夹不存在或无法建立' : code === 'ENOTDIR' ? '路径中有一段不是文件夹' : '没有写入权限，或磁盘为只读'}）。请换一个可以写入的文件夹（--data），或让管理员检查权限。`;
  }
  return `无法打开登记簿：${error instanceof Error ? error.message : String(error)}`;
}

/** `npm run web`: the register in browser mode, bound to loopback only. */
/** A page's first burst of calls (sign-in page, 今日) ends well within this. */
const WARM_WHEN_IDLE_MS = 1500;

async function main(): Promise<void> {
  let args;
  try {
    args = parseHostArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const log = createFileLogger(args.dataDir, consoleLogger);
  const clock = args.now ? clockStartingAt(args.now) : undefined;
  const printer = createChromiumPrinter({ log, prefer: process.env.COMPLAINTDESK_PDF_ENGINE === 'bundled' ? 'bundled' : 'system' });
  let core: Awaited<ReturnType<typeof createCore>>;
  try {
    core = await createCore({ dataDir: args.dataDir, log, clock, pdf: printer, program: 'host' });
  } catch (error) {
    // A folder held by another program, or one that cannot be made or written: said in Chinese, nothing changed.
    console.error(startFailure(error, args.dataDir));
    process.exit(1);
  }
  if (core.health.problem) log.error(`read-only: ${core.health.problem.message}`);
  const stopSchedule = core.startSchedule();
  const server = createHostServer({ core, staticDir: join(__dirname, '../renderer'), log });
  server.listen(args.port, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    console.log(`ComplaintDesk listening on http://127.0.0.1:${port}`);
    log.info(`data folder: ${args.dataDir}`);
    if (args.now) log.info(`clock starts at ${args.now.toISOString()} (--now)`);
    // The evidence's image libraries load in the background, so the first photo of the day is not the
    // slow one, once the page has stopped asking (their load would otherwise hold the first answers).
    // The print engine is not warmed: it starts on its own thread at the first notice (≈ 0.8 s, no one
    // else waits) and rests when unused (chromiumPrinter.ts), rather than holding ≈ 25 MB of the host
    // and a Chromium all day.
    whenIdle(server, WARM_WHEN_IDLE_MS, () => {
      core.warm().catch((error: unknown) => log.warn(`image libraries not loaded ahead (${(error as Error).message}); they load at the first picture`));
    });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    server.close(() => {
      stopSchedule();
      core.close();
      void printer.close().finally(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
