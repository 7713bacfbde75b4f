import { existsSync, readdirSync } from 'node:fs';
import { createCore, type Core } from '../../../electron/core';
import type { Logger } from '../../../electron/core/ports';
import { loadCalendar } from '../../../electron/core/services/calendar';
import { mergeStep } from '../../../electron/core/services/searchUpkeep';
import { refreshPlannerStatistics } from '../../../electron/core/store';
import { DomainError } from '../../../shared/api/errors';
import { casesRegister } from '../../../shared/api/schemas/cases';
import { enquiriesLog } from '../../../shared/api/schemas/enquiries';
import type { UserView } from '../../../shared/api/schemas/common';
import { caseActInput } from '../../../shared/api/schemas/workflow';
import { ProgressBar } from '../progress';
import { businessPool } from './businesses';
import { CallTimings, type Timing } from './callTimings';
import { ComplaintGenerator, optionalFieldsFor } from './complaints';
import { enquiriesBeside } from './enquiries';
import { EARLIER_YEARS } from './holidays';
import { Lifecycle, newLife, type CaseLife, type Staff, type Step } from './lifecycle';
import { writeManifest, type SeedManifest } from './manifest';
import { hireStaff, must, PASSWORD, quietLogger, regionCodes } from './office';
import { auditHead, clearProgress, commitProgress, hasProgress, loadProgress, peekProgress, stageProgress, type AuditHead } from './progressFile';
import { atOffice, officeDate } from './officeTime';
import { DISTRICTS } from './people';
import { ProbeCounter, searchableText } from './probes';
import { Random, type RandomState } from './random';
import { RegistrationSchedule, scheduleSpan, type ScheduleState } from './schedule';
import { StepQueue, type QueueState } from './stepQueue';
import type { ComplaintsState } from './complaints';

export { PASSWORD } from './office';

/**
 * `npm run seed`: a register of `cases` complaints made through the core's own write path — the
 * services `register` and `act` that `cases.register` and `cases.act` call, on a clock that moves
 * with the cases' dates — so every case number, deadline, event and audit row is the one the app
 * would have written. Only durability is relaxed while it builds (synchronous=OFF, many services'
 * transactions inside one outer transaction, where they become savepoints); FULL is restored and
 * the register closed (and sealed) cleanly at the end; and the search index and the statistics are
 * written once for every case at the end, by the core's own code (`bulkLoad`), rather than at each
 * step. A seed
 * stopped on the way (`signal`: Ctrl+C) closes the register after its batch, unsealed, and is
 * carried on by `resume` (progressFile.ts).
 */

export const GENERATOR = 'complaintdesk-seed/2';
export const DEFAULT_SEED = 20261130;
/** A fixed instant, so two runs make the same register whatever day they run on. */
export const DEFAULT_NOW = '2026-11-30T17:00:00+08:00';

export interface SeedOptions {
  dataDir: string;
  cases: number;
  seed?: number;
  now?: string;
  /** Businesses in the pool; by default one per 20 cases, between 1,000 and 50,000. */
  businesses?: number;
  /** Operations per outer transaction. */
  batch?: number;
  progress?: boolean;
  log?: Logger;
  /** Carry on the unfinished seed in `dataDir` (its options come from there). */
  resume?: boolean;
  /** Stop after the batch under way, the register closed cleanly and resumable. */
  signal?: AbortSignal;
  /** After each committed batch, with the cases registered so far. */
  onBatch?: (registered: number) => void;
}

/** Everything the seed's generators and tallies hold after a batch, as `resume` needs it. */
interface SeedProgress {
  head: AuditHead;
  generator: string;
  seed: number;
  cases: number;
  now: string;
  /** The pool size asked for (the pool holds a few more: at least 40 a trade). */
  businesses: number;
  batch: number;
  sim: number;
  staff: Staff;
  optionalFields: string[];
  randoms: Record<'lives' | 'workflow' | 'counter' | 'enquiries', RandomState>;
  schedule: ScheduleState;
  complaints: ComplaintsState;
  /** The pool's businesses' respondent ids, by their place in the pool. */
  respondentIds: (number | undefined)[];
  queue: QueueState;
  registered: number;
  steps: number;
  enquiries: number;
  terms: Record<string, number>;
  refused: Record<string, number>;
  firstRefusals: string[];
  samples: SeedManifest['samples'];
  timings: [string, Timing][];
  marks: [number, { wall: number; cpu: number }][];
  wallMs: number;
  cpuMs: number;
}

