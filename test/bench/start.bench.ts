import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createCore } from '../../electron/core';
import { databaseFile } from '../../electron/core/paths';
import { quietLog, tempDir } from '../core/harness';
import { growRegister } from './bigRegister';
import { generatedRegister } from './register';

/**
 * Start to first answer at any size ([F] #11 "A start that does not grow with the register"):
 * createCore on a sealed register of BENCH_START_CASES cases (default 200 000, ≈0.5 GB; rows copied
 * with SQL from a register made by the real write path) until setup.status answers, against the
 * baseline of opening the same file with SQLite and reading one row. The background check (the
 * seal's chunk sums, the chain) is stopped by the close, as it is when the app quits.
 */
const CASES = Number(process.env.BENCH_START_CASES ?? 200_000);
const place = tempDir('complaintdesk-bench-start-');
const dir = join(place.dir, 'data');
const keyDir = join(place.dir, 'keys');

beforeAll(async () => {
  const seed = await generatedRegister(Math.min(CASES, 2000));
  mkdirSync(dir);
  await seed.core.db.backup(databaseFile(dir));
  seed.remove();
  growRegister(databaseFile(dir), CASES);
  // One start and a clean close with the check run to the end: the register is sealed with the office key.
  const core = await createCore({ dataDir: dir, log: quietLog, keyDir });
  await core.checked();
  core.close();
  copyFileSync(databaseFile(dir), join(place.dir, 'copy.sqlite'));
}, 3_600_000);

afterAll(() => place.remove());

describe(`start to first answer, ${CASES} cases`, () => {
  bench('baseline: open the file with SQLite and read one row', () => {
    const db = new Database(databaseFile(dir), { readonly: true });
    db.prepare('SELECT id FROM cases ORDER BY id DESC LIMIT 1').get();
    db.close();
  });

  bench('createCore until setup.status answers (sealed register)', async () => {
    const core = await createCore({ dataDir: dir, log: quietLog, keyDir });
    const r = await core.call('setup.status', {}, null);
    if (!r.ok) throw new Error('setup.status failed');
    core.close();
  }, { iterations: 10 });
});
