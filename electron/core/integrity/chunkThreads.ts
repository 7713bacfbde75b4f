import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { runCheck, type CheckTask, type Running, type TaskOut } from './checkWorker';
import { CHUNK } from './seal';

/**
 * The seal's chunk sums on several threads. Each chunk's sum is its own (integrity/seal.ts), so the
 * file is read in parts side by side: the start holds writes until every chunk is checked (at a
 * million cases 12 GB, SHA-256 at 1.65 GB/s a core warm), and a PC's other cores were idle meanwhile.
 * One core is left to the process that answers the page; on this project's two-core test machine
 * that leaves one thread, as before.
 */
export const chunkThreads = (): number => Math.max(1, Math.min(4, availableParallelism() - 1));

/** Below this many chunks a second thread costs more to start than it saves. */
const SPLIT_FROM_CHUNKS = 256;

/** Runs a check in a worker; the seal's chunk sums of a large file in `threads` parts at once. */
export function runCheckOnThreads(t: CheckTask, onProgress?: (done: number, total: number) => void, threads = chunkThreads(), splitFrom = SPLIT_FROM_CHUNKS): Running {
  if (t.task !== 'chunks' || threads <= 1 || t.from !== undefined || t.to !== undefined) return runCheck(t, onProgress);
  let size: number;
  try {
    size = statSync(t.file).size;
  } catch {
    return runCheck(t, onProgress);
  }
  const count = Math.ceil(size / CHUNK);
  if (count < splitFrom) return runCheck(t, onProgress);
  const per = Math.ceil(count / threads);
  const done = new Array<number>(threads).fill(0);
  const parts = Array.from({ length: threads }, (_, k) =>
    runCheck({ ...t, from: k * per, to: Math.min(count, (k + 1) * per) }, (d) => {
      done[k] = d;
      onProgress?.(done.reduce((a, b) => a + b, 0), size);
    }),
  );
  const stop = () => parts.forEach((p) => p.stop());
  // The first part that fails is the answer, and the others are stopped; else the parts' sums in order.
  const failed = new Promise<TaskOut>((resolve) => parts.forEach((p) => void p.done.then((out) => !out.ok && resolve(out))));
  const all = Promise.all(parts.map((p) => p.done)).then((outs): TaskOut => {
    const bad = outs.find((o) => !o.ok);
    if (bad) return bad;
    const tables = outs.map((o) => o.table as { size: number; hashes: Uint8Array });
    if (tables.some((x) => x.size !== tables[0]!.size)) return { ok: false, detail: 'the file changed while it was read' };
    return { ok: true, table: { size: tables[0]!.size, hashes: Buffer.concat(tables.map((x) => Buffer.from(x.hashes.buffer, x.hashes.byteOffset, x.hashes.byteLength))) } };
  });
  return {
    done: Promise.race([failed, all]).then((out) => {
      if (!out.ok) stop();
      return out;
    }),
    stop,
  };
}
