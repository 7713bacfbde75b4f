import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open';
import { createBackgroundChunks } from '../../electron/core/services/backgroundChunks';
import { createWriteTurns } from '../../electron/core/writeTurns';
import { quietLog } from './harness';

/**
 * The register's writer shared between the page's thread and the merge worker (core/writeTurns.ts,
 * services/mergeWorker.ts): what waits for what, and how the worker's chunks give way to the page.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('write turns', () => {
  it('give a write its turn at once when no step runs, after the step when one does, and start a step after the writes in progress', async () => {
    const turns = createWriteTurns();
    const order: string[] = [];
    // No step: the release comes back synchronously, so calls keep the order they were made in.
    const first = turns.write();
    expect(typeof first).toBe('function');
    const step = turns.step(async () => {
      order.push('step begins');
      await sleep(30);
      order.push('step ends');
    });
    await sleep(10);
    expect(order).toEqual([]);
    (first as () => void)();
    await sleep(5);
    expect(order).toEqual(['step begins']);
    const during = turns.write();
    expect(during).toBeInstanceOf(Promise);
    const release = await during;
    order.push('write');
    release();
    await step;
    expect(order).toEqual(['step begins', 'step ends', 'write']);
  });

  it('run upkeep (the WAL\'s fold, the planner\'s statistics) after the step in progress, never beside it, and not as a write the steps rest for', async () => {
    const turns = createWriteTurns();
    const order: string[] = [];
    // No step: at once.
    turns.upkeep(() => order.push('fold'));
    expect(order).toEqual(['fold']);
    expect(turns.sinceWrite()).toBe(Number.POSITIVE_INFINITY);
    const step = turns.step(async () => {
      order.push('step begins');
      await sleep(30);
      order.push('step ends');
    });
    await sleep(5);
    turns.upkeep(() => order.push('fold'));
    expect(order).toEqual(['fold', 'step begins']);
    await step;
    await sleep(0);
    expect(order).toEqual(['fold', 'step begins', 'step ends', 'fold']);
    expect(turns.sinceWrite()).toBe(Number.POSITIVE_INFINITY);
  });

  it('run the work that goes first on another connection, in a step turn, while it finds some, and the chunk after it', async () => {
    const db = new Database(':memory:') as unknown as Db;
    const turns = createWriteTurns();
    const order: string[] = [];
    const lines: string[] = [];
    let merges = 2;
    let cases = 2;
    const chunks = createBackgroundChunks({
      db,
      log: { ...quietLog, info: (m: string) => lines.push(m) },
      label: 'a test',
      chunkSize: 1,
      turns,
      chunk: () => {
        order.push('chunk');
        return --cases > 0;
      },
      first: async () => {
        // A write of the page's would wait: the step turn is this work's.
        const write = turns.write();
        order.push(write instanceof Promise ? 'first, in a step turn' : 'first, beside the writes');
        if (write instanceof Promise) void write.then((release) => release());
        else write();
        return merges-- > 0;
      },
    });
    chunks.begin();
    chunks.kick();
    await chunks.idle();
    expect(order).toEqual(['first, in a step turn', 'first, in a step turn', 'first, in a step turn', 'chunk', 'first, in a step turn', 'chunk']);
    // The chunks counted apart from the work before them: their longest is how long the page's thread was held.
    expect(lines).toEqual([expect.stringMatching(/^a test: 2 chunk\(s\) in this run, the longest [\d.]+ ms; before them 2 step\(s\) of other work on the worker, the longest [\d.]+ ms$/)]);
    await chunks.stop();
    db.close();
  });

  it('run what a chunk’s write queued for the next turn (the WAL’s fold) a turn before the next chunk, so the page’s calls are read between them', async () => {
    const db = new Database(':memory:') as unknown as Db;
    const order: string[] = [];
    let cases = 2;
    const chunks = createBackgroundChunks({
      db,
      log: quietLog,
      label: 'a test',
      chunkSize: 1,
      chunk: () => {
        order.push('chunk');
        return --cases > 0;
      },
    });
    // As openState's afterWrite queues the fold: for the next turn; the fold marks the turn after it.
    chunks.begin(() =>
      setImmediate(() => {
        order.push('fold');
        setImmediate(() => order.push('the turn after the fold'));
      }),
    );
    chunks.kick();
    await chunks.idle();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    // In one turn with the fold, the next chunk ran before any call that came meanwhile was read.
    expect(order.slice(0, 4)).toEqual(['chunk', 'fold', 'the turn after the fold', 'chunk']);
    await chunks.stop();
    db.close();
  });

  it("rest a chunk run elsewhere as long as it ran while the page has written in the last second, and not otherwise", async () => {
    const db = new Database(':memory:') as unknown as Db;
    const turns = createWriteTurns();
    const spans: { start: number; end: number }[] = [];
    let left = 0;
    const chunks = createBackgroundChunks({
      db,
      log: quietLog,
      label: 'a test',
      chunk: () => false,
      chunkSize: 1,
      turns,
      away: async () => {
        const start = performance.now();
        await sleep(30);
        spans.push({ start, end: performance.now() });
        return --left > 0;
      },
    });
    chunks.begin();
    const gaps = () => spans.slice(1).map((s, i) => s.start - spans[i]!.end);

    left = 4;
    chunks.kick();
    await chunks.idle();
    expect(spans).toHaveLength(4);
    for (const gap of gaps()) expect(gap).toBeLessThan(15);

    spans.length = 0;
    (turns.write() as () => void)();
    left = 4;
    chunks.kick();
    await chunks.idle();
    expect(spans).toHaveLength(4);
    for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(25);
    await chunks.stop();
    db.close();
  });
});
