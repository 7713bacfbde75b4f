import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackgroundChunks } from '../../electron/core/services/backgroundChunks';
import { quietLog } from './harness';

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('a background job between the page\'s calls (services/backgroundChunks.ts)', () => {
  it('waits for the register\'s fold of the WAL before its next chunk when the write after a chunk asks it to', async () => {
    const db = new Database(':memory:');
    let chunks = 0;
    const job = createBackgroundChunks({ db, log: quietLog, label: 'test', chunkSize: 1, chunk: () => ++chunks < 3 });
    let folded!: () => void;
    let asked = 0;
    // As the opened register answers a write that grew its WAL past 4 MB: a promise settled by the fold.
    job.begin(() => {
      asked++;
      return asked === 1 ? new Promise<void>((r) => (folded = r)) : undefined;
    });
    job.kick();
    await turns(20);
    expect(chunks).toBe(1);
    folded();
    await job.idle();
    expect(chunks).toBe(3);
    db.close();
  });
});
