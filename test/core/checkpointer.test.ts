import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCheckpointer } from '../../electron/core/db/checkpointer';
import { quietLog } from './harness';

let dir: string;
let file: string;
let db: Database.Database;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cd-ckpt-'));
  file = join(dir, 'r.sqlite');
  db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)');
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Rows of 4 KB committed to the WAL, not yet in the file. */
const fill = (rows: number) => {
  const put = db.prepare('INSERT INTO t (b) VALUES (randomblob(4000))');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) put.run();
  })();
};
const stamp = () => `${statSync(file).size}/${statSync(file).mtimeMs}`;

describe('the WAL folded in by a worker thread (db/checkpointer.ts)', () => {
  it('folds the WAL into the file on its own connection, while the page\'s thread is busy', async () => {
    const c = createCheckpointer({ file, log: quietLog, inline: () => expect.fail('folded on the page\'s thread') });
    fill(2000);
    const before = statSync(file).size;
    const done = c.request();
    // The page's thread never turns its loop here: only another thread can write the file meanwhile.
    const until = performance.now() + 5_000;
    while (statSync(file).size < before + 2000 * 4000 && performance.now() < until);
    expect(statSync(file).size).toBeGreaterThan(before + 2000 * 4000);
    await done;
    expect(c.threadId).not.toBeNull();
    // Everything was copied: a fold now has nothing left to do.
    expect(db.pragma('wal_checkpoint(PASSIVE)')).toEqual([{ busy: 0, log: expect.any(Number), checkpointed: expect.any(Number) }]);
    c.stopSync();
  });

  it('at a close, waits for a fold in progress and lets none begin, so the file is still when sealed', async () => {
    const inline = vi.fn();
    const c = createCheckpointer({ file, log: quietLog, inline });
    fill(3000);
    void c.request();
    // Let the worker start its fold (or not yet: either way the file must be still once stopSync returns).
    await new Promise((r) => setTimeout(r, 30));
    c.stopSync();
    const after = stamp();
    await new Promise((r) => setTimeout(r, 500));
    expect(stamp()).toBe(after);
    await c.request();
    await new Promise((r) => setTimeout(r, 200));
    expect(stamp()).toBe(after);
    expect(inline).not.toHaveBeenCalled();
  });

  it('folds on the page\'s thread when its worker cannot open the register, and says so', async () => {
    const inline = vi.fn();
    const log = { ...quietLog, warn: vi.fn() };
    const c = createCheckpointer({ file: join(dir, 'missing.sqlite'), log, inline });
    await c.request();
    expect(inline).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining("folded on the page's thread"));
    await c.request();
    expect(inline).toHaveBeenCalledTimes(2);
    c.stopSync();
  });
});
