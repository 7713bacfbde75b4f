import { noWriteTurns } from '../writeTurns';
import { existsSync, statSync } from 'node:fs';
import type { DispatchDeps } from '../../../shared/api/dispatch';
import { openReadOnly } from '../db/open';
import { migrations } from '../db/migrations';
import type { Vault } from '../vault/vault';
import { idleCheck, type State } from './coreState';

/**
 * Whether the register in `file` was written by an earlier version, so opening it runs migrations
 * whose work may grow with the register (minutes at 100,000s of cases). A look at its header only;
 * anything unclear is left to the start check proper.
 */
export function olderRegister(file: string): boolean {
  const version = registerVersion(file);
  return version !== null && version > 0 && version < migrations.length;
}

/** The schema version of the register in `file` (its user_version), or null where it cannot be read. */
export function registerVersion(file: string): number | null {
  if (!existsSync(file) || statSync(file).size === 0) return null;
  try {
    const db = openReadOnly(file);
    try {
      return db.pragma('user_version', { simple: true }) as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * The core's state while an older register is being upgraded: nothing open yet. `setup.status` is
 * answered by the core from the upgrade's progress; every other call waits for the upgraded register.
 */
export function upgradingState(vault: Vault): State {
  return {
    db: null,
    services: null,
    vault,
    backup: null,
    health: { readOnly: false, problem: null },
    notice: null,
    check: idleCheck(),
    dispatchDeps: { handlers: {} as DispatchDeps['handlers'], authenticate: () => null, logError: () => {} },
    writesReleased: null,
    watching: Promise.resolve(),
    afterWrite: () => {},
    writeTurn: noWriteTurns.write,
    close: () => {},
  };
}
