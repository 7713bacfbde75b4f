import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { openReadOnly } from '../db/open';
import type { CheckTask, TaskOut } from '../integrity/checkWorker';
import { CHUNK, chunkTableSync, hashFileSync } from '../integrity/seal';
import { problem as problemOf, problemOfError, type DbProblem, type Guard } from '../integrity/startCheck';

/**
 * The header chunk against the seal (or, without a seal, SQLite's header read for WAL mode): a
 * problem, 'inline' when the whole guard must run before the file is opened, or null.
 */
export function firstChunkProblem(file: string, guard: Guard): DbProblem | 'inline' | null {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(CHUNK, fstatSync(fd).size));
    readSync(fd, buf, 0, buf.length, 0);
    if (guard.kind === 'seal') {
      if (guard.sealed.size === 0) return null;
      const sum = createHash('sha256').update(buf).digest();
      return sum.equals(guard.sealed.hashes.subarray(0, 32)) ? null : problemOf('changedWhileClosed', 'chunk 0');
    }
    // Bytes 18 and 19 are 2 in WAL mode; opening anything else for writing would rewrite them.
    return buf.length >= 100 && buf.toString('latin1', 0, 16) === 'SQLite format 3\0' && buf[18] === 2 && buf[19] === 2 ? null : 'inline';
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes against the guard, in a worker: the seal's chunks, a legacy seal's hash, or quick_check. */
export function guardTask(guard: Guard, file: string): CheckTask {
  if (guard.kind === 'seal') return { task: 'chunks', file, sealed: guard.sealed };
  if (guard.kind === 'legacySeal') return { task: 'sha256', file };
  return { task: 'quick_check', file };
}

/** The guard on this thread, for a small register. */
export function guardSync(guard: Guard, file: string): TaskOut {
  try {
    if (guard.kind === 'seal') {
      const sums = chunkTableSync(file);
      return sums.size === guard.sealed.size && sums.hashes.equals(guard.sealed.hashes) ? { ok: true } : { ok: false, detail: 'chunks' };
    }
    if (guard.kind === 'legacySeal') return statSync(file).size === guard.size && hashFileSync(file) === guard.sha256 ? { ok: true } : { ok: false, detail: 'sha256' };
    const db = openReadOnly(file);
    try {
      const rows = db.pragma('quick_check') as { quick_check: string }[];
      return rows.length === 1 && rows[0]!.quick_check === 'ok' ? { ok: true } : { ok: false, detail: rows.slice(0, 5).map((r) => r.quick_check).join('；') };
    } finally {
      db.close();
    }
  } catch (error) {
    return { ok: false, error: true, code: String((error as { code?: unknown }).code ?? ''), detail: (error as Error).message };
  }
}

/** Runs the guard's task; a legacy seal's hash is compared here. */
export async function runGuard(guard: Guard, file: string, run: (t: CheckTask) => Promise<TaskOut>): Promise<TaskOut> {
  const out = await run(guardTask(guard, file));
  if (guard.kind === 'legacySeal' && out.ok && (out.sha256 !== guard.sha256 || out.size !== guard.size)) return { ok: false, detail: 'sha256' };
  return out;
}

export function guardFailure(guard: Guard, out: TaskOut): DbProblem {
  if (out.error) return problemOfError({ code: out.code, message: out.detail });
  if (guard.kind === 'quickCheck') return problemOf('corrupt', out.detail);
  if (guard.kind === 'legacySeal') return problemOf('changedWhileClosed', '与旧版封签的校验值不符');
  return problemOf('changedWhileClosed', out.detail);
}
