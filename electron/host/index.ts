import { join } from 'node:path';
import { createCore } from '../core';
import { createFileLogger } from '../core/fileLogger';
import { clockStartingAt, consoleLogger } from '../core/ports';
import { createChromiumPrinter } from './chromiumPrinter';
import { parseHostArgs } from './cli';
import { createHostServer } from './server';

/** `npm run web`: the register in browser mode, bound to loopback only. */
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
  const core = await createCore({ dataDir: args.dataDir, log, clock, pdf: printer });
  if (core.health.problem) log.error(`read-only: ${core.health.problem.message}`);
  const stopSchedule = core.startSchedule();
  const server = createHostServer({ core, staticDir: join(__dirname, '../renderer'), log });
  server.listen(args.port, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    console.log(`ComplaintDesk listening on http://127.0.0.1:${port}`);
    log.info(`data folder: ${args.dataDir}`);
    if (args.now) log.info(`clock starts at ${args.now.toISOString()} (--now)`);
    // The print engine starts in the background, so the first notice of the day is not the slow one.
    printer.warm().catch(() => log.warn('notice print engine not available yet; it is tried again at the first notice'));
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
