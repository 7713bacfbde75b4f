import { join } from 'node:path';
import { createCore } from '../core';
import { createFileLogger } from '../core/fileLogger';
import { clockStartingAt, consoleLogger } from '../core/ports';
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
  const core = await createCore({ dataDir: args.dataDir, log, clock });
  if (core.health.problem) log.error(`read-only: ${core.health.problem.message}`);
  const stopSchedule = core.startSchedule();
  const server = createHostServer({ core, staticDir: join(__dirname, '../renderer'), log });
  server.listen(args.port, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    console.log(`ComplaintDesk listening on http://127.0.0.1:${port}`);
    log.info(`data folder: ${args.dataDir}`);
    if (args.now) log.info(`clock starts at ${args.now.toISOString()} (--now)`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    server.close(() => {
      stopSchedule();
      core.close();
      process.exit(0);
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
