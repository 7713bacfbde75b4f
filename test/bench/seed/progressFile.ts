import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * `seed-progress.v8`, beside a register the seed has not finished: where every generator stood
 * after the last batch it committed, so `npm run seed -- --resume` carries on from there and makes
 * the register an uninterrupted run would have made (a million cases take hours, more than one
 * sitting). Written inside the batch's transaction as `.next` and put in place after its commit, so
 * whenever the process stops, one of the two files matches the register: the one whose audit head
 * (the last row's id and hash) is the register's.
 */

export interface AuditHead {
  id: number;
  hash: string;
}

/** The register's last audit row: where a batch left the chain. */
export function auditHead(db: { prepare(sql: string): { get(): unknown } }): AuditHead | null {
  return (db.prepare('SELECT id, lower(hex(hash)) AS hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as AuditHead | undefined) ?? null;
}

const CURRENT = 'seed-progress.v8';
const NEXT = 'seed-progress.next.v8';

export const progressPath = (dataDir: string) => join(dataDir, CURRENT);

export function hasProgress(dataDir: string): boolean {
  return existsSync(join(dataDir, CURRENT)) || existsSync(join(dataDir, NEXT));
}

/** Call inside the batch's transaction, after its last write: the state that goes with that commit. */
export function stageProgress<T extends { head: AuditHead }>(dataDir: string, state: T): void {
  writeFileSync(join(dataDir, NEXT), serialize(state));
}

/** Call once the batch has committed. */
export function commitProgress(dataDir: string): void {
  renameSync(join(dataDir, NEXT), join(dataDir, CURRENT));
}

/** Either saved state, unchecked (what the seed was begun with, to open the register with). */
export function peekProgress<T>(dataDir: string): T {
  for (const name of [CURRENT, NEXT]) {
    const file = join(dataDir, name);
    if (existsSync(file)) return deserialize(readFileSync(file)) as T;
  }
  throw new Error(`${dataDir} holds no unfinished seed (no ${CURRENT}): nothing to resume`);
}

/** The saved state that matches the register's audit head; an error in words when none does. */
export function loadProgress<T extends { head: AuditHead }>(dataDir: string, head: AuditHead | null): T {
  const found: T[] = [];
  for (const name of [NEXT, CURRENT]) {
    const file = join(dataDir, name);
    if (!existsSync(file)) continue;
    const state = deserialize(readFileSync(file)) as T;
    if (head && state.head.id === head.id && state.head.hash === head.hash) {
      // A `.next` that matches was committed: it is the current state now.
      if (name === NEXT) commitProgress(dataDir);
      return state;
    }
    found.push(state);
  }
  if (found.length === 0) throw new Error(`${dataDir} holds no unfinished seed (no ${CURRENT}): nothing to resume`);
  throw new Error(
    `${dataDir}: the register's last audit row (${head ? `#${head.id}` : 'none'}) is not where the saved progress stopped ` +
      `(${found.map((s) => `#${s.head.id}`).join(' or ')}); the register cannot be carried on: seed again into a new folder`,
  );
}

export function clearProgress(dataDir: string): void {
  rmSync(join(dataDir, CURRENT), { force: true });
  rmSync(join(dataDir, NEXT), { force: true });
}
