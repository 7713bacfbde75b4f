import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSessions } from '../../electron/core/auth/sessions';
import { createMergeWorker } from '../../electron/core/services/mergeWorker';
import { createWalFold } from '../../electron/core/services/walFold';
import { createWriteTurns } from '../../electron/core/writeTurns';
import { copyRegister, openRegister, quietLog, type Register, watchLoopGaps } from './harness';

/**
 * The WAL folded into the register's file on the search index's worker, in the writer's turns
 * (services/walFold.ts): the page's thread is not held by the fold, its writes wait for it
 * asynchronously, and the frames are read for the seal before it. In WAL mode only a fold writes the
 * main file, so its size and time of change show when one ran.
 */
let reg: Register;
beforeAll(async () => {
  reg = await openRegister();
});
afterAll(() => reg.close());

/** A copy whose own upkeep (merges) starts only after a minute, with frames in its WAL written directly. */
async function copyWithFrames(): Promise<{ r: Register; file: string; stamp: () => string }> {
  const r = await copyRegister(reg, reg.clock, { backgroundDelayMs: 60_000 });
  const file = join(r.dir, 'complaintdesk.sqlite');
  r.core.db.exec("CREATE TABLE IF NOT EXISTS fold_probe (x TEXT); INSERT INTO fold_probe VALUES (hex(randomblob(20000)))");
  return { r, file, stamp: () => `${statSync(file).size}/${statSync(file).mtimeMs}` };
}

describe('the fold of the WAL', () => {
  it('runs on the worker: the page’s thread is free meanwhile, a read answers, a write waits for it', async () => {
    const { r, file, stamp } = await copyWithFrames();
    const turns = createWriteTurns();
    const worker = createMergeWorker({ file, idleMs: 1_000, foldHoldMs: 300 });
    const walFold = createWalFold({ db: r.core.db, worker, turns, log: quietLog });
    try {
      const before = stamp();
      let read = 0;
      walFold.fold({ readFrames: () => read++, closed: () => false });
      // Asked again while it runs: one fold.
      walFold.fold({ readFrames: () => read++, closed: () => false });
      const gaps = watchLoopGaps();
      await vi.waitFor(() => expect(turns.workerWriting()).toBe(true), { timeout: 2_000, interval: 5 });
      expect(read).toBe(1);
      const t0 = performance.now();
      const counted = r.core.db.prepare('SELECT COUNT(*) FROM fold_probe').pluck().get();
      const readMs = performance.now() - t0;
      const turn = turns.write();
      expect(typeof turn).not.toBe('function');
      const release = await turn;
      const writeWaited = performance.now() - t0;
      release();
      const longestGap = gaps.stop();
      expect(counted).toBe(1);
      expect(readMs).toBeLessThan(100);
      expect(writeWaited).toBeGreaterThan(150);
      expect(longestGap).toBeLessThan(150);
      expect(stamp()).not.toBe(before);
      expect(read).toBe(1);
    } finally {
      worker?.closeNow();
      r.close();
    }
  });

  it('reads the frames for the seal inside its turn, and does nothing once the register closes', async () => {
    const { r, file, stamp } = await copyWithFrames();
    const turns = createWriteTurns();
    const worker = createMergeWorker({ file, idleMs: 1_000 });
    const walFold = createWalFold({ db: r.core.db, worker, turns, log: quietLog });
    try {
      const before = stamp();
      walFold.fold({ readFrames: () => expect(turns.workerWriting()).toBe(true), closed: () => true });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stamp()).toBe(before);
      let inTurn: boolean | null = null;
      walFold.fold({ readFrames: () => (inTurn = turns.workerWriting()), closed: () => false });
      await vi.waitFor(() => expect(stamp()).not.toBe(before), { timeout: 2_000, interval: 10 });
      expect(inTurn).toBe(true);
    } finally {
      worker?.closeNow();
      r.close();
    }
  });

  it('goes back to the page’s thread, saying so, when the worker cannot open the register', async () => {
    const { r, stamp } = await copyWithFrames();
    const warnings: string[] = [];
    const walFold = createWalFold({
      db: r.core.db,
      worker: createMergeWorker({ file: join(r.dir, 'not-there.sqlite'), idleMs: 1_000 }),
      turns: createWriteTurns(),
      log: { ...quietLog, warn: (m: string) => warnings.push(m) },
    });
    try {
      const before = stamp();
      walFold.fold({ readFrames: () => {}, closed: () => false });
      await vi.waitFor(() => expect(stamp()).not.toBe(before), { timeout: 5_000, interval: 10 });
      expect(warnings.join('\n')).toMatch(/WAL is folded on the page's thread from now on \(the merge worker failed/);
    } finally {
      r.close();
    }
  });
});

describe('a session’s expiry refreshed by a read', () => {
  it('is left for a later call while the worker holds the writer, and refreshed after', () => {
    const db = reg.core.db;
    let now = new Date('2026-11-02T01:00:00Z');
    let workerWriting = true;
    const sessions = createSessions(db, { now: () => now }, () => workerWriting);
    const userId = db.prepare("SELECT id FROM users WHERE username = 'admin'").pluck().get() as number;
    const token = sessions.open(userId);
    const seen = () => db.prepare('SELECT last_seen_at FROM sessions ORDER BY rowid DESC LIMIT 1').pluck().get();
    now = new Date('2026-11-02T01:05:00Z');
    expect(sessions.authenticate(token)).not.toBeNull();
    expect(seen()).toBe('2026-11-02T01:00:00.000Z');
    workerWriting = false;
    expect(sessions.authenticate(token)).not.toBeNull();
    expect(seen()).toBe('2026-11-02T01:05:00.000Z');
  });
});
