import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { sealFile } from '../../electron/core/integrity/seal';
import { databaseFile } from '../../electron/core/paths';
import { seeded } from '../support/random';
import { fixedClock, minimalComplaint, openRegister, quietLog, tempDir } from './harness';

/**
 * 20 random byte corruptions of a copy of a register, closed cleanly (so sealed): every one is
 * found at start, the register opens read-only, and the file is not written (bytes and mtime).
 */
const place = tempDir('complaintdesk-corrupt-');
let original: string;
afterAll(() => place.remove());

beforeAll(async () => {
  const reg = await openRegister();
  for (let i = 0; i < 40; i++) await reg.must('cases.register', minimalComplaint({ subject: `商品${i}`, facts: `第${i}件的经过`.repeat(20) }));
  reg.core.close();
  original = join(place.dir, 'original');
  mkdirSync(original);
  copyFileSync(databaseFile(reg.dir), databaseFile(original));
  copyFileSync(sealFile(databaseFile(reg.dir)), sealFile(databaseFile(original)));
  reg.close();
}, 120_000);

async function corruptAndOpen(n: number, at: number, xor: number, keepSeal: boolean) {
  const dir = join(place.dir, `copy-${n}-${keepSeal ? 'sealed' : 'unsealed'}`);
  mkdirSync(dir);
  const file = databaseFile(dir);
  const bytes = readFileSync(databaseFile(original));
  bytes[at] = bytes[at]! ^ xor;
  writeFileSync(file, bytes);
  if (keepSeal) copyFileSync(sealFile(databaseFile(original)), sealFile(file));
  // An mtime in the past, so a write during the test could not hide within the same tick.
  utimesSync(file, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
  const before = statSync(file).mtimeMs;
  // n odd: every check in the worker after the first answer; n even: a small register checked before it.
  const core = await createCore({ dataDir: dir, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog, backgroundDelayMs: 0, ...(n % 2 ? { inlineCheckBytes: 0 } : {}) });
  // A write asked for while the check still reads the file waits for it, and is then refused.
  const write = await core.call('cases.register', minimalComplaint(), null);
  await core.checked();
  const health = core.health;
  core.close();
  const unchanged = readFileSync(file).equals(bytes) && statSync(file).mtimeMs === before;
  rmSync(dir, { recursive: true, force: true });
  return { health, write, unchanged };
}

describe('20 random byte corruptions of a sealed copy', () => {
  it('are each found at start; the register opens read-only and the file is not written', async () => {
    const size = statSync(databaseFile(original)).size;
    const rand = seeded(20261123);
    const found: string[] = [];
    for (let n = 0; n < 20; n++) {
      const at = Math.floor(rand() * size);
      const xor = 1 + Math.floor(rand() * 255);
      const r = await corruptAndOpen(n, at, xor, true);
      expect(r.health.readOnly, `byte ${at}`).toBe(true);
      expect(r.unchanged, `byte ${at}`).toBe(true);
      expect(r.write.ok).toBe(false);
      found.push(r.health.problem!.code);
    }
    expect(found.length).toBe(20);
  }, 180_000);

  it('without the seal (after a crash) SQLite’s checks and the audit chain still catch what breaks structure, and those files are not written', async () => {
    const size = statSync(databaseFile(original)).size;
    const rand = seeded(20261123);
    const byCheck: Record<string, number> = {};
    let unseen = 0;
    for (let n = 0; n < 20; n++) {
      const at = Math.floor(rand() * size);
      const xor = 1 + Math.floor(rand() * 255);
      const r = await corruptAndOpen(n, at, xor, false);
      if (r.health.problem) {
        byCheck[r.health.problem.code] = (byCheck[r.health.problem.code] ?? 0) + 1;
        // A byte inside an audit row's values is found by the chain alone, which after a crash does not hold
        // writes (README, "The office key, the seal and the start check"): the app's own upkeep (the planner's
        // statistics) may have written by then. Every other check finds its damage before anything is written.
        if (r.health.problem.code !== 'auditBroken') expect(r.unchanged, `byte ${at}`).toBe(true);
      } else unseen++;
    }
    // What the seal adds: changes inside values and free space that no structural check can see. Which of
    // the random bytes land in structure depends on the file's layout (each migration moves it), so the
    // bytes that always are structure are tried on their own: the page-type byte of pages of the cases table.
    console.info(`unsealed copies: found by ${JSON.stringify(byCheck)}, not found ${unseen} of 20`);
    const ro = new Database(databaseFile(original), { readonly: true });
    const pageSize = ro.pragma('page_size', { simple: true }) as number;
    const pages = ro.prepare("SELECT pageno FROM dbstat WHERE name = 'cases' AND pagetype = 'leaf' ORDER BY pageno LIMIT 3").pluck().all() as number[];
    ro.close();
    expect(pages.length).toBeGreaterThan(0);
    for (const [i, page] of pages.entries()) {
      const r = await corruptAndOpen(100 + i, (page - 1) * pageSize, 0xff, false);
      expect(r.health.problem?.code, `page ${page}`).toMatch(/^(corrupt|unreadable)$/);
      expect(r.unchanged, `page ${page}`).toBe(true);
    }
  }, 180_000);
});
