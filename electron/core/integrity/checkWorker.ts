import { Worker } from 'node:worker_threads';
import { DETAIL_OF_SOURCE, failureDetail } from '../workerFailure';

/**
 * The checks that read a whole file, run in a worker thread on their own read-only connection so
 * the process that answers the page is never held by them (DESIGN.md "Quality bars"): the seal's
 * chunk sums, SQLite's quick_check or integrity_check, and the audit chain re-hashed from its first
 * row. The worker is plain JavaScript evaluated from this string, so it runs the same in the
 * bundled host, the Electron main process and the tests; its chain hash is the core's
 * (services/audit.ts), which a test holds it to.
 */
const SOURCE =
  DETAIL_OF_SOURCE +
  String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const CHUNK = 1 << 20;
const CHAIN_SLICE = 2000;
const GENESIS = '0'.repeat(64);
const progress = (done, total) => parentPort.postMessage({ type: 'progress', done, total });

// The chunks from 'from' up to 'to' (all, without them): a part of the file, when it is read on several threads.
function chunks(file, sealed, from, to) {
  const size = fs.statSync(file).size;
  if (sealed && size !== sealed.size) return { ok: false, detail: 'size ' + size + ' != ' + sealed.size };
  const want = sealed ? Buffer.from(sealed.hashes.buffer, sealed.hashes.byteOffset, sealed.hashes.byteLength) : null;
  const count = Math.ceil(size / CHUNK);
  const first = Math.min(from || 0, count);
  const end = to === undefined || to === null ? count : Math.min(to, count);
  const hashes = Buffer.alloc((end - first) * 32);
  const buf = Buffer.allocUnsafe(CHUNK);
  const fd = fs.openSync(file, 'r');
  try {
    for (let i = first; i < end; i++) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, size - i * CHUNK), i * CHUNK);
      const at = (i - first) * 32;
      createHash('sha256').update(buf.subarray(0, n)).digest().copy(hashes, at);
      if (want && !hashes.subarray(at, at + 32).equals(want.subarray(i * 32, i * 32 + 32))) {
        return { ok: false, detail: 'chunk ' + i };
      }
      if (i % 64 === 0) progress((i - first) * CHUNK, Math.min(end * CHUNK, size) - first * CHUNK);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { ok: true, table: { size, hashes } };
}

function sha256(file) {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(4 * CHUNK);
  const fd = fs.openSync(file, 'r');
  const size = fs.fstatSync(fd).size;
  let done = 0;
  try {
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) {
      hash.update(buf.subarray(0, n));
      done += n;
      if ((done / buf.length) % 16 === 0) progress(done, size);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { size, sha256: hash.digest('hex') };
}

function open(file) {
  const Database = require(workerData.module);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

// The WAL folded into the file on a connection of the worker's own: after an upgrade it holds
// gigabytes (the audit log rewritten: 3 GB at a million cases), seconds of copying that would
// hold the page's thread. The only task that writes; run before the core uses its connection.
function fold(file) {
  const Database = require(workerData.module);
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const [r] = db.pragma('wal_checkpoint(TRUNCATE)');
    return { ok: r.busy === 0, detail: r.busy === 0 ? undefined : 'busy' };
  } finally {
    db.close();
  }
}

// A copy of the register without its free pages, from this connection's snapshot (SQLite's VACUUM
// INTO): a backup's database. Read-only here; the page's connection goes on writing meanwhile.
function vacuumInto(file, dest) {
  const db = open(file);
  try {
    db.prepare('VACUUM INTO ?').run(dest);
    return { ok: true };
  } finally {
    db.close();
  }
}

function pragmaCheck(file, which) {
  const db = open(file);
  try {
    // quick_check table by table, back in JavaScript between tables, so stopping the worker (a close,
    // the app quitting) waits for one table at most, not for the whole file.
    if (which === 'quick_check') {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY name").pluck().all();
      for (let i = 0; i < tables.length; i++) {
        const rows = db.pragma('quick_check(' + JSON.stringify(tables[i]) + ')');
        if (rows.length !== 1 || rows[0].quick_check !== 'ok') return { ok: false, detail: tables[i] + ': ' + rows.slice(0, 5).map((r) => r.quick_check).join('；') };
        progress(i + 1, tables.length);
      }
      return { ok: true };
    }
    const rows = db.pragma(which);
    const ok = rows.length === 1 && rows[0][which] === 'ok';
    const out = { ok, detail: ok ? undefined : rows.slice(0, 5).map((r) => r[which]).join('；') };
    if (ok && workerData.countCases) out.cases = db.prepare('SELECT COUNT(*) FROM cases').pluck().get();
    return out;
  } finally {
    db.close();
  }
}

// The row's hash as 64 hex digits: stored as its 32 bytes since migration 30, as text before (services/audit.ts hashHex).
const hashHex = (stored) => (typeof stored === 'string' ? stored : stored.toString('hex'));

function chainHash(prev, r) {
  return createHash('sha256').update(JSON.stringify([prev, r.at, r.user_id, r.action, r.entity, r.entity_id, r.data])).digest('hex');
}

function chain(file, mark) {
  const db = open(file);
  try {
    const out = walk(db, mark);
    if (!out.head) {
      const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get();
      out.head = { hash: last === undefined ? GENESIS : hashHex(last), rows: db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() };
    }
    return out;
  } finally {
    db.close();
  }
}

function walk(db, mark) {
  {
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get()) return { ok: true, checked: 0, head: { hash: GENESIS, rows: 0 } };
    const total = db.prepare('SELECT MAX(id) FROM audit_log').pluck().get() || 0;
    let prev = GENESIS;
    let checked = 0;
    // A mark of id 0 is the empty chain of a new register: nothing before it can have been cut.
    let markSeen = !mark || mark.id === 0;
    // In slices, each its own short read: one read over the whole log (90 s at a million cases) kept
    // SQLite from starting the WAL again after a fold, so it grew by everything written meanwhile (3.7
    // GB beside the re-index after an upgrade). The log only grows at its end, so the slices read it as one.
    const slice = db.prepare('SELECT id, at, user_id, action, entity, entity_id, data, hash FROM audit_log WHERE id > ? ORDER BY id LIMIT ' + CHAIN_SLICE);
    // Each slice read whole, then hashed outside the read: iterated row by row, a read was open all
    // the time and the WAL grew as before (2.3 GB in a minute); slices of 20,000 rows read whole took
    // the host's peak memory 191 → 280 MB at a million cases.
    for (let after = 0, rows; (rows = slice.all(after)).length > 0; ) {
      for (const row of rows) {
        after = row.id;
        const hash = hashHex(row.hash);
        if (hash !== chainHash(prev, row)) return { ok: false, checked, firstBroken: row.id, reason: 'broken' };
        if (mark && row.id === mark.id) {
          if (hash !== mark.hash) return { ok: false, checked, firstBroken: row.id, reason: 'rewritten' };
          markSeen = true;
        }
        prev = hash;
        checked++;
        if (checked % 20000 === 0) progress(row.id, total);
      }
    }
    if (!markSeen) return { ok: false, checked, firstBroken: mark.id, reason: 'cut' };
    return { ok: true, checked, head: { hash: prev, rows: checked } };
  }
}

