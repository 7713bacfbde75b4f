import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import type { Core } from '../../electron/core';
import { RECOUNT_CHUNK_CASES } from '../../electron/core/services/repeatRecount';
import { openBenchRegister, type BenchRegister } from './backgroundJob';

/**
 * The recount of 重复投诉 after the office changes its repeat window ([F] #11): the whole register
 * walked in the background, measured end to end (wall time, flags changed), with the worst
 * event-loop delay while it runs (perf_hooks) and the worst time a page's call (stats.summary,
 * sent every 20 ms meanwhile) waited. Then one chunk against its baseline, the same cases' rows
 * and earlier-complaint look-ups read bare.
 *
 * BENCH_RECOUNT_DATA: a seeded data folder (npm run seed), copied first and never written; its office
 * key folder in BENCH_RECOUNT_KEYS (copied too). Without it, BENCH_RECOUNT_CASES cases (default 2,000)
 * are seeded into a temporary folder.
 */
const admin = { id: 1, username: 'admin', displayName: '管理员', role: 'admin' as const };
let reg: BenchRegister;
let core: Core;

/** A page's call while the recount runs: 统计 for a year. */
const statsOfAYear = () => core.call('stats.summary', { from: '2026-01-01', to: '2026-12-31' }, reg.token);

/**
 * Runs the recount as the app does (started, then kicked by the save) and measures it: wall time and
 * the worst event-loop delay with nothing else running; then, run again the other way and back, the
 * worst wait of a page's call during it against the same calls with no recount.
 */
async function measure(label: string, change: () => Promise<void>): Promise<void> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const lines = reg.lines;
  lines.length = 0;
  delay.enable();
  const started = performance.now();
  await change();
  await new Promise((r) => setImmediate(r));
  await core.services.repeatRecount.idle();
  const ms = performance.now() - started;
  delay.disable();
  const done = [lines.find((l) => l.startsWith('repeat complaints counted again')) ?? '(no recount ran)', lines.find((l) => l.startsWith('repeat recount:')) ?? ''].join('; ');
  console.info(`${label}: ${Math.round(ms)} ms; ${done}; worst event-loop delay ${(delay.max / 1e6).toFixed(1)} ms (p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, mean ${(delay.mean / 1e6).toFixed(1)} ms)`);
}

const saveWindow = (days: number) => async () => {
  await core.services.officeSettings.saveSection({ section: 'intake', values: { repeatWindowDays: days } }, admin);
};

beforeAll(async () => {
  reg = await openBenchRegister('BENCH_RECOUNT', 'complaintdesk-bench-recount-');
  core = reg.core;
  const cases = core.services.store.read.lastCaseId();
  console.info(`register: ${cases} cases (${reg.source})`);
  // The first start of this version on a register from before it: the window the flags were counted with is not recorded, so they are checked once.
  await measure('first start (window not recorded): a pass under 90 days', async () => core.services.repeatRecount.start());
  await measure('90 → 180 days', saveWindow(180));
  await measure('180 → 90 days', saveWindow(90));
  await measure('90 → 365 days', saveWindow(365));
  await measure('365 → 90 days', saveWindow(90));
  // The seeded repeats come within six weeks: a window of 7 days moves many flags, and back.
  await measure('90 → 7 days', saveWindow(7));
  await measure('7 → 90 days', saveWindow(90));
  const idle = await reg.callsDuring(statsOfAYear, () => new Promise((r) => setTimeout(r, 1500)));
  const during = await reg.callsDuring(statsOfAYear, async () => {
    for (const days of [7, 90]) {
      await saveWindow(days)();
      await new Promise((r) => setImmediate(r));
      await core.services.repeatRecount.idle();
    }
  });
  console.info(`stats.summary (a year) every 20 ms: worst ${idle.worst.toFixed(1)} ms over ${idle.calls} calls with no recount; worst ${during.worst.toFixed(1)} ms over ${during.calls} calls during 90 → 7 → 90 days`);
}, 3_600_000);

afterAll(() => reg?.close());

describe(`one chunk of the recount (${RECOUNT_CHUNK_CASES} cases)`, () => {
  bench('baseline: the chunk\'s rows and one earlier-complaint look-up each, read bare', () => {
    const read = core.services.store.read;
    for (const row of read.repeatFlags(0, Number.MAX_SAFE_INTEGER, RECOUNT_CHUNK_CASES)) read.repeatUnder(row, 90);
  }, { iterations: 30 });
  bench('a recount chunk with no flag to change (its own write transaction, its place kept)', () => {
    const s = core.services;
    core.db.transaction(() => s.repeatRecount.plan(90)).immediate();
    s.repeatRecount.step();
  }, { iterations: 30 });
});
