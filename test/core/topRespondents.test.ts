import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partialRuns, wholeMonths } from '../../electron/core/store/periods';
import { topBusinesses } from '../../electron/core/store/topRespondents';
import type { StatsSummary } from '../../shared/api/schemas/stats';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * 统计's businesses complained about most (domain.md "Headline statistics") come from counts kept
 * per business and month of receipt (respondent_months, migration 23) and a ranking that stops early
 * (store/topRespondents.ts). These tests hold both to the definition: the cases themselves, counted
 * in the test with one GROUP BY over the cases table, after registrations, voids, outcomes, a
 * business corrected, a receipt date moved across a month and two businesses merged.
 */
describe('a period as whole months and the days at its ends', () => {
  it('finds the whole months inside a period, and none when it holds no whole month', () => {
    expect(wholeMonths('2026-01-01', '2026-12-31')).toEqual({ first: '2026-01', last: '2026-12' });
    expect(wholeMonths('2025-11-15', '2026-02-28')).toEqual({ first: '2025-12', last: '2026-02' });
    expect(wholeMonths('2024-02-01', '2024-02-28')).toBeNull();
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual({ first: '2024-02', last: '2024-02' });
    expect(wholeMonths('2026-03-02', '2026-04-30')).toEqual({ first: '2026-04', last: '2026-04' });
    expect(wholeMonths('2026-03-02', '2026-04-29')).toBeNull();
  });

  it('leaves the days outside the whole months as one or two runs, never a day twice or missed', () => {
    expect(partialRuns('2026-01-01', '2026-12-31')).toEqual([]);
    expect(partialRuns('2025-11-15', '2026-02-10')).toEqual([
      { from: '2025-11-15', to: '2025-11-30' },
      { from: '2026-02-01', to: '2026-02-10' },
    ]);
    expect(partialRuns('2026-03-02', '2026-04-29')).toEqual([{ from: '2026-03-02', to: '2026-04-29' }]);
    expect(partialRuns('2025-12-31', '2026-01-31')).toEqual([{ from: '2025-12-31', to: '2025-12-31' }]);
  });
});

type Count = { id: number; received: number; resolved: number };

describe('the early stop', () => {
  it('reads on while a business not yet seen could tie the k-th and rank first by its smaller id', async () => {
    // January: 9 (2), 1 (1), 5 (1); February: 2 (1), 3 (1), 5 (1). After two rows of each, 9 has 2
    // and no business not yet seen can have more than 1 + 1 = 2: but 5 has exactly 2, and ranks first.
    const db = new Database(':memory:');
    db.exec(`
      CREATE TABLE cases (respondent_id INTEGER, received_on TEXT, status TEXT, resolved INTEGER);
      CREATE TABLE respondent_months (respondent_id INTEGER, month TEXT, received INTEGER, resolved INTEGER, PRIMARY KEY (respondent_id, month)) WITHOUT ROWID;
      INSERT INTO respondent_months VALUES (9, '2026-01', 2, 0), (1, '2026-01', 1, 0), (5, '2026-01', 1, 1), (2, '2026-02', 1, 0), (3, '2026-02', 1, 0), (5, '2026-02', 1, 0);
    `);
    expect(await topBusinesses(db, '2026-01-01', '2026-02-28', 1)).toEqual([[5, { received: 2, resolved: 1 }]]);
    expect(await topBusinesses(db, '2026-01-01', '2026-02-28', 2)).toEqual([
      [5, { received: 2, resolved: 1 }],
      [9, { received: 2, resolved: 0 }],
    ]);
    db.close();
  });

  it('bounds a part-month by its whole month and counts each business seen over its days only', async () => {
    // January's list ranks 1 first (40 cases, all before the 10th); from the 10th, 2 has 6 and 3 has 5.
    const db = new Database(':memory:');
    db.exec(`
      CREATE TABLE cases (respondent_id INTEGER, received_on TEXT, status TEXT, resolved INTEGER);
      CREATE TABLE respondent_months (respondent_id INTEGER, month TEXT, received INTEGER, resolved INTEGER, PRIMARY KEY (respondent_id, month)) WITHOUT ROWID;
    `);
    const put = db.prepare('INSERT INTO cases VALUES (?, ?, ?, ?)');
    const add = (id: number, day: string, n: number, status = 'closed', resolved = 0) => {
      for (let i = 0; i < n; i++) put.run(id, day, status, resolved);
    };
    add(1, '2026-01-03', 40);
    add(1, '2026-01-10', 1);
    add(2, '2026-01-12', 5, 'closed', 1);
    add(2, '2026-01-31', 1);
    add(3, '2026-01-20', 5);
    add(3, '2026-01-21', 4, 'voided');
    add(4, '2026-01-09', 9);
    add(5, '2026-02-02', 2);
    db.exec(`INSERT INTO respondent_months SELECT respondent_id, substr(received_on, 1, 7), COUNT(*), SUM(resolved = 1) FROM cases
             WHERE status <> 'voided' GROUP BY respondent_id, substr(received_on, 1, 7)`);
    const expected = [
      [2, { received: 6, resolved: 5 }],
      [3, { received: 5, resolved: 0 }],
      [5, { received: 2, resolved: 0 }],
    ];
    expect(await topBusinesses(db, '2026-01-10', '2026-02-28', 3)).toEqual(expected);
    // The same when every row is added up (no early stop), and for a run of days with no whole month.
    expect(await topBusinesses(db, '2026-01-10', '2026-02-28', 3, 0)).toEqual(expected);
    expect(await topBusinesses(db, '2026-01-10', '2026-02-05', 2)).toEqual(expected.slice(0, 2));
    expect(await topBusinesses(db, '2026-01-01', '2026-01-09', 1)).toEqual([[1, { received: 40, resolved: 0 }]]);
    db.close();
  });

  it('looks up a few dozen businesses of a skewed year, not all of them, and ranks them as adding up every row does', async () => {
    // A year of 5,000 businesses with Zipf-like counts (the k-th busiest about 1/k of the busiest), as complaints are.
    const db = new Database(':memory:');
    db.exec(`
      CREATE TABLE cases (respondent_id INTEGER, received_on TEXT, status TEXT, resolved INTEGER);
      CREATE TABLE respondent_months (respondent_id INTEGER, month TEXT, received INTEGER, resolved INTEGER, PRIMARY KEY (respondent_id, month)) WITHOUT ROWID;
      CREATE INDEX respondent_months_rank ON respondent_months(month, received DESC, respondent_id, resolved);
    `);
    const put = db.prepare('INSERT INTO respondent_months VALUES (?, ?, ?, ?)');
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let m = 1; m <= 12; m++) {
      for (let id = 1; id <= 5_000; id++) {
        const received = Math.floor((2_000 / id) * (0.5 + next()));
        if (received > 0) put.run(id, `2025-${String(m).padStart(2, '0')}`, received, Math.floor(received / 2));
      }
    }
    let lookups = 0;
    const counting = new Proxy(db, {
      get(target, key) {
        if (key !== 'prepare') return Reflect.get(target, key);
        return (sql: string) => {
          const statement = target.prepare(sql);
          if (!sql.includes('SUM(received)')) return statement;
          return new Proxy(statement, { get: (s, k) => (k === 'get' ? (...args: unknown[]) => (lookups++, s.get(...args)) : Reflect.get(s, k)) });
        };
      },
    });
    const ranked = await topBusinesses(counting, '2025-01-01', '2025-12-31', 20);
    expect(ranked).toEqual(await topBusinesses(db, '2025-01-01', '2025-12-31', 20, 0));
    expect(ranked.map(([id]) => id).slice(0, 3)).toEqual([1, 2, 3]);
    expect(lookups).toBeGreaterThanOrEqual(20);
    expect(lookups).toBeLessThan(100);
    db.close();
  });
});

