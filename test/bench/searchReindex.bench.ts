import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { Core } from '../../electron/core';
import { planReindex } from '../../electron/core/services/searchReindex';
import { openBenchRegister, type BenchRegister } from './backgroundJob';

/**
 * The search index rewritten in the background ([F] #11: migration 21 plans it for every case): the
 * whole register re-indexed while a page's call (a search for 王, every 20 ms) runs beside it, with
 * the index merged as the app does it (FTS5's own merging off, migration 22; the upkeep's steps
 * between calls) and, as the baseline in the same run, with FTS5's defaults (automerge 4, deletemerge
 * 10 %), which merged inside the re-index's chunks. Each run: wall time, chunks and the longest (the
 * job's log line), the worst event-loop delay, the worst wait of the page's call.
 *
 * BENCH_REINDEX_DATA / _KEYS: a seeded data folder and its key folder (copied, never written); else
 * BENCH_REINDEX_CASES cases (default 2,000) seeded into a temporary folder.
 */
let reg: BenchRegister;
let core: Core;

const searchWang = () => core.call('cases.search', { text: '王', pageSize: 50 }, reg.token);

/** FTS5's merge settings for the search index (integers: FTS5 takes no other). */
function mergeSettings(automerge: number, deletemerge: number): void {
  core.db.exec(`INSERT INTO case_index (case_index, rank) VALUES ('automerge', ${automerge})`);
  core.db.exec(`INSERT INTO case_index (case_index, rank) VALUES ('deletemerge', ${deletemerge})`);
}

async function reindexAll(label: string): Promise<void> {
  const s = core.services;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  reg.lines.length = 0;
  core.db.transaction(() => planReindex(core.db, 'the bench'))();
  delay.enable();
  const started = performance.now();
  const calls = await reg.callsDuring(searchWang, async () => {
    s.searchReindex.kick();
    await new Promise((r) => setImmediate(r));
    await s.searchReindex.idle();
    // Then the full merge the re-index planned at its end.
    await new Promise((r) => setImmediate(r));
    await s.searchUpkeep.idle();
  });
  const ms = performance.now() - started;
  delay.disable();
  const chunks = reg.lines.find((l) => l.startsWith('search re-index:')) ?? '(no re-index ran)';
  // The upkeep logs its runs of 100 steps or more, or with one over 50 ms.
  const runs = reg.lines.filter((l) => l.startsWith('search index merge:')).map((l) => /(\d+) chunk\(s\).* ([\d.]+) ms/.exec(l)!);
  const merges = runs.length
    ? `index merges: ${runs.reduce((n, m) => n + Number(m[1]), 0)} steps in ${runs.length} long run(s), the longest step ${Math.max(...runs.map((m) => Number(m[2]))).toFixed(1)} ms`
    : 'no long merge run';
  const full = reg.lines.find((l) => l.startsWith('search index merged into one')) ?? 'no full merge';
  console.info(
    `${label}: ${(ms / 1000).toFixed(1)} s; ${chunks}; ${merges}; ${full}; worst event-loop delay ${(delay.max / 1e6).toFixed(1)} ms (p99 ${(delay.percentile(99) / 1e6).toFixed(1)}); ` +
      `search 王 every 20 ms: worst ${calls.worst.toFixed(1)} ms over ${calls.calls} calls`,
  );
}

beforeAll(async () => {
  reg = await openBenchRegister('BENCH_REINDEX', 'complaintdesk-bench-reindex-');
  core = reg.core;
  console.info(`register: ${core.services.store.read.lastCaseId()} cases (${reg.source})`);
  const s = core.services;
  // As the opened register wires them: each chunk the re-index writes kicks the upkeep, and the WAL is
  // folded into the file as it grows (the core checkpoints itself, wal_autocheckpoint off; a WAL that
  // only grows slows every read).
  let writes = 0;
  const afterWrite = () => {
    if (++writes % 50 === 0) core.db.pragma('wal_checkpoint(PASSIVE)');
  };
  s.searchReindex.start(() => {
    afterWrite();
    s.searchUpkeep.kick();
  });
  s.searchUpkeep.start(afterWrite);
  const idle = await reg.callsDuring(searchWang, () => new Promise((r) => setTimeout(r, 1500)));
  console.info(`search 王 every 20 ms with nothing in the background: worst ${idle.worst.toFixed(1)} ms over ${idle.calls} calls`);
  await reindexAll('re-index, merged as the app does (automerge and deletemerge off, the upkeep between calls)');
  mergeSettings(4, 10);
  await reindexAll('baseline: re-index with FTS5 merging inside the writes (automerge 4, deletemerge 10 %)');
  mergeSettings(0, 0);
  await reindexAll('re-index, merged as the app does, again');
}, 3_600_000);

afterAll(() => reg?.close());

describe('the search index after a re-index', () => {
  bench('search 王 (one character, by its key)', async () => {
    await searchWang();
  }, { iterations: 30 });
  bench('baseline: setup.status (a bare round trip through the core)', async () => {
    await core.call('setup.status', {}, null);
  }, { iterations: 30 });
});
