import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createTextReader, OCR_MAX_SIDE, type TextReader } from '../../electron/core/services/evidence/textWorker';
import { FIXTURES } from '../core/evidenceHelpers';

// `npm run bench` — OCR of evidence pictures (issue [H]) in its worker thread: the models' load,
// pictures per second, the process's added peak memory (the worker shares the process: VmHWM after
// minus VmRSS before, in this bench's own fork), and the event-loop delay of the thread that answers
// the page while pictures are read. The baseline, same run, same pictures: sharp decoding and
// shrinking them as the worker does before the models see them. Printed, never asserted.
const work = mkdtempSync(join(tmpdir(), 'complaintdesk-bench-ocr-'));
const pictures = ['ocr-order.png', 'ocr-receipt.png', 'ocr-chat.png'].map((f) => join(FIXTURES, f));
const ROUNDS = 2;
const summary: string[] = [];
let reader: TextReader;

const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function loopGaps() {
  const gaps: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(Math.max(0, now - last - 5));
    last = now;
  }, 5);
  return () => {
    clearInterval(timer);
    const sorted = gaps.sort((a, b) => a - b);
    return `p99 ${(sorted[Math.floor(sorted.length * 0.99)] ?? 0).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
  };
}

async function decodeOnly(path: string): Promise<void> {
  await sharp(path).rotate().flatten({ background: '#ffffff' }).resize({ width: OCR_MAX_SIDE, height: OCR_MAX_SIDE, fit: 'inside', withoutEnlargement: true }).png({ compressionLevel: 1 }).toBuffer();
}

beforeAll(async () => {
  // A phone photo's size (4032×3024): shrunk before OCR, so memory stays bounded whatever the camera.
  const photo = join(work, 'phone-photo.jpg');
  writeFileSync(photo, await sharp(readFileSync(pictures[0]!)).resize(4032, 3024, { fit: 'contain', background: '#ffffff' }).jpeg({ quality: 85 }).toBuffer());
  const all = [...pictures, photo];

  const baseline: number[] = [];
  for (const p of all) {
    const t = performance.now();
    await decodeOnly(p);
    baseline.push(performance.now() - t);
  }

  // The same measure over an idle stretch: other work on the machine delays the loop too.
  const stopIdle = loopGaps();
  await new Promise((r) => setTimeout(r, 2000));
  const idleGaps = stopIdle();
  const rssBefore = kb('VmRSS');
  reader = createTextReader();
  const stopGaps = loopGaps();
  const first = performance.now();
  const r = await reader.read(pictures[0]!);
  const firstMs = performance.now() - first;
  if (r.state !== 'done') throw new Error(`OCR did not read the order screenshot: ${JSON.stringify(r)}`);
  const times: number[] = [];
  const started = performance.now();
  let read = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const p of pictures) {
      const t = performance.now();
      await reader.read(p);
      times.push(performance.now() - t);
      read++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const photoStart = performance.now();
  const photoRead = await reader.read(photo);
  const photoMs = performance.now() - photoStart;
  const gaps = stopGaps();
  const peak = kb('VmHWM');
  const perImage = median(times);
  const decode = median(baseline.slice(0, pictures.length));
  summary.push(
    `OCR of evidence pictures in the worker thread (@gutenye/ocr-node, PP-OCRv4, one ONNX thread), ${read} screenshots after the first:`,
    `  first picture (worker start + models' load + reading): ${firstMs.toFixed(0)} ms; so the load ≈ ${(firstMs - perImage).toFixed(0)} ms`,
    `  pictures per second: ${(read / seconds).toFixed(2)} (median ${perImage.toFixed(0)} ms a screenshot); baseline sharp decode + shrink alone: ${decode.toFixed(1)} ms, OCR ${(perImage / decode).toFixed(0)}× that`,
    `  a 4032×3024 phone photo: ${photoMs.toFixed(0)} ms (${photoRead.state}); decode + shrink alone ${baseline.at(-1)!.toFixed(0)} ms`,
    `  process memory: RSS ${rssBefore.toFixed(0)} MB before the worker, peak ${peak.toFixed(0)} MB (+${(peak - rssBefore).toFixed(0)} MB for the worker and its models)`,
    `  event-loop delay of the answering thread while pictures were read: ${gaps}; idle, same machine: ${idleGaps}`,
  );
}, 600_000);

afterAll(async () => {
  await reader.stop();
  rmSync(work, { recursive: true, force: true });
  console.log(`\n${summary.join('\n')}`);
});

describe('OCR of one order screenshot in the worker (models loaded)', () => {
  bench('reader.read(ocr-order.png)', async () => {
    await reader.read(pictures[0]!);
  }, { iterations: 3, time: 0, warmupIterations: 0 });
});
