import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { databaseFile } from '../../../electron/core/paths';
import { ComplaintGenerator, optionalFieldsFor } from '../seed/complaints';
import { businessPool } from '../seed/businesses';
import { readManifest } from '../seed/manifest';
import { bareInsert, caseRows, copyAndHash, openReadOnly, periodRows, respondentRows, rowsById, sizeByObject, type Db } from './floors';
import { Client, memoryOf, startBareNode, startHost, type Answer, type Running } from './host';
import { timeLoop, timing, withProbe, type LoopDelay, type LoopPolicy, type Timing } from './measure';
import { operations, type Call, type Operation, type Who } from './operations';
import { dropFromCache } from './osCache';

/**
 * `npm run bench -- --data <folder>`: one table of the register's operations through the real host
 * over HTTP, each with p50 and p95, its physical floor measured in the same run (raw SQL for the
 * same rows on the same file, a bare round trip, a bare INSERT, copy + SHA-256, a bare Node start)
 * and the ratio, and the worst event-loop delay a second client saw while it ran.
 */

export interface BenchOptions {
  dataDir: string;
  runs: number;
  budgetMs: number;
  starts: number;
  registers: number;
  importMb: number;
  coldRounds: number;
  writes: boolean;
  /** Node's flags for the host (default: HOST_NODE_FLAGS, as `npm run web`); set to compare others. */
  hostNodeFlags?: readonly string[];
}

export interface Row {
  group: string;
  label: string;
  n: number;
  p50: number;
  p95: number;
  floorLabel: string;
  floor: number;
  unit: 'ms' | 'MB' | 's';
  loop?: LoopDelay;
  note?: string;
}

export interface Report {
  date: string;
  machine: string;
  register: string;
  rows: Row[];
  notes: string[];
  sizes: { name: string; bytes: number }[];
}

const PROBE_EVERY_MS = 5;
/** Longer than the host's idle warm-up waits for (electron/host/index.ts WARM_WHEN_IDLE_MS, 1.5 s), with its load. */
const IDLE_BEFORE_IMPORT_MS = 3_000;
const fmtMs = (x: number) => (!Number.isFinite(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (bytes: number) => bytes / 1024 / 1024;

function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length} (shared), ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.versions.node}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;
}

function filesOf(dataDir: string): string[] {
  const f = databaseFile(dataDir);
  return [f, `${f}-wal`, `${f}-shm`].filter((p) => existsSync(p));
}

const bytesOf = (files: string[]) => files.reduce((s, f) => s + statSync(f).size, 0);

