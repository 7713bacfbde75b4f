import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsSummary } from '../../shared/api/schemas/stats';
import { knownDays } from '../../electron/core/db/migrations/0050-known-days';
import { knownRegistered } from '../../electron/core/db/migrations/0052-known-registered';
import type { SearchInput } from '../../electron/core/store/caseSearch';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * 统计 on a small register built by hand through the workflow (domain.md "Headline statistics";
 * API.md `stats.summary`), every figure below counted by hand from the story of each case:
 *
 *   A 2025-12-15 G01 visit   accepted, refund ¥1000, unsatisfied, reopened, refund+compensation ¥1500, closed 2026-01-05
 *   B 2026-01-12 S03 phone   accepted, refund+punitive ¥3000 (¥2000 punitive), closed 2026-01-16
 *   C 2026-01-20 G01 visit   refusal proposed 01-21, approved 01-22
 *   D 2026-02-03 S03 online  voided (never counted)
 *   E 2026-02-09 G01 visit   accepted 03-02 after its acceptance deadline (02-25), lawsuit support proposed 03-02 and approved 03-04, closed 03-06
 *   F 2026-03-10 S03 letter  the person and business of E again: a repeat; accepted, open
 *   G 2026-04-01 G01 visit   registered only
 */
let reg: Register;
let staff: Staff;
const ids: Record<string, number> = {};

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

beforeAll(async () => {
  reg = await openRegister(fixedClock(at('2025-12-15', '09:00')));
  staff = await withStaff(reg);
  const { clerk, investigator, investigator2, supervisor } = staff;
  const register = async (name: string, date: string, over: Record<string, unknown>) => {
    reg.clock.set(at(date));
    ids[name] = (await clerk.must<{ id: number }>('cases.register', minimalComplaint({ receivedAt: at(date, '09:30'), natures: ['contract'], ...over }))).id;
    return ids[name]!;
  };
  const on = (date: string) => reg.clock.set(at(date, '15:00'));

  const a = await register('A', '2025-12-15', { category: 'G01', channel: 'visit' });
  await clerk.act(a, 'accept');
  await supervisor.act(a, 'assign', { userId: investigator.user.id });
  await investigator.act(a, 'startInvestigation');
  await investigator.act(a, 'proposeOutcome', { measures: ['refund'], recoveredFen: 100000, summary: '退货退款' });
  await supervisor.act(a, 'approve', { comment: '同意' });
  await investigator.act(a, 'notify');
  await investigator.act(a, 'followUp', { satisfaction: 1, note: '不满意' });
  await investigator.act(a, 'reopen', { reason: '投诉人要求赔偿' });
  await investigator.act(a, 'proposeOutcome', { measures: ['refund', 'compensation'], recoveredFen: 150000, summary: '退款并赔偿' });
  await supervisor.act(a, 'approve', { comment: '同意' });
  await investigator.act(a, 'notify');
  await investigator.act(a, 'followUp', { satisfaction: 5, note: '满意' });
  on('2026-01-05');
  await investigator.act(a, 'close');

  const b = await register('B', '2026-01-12', { category: 'S03', channel: 'phone', complainant: { name: '李四', phone: '13700002222' }, respondent: { name: '某某国际旅行社' } });
  await clerk.act(b, 'accept');
  await supervisor.act(b, 'assign', { userId: investigator2.user.id });
  await investigator2.act(b, 'startInvestigation');
  await investigator2.act(b, 'proposeOutcome', { measures: ['refund', 'punitive'], recoveredFen: 300000, punitiveFen: 200000, summary: '退一赔三' });
  await supervisor.act(b, 'approve', { comment: '同意' });
  await investigator2.act(b, 'notify');
  await investigator2.act(b, 'followUp', { satisfaction: 4, note: '满意' });
  on('2026-01-16');
  await investigator2.act(b, 'close');

  const c = await register('C', '2026-01-20', { category: 'G01', channel: 'visit', natures: ['quality'], complainant: { name: '王五', phone: '13600003333' }, respondent: { name: '某某家电商场' } });
  on('2026-01-21');
  await clerk.act(c, 'refuse', { grounds: ['3'], reason: '系经营性采购' });
  on('2026-01-22');
  await supervisor.act(c, 'approve', { comment: '同意不予受理' });

  const d = await register('D', '2026-02-03', { category: 'S03', channel: 'online', complainant: { name: '赵六', phone: '13500004444' } });
  on('2026-02-04');
  await supervisor.act(d, 'void', { reason: '重复登记' });

  const repeatOf = { complainant: { name: '钱七', phone: '13900001111' }, respondent: { name: '西湖某某商行' } };
  const e = await register('E', '2026-02-09', { category: 'G01', channel: 'visit', ...repeatOf });
  on('2026-03-02');
  await clerk.act(e, 'accept');
  await supervisor.act(e, 'assign', { userId: investigator.user.id });
  await investigator.act(e, 'startInvestigation');
  await investigator.act(e, 'proposeOutcome', { measures: ['lawsuitSupport'], recoveredFen: 0, summary: '支持起诉' });
  on('2026-03-04');
  await supervisor.act(e, 'approve', { comment: '同意' });
  await investigator.act(e, 'notify');
  await investigator.act(e, 'followUp', { satisfaction: 5, note: '满意' });
  on('2026-03-06');
  await investigator.act(e, 'close');

  const f = await register('F', '2026-03-10', { category: 'S03', channel: 'letter', natures: ['contract', 'price'], ...repeatOf });
  await clerk.act(f, 'accept');

  await register('G', '2026-04-01', { category: 'G01', channel: 'visit', complainant: { name: '孙八', phone: '13300005555' } });
}, 120_000);
afterAll(() => reg.close());

