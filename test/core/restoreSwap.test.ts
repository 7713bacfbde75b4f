import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { prepareRestore, PENDING } from '../../electron/core/backup/restore';
import { readManifest } from '../../electron/core/backup/manifest';
import { databaseFile } from '../../electron/core/paths';
import { fixedClock, minimalComplaint, openRegister, quietLog, tempDir, type Register } from './harness';

/**
 * The swap of a staged restore is a few renames, journalled; a crash between any two of them is
 * finished by the next start. Each crash point is made here by doing the renames up to it by hand.
 */
let reg: Register;
let target: ReturnType<typeof tempDir>;
afterEach(() => {
  reg.close();
  target.remove();
});

const noProgress = { step() {}, total() {}, add() {} };

async function staged() {
  reg = await openRegister();
  target = tempDir('complaintdesk-backups-');
  await reg.must('cases.register', minimalComplaint());
  await reg.core.vault.putBuffer(Buffer.from('备份里的证据'));
  const { path } = await reg.must<{ path: string }>('backup.create', { dir: target.dir });
  await reg.must('cases.register', minimalComplaint({ subject: '备份后' }));
  reg.core.close();
  const read = await readManifest(path);
  if (!('manifest' in read)) throw new Error(read.error);
  const aside = await prepareRestore(path, read.manifest, reg.dir, '20261124-090000', noProgress);
  return { aside, pending: join(reg.dir, PENDING) };
}

const casesIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  const n = db.prepare('SELECT COUNT(*) FROM cases').pluck().get();
  db.close();
  return n;
};

async function startAndCheck(aside: string) {
  const core = await createCore({ dataDir: reg.dir, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog });
  expect(core.health.readOnly).toBe(false);
  core.close();
  expect(casesIn(databaseFile(reg.dir))).toBe(1);
  expect(casesIn(join(aside, 'complaintdesk.sqlite'))).toBe(2);
  expect(existsSync(join(reg.dir, PENDING))).toBe(false);
  expect(readdirSync(join(reg.dir, 'vault')).filter((n) => n !== 'tmp').length).toBe(1);
}

const setPhase = (pending: string, phase: string) => {
  const file = join(pending, 'swap.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), phase }));
};

describe('a restore swapped in at start', () => {
  it('finishes when nothing was moved yet', async () => {
    const { aside } = await staged();
    await startAndCheck(aside);
  });

  it('finishes when killed while moving the current data aside', async () => {
    const { aside, pending } = await staged();
    setPhase(pending, 'moving');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(aside);
    renameSync(databaseFile(reg.dir), join(aside, 'complaintdesk.sqlite'));
    await startAndCheck(aside);
  });

  it('finishes when killed while moving the backup in, and never moves the restored file aside', async () => {
    const { aside, pending } = await staged();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(aside);
    for (const name of ['complaintdesk.sqlite', 'complaintdesk.sqlite.seal', 'vault']) renameSync(join(reg.dir, name), join(aside, name));
    setPhase(pending, 'movedAside');
    renameSync(join(pending, 'complaintdesk.sqlite'), databaseFile(reg.dir));
    await startAndCheck(aside);
  });

  it('leaves the data untouched when the staging was cut off (no swap.json under the final name)', async () => {
    reg = await openRegister();
    target = tempDir('complaintdesk-backups-');
    await reg.must('cases.register', minimalComplaint());
    reg.core.close();
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(reg.dir, `.${PENDING}.partial-abc`));
    writeFileSync(join(reg.dir, `.${PENDING}.partial-abc`, 'complaintdesk.sqlite'), 'half a copy');
    const core = await createCore({ dataDir: reg.dir, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog });
    expect(core.health.readOnly).toBe(false);
    core.close();
    expect(casesIn(databaseFile(reg.dir))).toBe(1);
  });
});