try {
  const d = workerData;
  let out;
  if (d.task === 'chunks') out = chunks(d.file, d.sealed, d.from, d.to);
  else if (d.task === 'sha256') out = { ok: true, ...sha256(d.file) };
  else if (d.task === 'quick_check' || d.task === 'integrity_check') out = pragmaCheck(d.file, d.task);
  else if (d.task === 'chain') out = chain(d.file, d.mark);
  else if (d.task === 'fold') out = fold(d.file);
  else if (d.task === 'vacuumInto') out = vacuumInto(d.file, d.dest);
  else out = { ok: false, detail: 'unknown task' };
  parentPort.postMessage({ type: 'result', out });
} catch (error) {
  parentPort.postMessage({ type: 'result', out: { ok: false, error: true, code: String((error && error.code) || ''), detail: detailOf(error) } });
}
`;

export interface TaskOut {
  ok: boolean;
  detail?: string;
  /** The check could not run at all (the file unreadable, SQLite's error code in `code`). */
  error?: boolean;
  code?: string;
  [more: string]: unknown;
}

export type CheckTask =
  /** The seal's chunk sums; `from`/`to` (chunk numbers, `to` excluded) read a part of the file (integrity/chunkThreads.ts). */
  | { task: 'chunks'; file: string; sealed?: { size: number; hashes: Buffer } | null; from?: number; to?: number }
  | { task: 'sha256'; file: string }
  | { task: 'quick_check' | 'integrity_check'; file: string; countCases?: boolean }
  | { task: 'chain'; file: string; mark?: { id: number; hash: string } | null }
  | { task: 'fold'; file: string }
  | { task: 'vacuumInto'; file: string; dest: string };

export interface Running<T = TaskOut> {
  done: Promise<T>;
  /** Stops the worker (between chunks; SQLite's own checks finish their call first). */
  stop(): void;
}

let sqliteModule: string | null | undefined;
export const moduleOf = (): string | null => {
  if (sqliteModule === undefined) {
    try {
      sqliteModule = require.resolve('better-sqlite3');
    } catch {
      sqliteModule = null;
    }
  }
  return sqliteModule;
};

/** Runs one check in a worker thread. `onProgress` gets bytes or rows done of a total. */
export function runCheck(t: CheckTask, onProgress?: (done: number, total: number) => void): Running {
  const module = moduleOf();
  let worker: Worker | null = null;
  const done = new Promise<TaskOut>((resolve) => {
    if (!module && t.task !== 'chunks' && t.task !== 'sha256') {
      resolve({ ok: false, error: true, detail: 'better-sqlite3 cannot be loaded in a worker' });
      return;
    }
    let settled = false;
    const settle = (out: TaskOut) => {
      if (!settled) resolve(out);
      settled = true;
    };
    worker = new Worker(SOURCE, { eval: true, workerData: { ...t, module } });
    worker.unref();
    worker.on('message', (m: { type: string; done?: number; total?: number; out?: TaskOut }) => {
      if (m.type === 'progress') onProgress?.(m.done!, m.total!);
      else if (m.type === 'result') settle(m.out!);
    });
    worker.once('error', (error) => settle({ ok: false, error: true, detail: failureDetail(error) }));
    worker.once('exit', () => settle({ ok: false, error: true, stopped: true, detail: 'stopped' }));
  });
  return {
    done,
    stop: () => void (worker as Worker | null)?.terminate(),
  };
}
