import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { casesRegister } from '../../../shared/api/schemas/cases';
import { creditCodeProblem, phoneProblem, residentIdProblem } from '../../../shared/domain/validators';
import { databaseFile } from '../../../electron/core/paths';
import { tempDir } from '../../core/harness';
import { businessPool } from './businesses';
import { ComplaintGenerator, optionalFieldsFor } from './complaints';
import { creditCodeCheck, orgCodeCheck, residentIdCheck } from './identity';
import { readManifest } from './manifest';
import { person } from './people';
import { ProbeCounter } from './probes';
import { Random } from './random';
import { createCore } from '../../../electron/core';
import { hasProgress, loadProgress, stageProgress } from './progressFile';
import { seedRegister, seedUntilStopped } from './seed';
import { TRADES } from './trades';

const REGISTERED_ON = '2026-11-30';
const drafts = (seed: number, n: number, optional = {}) => {
  const gen = new ComplaintGenerator(seed, businessPool(seed, 2000), optional);
  const start = Date.parse('2026-01-05T09:00:00+08:00');
  return Array.from({ length: n }, (_, i) => gen.next(start + i * 600_000));
};

describe('identity numbers the seed makes', () => {
  it('computes the check characters the standards give for their own examples', () => {
    // GB 11643-1999's example number and GB 32100-2015's example code.
    expect(residentIdCheck('11010519491231002')).toBe('X');
    expect(creditCodeCheck('91350100M000100Y4')).toBe('3');
    // GB 11714's example organisation code D2143569-X... body D2143569 → check X.
    expect(orgCodeCheck('D2143569')).toBe('X');
  });

  it('gives most complainants a resident ID that passes GB 11643 with a real birth date before the receipt', () => {
    const r = new Random(7, 'people');
    const people = Array.from({ length: 5000 }, () => person(r, REGISTERED_ON));
    const resident = people.filter((p) => p.idType === 'resident' && p.idNumber);
    expect(resident.length / people.length).toBeGreaterThan(0.75);
    for (const p of resident) expect(residentIdProblem(p.idNumber!, REGISTERED_ON), p.idNumber).toBeNull();
    for (const p of people) expect(phoneProblem(p.phone), p.phone).toBeNull();
    // Surnames by frequency: 王, 李 and 张 each about 7 % (the 2020 name report).
    const wang = people.filter((p) => p.name.startsWith('王')).length / people.length;
    expect(wang).toBeGreaterThan(0.05);
    expect(wang).toBeLessThan(0.09);
    // Given names of one or two characters.
    for (const p of people) expect([...p.name].length).toBeGreaterThanOrEqual(2);
    for (const p of people) expect([...p.name].length).toBeLessThanOrEqual(4);
  });

  it('gives most businesses a 统一社会信用代码 that passes GB 32100, none twice, names never twice', () => {
    const pool = businessPool(11, 5000);
    const coded = pool.all.filter((b) => b.creditCode);
    expect(coded.length / pool.all.length).toBeGreaterThan(0.7);
    for (const b of coded) expect(creditCodeProblem(b.creditCode!), b.creditCode).toBeNull();
    for (const b of coded) expect(orgCodeCheck(b.creditCode!.slice(8, 16)), b.creditCode).toBe(b.creditCode![16]);
    expect(new Set(coded.map((b) => b.creditCode)).size).toBe(coded.length);
    expect(new Set(pool.all.map((b) => b.name)).size).toBe(pool.all.length);
  });
});