/** Makes the register (or carries an unfinished one on) to its end. */
export async function seedRegister(o: Omit<SeedOptions, 'signal'>): Promise<SeedManifest> {
  const m = await seedUntilStopped(o);
  if (!m) throw new Error('the seed stopped without being asked to');
  return m;
}

/**
 * Waits for the start check of a reopened register to let writes through; an error in words if it
 * fails. A register seeded by an earlier version is upgraded first (its migrations run at the start,
 * setup.status tells how far), as the app would upgrade it.
 */
async function writesLetThrough(core: Core): Promise<void> {
  const upgrading = async () => {
    const status = await core.call('setup.status', {}, null);
    return status.ok && (status.value as { upgrading?: unknown }).upgrading != null;
  };
  while (await upgrading()) await new Promise((resolve) => setTimeout(resolve, 200));
  while (core.check.writesHeld && !core.health.readOnly) await new Promise((resolve) => setTimeout(resolve, 50));
  if (core.health.readOnly) {
    throw new Error(`the register failed its check when reopened (${core.health.problem?.code ?? ''}: ${core.health.problem?.detail ?? ''}): it cannot be carried on; seed again into a new folder`);
  }
}

/**
 * Makes the register, or carries an unfinished one on (`o.resume`). Resolves to the manifest, or to
 * null when `o.signal` stopped it: the register is then closed cleanly and `resume` goes on from there.
 */