describe('the businesses complained about most, counted ahead per month', () => {
  let reg: Register;
  let staff: Staff;
  const ids: number[] = [];
  const businesses = ['甲电器商场', '乙通讯店', '丙健身会所', '丁教育培训', '戊汽车销售', '己家具城', '庚旅行社', '辛超市', '壬美容院'];
  const at = (date: string, time = '09:30') => `${date}T${time}:00+08:00`;

  /** The definition, counted from the cases themselves. */
  const counted = (from: string, to: string): Count[] =>
    reg.core.db
      .prepare(
        `SELECT respondent_id AS id, COUNT(*) AS received, COALESCE(SUM(resolved = 1), 0) AS resolved FROM cases
          WHERE received_on BETWEEN ? AND ? AND status <> 'voided' GROUP BY respondent_id ORDER BY received DESC, respondent_id`,
      )
      .all(from, to) as Count[];
  const ranked = async (from: string, to: string, k: number, candidateCap?: number): Promise<Count[]> =>
    (await topBusinesses(reg.core.db, from, to, k, candidateCap)).map(([id, c]) => ({ id, ...c }));

  beforeAll(async () => {
    reg = await openRegister(fixedClock(at('2025-11-01', '08:00')));
    staff = await withStaff(reg);
    // 110 complaints from 1 November 2025 to 19 March 2026, Zipf-like over nine businesses.
    const weights = [30, 18, 12, 9, 7, 6, 5, 4, 3];
    const total = weights.reduce((a, b) => a + b, 0);
    let seed = 20261204;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 110; i++) {
      const day = new Date(Date.UTC(2025, 10, 1 + Math.floor((i * 139) / 110))).toISOString().slice(0, 10);
      let pick = next() * total;
      const b = weights.findIndex((w) => (pick -= w) < 0);
      reg.clock.set(at(day, '10:00'));
      const c = await staff.clerk.must<{ id: number }>(
        'cases.register',
        minimalComplaint({ receivedAt: at(day), complainant: { name: `投诉人${i}`, phone: `139${String(10_000_000 + i)}` }, respondent: { name: businesses[b] } }),
      );
      ids.push(c.id);
    }
    reg.clock.set(at('2026-03-20', '10:00'));
    const { clerk, supervisor, investigator } = staff;
    // Resolved: an approved refund (domain.md "Outcome measures").
    for (const i of [0, 3, 7, 20, 41, 62, 80, 95, 101]) {
      const id = ids[i]!;
      await clerk.act(id, 'accept');
      await supervisor.act(id, 'assign', { userId: investigator.user.id });
      await investigator.act(id, 'startInvestigation');
      await investigator.act(id, 'proposeOutcome', { measures: ['refund'], recoveredFen: 50_000, summary: '退款' });
      await supervisor.act(id, 'approve', { comment: '同意' });
    }
    // Voided: counted nowhere, one of them resolved before.
    for (const i of [5, 33, 34, 70, 99, 7]) await supervisor.act(ids[i]!, 'void', { reason: '重复登记' });
    // A business corrected, and a receipt moved from March back into February.
    const byName = (name: string) => reg.core.db.prepare('SELECT id FROM respondents WHERE name = ?').pluck().get(name) as number;
    for (const i of [12, 50, 88]) {
      const { version } = await clerk.get(ids[i]!);
      await clerk.must('cases.correct', { id: ids[i], version, changes: { respondent: { id: byName('壬美容院') } }, reason: '登记时选错了商家' });
    }
    const march = ids.find((id) => (reg.core.db.prepare("SELECT received_on >= '2026-03-01' AND status = 'registered' FROM cases WHERE id = ?").pluck().get(id) as number) === 1)!;
    const { version } = await clerk.get(march);
    await clerk.must('cases.correct', { id: march, version, changes: { receivedAt: at('2026-02-27') }, reason: '收到时间登记有误' });
    // Two businesses found to be one.
    await staff.admin.must('respondents.merge', { from: byName('庚旅行社'), into: byName('乙通讯店'), reason: '同一经营者' });
  }, 120_000);
  afterAll(() => reg.close());

  it('keeps each business’s cases and 解决 per month equal to the cases themselves', () => {
    const kept = reg.core.db.prepare('SELECT respondent_id AS id, month, received, resolved FROM respondent_months ORDER BY month, respondent_id').all();
    const fromCases = reg.core.db
      .prepare(
        `SELECT respondent_id AS id, substr(received_on, 1, 7) AS month, COUNT(*) AS received, COALESCE(SUM(resolved = 1), 0) AS resolved
           FROM cases WHERE status <> 'voided' GROUP BY 1, 2 ORDER BY month, id`,
      )
      .all();
    expect(kept).toEqual(fromCases);
    expect(kept.length).toBeGreaterThan(20);
    // The merged business left no row behind; the voided case's resolved went with it.
    expect(reg.core.db.prepare("SELECT COUNT(*) FROM respondent_months m JOIN respondents r ON r.id = m.respondent_id WHERE r.name = '庚旅行社'").pluck().get()).toBe(0);
  });

  const periods: [string, string, string][] = [
    ['a month', '2026-01-01', '2026-01-31'],
    ['a quarter', '2026-01-01', '2026-03-31'],
    ['a period crossing the year', '2025-11-01', '2026-02-28'],
    ['parts of months at both ends', '2025-11-15', '2026-02-10'],
    ['part of one month', '2026-02-20', '2026-02-27'],
    ['parts of two months and no whole one', '2026-01-20', '2026-02-27'],
    ['one day', '2026-02-27', '2026-02-27'],
    ['the whole register', '2025-01-01', '2026-12-31'],
    ['a month with no complaint', '2025-06-01', '2025-06-30'],
  ];

  it.each(periods)('ranks %s as the cases count it, busiest first and by id among equals', async (_name, from, to) => {
    const all = counted(from, to);
    for (const k of [1, 3, 20]) {
      expect(await ranked(from, to, k), `top ${k}`).toEqual(all.slice(0, k));
      // Adding up every row (the way taken when no business stands out) gives the same ranking.
      expect(await ranked(from, to, k, 0), `top ${k}, every row`).toEqual(all.slice(0, k));
    }
  });

  it('stops early yet exactly: the top three of a skewed quarter are those of the whole count, ties included', async () => {
    const all = counted('2025-11-01', '2026-03-31');
    expect(all.length).toBeGreaterThan(3);
    expect(all[0]!.received).toBeGreaterThan(all[3]!.received);
    expect(await ranked('2025-11-01', '2026-03-31', 3)).toEqual(all.slice(0, 3));
  });

  it('stats.summary names them with their counts for a period with parts of months', async () => {
    const s = await staff.admin.must<StatsSummary>('stats.summary', { from: '2025-11-15', to: '2026-02-10' });
    const names = new Map((reg.core.db.prepare('SELECT id, name FROM respondents').all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
    expect(s.topRespondents.map((r) => ({ id: r.id, name: r.name, received: r.received, resolved: r.resolved }))).toEqual(
      counted('2025-11-15', '2026-02-10').map((c) => ({ ...c, name: names.get(c.id) })),
    );
  });
});
