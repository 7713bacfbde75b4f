import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalComplaint, openRegister, quietLog, type Register } from './harness';

/**
 * The WAL is folded into the register once the writes pause, not in the answer of the call that grew
 * it past 1 MB (start/openState.ts), on the search index's worker (services/walFold.ts): in WAL mode
 * only a checkpoint writes the main file, so its size and time of change show when one ran.
 */
let reg: Register;
beforeAll(async () => {
  reg = await openRegister();
});
afterAll(() => reg.close());

const mainFile = () => statSync(join(reg.dir, 'complaintdesk.sqlite'));
const walBytes = () => statSync(join(reg.dir, 'complaintdesk.sqlite-wal')).size;
const stamp = () => `${mainFile().size}/${mainFile().mtimeMs}`;
const register = (i: number) => reg.must('cases.register', minimalComplaint({ complainant: { name: `暂停${i}`, phone: '13812345678' }, facts: `第${i}件：${'商家拒绝退款，'.repeat(120)}` }));

describe('the checkpoint after writes', () => {
  it('waits for a pause in the writes, then folds the WAL into the file', async () => {
    reg.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = stamp();
    // Registrations back to back, each checking that the main file was not written in its answer.
    let i = 0;
    while (walBytes() < 1.5 * 1024 * 1024) {
      await register(i++);
      expect(stamp(), `registration ${i}`).toBe(before);
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(stamp()).not.toBe(before);
  });

  it('folds it in after the answer of the call that grew it past 4 MB in a burst with no pause, without waiting for one', async () => {
    reg.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = stamp();
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    let i = 1000;
    while (walBytes() <= 4 * 1024 * 1024 && i < 3000) {
      await register(i++);
      // Below 4 MB nothing is folded, even after a turn of the loop.
      if (walBytes() <= 4 * 1024 * 1024) {
        await turn();
        expect(stamp(), `registration ${i}`).toBe(before);
      }
    }
    // Answered before the fold, which is asked for at the next turn of the loop and runs on the
    // search index's worker (services/walFold.ts): it ends while the burst goes on, with no pause.
    expect(stamp()).toBe(before);
    const burstEnds = i + 400;
    while (stamp() === before && i < burstEnds) {
      // A turn of the loop between calls, as between a desk's requests: no pause.
      await turn();
      await register(i++);
    }
    expect(stamp()).not.toBe(before);
  });

  it("leaves a transaction held across the loop's turns alone, and folds once a write after it pauses", async () => {
    // The bench's seed holds one so between its batches; the fold failed in it with SQLITE_LOCKED and said so.
    const warnings: string[] = [];
    const held = await openRegister(undefined, { log: { ...quietLog, warn: (m: string) => warnings.push(m) } });
    try {
      const file = () => statSync(join(held.dir, 'complaintdesk.sqlite'));
      const heldStamp = () => `${file().size}/${file().mtimeMs}`;
      held.core.db.pragma('wal_checkpoint(TRUNCATE)');
      const before = heldStamp();
      let i = 5000;
      while (statSync(join(held.dir, 'complaintdesk.sqlite-wal')).size < 1.5 * 1024 * 1024) {
        await held.must('cases.register', minimalComplaint({ complainant: { name: `事务${i}`, phone: '13812345678' }, facts: `第${i++}件：${'商家拒绝退款，'.repeat(120)}` }));
      }
      // The fold is asked for; a transaction opens before its pause is over and outlasts it.
      held.core.db.exec('BEGIN');
      held.core.db.prepare('SELECT COUNT(*) FROM cases').get();
      await new Promise((resolve) => setTimeout(resolve, 400));
      held.core.db.exec('COMMIT');
      expect(heldStamp()).toBe(before);
      expect(warnings).toEqual([]);
      await held.must('cases.register', minimalComplaint({ complainant: { name: '事务后', phone: '13812345678' } }));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(heldStamp()).not.toBe(before);
    } finally {
      held.close();
    }
  });
});