describe('complaints the seed makes', () => {
  it('are valid cases.register input with facts of 100–400 characters', () => {
    for (const d of drafts(3, 3000)) {
      const parsed = casesRegister.input.safeParse(d.input);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(d.input.facts.length).toBeGreaterThanOrEqual(100);
      expect(d.input.facts.length).toBeLessThanOrEqual(400);
      expect(d.input.purchasedOn! <= d.input.receivedAt!.slice(0, 10)).toBe(true);
    }
  });

  it('come in the categories’ shares, with popular businesses drawing many and repeat complaints now and then', () => {
    const all = drafts(5, 20_000);
    const share = (code: string) => all.filter((d) => d.trade.code === code).length / all.length;
    const total = TRADES.reduce((s, t) => s + t.share, 0);
    for (const code of ['S01', 'G01', 'S07']) {
      const expected = TRADES.find((t) => t.code === code)!.share / total;
      expect(Math.abs(share(code) - expected)).toBeLessThan(expected * 0.15);
    }
    const perBusiness = new Map<string, number>();
    for (const d of all) perBusiness.set(d.business.name, (perBusiness.get(d.business.name) ?? 0) + 1);
    const counts = [...perBusiness.values()].sort((a, b) => b - a);
    // Zipf-like: the busiest business draws far more than the median one.
    expect(counts[0]!).toBeGreaterThan(20 * counts[Math.floor(counts.length / 2)]!);
    const repeats = all.filter((d) => d.repeat).length / all.length;
    expect(repeats).toBeGreaterThan(0.015);
    expect(repeats).toBeLessThan(0.05);
  });

  it('are the same for the same seed and differ for another', () => {
    const a = drafts(42, 300).map((d) => d.input);
    const b = drafts(42, 300).map((d) => d.input);
    const c = drafts(43, 300).map((d) => d.input);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('fill a field the register contract has, and leave out one it has not', () => {
    const withRegion = optionalFieldsFor({ region: {} }, (d) => `R-${d.name}`);
    const without = optionalFieldsFor({}, (d) => d.name);
    expect(Object.keys(without)).toEqual([]);
    const d = drafts(9, 5, withRegion);
    for (const x of d) expect(x.input.region).toBe(`R-${x.person.district.name}`);
    expect(drafts(9, 1)[0]!.input).not.toHaveProperty('region');
  });
});

describe('npm run seed', () => {
  it('makes the same register from the same seed through the core, refused nothing, cases worked to every stage', { timeout: 180_000 }, async () => {
    const heads: string[] = [];
    for (let run = 0; run < 2; run++) {
      const tmp = tempDir('complaintdesk-seed-');
      try {
        const m = await seedRegister({ dataDir: tmp.dir, cases: 150, seed: 99, progress: false });
        expect(m.refused).toEqual({});
        expect(readManifest(tmp.dir)).toEqual(m);
        const db = new Database(databaseFile(tmp.dir), { readonly: true });
        try {
          expect(db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(150);
          const statuses = db.prepare('SELECT DISTINCT status FROM cases').pluck().all();
          expect(statuses).toEqual(expect.arrayContaining(['closed', 'refused', 'registered']));
          // Steps taken by act: events and audit rows beyond the registrations.
          expect(db.prepare('SELECT COUNT(*) FROM case_events').pluck().get()).toBeGreaterThan(150 * 5);
          // No approval by the one who proposed.
          const selfApproved = db
            .prepare("SELECT COUNT(*) FROM case_events WHERE type = 'approve' AND json_extract(data, '$.proposedBy') = user_id")
            .pluck()
            .get();
          expect(selfApproved).toBe(0);
          // The clock moved with the cases: nothing happened after the register's now.
          expect(db.prepare('SELECT MAX(at) FROM case_events').pluck().get() as string <= m.now).toBe(true);
          heads.push(db.prepare('SELECT lower(hex(hash)) FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as string);
        } finally {
          db.close();
        }
      } finally {
        tmp.remove();
      }
    }
    expect(heads[1]).toBe(heads[0]);
  });

  it('stopped after a batch, carries on to the register an uninterrupted run makes (the same audit chain)', { timeout: 240_000 }, async () => {
    const lastRow = (dir: string) => {
      const db = new Database(databaseFile(dir), { readonly: true });
      try {
        return db.prepare('SELECT id, lower(hex(hash)) AS hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
      } finally {
        db.close();
      }
    };
    const whole = tempDir('complaintdesk-seed-whole-');
    const stopped = tempDir('complaintdesk-seed-stopped-');
    try {
      const m = await seedRegister({ dataDir: whole.dir, cases: 150, seed: 7, batch: 40, progress: false });
      const stop = new AbortController();
      const cut = await seedUntilStopped({
        dataDir: stopped.dir,
        cases: 150,
        seed: 7,
        batch: 40,
        progress: false,
        signal: stop.signal,
        onBatch: (n) => n >= 50 && stop.abort(),
      });
      expect(cut).toBeNull();
      expect(hasProgress(stopped.dir)).toBe(true);
      const part = lastRow(stopped.dir);
      expect(part.id).toBeLessThan(lastRow(whole.dir).id);
      // A fresh seed refuses the folder, and says how to go on.
      await expect(seedRegister({ dataDir: stopped.dir, cases: 150, progress: false })).rejects.toThrow(/--resume/);

      const resumed = await seedRegister({ dataDir: stopped.dir, cases: 0, resume: true, progress: false });
      expect(lastRow(stopped.dir)).toEqual(lastRow(whole.dir));
      expect(hasProgress(stopped.dir)).toBe(false);
      for (const k of ['cases', 'steps', 'enquiries', 'statuses', 'terms', 'samples', 'refused', 'users', 'businesses'] as const) expect(resumed[k]).toEqual(m[k]);
      // Sealed at the end as the app seals it: the next start opens it for writing at once.
      const core = await createCore({ dataDir: stopped.dir, clock: { now: () => new Date(resumed.now) }, backgroundDelayMs: 60_000, log: { info() {}, warn() {}, error() {} } });
      try {
        expect(core.health.readOnly).toBe(false);
        expect(core.check.writesHeld).toBe(false);
      } finally {
        core.close();
      }
    } finally {
      whole.remove();
      stopped.remove();
    }
  });

  it('refuses to carry on a register that is not where its saved progress stopped', () => {
    const tmp = tempDir('complaintdesk-seed-progress-');
    try {
      stageProgress(tmp.dir, { head: { id: 40, hash: 'a'.repeat(64) }, note: 'staged, never committed' });
      // The register's head is the staged one: the batch committed, and its state is taken.
      expect(loadProgress<{ head: { id: number; hash: string }; note: string }>(tmp.dir, { id: 40, hash: 'a'.repeat(64) }).note).toBe('staged, never committed');
      // The register moved on without its state (or was written to by something else): no guess.
      expect(() => loadProgress(tmp.dir, { id: 41, hash: 'b'.repeat(64) })).toThrow(/cannot be carried on/);
      expect(() => loadProgress(tmp.dir, null)).toThrow(/cannot be carried on/);
    } finally {
      tmp.remove();
    }
  });
});

describe('the search terms the bench times', () => {
  it('counts a one-character term in the short fields only, as the search box looks for it', () => {
    const probes = new ProbeCounter();
    probes.add({ short: 'TS2026-000001\n王芳\n13900001111\n杭州某某电器有限公司\n冰箱', long: '投诉人要求商家退款。' });
    probes.add({ short: 'TS2026-000002\n李娜\n13900002222\n杭州某某旅行社\n民宿', long: '商家拒绝退款，投诉人王某多次协商无果。' });
    // 诉 and 退 only in the facts: no case has them where a one-character search looks.
    expect([probes.counts['王'], probes.counts['诉'], probes.counts['退']]).toEqual([1, 0, 0]);
    // Two characters and more are looked for in the facts too.
    expect([probes.counts['退款'], probes.counts['商家'], probes.counts['王芳'], probes.counts['有限公司']]).toEqual([2, 2, 1, 1]);
  });
});