const summary = (from: string, to: string) => staff.clerk.must<StatsSummary>('stats.summary', { from, to });
const caseNames = (rows: { id: number }[]) => rows.map((r) => Object.entries(ids).find(([, id]) => id === r.id)![0]).sort();

describe('stats.summary', () => {
  it('counts a month', async () => {
    const s = await summary('2026-01-01', '2026-01-31');
    expect(s).toMatchObject({
      received: 2,
      accepted: 1,
      resolved: 1,
      resolutionRate: 1,
      recoveredFen: 300000,
      punitiveCases: 1,
      punitiveFen: 200000,
      lawsuitSupport: 0,
      finished: 2,
      // B: 13–16 Jan, 4 working days; C: 21–22 Jan, 2.
      averageHandlingDays: 3,
      inTimeRate: 1,
      repeats: 0,
      enquiries: 0,
    });
    expect(s.byCategory.map((r) => [r.key, r.name, r.received, r.accepted])).toEqual([
      ['G01', '家用电子电器', 1, 0],
      ['S03', '旅游', 1, 1],
    ]);
    expect(s.byChannel.map((r) => [r.key, r.received])).toEqual([
      ['visit', 1],
      ['phone', 1],
    ]);
    expect(s.byNature.map((r) => [r.key, r.received]).sort()).toEqual([
      ['contract', 1],
      ['quality', 1],
    ]);
    expect(s.byHandler.map((r) => [r.name, r.received])).toEqual([
      ['钱调查', 1],
      ['未指派', 1],
    ]);
    expect(s.byRegion.map((r) => [r.key, r.name, r.received])).toEqual([['', '未填写', 2]]);
    expect(s.byMonth.map((m) => [m.month, m.received])).toEqual([['2026-01', 2]]);
  });

  it('counts a quarter: the voided case nowhere, the late acceptance and the repeat where they belong', async () => {
    const s = await summary('2026-01-01', '2026-03-31');
    expect(s).toMatchObject({
      received: 4,
      accepted: 3,
      resolved: 2,
      resolutionRate: 0.6667,
      recoveredFen: 300000,
      punitiveCases: 1,
      punitiveFen: 200000,
      lawsuitSupport: 1,
      finished: 3,
      // B 4, C 2, E 15 (10–13 Feb, the make-up Saturday 14 Feb, 24–27 Feb, the make-up Saturday 28 Feb, 2–6 Mar).
      averageHandlingDays: 7,
      inTimeRate: 0.6667,
      repeats: 1,
      repeatRate: 0.25,
    });
    expect(s.byMonth.map((m) => [m.month, m.received, m.finished])).toEqual([
      ['2026-01', 2, 2],
      ['2026-02', 1, 1],
      ['2026-03', 1, 0],
    ]);
    expect(s.topRespondents[0]).toMatchObject({ name: '西湖某某商行', received: 2, resolved: 1 });
    expect(s.yearEarlier).toMatchObject({ from: '2025-01-01', to: '2025-03-31', received: 0, resolutionRate: null });
  });

  it('counts a period across the new year, with the reopened case at its final outcome', async () => {
    const s = await summary('2025-12-01', '2026-01-31');
    expect(s).toMatchObject({
      received: 3,
      accepted: 2,
      resolved: 2,
      recoveredFen: 450000,
      finished: 3,
      // A: 16 Dec – 5 Jan less 元旦 (1–2 Jan), with the make-up Sunday 4 Jan: 14; B 4; C 2.
      averageHandlingDays: 6.7,
      inTimeRate: 1,
    });
    expect(s.byMonth.map((m) => [m.month, m.received])).toEqual([
      ['2025-12', 1],
      ['2026-01', 2],
    ]);
  });

  it('counts a period in progress through today, against the same days a year earlier', async () => {
    // The core's today is 1 April 2026 (G's day): the year so far, months to April, against 1 January – 1 April 2025.
    const year = await summary('2026-01-01', '2026-12-31');
    expect(year).toMatchObject({ from: '2026-01-01', to: '2026-12-31', through: '2026-04-01', received: 5 });
    expect(year.byMonth.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(year.yearEarlier).toMatchObject({ from: '2025-01-01', to: '2025-04-01', received: 0 });
    // Later in the year: A, received on 15 December 2025, is in 上年同期 from the same day on.
    const stats = (today: string) => reg.core.services.store.read.stats('2026-01-01', '2026-12-31', today);
    expect((await stats('2026-12-14')).yearEarlier).toMatchObject({ from: '2025-01-01', to: '2025-12-14', received: 0 });
    expect((await stats('2026-12-15')).yearEarlier).toMatchObject({ from: '2025-01-01', to: '2025-12-15', received: 1, recoveredFen: 150000 });
    // A period that has ended is counted whole, against the whole of the year before.
    const ended = await stats('2027-01-04');
    expect(ended).toMatchObject({ through: '2026-12-31', received: 5 });
    expect(ended.byMonth).toHaveLength(12);
    expect(ended.yearEarlier).toMatchObject({ from: '2025-01-01', to: '2025-12-31', received: 1, recoveredFen: 150000 });
    // A period not begun yet is asked as it is.
    expect(await stats('2025-06-30')).toMatchObject({ through: '2026-12-31', received: 5 });
  });

  it('compares a period with 上年同期 as it stood a year before today: what was accepted, resolved or ended later is not counted yet', async () => {
    const stats = (from: string, to: string, today: string) => reg.core.services.store.read.stats(from, to, today);
    // February 2027 on its 20th, against 1–20 February 2026 as it stood on 20 February 2026: E was
    // received (9 Feb) and nothing more; it was accepted (2 Mar), its outcome approved (4 Mar) and closed (6 Mar) later.
    const early = await stats('2027-02-01', '2027-02-28', '2027-02-20');
    expect(early.yearEarlier).toMatchObject({ from: '2026-02-01', to: '2026-02-20', asOf: '2026-02-20', received: 1, accepted: 0, resolved: 0, lawsuitSupport: 0, finished: 0, averageHandlingDays: null, inTimeRate: null, repeats: 0 });
    // On 3 March 2027, the whole of February 2026 as it stood on 3 March 2026: accepted, its outcome only proposed.
    const later = await stats('2027-02-01', '2027-02-28', '2027-03-03');
    expect(later.yearEarlier).toMatchObject({ from: '2026-02-01', to: '2026-02-28', asOf: '2026-03-03', received: 1, accepted: 1, resolved: 0, resolutionRate: 0, lawsuitSupport: 0, finished: 0 });
    // On 4 March: resolved, not yet closed.
    expect((await stats('2027-02-01', '2027-02-28', '2027-03-04')).yearEarlier).toMatchObject({ asOf: '2026-03-04', accepted: 1, resolved: 1, resolutionRate: 1, lawsuitSupport: 1, finished: 0 });
    // From 6 March on, as the case stands today: closed in 15 working days, its acceptance late.
    const closed = await stats('2027-02-01', '2027-02-28', '2027-03-06');
    expect(closed.yearEarlier).toMatchObject({ asOf: '2026-03-06', received: 1, accepted: 1, resolved: 1, finished: 1, averageHandlingDays: 15, inTimeRate: 0 });
    // A: received, accepted and its outcome approved on 15 December 2025, closed on 5 January 2026.
    expect((await stats('2026-12-01', '2026-12-31', '2026-12-20')).yearEarlier).toMatchObject({ to: '2025-12-20', asOf: '2025-12-20', received: 1, accepted: 1, resolved: 1, recoveredFen: 150000, finished: 0 });
    expect((await stats('2026-12-01', '2026-12-31', '2027-01-05')).yearEarlier).toMatchObject({ to: '2025-12-31', asOf: '2026-01-05', finished: 1, averageHandlingDays: 14 });
    // The period itself is counted as its cases stand today, whatever 上年同期's day.
    expect(await stats('2026-02-01', '2026-02-28', '2026-12-20')).toMatchObject({ received: 1, accepted: 1, finished: 1 });
    // A period not begun yet has nothing to compare: 上年同期 as it stands.
    expect((await stats('2026-12-01', '2026-12-31', '2025-06-30')).yearEarlier).toMatchObject({ asOf: null, received: 1, finished: 1 });
  });

  it('opens the cases behind each figure: the same filters count the same cases', async () => {
    const search = (filters: Record<string, unknown>) => staff.clerk.must<{ rows: { id: number }[]; total: number }>('cases.search', { from: '2026-01-01', to: '2026-03-31', sort: 'receivedAt:asc', ...filters });
    expect(caseNames((await search({})).rows)).toEqual(['B', 'C', 'E', 'F']);
    expect(caseNames((await search({ accepted: true })).rows)).toEqual(['B', 'E', 'F']);
    expect(caseNames((await search({ resolved: true })).rows)).toEqual(['B', 'E']);
    expect(caseNames((await search({ punitive: true })).rows)).toEqual(['B']);
    expect(caseNames((await search({ lawsuitSupport: true })).rows)).toEqual(['E']);
    expect(caseNames((await search({ finished: true })).rows)).toEqual(['B', 'C', 'E']);
    expect(caseNames((await search({ inTime: false })).rows)).toEqual(['E']);
    expect(caseNames((await search({ repeat: true })).rows)).toEqual(['F']);
    expect(caseNames((await search({ category: 'G01' })).rows)).toEqual(['C', 'E']);
    expect(caseNames((await search({ nature: 'price' })).rows)).toEqual(['F']);
    expect(caseNames((await search({ handlerId: null })).rows)).toEqual(['C', 'F']);
    expect(caseNames((await search({ includeVoided: true })).rows)).toEqual(['B', 'C', 'D', 'E', 'F']);
    expect(caseNames((await search({ status: 'voided' })).rows)).toEqual(['D']);
  });

  it('counts the cases behind each figure from the daily totals, set or not, whole or within a category, as the register holds them', async () => {
    // The day counts count a figure's list (store/dayCounts.ts); here against the very rows and a count of the register itself.
    const rule: Record<string, string> = {
      accepted: 'c.accepted_on IS NOT NULL',
      // IS: a case not yet decided (NULL) is not resolved, and is in 未解决's list as in its count (received − resolved).
      resolved: 'c.resolved IS 1',
      punitive: "COALESCE(c.punitive_fen, 0) > 0 OR EXISTS (SELECT 1 FROM json_each(c.outcome, '$.measures') WHERE value = 'punitive')",
      lawsuitSupport: "EXISTS (SELECT 1 FROM json_each(c.outcome, '$.measures') WHERE value = 'lawsuitSupport')",
      finished: "c.status = 'closed' OR (c.status = 'refused' AND c.refusal IS NOT NULL)",
      repeat: "(SELECT json_extract(s.measures, '$[10]') FROM case_stats s WHERE s.case_id = c.id) IS 1",
    };
    const late = "EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.state = 'met' AND d.ended_on > d.due_on)";
    const listed = (where: string, params: unknown[]) =>
      reg.core.db.prepare(`SELECT c.id FROM cases c WHERE c.status <> 'voided' AND c.received_on BETWEEN ? AND ? AND ${where} ORDER BY c.received_at DESC, c.id DESC`).pluck().all(...params) as number[];
    for (const [from, to] of [['2025-12-01', '2026-03-31'], ['2026-01-01', '2026-01-31'], ['2026-02-01', '2026-12-31']]) {
      for (const category of [undefined, 'G01']) {
        const keyed = category ? ' AND c.category = ?' : '';
        const figures: [Record<string, boolean>, string][] = [
          ...Object.entries(rule).flatMap(([name, sql]): [Record<string, boolean>, string][] => [[{ [name]: true }, `(${sql})`], [{ [name]: false }, `NOT (${sql})`]]),
          [{ inTime: true }, `(${rule.finished}) AND NOT ${late}`],
          [{ inTime: false }, `(${rule.finished}) AND ${late}`],
        ];
        for (const [figure, sql] of figures) {
          const label = JSON.stringify({ from, to, category, ...figure });
          const want = listed(`(${sql})${keyed}`, [from, to, ...(category ? [category] : [])]);
          // Pages of one, each placed by the figure's days, so the count is read, not taken from a
          // first page that holds every row.
          const pages: number[] = [];
          for (let page = 1; page <= want.length + 1; page++) {
            const got = await staff.clerk.must<{ rows: { id: number }[]; total: number }>('cases.search', { from, to, ...(category ? { category } : {}), ...figure, page, pageSize: 1 });
            expect(got.total, `${label} page ${page}`).toBe(want.length);
            pages.push(...got.rows.map((r) => r.id));
          }
          expect(pages, label).toEqual(want);
          // Read from the day counts, not by a count of the register.
          expect(reg.core.services.store.read.searchPlan({ from, to, ...(category ? { category } : {}), ...figure, page: 1, pageSize: 50 } as SearchInput, staff.clerk.user).count.sql, label).toMatch(/FROM stats_daily/);
        }
      }
    }
  });

  it('keeps the daily totals equal to a count made afresh from every case', () => {
    const db = reg.core.db;
    const recount = new Map<string, number[]>();
    const columns = ['received', 'accepted', 'resolved', 'recovered_fen', 'punitive_cases', 'punitive_fen', 'lawsuit', 'finished', 'handling_days', 'in_time', 'repeats'];
    for (const id of db.prepare('SELECT id FROM cases').pluck().all() as number[]) {
      const f = reg.core.services.store.read.facts(id);
      if (!f.keys) continue;
      const measures = [f.received, f.accepted, f.resolved, f.recoveredFen, f.punitiveCases, f.punitiveFen, f.lawsuit, f.finished, f.handlingDays, f.inTime, f.repeats];
      const pairs = [['all', ''], ['category', f.keys.category], ...f.keys.natures.map((n) => ['nature', n]), ['channel', f.keys.channel], ['region', f.keys.region], ['handler', f.keys.handler], ['ruleSet', f.keys.ruleSet]];
      for (const [dim, key] of pairs) {
        const k = `${dim}|${f.day}|${key}`;
        recount.set(k, (recount.get(k) ?? columns.map(() => 0)).map((v, i) => v + measures[i]!));
      }
    }
    const kept = db.prepare(`SELECT dim, day, key, ${columns.join(', ')} FROM stats_daily`).raw().all() as [string, string, string, ...number[]][];
    expect(new Map(kept.map(([dim, day, key, ...m]) => [`${dim}|${day}|${key}`, m]))).toEqual(recount);
  });

  it('keeps the days each part became known as each case’s story wrote them, and migrations 0050 and 0052 fill them the same', () => {
    const db = reg.core.db;
    const columns = ['accepted', 'resolved', 'recovered_fen', 'punitive_cases', 'punitive_fen', 'lawsuit', 'finished', 'handling_days', 'in_time', 'received', 'repeats'];
    const parts = [['accepted'], ['resolved', 'recovered_fen', 'punitive_cases', 'punitive_fen', 'lawsuit'], ['finished', 'handling_days', 'in_time'], ['received', 'repeats']];
    const recount = new Map<string, number[]>();
    const put = (day: string, on: string, byColumn: Record<string, number>) => {
      const k = `${day}|${on}`;
      const sums = (recount.get(k) ?? columns.map(() => 0)).map((v, j) => v + (byColumn[columns[j]!] ?? 0));
      if (sums.every((v) => v === 0)) recount.delete(k);
      else recount.set(k, sums);
    };
    for (const id of db.prepare('SELECT id FROM cases').pluck().all() as number[]) {
      const f = reg.core.services.store.read.facts(id);
      if (!f.keys) continue;
      const byColumn: Record<string, number> = { accepted: f.accepted, resolved: f.resolved, recovered_fen: f.recoveredFen, punitive_cases: f.punitiveCases, punitive_fen: f.punitiveFen, lawsuit: f.lawsuit, finished: f.finished, handling_days: f.handlingDays, in_time: f.inTime, received: f.received, repeats: f.repeats };
      parts.forEach((part, i) => {
        const on = f.known[i];
        if (on && part.some((c) => byColumn[c])) put(f.day, on, Object.fromEntries(part.map((c) => [c, byColumn[c]!])));
      });
    }
    // D: on the register from 3 February (registered that day), taken off on 4 February (voided).
    put('2026-02-03', '2026-02-03', { received: 1 });
    put('2026-02-03', '2026-02-04', { received: -1 });
    const kept = () => new Map((db.prepare(`SELECT day, known_on, ${columns.join(', ')} FROM stats_known`).raw().all() as [string, string, ...number[]][]).map(([day, on, ...m]) => [`${day}|${on}`, m]));
    const live = kept();
    // A's outcome and acceptance on its day of receipt, its end on 5 January; E's three on two later days; C's end; B's, F's, G's; D's two.
    expect(live.size).toBeGreaterThanOrEqual(9);
    expect(live).toEqual(recount);
    const knownColumn = () => db.prepare('SELECT case_id, known FROM case_stats ORDER BY case_id').raw().all();
    const liveKnown = knownColumn();
    // What the upgrade of a register from before 0050 gives: the same rows, the same days per case.
    db.exec('ALTER TABLE case_stats DROP COLUMN known; DROP TABLE stats_known');
    for (const _ of knownDays.up(db) as Generator);
    for (const _ of knownRegistered.up(db) as Generator);
    expect(kept()).toEqual(live);
    expect(knownColumn()).toEqual(liveKnown);
  });

  it('refuses a period that ends before it starts, in Chinese', async () => {
    const r = await staff.clerk.call('stats.summary', { from: '2026-03-01', to: '2026-02-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields).toMatchObject({ to: '开始日期不能晚于结束日期' });
  });
});
