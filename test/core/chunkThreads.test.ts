import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheckOnThreads } from '../../electron/core/integrity/chunkThreads';
import { CHUNK, chunkTableSync } from '../../electron/core/integrity/seal';
import { tempDir } from './harness';

/**
 * The seal's chunk sums read in parts on several threads (integrity/chunkThreads.ts) must be the sums
 * one thread reads, chunk for chunk, and a changed chunk in any part must fail the check with its number.
 */
const tmp = tempDir();
afterAll(() => tmp.remove());

// Nine and a half chunks: parts of three threads end mid-file and the last chunk is short.
const file = join(tmp.dir, 'register.bin');
writeFileSync(file, randomBytes(CHUNK * 9 + CHUNK / 2));
const whole = chunkTableSync(file);

describe('the seal\'s chunk sums on several threads', () => {
  it.each([1, 2, 3, 4])('are the sums one thread reads, on %i thread(s), with progress to the whole file', async (threads) => {
    const seen: number[] = [];
    const out = await runCheckOnThreads({ task: 'chunks', file }, (done, total) => {
      expect(total).toBe(whole.size);
      seen.push(done);
    }, threads, 1).done;
    expect(out.ok).toBe(true);
    const table = out.table as { size: number; hashes: Uint8Array };
    expect(table.size).toBe(whole.size);
    expect(Buffer.from(table.hashes)).toEqual(whole.hashes);
    expect(seen.length).toBeGreaterThan(0);
  });

  it.each([0, 4, 9])('find a chunk that is not the sealed one (chunk %i), whichever part holds it', async (changed) => {
    const sealed = { size: whole.size, hashes: Buffer.from(whole.hashes) };
    sealed.hashes[changed * 32]! ^= 1;
    for (const threads of [1, 3]) {
      const out = await runCheckOnThreads({ task: 'chunks', file, sealed }, undefined, threads, 1).done;
      expect(out, `${threads} threads`).toMatchObject({ ok: false, detail: `chunk ${changed}` });
    }
    expect((await runCheckOnThreads({ task: 'chunks', file, sealed: whole }, undefined, 3, 1).done).ok).toBe(true);
    expect(await runCheckOnThreads({ task: 'chunks', file, sealed: { ...whole, size: whole.size + 1 } }, undefined, 3, 1).done).toMatchObject({ ok: false });
  });
});
