import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { databaseFile } from '../../electron/core/paths';
import { tempDir } from '../core/harness';
import { generatedRegister } from './register';

// A register of BENCH_CASES cases and BENCH_FILES evidence files of 256 KB each. Read as ratios to
// the baseline (an incremental backup, the daily case); the log lines give the sizes.
const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const FILES = Number(process.env.BENCH_FILES ?? 200);
let reg: Awaited<ReturnType<typeof generatedRegister>>;
const target = tempDir('complaintdesk-bench-usb-');
let last = '';

const call = async <T>(name: string, input: unknown): Promise<T> => {
  const r = await reg.core.call(name, input, reg.token);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};

beforeAll(async () => {
  reg = await generatedRegister(CASES);
  for (let i = 0; i < FILES; i++) await reg.core.vault.putBuffer(randomBytes(256 * 1024));
  reg.core.db.pragma('wal_checkpoint(TRUNCATE)');
  const started = performance.now();
  const first = await call<{ path: string; bytes: number }>('backup.create', { dir: target.dir });
  console.info(
    `register ${CASES} cases (${(statSync(databaseFile(reg.core.vault.root.replace(/vault$/, ''))).size / 1e6).toFixed(1)} MB) and ${FILES} files: ` +
      `first backup ${(first.bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - started)} ms`,
  );
  last = first.path;
  // The longest single blocks of the event loop: the start's quick_check and the copy's integrity_check.
  let t = performance.now();
  reg.core.db.pragma('quick_check');
  const quick = performance.now() - t;
  const copy = new Database(join(first.path, 'complaintdesk.sqlite'), { readonly: true });
  t = performance.now();
  copy.pragma('integrity_check');
  console.info(`quick_check ${Math.round(quick)} ms; integrity_check of the copy ${Math.round(performance.now() - t)} ms`);
  copy.close();
}, 600_000);
afterAll(() => {
  reg.remove();
  target.remove();
});

describe(`backup of ${CASES} cases and ${FILES} evidence files`, () => {
  bench('baseline: backup.create, evidence already in the store', async () => {
    last = (await call<{ path: string }>('backup.create', { dir: target.dir })).path;
  }, { iterations: 3, time: 0 });
  bench('backup.verify (what a restore checks first)', async () => {
    await call('backup.verify', { path: last });
  }, { iterations: 3, time: 0 });
});
