import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK, chunkTableSync } from '../../electron/core/integrity/seal';
import { createWalTail } from '../../electron/core/integrity/walPages';
import { tempDir } from './harness';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** The chunks whose bytes differ between two tables of sums. */
function changedChunks(before: ReturnType<typeof chunkTableSync>, after: ReturnType<typeof chunkTableSync>): number[] {
  const out: number[] = [];
  for (let i = 0; i < after.hashes.length / 32; i++) {
    if (i * 32 >= before.hashes.length || !after.hashes.subarray(i * 32, i * 32 + 32).equals(before.hashes.subarray(i * 32, i * 32 + 32))) out.push(i);
  }
  return out;
}

describe('the WAL tail the seal follows', () => {
  it('names every chunk a checkpoint changes, round after round, and counts only the current round', () => {
    const file = join(tmp.dir, 'wal.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)');
    const put = db.prepare('INSERT INTO t (id, body) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 1; i <= 3000; i++) put.run(i, randomBytes(2000));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(statSync(file).size).toBeGreaterThan(5 * CHUNK);

    const wal = `${file}-wal`;
    const tail = createWalTail(wal);
    const change = db.prepare('UPDATE t SET body = ? WHERE id = ?');
    let seed = 7;
    const nextId = () => (seed = (seed * 48271) % 2147483647) % 3000 + 1;

    for (let round = 0; round < 4; round++) {
      const before = chunkTableSync(file);
      const marked = new Set<number>();
      let bytes = 0;
      for (let write = 0; write < 40; write++) {
        change.run(randomBytes(2000), nextId());
        bytes = tail.catchUp(marked);
      }
      // The round's frames, not the file: after the first round the file keeps the size of the largest round.
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual(statSync(wal).size - 32);
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      expect(result!.log).toBe(result!.checkpointed);
      const changed = changedChunks(before, chunkTableSync(file));
      expect(changed.length).toBeGreaterThan(0);
      for (const chunk of changed) expect(marked.has(chunk), `chunk ${chunk} of round ${round}`).toBe(true);
    }

    // A short round after a long one: the file is as long as before, the round is a few frames.
    const long = statSync(wal).size;
    change.run(randomBytes(10), 1);
    const few = tail.catchUp(new Set());
    expect(statSync(wal).size).toBe(long);
    expect(few).toBeLessThan(long / 10);
    db.close();
  });
});