export async function runBench(o: BenchOptions, log: (line: string) => void): Promise<Report> {
  const m = readManifest(o.dataDir);
  if (!m) throw new Error(`${o.dataDir} has no seed.json: make the register with npm run seed -- --data ${o.dataDir} --cases <n>`);
  if (!existsSync(databaseFile(o.dataDir))) throw new Error(`${databaseFile(o.dataDir)} does not exist`);
  const rows: Row[] = [];
  const notes: string[] = [];
  const policy: LoopPolicy = { runs: o.runs, minRuns: Math.min(5, o.runs), budgetMs: o.budgetMs };
  const startMachine = machine();

  // Starts, taken in turns with a bare Node server's (the floor of any start), so both meet the same
  // machine; the host's last start stays up for the rest of the bench, and so does a bare server.
  log(`starting the host ${o.starts} times, each after a bare Node server…`);
  const bareStarts: number[] = [];
  const hostStarts: number[] = [];
  const stops: number[] = [];
  let host!: Running;
  let bare!: Running;
  for (let i = 0; i < o.starts; i++) {
    bare = await startBareNode();
    bareStarts.push(bare.startMs);
    if (i < o.starts - 1) await bare.stop();
    host = await startHost(o.dataDir, m.now, o.hostNodeFlags);
    hostStarts.push(host.startMs);
    log(`  host start ${i + 1}: ${fmtMs(host.startMs)} ms to the first answer (bare Node: ${fmtMs(bare.startMs)} ms)`);
    if (i < o.starts - 1) stops.push(await host.stop());
  }
  rows.push({ group: 'host', label: `host start to first answer (${o.starts} starts)`, n: hostStarts.length, ...timing(hostStarts), floorLabel: 'bare `node -e` HTTP server start', floor: timing(bareStarts).p50, unit: 'ms' });
  if (stops.length) notes.push(`Clean stop of the host (closing and sealing the file): ${stops.map((s) => fmtMs(s)).join(', ')} ms.`);
  const bareRss = memoryOf(bare.child.pid!)?.rssMb ?? NaN;

  const clients: Record<Who, Client> = { admin: new Client(host.url), supervisor: new Client(host.url), investigator: new Client(host.url) };
  const bareClient = new Client(bare.url);
  const probe = new Client(host.url, 16);
  let db: Db | null = null;
  let scratchInsert: ReturnType<typeof bareInsert> | null = null;
  try {
    const status = await clients.admin.call('setup.status', {}, null);
    if (status.value?.readOnly) notes.push(`The host opened the register READ-ONLY: ${JSON.stringify(status.value.problem)}`);
    const users: Record<Who, string> = { admin: m.users.admin, supervisor: m.users.supervisor, investigator: m.users.investigator };
    for (const who of Object.keys(clients) as Who[]) {
      const login = await clients[who].call<{ token: string }>('session.login', { username: users[who], password: m.password }, null);
      if (!login.ok) throw new Error(`cannot sign in as ${users[who]}: ${login.error?.message}`);
      clients[who].token = login.value.token;
    }
    const afterOpen = memoryOf(host.child.pid!);
    const api = await clients.admin.get<{ operations: { name: string }[] }>('/api');
    const available = new Set((api.value?.operations ?? []).map((x) => x.name));
    const today = (await clients.admin.call<{ today: string }>('clock.today', {})).value.today;
    db = openReadOnly(databaseFile(o.dataDir));
    const floors = { rows: rowsById(db), case: caseRows(db), stats: periodRows(db), respondents: respondentRows(db) };

    const idle = await withProbe(probe, PROBE_EVERY_MS, () => new Promise((r) => setTimeout(r, 1000)));
    notes.push(`Idle host: a probe every ${PROBE_EVERY_MS} ms answers in worst ${fmtMs(idle.worst)} ms, p99 ${fmtMs(idle.p99)} ms (${idle.probes} probes) — the loop-delay columns' floor on this machine at this load.`);

    const run = async (calls: Call[]): Promise<{ ms: number; answers: Answer[] }> => {
      const t0 = performance.now();
      const answers = await Promise.all(calls.map((c) => clients[c.as].call(c.op, c.input)));
      return { ms: performance.now() - t0, answers };
    };
    const roundTrip = async () => (await clients.admin.call('setup.status', {}, null)).ms;

    /** The raw SQL that reads what these answers hold, timed once in the bench process. */
    const sqlFloor = (op: Operation, answers: Answer[]): number => {
      let ms = 0;
      for (const a of answers) {
        const v = a.value as { rows?: { id: number }[]; id?: number };
        if (op.floor === 'case') ms += floors.case(v.id!);
        else if (op.floor === 'stats') ms += floors.stats(op.period!.from, op.period!.to);
        else if (op.floor === 'respondents') ms += floors.respondents((v.rows ?? []).map((r) => r.id));
        else if (op.floor === 'rows' && v?.rows) ms += floors.rows(v.rows.map((r) => r.id));
      }
      return ms;
    };
    const floorLabel = (op: Operation) =>
      op.floor === 'roundTrip'
        ? op.label.startsWith('setup.status')
          ? 'bare Node HTTP round trip'
          : 'round trip (setup.status)'
        : `round trip + SQL for ${{ case: "the case's rows", stats: "the period's rows by category", respondents: 'the businesses by id', rows: 'the rows by id', roundTrip: '', insert: '' }[op.floor]}`;

    /**
     * Each run is paired with its floor taken just before it (the round trip, or the bare server's)
     * and the SQL for the rows it answered taken just after, so both meet the same moment of a
     * shared machine.
     */
    const measure = async (op: Operation): Promise<{ t: Timing; floor: Timing }> => {
      const floorSamples: number[] = [];
      const t = await timeLoop(async (i) => {
        const before = op.label.startsWith('setup.status') ? (await bareClient.call('setup.status', {}, null)).ms : await roundTrip();
        const r = await run(op.calls(i));
        if (i >= 0) floorSamples.push(before + (op.floor === 'roundTrip' ? 0 : sqlFloor(op, r.answers)));
        return r.ms;
      }, policy);
      return { t, floor: timing(floorSamples) };
    };

    const ops = operations(m, today, (name) => available.has(name));
    if (!available.has('stats.summary')) notes.push('stats.summary: not served by this host yet (GET /api), so not measured.');
    const warmP50 = new Map<string, number>();
    // Which operation raised the host's peak memory (VmHWM), and by how much: the peak alone does not say.
    let peakSoFar = memoryOf(host.child.pid!)?.peakMb ?? 0;
    const peakRises: { label: string; mb: number }[] = [];
    const notePeak = (label: string) => {
      const now = memoryOf(host.child.pid!)?.peakMb ?? peakSoFar;
      if (now > peakSoFar) peakRises.push({ label, mb: now - peakSoFar });
      peakSoFar = Math.max(peakSoFar, now);
    };
    for (const op of ops) {
      const missing = op.calls(0).find((c) => !available.has(c.op));
      if (missing) {
        notes.push(`${op.label}: ${missing.op} is not served by this host.`);
        continue;
      }
      if (op.prepare) {
        await op.prepare(async (c) => {
          const a = await clients[c.as].call(c.op, c.input);
          if (!a.ok) throw new Error(`${op.label}: ${c.op} answered ${a.status}: ${a.error?.message ?? ''}`);
          return a.value;
        });
      }
      const first = await run(op.calls(0));
      const failed = first.answers.find((a) => !a.ok);
      if (failed) {
        rows.push({ group: op.group, label: op.label, n: 0, p50: NaN, p95: NaN, floorLabel: '', floor: NaN, unit: 'ms', note: `error ${failed.status}: ${failed.error?.message ?? ''}` });
        continue;
      }
      const { t, floor } = await measure(op);
      const loop = await withProbe(probe, PROBE_EVERY_MS, async () => {
        const t0 = performance.now();
        for (let k = 0; k < 50 && (k < 3 || performance.now() - t0 < 300); k++) await run(op.calls(k));
      });
      const total = (first.answers[0]?.value as { total?: number })?.total;
      rows.push({ group: op.group, label: op.label, n: t.samples.length, p50: t.p50, p95: t.p95, floorLabel: floorLabel(op), floor: floor.p50, unit: 'ms', loop, note: total !== undefined && op.calls(0).length === 1 ? `total ${total.toLocaleString('en-US')}` : undefined });
      warmP50.set(op.label, t.p50);
      notePeak(op.label);
      log(`  ${op.label}: p50 ${fmtMs(t.p50)} ms, p95 ${fmtMs(t.p95)} ms, floor ${fmtMs(floor.p50)} ms, loop worst ${fmtMs(loop.worst)} ms, host peak ${peakSoFar.toFixed(0)} MB`);
    }

    // 导出Excel of a year's category, start to finished file: its time, the page's loop meanwhile and the
    // host's memory (the rows go to the spreadsheet's own thread, which holds at most a megabyte for
    // the zip: exports/sheetWorker.ts). The floor is the same cases' rows read raw.
    if (available.has('exports.start')) {
      const year = String(Number(today.slice(0, 4)) - 1);
      const filters = { category: 'S04', from: `${year}-01-01`, to: `${year}-12-31` };
      let out: { ms: number; rows: number; state: string } = { ms: NaN, rows: 0, state: 'not started' };
      const loop = await withProbe(probe, PROBE_EVERY_MS, async () => {
        const t0 = performance.now();
        const started = await clients.admin.call<{ id: string }>('exports.start', { kind: 'register', filters });
        if (!started.ok) return void (out = { ms: NaN, rows: 0, state: `error ${started.status}: ${started.error?.message}` });
        for (;;) {
          await new Promise((r) => setTimeout(r, 100));
          const p = await clients.admin.call<{ state: string; done: number }>('exports.progress', { id: started.value.id });
          if (!p.ok || p.value.state !== 'running') return void (out = { ms: performance.now() - t0, rows: p.value?.done ?? 0, state: p.ok ? p.value.state : `error ${p.status}` });
        }
      });
      notePeak('exports.start');
      const raw = db.prepare("SELECT * FROM cases WHERE category = ? AND received_at >= ? AND received_at < ? AND status <> 'voided'");
      const t0 = performance.now();
      raw.all('S04', `${year}-01-01`, `${Number(year) + 1}-01-01`);
      const floor = performance.now() - t0;
      rows.push({ group: 'read', label: `导出Excel: category S04 in ${year}, ${out.rows.toLocaleString('en-US')} cases, start to file`, n: 1, p50: out.ms, p95: out.ms, floorLabel: "the same cases' rows read raw", floor, unit: 'ms', loop, note: out.state === 'done' ? undefined : out.state });
      log(`  导出Excel: ${fmtMs(out.ms)} ms for ${out.rows} cases (${out.state}), loop worst ${fmtMs(loop.worst)} ms, host peak ${peakSoFar.toFixed(0)} MB`);
    }

    if (o.writes) {
      // cases.register at synchronous=FULL (the host's own setting); each adds a case to the register.
      // Two kinds: a business the register holds, drawn by popularity from the seed's own pool (most
      // registrations at a desk with a long history), and a business it does not hold yet, whose
      // name's pieces are written too (respondent_names: about 27 of a registration's ~100 WAL pages).
      scratchInsert = bareInsert(db, o.dataDir);
      let registered = 0;
      const kinds = [
        { label: 'cases.register, a business the register holds (synchronous=FULL)', pool: businessPool(m.seed, m.businesses), seed: m.seed + 2 },
        { label: 'cases.register, a new business (synchronous=FULL)', pool: businessPool(m.seed + 1, 2000), seed: m.seed + 1 },
      ];
      for (const kind of kinds) {
        const gen = new ComplaintGenerator(kind.seed, kind.pool, optionalFieldsFor({}, (d) => d.name));
        const draft = () => {
          const input = { ...gen.next(Date.parse(m.now)).input };
          delete input.receivedAt;
          return input;
        };
        const insertFloor: number[] = [];
        const reg = await timeLoop(async (i) => {
          const rt = await roundTrip();
          const a = await clients.admin.call<{ id: number }>('cases.register', draft());
          if (!a.ok) throw new Error(`cases.register: ${a.error?.message}`);
          registered++;
          if (i >= 0) insertFloor.push(rt + scratchInsert!.insert(a.value.id));
          return a.ms;
        }, { runs: o.registers, minRuns: Math.min(5, o.registers), budgetMs: o.budgetMs });
        const loop = await withProbe(probe, PROBE_EVERY_MS, async () => {
          for (let k = 0; k < 5; k++, registered++) await clients.admin.call('cases.register', draft());
        });
        notePeak(kind.label);
        // The floor's own tail too: how much of the registration's p95 is the disk's fsync.
        const floorTiming = timing(insertFloor);
        rows.push({ group: 'write', label: kind.label, n: reg.samples.length, p50: reg.p50, p95: reg.p95, floorLabel: 'round trip + bare INSERT of the same row (FULL)', floor: floorTiming.p50, unit: 'ms', loop, note: `floor p95 ${fmtMs(floorTiming.p95)} ms` });
      }
      notes.push(`cases.register added ${registered} cases to this register (received at the bench's now).`);

      if (o.importMb > 0 && available.has('evidence.import') && m.samples.length) {
        const work = mkdtempSync(join(dirname(o.dataDir), '.bench-import-'));
        try {
          const file = join(work, 'phone-video.mp4');
          const head = readFileSync(join(__dirname, '../../test/fixtures/clip.mp4'));
          writeFileSync(file, Buffer.concat([head, randomBytes(Math.max(0, o.importMb * 1024 * 1024 - head.length))]));
          const body = readFileSync(file);
          const caseId = m.samples[m.samples.length - 1]!.id;
          // As at a desk, where a file is added minutes after the app opened: the host loads its image
          // libraries once nobody has asked for a while (core.warm, the host's idle warm-up), and the
          // bench's calls till now left it no such moment.
          await new Promise((r) => setTimeout(r, IDLE_BEFORE_IMPORT_MS));
          let imp: Answer | null = null;
          const importLoop = await withProbe(probe, PROBE_EVERY_MS, async () => {
            imp = await clients.admin.upload(`/api/evidence.import?caseId=${caseId}&name=${encodeURIComponent('现场视频.mp4')}&kind=audiovisual`, body);
          });
          const done = imp as Answer | null;
          notePeak(`evidence.import of ${o.importMb} MB`);
          const floor = await copyAndHash(file, work);
          notes.push(`evidence.import: the host was left idle ${IDLE_BEFORE_IMPORT_MS / 1000} s before it (its image libraries load when idle; at the first call after start they load inside the import: 106 ms of event-loop wait on a 300-case register).`);
          rows.push({ group: 'write', label: `evidence.import of ${o.importMb} MB`, n: 1, p50: done?.ms ?? NaN, p95: done?.ms ?? NaN, floorLabel: 'fs.copyFile + SHA-256 of the copy', floor, unit: 'ms', loop: importLoop, note: done && !done.ok ? `error ${done.status}: ${done.error?.message}` : undefined });
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      }
    } else notes.push('Writes skipped (--no-writes): cases.register and evidence.import not measured.');

    // The first searches after the file has left the OS cache (a morning, or a PC short of memory). After the
    // writes: a registration right after the file was evicted read its index pages from the disk (p95 16.7 ms
    // against 12.6 warm, one run at a million cases), which is not what its row says.
    const coldOps = ops.filter((op) => /^(search text (1 char, frequent|2 chars, rare|3\+ chars, frequent)|status closed \+|overdue, any)/.test(op.label) && warmP50.has(op.label));
    if (o.coldRounds > 0 && coldOps.length) {
      const cold = new Map<string, { cold: number[]; warm: number[] }>();
      let how = '';
      for (let round = 0; round < o.coldRounds; round++) {
        for (const op of coldOps) {
          const drop = dropFromCache(filesOf(o.dataDir));
          how = `${drop.note}${drop.residentAfter !== null ? `; ${mb(drop.residentAfter).toFixed(1)} MB of the file still resident after (fincore)` : ''}`;
          if (!drop.method) break;
          const c = cold.get(op.label) ?? { cold: [], warm: [] };
          c.cold.push((await run(op.calls(round + 1))).ms);
          // The same search once more, now that its pages are back in the cache: its floor.
          c.warm.push((await run(op.calls(round + 1))).ms);
          cold.set(op.label, c);
        }
      }
      notes.push(`Cold cache: before each cold search the register's files were dropped from the OS cache by ${how}.`);
      notePeak('the cold-cache searches');
      for (const [label, c] of cold) rows.push({ group: 'cold', label: `cold: ${label}`, n: c.cold.length, ...timing(c.cold), floorLabel: 'the same search again, warm', floor: timing(c.warm).p50, unit: 'ms' });
    }


    const peak = memoryOf(host.child.pid!);
    const rises = peakRises.sort((a, b) => b.mb - a.mb).slice(0, 4);
    if (rises.length) notes.push(`The host's peak memory rose most during: ${rises.map((r) => `${r.label} (+${r.mb.toFixed(0)} MB)`).join(', ')}; after opening ${afterOpen?.peakMb.toFixed(0) ?? '?'} MB.`);
    rows.push({ group: 'host', label: 'host memory after opening (RSS)', n: 1, p50: afterOpen?.rssMb ?? NaN, p95: afterOpen?.rssMb ?? NaN, floorLabel: 'bare Node HTTP server RSS', floor: bareRss, unit: 'MB' });
    rows.push({ group: 'host', label: 'host memory peak during the bench (VmHWM)', n: 1, p50: peak?.peakMb ?? NaN, p95: peak?.peakMb ?? NaN, floorLabel: 'bare Node HTTP server RSS', floor: bareRss, unit: 'MB' });
    const sizes = sizeByObject(db);
    const casesBytes = sizes.find((s) => s.name === 'cases')?.bytes ?? NaN;
    const fileBytes = bytesOf(filesOf(o.dataDir));
    rows.push({ group: 'host', label: 'database size (file + WAL)', n: 1, p50: mb(fileBytes), p95: mb(fileBytes), floorLabel: 'the `cases` table alone (dbstat)', floor: mb(casesBytes), unit: 'MB' });
    return {
      date: new Date().toISOString(),
      machine: `${startMachine}; at the end: load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
      register: `${m.cases.toLocaleString('en-US')} cases seeded (seed ${m.seed}, ${m.generator}, clock ending ${m.now}), ${m.steps.toLocaleString('en-US')} workflow steps, ${m.businesses.toLocaleString('en-US')} businesses`,
      rows,
      notes,
      sizes,
    };
  } finally {
    db?.close();
    scratchInsert?.close();
    for (const c of [...Object.values(clients), probe, bareClient]) c.close();
    await bare.stop();
    const stopped = await host.stop();
    log(`host stopped in ${fmtMs(stopped)} ms`);
  }
}

/** The one table, in Markdown (README takes it as it is). */
export function formatReport(r: Report): string {
  const out: string[] = [];
  out.push(`Bench of ${r.date.slice(0, 10)} on ${r.machine}.`, `Register: ${r.register}.`, '');
  out.push('| operation | n | p50 | p95 | floor (same run) | floor p50 | p50 ÷ floor | loop delay worst / p99 | |');
  out.push('| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |');
  for (const x of r.rows) {
    const u = x.unit === 'ms' ? ' ms' : ` ${x.unit}`;
    const ratio = Number.isFinite(x.p50 / x.floor) && x.floor > 0 ? `${(x.p50 / x.floor).toFixed(x.p50 / x.floor >= 10 ? 0 : 1)}×` : '–';
    const loop = x.loop ? `${fmtMs(x.loop.worst)} / ${fmtMs(x.loop.p99)} ms` : '';
    out.push(`| ${x.label} | ${x.n} | ${fmtMs(x.p50)}${u} | ${fmtMs(x.p95)}${u} | ${x.floorLabel} | ${Number.isFinite(x.floor) ? `${fmtMs(x.floor)}${u}` : '–'} | ${ratio} | ${loop} | ${x.note ?? ''} |`);
  }
  out.push('');
  for (const n of r.notes) out.push(`- ${n}`);
  if (r.sizes.length) out.push(`- Largest objects in the file: ${r.sizes.slice(0, 8).map((s) => `${s.name} ${mb(s.bytes).toFixed(0)} MB`).join(', ')}.`);
  return out.join('\n');
}