export async function seedUntilStopped(o: SeedOptions): Promise<SeedManifest | null> {
  // Read before the core opens the register (its clock starts where the seed stopped), and checked
  // against its audit head once it is open: nothing else may open the sealed file before the core.
  let saved = o.resume ? peekProgress<SeedProgress>(o.dataDir) : null;
  if (saved && saved.generator !== GENERATOR) throw new Error(`${o.dataDir} was begun by ${saved.generator}; this is ${GENERATOR}: seed again into a new folder`);
  const seed = saved?.seed ?? o.seed ?? DEFAULT_SEED;
  const nowIso = saved?.now ?? o.now ?? DEFAULT_NOW;
  const cases = saved?.cases ?? o.cases;
  const nowMs = Date.parse(nowIso);
  if (!Number.isInteger(cases) || cases < 1) throw new Error(`--cases should be a positive integer, got ${cases}`);
  if (Number.isNaN(nowMs)) throw new Error(`--now should be an ISO date-time with its zone, got ${nowIso}`);
  if (!saved && existsSync(o.dataDir) && readdirSync(o.dataDir).length > 0) {
    throw new Error(`${o.dataDir} is not empty: the seed makes a new register and never writes into an existing one${hasProgress(o.dataDir) ? ' (an unfinished seed is there: --resume carries it on)' : ''}`);
  }
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const { first } = scheduleSpan(nowMs);
  // The office opens the register the morning before its first complaint.
  let sim = saved?.sim ?? atOffice(first, 8 * 60);
  // The background part of the start held back while it builds: it would take the file's chunk sums
  // for the seal while the seed writes around the WAL (journal_mode MEMORY below), where the close
  // does not see which chunks changed; with no sums taken, the close hashes the whole file.
  const core = await createCore({ dataDir: o.dataDir, clock: { now: () => new Date(sim) }, log: o.log ?? quietLogger, backgroundDelayMs: 24 * 3_600_000, bulkLoad: true });
  let closed = false;
  try {
    if (saved) {
      // A stopped seed left its register unsealed (as a crash does): the core checks the whole file
      // (quick_check, in a worker) before it lets writes through; a commit torn by a kill is found there.
      await writesLetThrough(core);
      saved = loadProgress<SeedProgress>(o.dataDir, auditHead(core.db));
    }
    let staff: Staff;
    if (saved) staff = saved.staff;
    else {
      await must(core, 'setup.init', { officeName: '杭州市消费者权益保护委员会', admin: { username: 'admin', displayName: '系统管理员', password: PASSWORD } }, null);
      const login = await must<{ token: string; user: UserView }>(core, 'session.login', { username: 'admin', password: PASSWORD }, null);
      staff = await hireStaff(core, seed, cases, login.token, login.user);
      // The years before those the app ships with, as the administrator entered them.
      const known = await must<{ years: { year: number }[] }>(core, 'calendar.get', {}, login.token);
      const firstYear = Number(first.slice(0, 4));
      for (const y of EARLIER_YEARS) {
        if (y.year >= firstYear && !known.years.some((k) => k.year === y.year)) await must(core, 'calendar.saveYear', y, login.token);
      }
      // The office's own list of districts, as the administrator enters it in 设置 (catalog.saveRegions).
      await must(core, 'catalog.saveRegions', { regions: DISTRICTS.map((d) => ({ name: d.name })) }, login.token);
    }

    const db = core.db;
    const s = core.services;
    // While it builds: no WAL (each page written once, no WAL index to search on every read), no
    // fsync, 256 MB of page cache. WAL mode is set again at the end, before the clean close seals it.
    // A process killed between batches leaves the file as the last commit wrote it (the page cache
    // holds a batch's changes); only a kill in the middle of a commit tears it.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const calendar = loadCalendar(db);
    const poolSize = saved?.businesses ?? o.businesses ?? Math.max(1000, Math.min(50_000, Math.round(cases / 20)));
    const pool = businessPool(seed, poolSize);
    const optional = optionalFieldsFor(casesRegister.input.shape, regionCodes(core));
    const complaints = new ComplaintGenerator(seed, pool, optional);
    const schedule = new RegistrationSchedule(seed, cases, nowMs, calendar);
    const lifeRandom = Random.stream(seed, 'lives');
    const workflowRandom = Random.stream(seed, 'workflow');
    const life = new Lifecycle(workflowRandom, staff, calendar);
    const clerkRandom = Random.stream(seed, 'counter');
    const enquiryRandom = Random.stream(seed, 'enquiries');
    let enquiries = 0;
    const queue = new StepQueue();
    const probes = new ProbeCounter();
    const respondentOf = db.prepare('SELECT respondent_id FROM cases WHERE id = ?').pluck();
    const openSession = db.prepare('SELECT id FROM mediation_sessions WHERE case_id = ? AND held IS NULL ORDER BY id DESC LIMIT 1').pluck();
    let refused: Record<string, number> = {};
    let firstRefusals: string[] = [];
    let samples: SeedManifest['samples'] = [];
    const sampleEvery = Math.max(1, Math.floor(cases / 12));
    let registered = 0;
    let steps = 0;
    const timings = new CallTimings(saved?.timings);
    const timed = timings.timed.bind(timings);
    // Wall and CPU time at every 10,000 cases: a shared machine's wall rate says little alone.
    let marks = new Map<number, { wall: number; cpu: number }>();
    // Time spent before a resume, so rates and totals run on across the stops.
    const wallBefore = saved?.wallMs ?? 0;
    const cpuBefore = saved?.cpuMs ?? 0;
    const wallMs = () => wallBefore + performance.now() - started;
    const cpuMs = () => {
      const u = process.cpuUsage(cpuAtStart);
      return cpuBefore + (u.user + u.system) / 1000;
    };
    if (saved) {
      for (const name of Object.keys(optional)) if (!saved.optionalFields.includes(name)) delete optional[name];
      lifeRandom.restore(saved.randoms.lives);
      workflowRandom.restore(saved.randoms.workflow);
      clerkRandom.restore(saved.randoms.counter);
      enquiryRandom.restore(saved.randoms.enquiries);
      schedule.restore(saved.schedule);
      complaints.restore(saved.complaints);
      saved.respondentIds.forEach((id, i) => {
        if (id !== undefined) pool.all[i]!.respondentId = id;
      });
      queue.restore(saved.queue);
      ({ registered, steps, enquiries, refused, firstRefusals, samples } = saved);
      Object.assign(probes.counts, saved.terms);
      marks = new Map(saved.marks);
    }
    const refuse = (what: string, error: unknown) => {
      const code = error instanceof DomainError ? error.code : 'ERROR';
      refused[`${what}:${code}`] = (refused[`${what}:${code}`] ?? 0) + 1;
      if (firstRefusals.length < 5) firstRefusals.push(`${what}: ${(error as Error).message} ${JSON.stringify((error as DomainError).fields ?? {})}`);
    };

    const schedule_ = (c: CaseLife, at: number) => {
      const next = life.next(c, at);
      // A step after now has not happened yet: the case stays where it is.
      if (next && next.at <= nowMs) queue.push(c, next);
    };
    const registerOne = (at: number) => {
      const d = complaints.next(at);
      const clerk = clerkRandom.pick(staff.clerks);
      let result: { id: number; caseNo: string };
      try {
        const parsed = timed('register.parse', () => casesRegister.input.parse(d.input));
        result = timed('register', () => s.register(parsed, clerk));
      } catch (error) {
        // A field the contract has but the office's list refuses (e.g. a region code): fill it no more.
        const issues = (error as { issues?: { path: PropertyKey[] }[] }).issues;
        const fields = error instanceof DomainError ? Object.keys(error.fields ?? {}) : (issues ?? []).map((i) => i.path.map(String).join('.'));
        const optionalField = fields.map((f) => f.split('.')[0]!).find((f) => f in optional);
        if (!optionalField) return refuse('register', error);
        refuse(`register.${optionalField}`, error);
        delete optional[optionalField];
        delete d.input[optionalField];
        try {
          result = s.register(casesRegister.input.parse(d.input), clerk);
        } catch (again) {
          return refuse('register', again);
        }
      }
      registered++;
      if (d.business.respondentId === undefined) d.business.respondentId = respondentOf.get(result.id) as number;
      probes.add(searchableText(d, result.caseNo));
      for (const e of enquiriesBeside(enquiryRandom)) {
        try {
          timed('enquiries.log', () => s.enquiries.log(enquiriesLog.input.parse(e), clerk));
          enquiries++;
        } catch (error) {
          refuse('enquiries.log', error);
        }
      }
      if (registered % sampleEvery === 0) {
        const c = d.input.complainant;
        samples.push({ id: result.id, caseNo: result.caseNo, name: c.name, phone: c.phone, idNumber: c.idNumber ?? null, respondent: d.business.name, creditCode: d.business.creditCode ?? null });
      }
      schedule_(newLife(lifeRandom, result.id, d.natures, d.input.consentMediation, d.paidFen, d.claimedFen), at);
    };

    const actOne = ({ life: c, step }: { life: CaseLife; step: Step }) => {
      try {
        const parsed = timed('act.parse', () => caseActInput.parse({ id: c.id, version: c.version, ...step.fields }));
        const out = timed(step.fields.action, () => s.act(parsed, step.by));
        const sessionId = step.fields.action === 'scheduleSession' ? (openSession.get(c.id) as number) : undefined;
        life.taken(c, step, out.version, sessionId);
        steps++;
        schedule_(c, step.at);
      } catch (error) {
        refuse(step.fields.action, error);
      }
    };

    /** One registration or one step, whichever comes first in time; false when nothing is left before now. */
    const once = (): boolean => {
      const regAt = schedule.peek() ?? Infinity;
      const stepAt = queue.peekAt();
      if (regAt === Infinity && stepAt === Infinity) return false;
      if (regAt <= stepAt) {
        sim = schedule.take();
        registerOne(sim);
      } else {
        const next = queue.pop();
        sim = next.step.at;
        actOne(next);
      }
      return true;
    };

    const batchSize = saved?.batch ?? o.batch ?? 2000;
    const progress = (head: AuditHead): SeedProgress => ({
      head,
      generator: GENERATOR,
      seed,
      cases,
      now: nowIso,
      businesses: poolSize,
      batch: batchSize,
      sim,
      staff,
      optionalFields: Object.keys(optional),
      randoms: { lives: lifeRandom.state(), workflow: workflowRandom.state(), counter: clerkRandom.state(), enquiries: enquiryRandom.state() },
      schedule: schedule.snapshot(),
      complaints: complaints.snapshot(),
      respondentIds: pool.all.map((b) => b.respondentId),
      queue: queue.snapshot(),
      registered,
      steps,
      enquiries,
      terms: probes.counts,
      refused,
      firstRefusals,
      samples,
      timings: timings.entries(),
      marks: [...marks],
      wallMs: wallMs(),
      cpuMs: cpuMs(),
    });
    // A batch is not a savepoint of its own: the services' transactions inside it would then be
    // nested savepoints, and each one's RELEASE walks SQLite's in-memory sub-journal, which grows
    // with every page the batch re-touches (at 110,000 cases 40 % of the seed's CPU, 35–50 cases/s
    // against 110 without). A failure ends the seed, and the outer transaction with it.
    const batch = (n: number) => {
      let i = 0;
      while (i < n && once()) i++;
      return i;
    };
    // The register is committed only with its progress saved (written before the commit, put in place
    // after it): batches between two saves are parts of one transaction, so a kill loses the
    // batches since the last save and never leaves the file ahead of it. A save costs more as the
    // register grows (the open cases and the recent complaints it holds: 2.5 ms at 5,000 cases), so
    // the next one waits at least 20 times as long as the last took (≤ 5 % of the time).
    let lastSave = { at: performance.now(), ms: 0 };
    const save = () => {
      const t0 = performance.now();
      timed('progress.save', () => stageProgress(o.dataDir, progress(auditHead(db)!)));
      db.exec('COMMIT');
      commitProgress(o.dataDir);
      lastSave = { at: performance.now(), ms: performance.now() - t0 };
    };
    const bar = o.progress === false ? null : new ProgressBar(cases, 'cases', registered);
    const STRETCH = 10_000;
    let stopped = false;
    db.exec('BEGIN');
    for (;;) {
      const did = batch(batchSize);
      o.onBatch?.(registered);
      const mark = Math.floor(registered / STRETCH) * STRETCH;
      if (mark > 0 && !marks.has(mark)) marks.set(mark, { wall: wallMs(), cpu: cpuMs() });
      bar?.update(registered, `${officeDate(sim)} · ${steps.toLocaleString('en-US')} steps`);
      if (did < batchSize) {
        save();
        break;
      }
      // The planner's statistics, as the app takes them at each start (an office starts it every
      // day; the seed never restarts). Without this they stay those of the empty register the seed
      // began with: FTS5's own DELETE of a merged segment then scanned the whole index (its table
      // was believed to hold 2 rows), and each write grew with the register.
      refreshPlannerStatistics(db);
      // Let stderr drain and signals through between batches.
      await new Promise((resolve) => setImmediate(resolve));
      if (o.signal?.aborted) {
        save();
        stopped = true;
        break;
      }
      if (performance.now() - lastSave.at >= 20 * lastSave.ms) {
        save();
        db.exec('BEGIN');
      }
    }
    bar?.done();
    if (!stopped) {
      // The search index and the statistics, written once for every case (the core's bulkLoad): case
      // by case, the index's writes and the flush FTS5 makes at each service's transaction were half
      // the seed's time (6,000 cases: 44 s against 21 s without), and counting each case again at
      // each of its steps a fifth of the rest. Then the index merged, as the app's upkeep merges after
      // its writes (services/searchUpkeep.ts).
      const finishBar = o.progress === false ? null : new ProgressBar(registered, 'cases indexed and counted');
      timed('finishBulkLoad', () => s.store.finishBulkLoad((done) => finishBar?.update(done)));
      timed('search.merge', () => {
        while (mergeStep(db, 200));
      });
      finishBar?.done();
    }
    // Back in WAL mode before the close seals the file: the next start would otherwise switch it,
    // rewriting the header of a sealed file, and find the file changed while closed.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    if (stopped) {
      // Unsealed: the seal's bookkeeping follows the WAL, which this run went around (journal_mode
      // MEMORY), so its seal would not hold; the resume's start checks the whole file instead.
      closed = true;
      core.close({ seal: false });
      return null;
    }
    const statuses = Object.fromEntries((db.prepare('SELECT status, COUNT(*) AS n FROM cases GROUP BY status ORDER BY status').all() as { status: string; n: number }[]).map((x) => [x.status, x.n]));
    const rates: SeedManifest['rates'] = {};
    for (const [m, t] of marks) {
      const before = marks.get(m - STRETCH);
      if (before && [20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000].includes(m)) {
        rates[String(m)] = { wall: Math.round((STRETCH * 1000) / (t.wall - before.wall)), cpu: Math.round((STRETCH * 1000) / (t.cpu - before.cpu)) };
      }
    }
    for (const line of firstRefusals) process.stderr.write(`[seed] refused: ${line}\n`);
    const manifest: SeedManifest = {
      generator: GENERATOR,
      seed,
      cases: registered,
      enquiries,
      now: nowIso,
      from: first,
      businesses: pool.all.length,
      password: PASSWORD,
      users: {
        admin: 'admin',
        supervisor: staff.supervisors[0]!.username,
        investigator: staff.investigators[0]!.username,
        clerk: staff.clerks[0]!.username,
        counts: { clerks: staff.clerks.length, investigators: staff.investigators.length, supervisors: staff.supervisors.length },
      },
      optionalFields: Object.keys(optional),
      terms: probes.counts,
      samples,
      statuses,
      steps,
      refused,
      seconds: 0,
      cpuSeconds: 0,
      rates,
      operations: timings.summary(),
    };
    // A clean close seals the file, as the app does at the end of a day.
    closed = true;
    core.close();
    manifest.seconds = Math.round(wallMs() / 100) / 10;
    manifest.cpuSeconds = Math.round(cpuMs() / 100) / 10;
    writeManifest(o.dataDir, manifest);
    clearProgress(o.dataDir);
    return manifest;
  } finally {
    if (!closed) core.close();
  }
}
