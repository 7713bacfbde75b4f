import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createChromiumPrinter } from '../../electron/host/chromiumPrinter';
import { minimalComplaint, openRegister, quietLog, type Register } from '../core/harness';

/**
 * Issuing one notice to a stored PDF (build, render, print in Chromium, hash, vault, number, row):
 * the first after start (the print engine starts cold) and then, the engine warm, p50 and p95 over
 * a run of receipts; the preview (the same document, no PDF, nothing stored) is the baseline.
 */
const WARM_RUNS = Number(process.env.BENCH_NOTICES ?? 40);
const printer = createChromiumPrinter({ log: quietLog });
let reg: Register;
let caseId: number;

const issue = async () => {
  const r = await reg.call('notices.issue', { caseId, type: 'receipt' });
  if (!r.ok) throw new Error(r.error.message);
};
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

beforeAll(async () => {
  reg = await openRegister(undefined, { pdf: printer });
  ({ id: caseId } = await reg.must<{ id: number }>('cases.register', minimalComplaint()));
  let t = performance.now();
  await issue();
  const first = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    t = performance.now();
    await issue();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `\nnotices.issue to a stored PDF (${printer.engine()}):\n` +
      `  first after start (engine cold): ${first.toFixed(0)} ms\n` +
      `  warm, ${WARM_RUNS} receipts: p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms\n`,
  );
}, 300_000);
afterAll(async () => {
  reg.close();
  await printer.close();
});

describe('printed notices', () => {
  bench('baseline: notices.preview (no PDF, nothing stored)', async () => {
    const r = await reg.call('notices.preview', { caseId, type: 'receipt' });
    if (!r.ok) throw new Error(r.error.message);
  });
  bench('notices.issue receipt to a stored PDF (engine warm)', issue, { iterations: 20, time: 0 });
});
