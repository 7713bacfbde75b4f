import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core';
import type { MergeWorkerFault } from '../../electron/core/services/mergeWorker';
import { copyRegister, minimalComplaint, openRegister, quietLog, type Register } from './harness';

/**
 * The search index's worker dying under the register (services/mergeWorker.ts), as one did at
 * 120,000 cases: its failure read "undefined", 统计 then failed on its snapshots, and the next start
 * found the file changed since its seal and opened it read-only. Whatever the thread dies in, the
 * merges and folds go on on the page's thread, the log says what the thread threw, 统计 reads on its
 * snapshots, and the register closes sealed: the next start finds it sound and writable.
 */
let reg: Register;
beforeAll(async () => {
  reg = await openRegister();
});
afterAll(() => reg.close());

const month = { from: '2026-11-01', to: '2026-11-30' };
type Summary = { received: number };

async function registerSome(r: Register, surname: string, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const { id } = await r.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: `${surname}${'一二三四五六七八'[i]}`, phone: `1390000${1000 + i}` } }));
    ids.push(id);
  }
  return ids;
}

async function found(call: (name: string, input: unknown) => Promise<unknown>, text: string): Promise<number[]> {
  const r = (await call('cases.search', { text, pageSize: 50 })) as { ok: true; value: { rows: { id: number }[] } };
  expect(r.ok).toBe(true);
  return r.value.rows.map((x) => x.id).sort((a, b) => a - b);
}

describe('the merge worker dying', () => {
  it.each<[MergeWorkerFault, string, RegExp]>([
    ['step', '鲁', /the search index's merges run on the page's thread from now on \(the merge worker failed: a value that is not an error was thrown: undefined\)/],
    ['fold', '韦', /the WAL is folded on the page's thread from now on \(the merge worker failed: a value that is not an error was thrown: undefined\)/],
  ])('in a %s: the register goes on, 统计 reads, and the next start finds it sound', async (fault, surname, said) => {
    const warnings: string[] = [];
    const r = await copyRegister(reg, reg.clock, { backgroundDelayMs: 0, mergeWorkerFault: fault, log: { ...quietLog, warn: (m: string) => warnings.push(m) } });
    let reopened: Core | null = null;
    try {
      const before = await r.must<Summary>('stats.summary', month);
      // A WAL past the fold's mark (1 MB; start/upkeepTimings.ts) with the writes after it: the first
      // job the worker is given after them is a merge step, then a fold once the writes pause.
      r.core.db.exec('CREATE TABLE IF NOT EXISTS fold_probe (x TEXT)');
      for (let i = 0; i < 60; i++) r.core.db.prepare('INSERT INTO fold_probe VALUES (hex(randomblob(20000)))').run();
      const ids = await registerSome(r, surname, 6);
      await vi.waitFor(() => expect(warnings.join('\n')).toMatch(said), { timeout: 10_000, interval: 20 });
      await r.core.services.searchUpkeep.idle();

      // The register goes on: writes, the search (its merges now on the page's thread), 统计 on its snapshots.
      const more = await registerSome(r, surname, 2);
      expect(await found(r.call, surname)).toEqual([...ids, ...more]);
      const after = await r.must<Summary>('stats.summary', month);
      expect(after.received).toBe(before.received + 8);
      await r.core.services.searchUpkeep.idle();

      reopened = await r.reopen();
      await reopened.checked();
      expect(reopened.health).toEqual({ readOnly: false, problem: null });
      const token = r.token;
      expect(await found((name, input) => reopened!.call(name, input, token), surname)).toEqual([...ids, ...more]);
      reopened.db.exec("INSERT INTO case_index (case_index, rank) VALUES ('integrity-check', 0)");
      expect(reopened.db.pragma('quick_check', { simple: true })).toBe('ok');
    } finally {
      reopened?.close();
      r.close();
    }
  });
});
