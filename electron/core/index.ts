import { dispatch, type DispatchDeps } from '../../shared/api/dispatch';
import type { Result } from '../../shared/api/errors';
import { openDatabase, type Db } from './db/open';
import { createHandlers } from './handlers';
import { databaseFile, vaultDir } from './paths';
import { consoleLogger, systemClock, type Clock, type Logger, type PdfPrinter } from './ports';
import { createServices, type Services } from './services';
import { withStorageErrors } from './storageErrors';
import { createVault, type Vault } from './vault/vault';

export interface CoreDeps {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  /** Chromium's print engine for notices, supplied by the shell (printToPDF) or the host (playwright-core). */
  pdf?: PdfPrinter;
}

export interface Core {
  /** The one entry both transports call; never throws. */
  call(name: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  services: Services;
  db: Db;
  vault: Vault;
  close(): void;
}

/** Opens the register in `dataDir` (migrating it if needed) and assembles the handler table. */
export async function createCore(deps: CoreDeps): Promise<Core> {
  const log = deps.log ?? consoleLogger;
  const clock = deps.clock ?? systemClock;
  const db = await openDatabase(databaseFile(deps.dataDir), log);
  const vault = createVault(vaultDir(deps.dataDir));
  const swept = await vault.sweep();
  if (swept) log.warn(`removed ${swept} unfinished vault import(s) left by an interrupted run`);
  const services = createServices(db, clock, { vault, pdf: deps.pdf });
  const dispatchDeps: DispatchDeps = {
    handlers: withStorageErrors(createHandlers(services, clock), log),
    authenticate: (token) => services.sessions.authenticate(token),
    logError: (message, error) => log.error(message, error),
  };
  return {
    call: (name, input, token) => dispatch(dispatchDeps, name, input, token),
    services,
    db,
    vault,
    close: () => db.close(),
  };
}
