import sharp from 'sharp';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createChromiumPrinter } from '../../electron/host/chromiumPrinter';
import { chunked, notReading } from '../core/evidenceHelpers';
import { fixedClock, minimalComplaint, openRegister, quietLog, type Register } from '../core/harness';

/**
 * `npm run bench` — 卷宗 (issue [H]): making the case file of a closed case with 50 photos and with
 * 500 (distinct 1600 × 1200 camera-like JPEGs), the time of each and the main process's peak
 * resident memory above where it stood before (sampled every 10 ms). The photos are printed a batch
 * at a time from their thumbnails, so memory should not grow with the photo count; the ratio
 * 500 : 50 is the figure, never asserted.
 */
const printer = createChromiumPrinter({ log: quietLog });
const noOcr = notReading('bench');
let reg: Register;
const cases: Record<number, number> = {};

async function photo(i: number): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: (i * 53) % 256 }, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

async function closedCaseWith(photos: number): Promise<number> {
  const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: `张${photos}`, phone: '13800001111' } }));
  // What is measured is the binding, not the path to 结案 (it needs an investigator and an approver):
  // the case is set under investigation for its photos, then closed, directly.
  reg.core.db.prepare("UPDATE cases SET status = 'investigating' WHERE id = ?").run(id);
  for (let i = 0; i < photos; i++) {
    const body = await photo(i);
    const r = await reg.core.call('evidence.import', { caseId: id, name: `现场照片${i + 1}.jpg`, kind: 'physical' }, reg.token, { upload: { stream: chunked(body), declaredSize: body.length } });
    if (!r.ok) throw new Error(r.error.message);
  }
  reg.core.db.prepare("UPDATE cases SET status = 'closed', closed_on = '2026-11-23' WHERE id = ?").run(id);
  return id;
}

async function measureMake(photos: number): Promise<void> {
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t = performance.now();
  const made = await reg.must<{ pages: number; size: number }>('dossier.make', { caseId: cases[photos] });
  const ms = performance.now() - t;
  clearInterval(timer);
  console.log(`\n卷宗 of a case with ${photos} photos: ${made.pages} pages, ${(made.size / 1024 / 1024).toFixed(1)} MB, ${(ms / 1000).toFixed(1)} s, peak RSS +${((peak - base) / 1024 / 1024).toFixed(0)} MB`);
}

beforeAll(async () => {
  reg = await openRegister(fixedClock('2026-11-23T09:00:00+08:00'), { pdf: printer, textReader: noOcr });
  for (const n of [50, 500]) cases[n] = await closedCaseWith(n);
  await measureMake(50);
  await measureMake(500);
}, 3_600_000);
afterAll(async () => {
  reg.close();
  await printer.close();
});

describe('卷宗', () => {
  bench('baseline: dossier.list', async () => {
    await reg.must('dossier.list', { caseId: cases[50] });
  });
});
