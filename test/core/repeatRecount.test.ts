import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import type { Logger } from '../../electron/core/ports';
import type { StatsSummary } from '../../shared/api/schemas/stats';
import { fixedClock, minimalComplaint, tempDir, TEST_NOW } from './harness';

/**
 * 重复投诉 counted again after the office changes its repeat window ([F] #11): the stored repeat
 * flags (统计's 重复投诉率, the register's `repeat` filter, a business's repeat count) follow the new
 * window once the background recount has run, a restart in the middle resumes it, a second change
 * starts it again, and a change back gives the very figures of before. Real registers in a temp folder.
 *
 * 张三 complains about 杭州某某电器 on 2 March, 1 May (60 days later) and 29 August (120 days after
 * that): under 90 days only 1 May is a repeat, under 180 days 29 August is too. 李四's two complaints
 * against it 100 days apart, the first voided, are never a repeat (a voided case counts as no
 * earlier complaint). Enough other complaints make the register longer than one small chunk.
 */
const at = (date: string) => `${date}T10:00:00+08:00`;
const SHOP = '杭州某某电器有限公司';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

const place = tempDir();
const clock = fixedClock(TEST_NOW);
const lines: string[] = [];
const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m, e) => lines.push(`${m} ${String(e)}`) };
let core: Core;
let token: string;
const names: Record<number, string> = {};

/** The background part of a start runs `delayMs` after it (the recount with it); the core's default is 3 s. */
const open = (delayMs: number) => createCore({ dataDir: place.dir, clock, log, backgroundDelayMs: delayMs, inlineCheckBytes: 1 << 30 });

async function must<T>(name: string, input: unknown): Promise<T> {
  let r = await core.call(name, input, token);
  if (!r.ok && r.error.code === 'UNAUTHENTICATED') {
    const login = await core.call('session.login', { username: 'admin', password: 'correct horse' }, null);
    token = (login as { ok: true; value: { token: string } }).value.token;
    r = await core.call(name, input, token);
  }
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function register(name: string, date: string, person: { name: string; phone: string }, respondent = SHOP): Promise<number> {
  clock.set(at(date));
  const { id } = await must<{ id: number }>('cases.register', minimalComplaint({ complainant: person, respondent: { name: respondent }, facts: `${name}：${date}的投诉` }));
  names[id] = name;
  return id;
}

/** What the repeat window decides, read the three ways a person sees it. */
async function figures() {
  const s = await must<StatsSummary>('stats.summary', YEAR);
  const search = await must<{ rows: { id: number }[]; total: number }>('cases.search', { ...YEAR, repeat: true, sort: 'receivedAt:asc' });
  const shop = core.db.prepare('SELECT id FROM respondents WHERE name = ?').pluck().get(SHOP) as number;
  const business = await must<{ cases: number; repeats: number }>('respondents.get', { id: shop });
  return { repeats: s.repeats, repeatRate: s.repeatRate, found: search.rows.map((r) => names[r.id]), shopRepeats: business.repeats, shopCases: business.cases };
}
const recountShown = async () => (await must<StatsSummary>('stats.summary', YEAR)).repeatRecount;

/** Everything the repeat flags feed, as stored: per case, per day and breakdown, per business. */
const stored = () => ({
  cases: core.db.prepare('SELECT case_id, day, keys, measures FROM case_stats ORDER BY case_id').raw().all(),
  daily: core.db.prepare('SELECT * FROM stats_daily ORDER BY dim, day, key').raw().all(),
  businesses: core.db.prepare('SELECT * FROM respondent_stats ORDER BY respondent_id').raw().all(),
});

/** Each case's stored contribution is what it counts now, under the window in force. */
function expectEveryCaseCountedAfresh(): void {
  for (const id of core.db.prepare('SELECT id FROM cases').pluck().all() as number[]) {
    const f = core.services.store.read.facts(id);
    const kept = JSON.parse(core.db.prepare('SELECT measures FROM case_stats WHERE case_id = ?').pluck().get(id) as string) as number[];
    expect([id, kept[10]]).toEqual([id, f.repeats]);
  }
}

const saveWindow = (days: number) => must('officeSettings.saveSection', { section: 'intake', values: { repeatWindowDays: days } });
/** Until 统计 no longer says the repeat figure is being counted again. */
const untilRecounted = () => vi.waitFor(async () => expect(await recountShown()).toBeFalsy(), { timeout: 10_000, interval: 20 });
const lastCaseId = () => core.db.prepare('SELECT MAX(id) FROM cases').pluck().get() as number;

let before90: ReturnType<typeof stored>;


beforeAll(async () => {
  // A start whose background part (and so the recount) would begin only after a minute: the test drives the chunks.
  core = await open(60_000);
  const init = await core.call('setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '王管理', password: 'correct horse' } }, null);
  if (!init.ok) throw new Error(init.error.message);
  const login = await core.call('session.login', { username: 'admin', password: 'correct horse' }, null);
  token = (login as { ok: true; value: { token: string } }).value.token;
  const zhang = { name: '张三', phone: '13812345678' };
  const li = { name: '李四', phone: '13700002222' };
  await register('A', '2026-03-02', zhang);
  for (let i = 0; i < 6; i++) await register(`other${i}`, `2026-04-0${i + 1}`, { name: `王${i}`, phone: `1360000000${i}` }, i % 2 ? SHOP : '西湖某某商行');
  await register('B', '2026-05-01', zhang);
  const l1 = await register('L1', '2026-05-10', li);
  await must('cases.act', { id: l1, version: (await must<{ version: number }>('cases.get', { id: l1 })).version, action: 'void', reason: '登记错误' });
  await register('C', '2026-08-29', zhang);
  await register('L2', '2026-08-18', li);
  clock.set(TEST_NOW);
}, 60_000);
afterAll(() => {
  core.close();
  place.remove();
});

describe('the repeat flags follow a change of the office repeat window', () => {
  it('counts under the default 90 days: 1 May is a repeat, 29 August (120 days on) is not', async () => {
    expect(await figures()).toEqual({ repeats: 1, repeatRate: 0.1, found: ['B'], shopRepeats: 1, shopCases: 7 });
    before90 = stored();
  });

  it('change to 180 days: once the recount has run, 29 August is a repeat too, in 统计, the register and the business', async () => {
    // This start's background part is a minute away: the recount runs now as on a register opened for a while.
    core.close();
    core = await open(0);
    await saveWindow(180);
    await untilRecounted();
    expect(await figures()).toEqual({ repeats: 2, repeatRate: 0.2, found: ['B', 'C'], shopRepeats: 2, shopCases: 7 });
    expectEveryCaseCountedAfresh();
  });

  it('back to 90 days gives the figures of before exactly; the recount is logged, not audited', async () => {
    const auditRows = () => core.db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[];
    const audited = auditRows().length;
    lines.length = 0;
    await saveWindow(90);
    await untilRecounted();
    expect(await figures()).toEqual({ repeats: 1, repeatRate: 0.1, found: ['B'], shopRepeats: 1, shopCases: 7 });
    expect(stored()).toEqual(before90);
    expectEveryCaseCountedAfresh();
    // The change of the setting is on the audit chain; the recount, which nobody did, is not.
    expect(auditRows().slice(audited)).toEqual(['settings.change']);
    expect(lines.some((l) => /counted again under a window of 90 days: 1 of \d+ case\(s\) changed/.test(l))).toBe(true);
  });

  it('says the figure is being counted again while the recount runs; a second change starts it over; a restart mid-way resumes it', async () => {
    core.close();
    core = await open(60_000);
    const total = lastCaseId();
    await saveWindow(180);
    // The recount has not run (this start's background part is a minute away): the figures are still those of 90 days, and 统计 says so.
    expect(await figures()).toMatchObject({ repeats: 1, found: ['B'], shopRepeats: 1 });
    expect(await recountShown()).toEqual({ windowDays: 180, done: 0, total });

    expect(core.services.repeatRecount.step(2)).toBe(true);
    expect(await recountShown()).toEqual({ windowDays: 180, done: 2, total });
    // Changed again mid-way: the walk starts over from the first case under the newest window.
    await saveWindow(30);
    expect(await recountShown()).toEqual({ windowDays: 30, done: 0, total });
    expect(core.services.repeatRecount.step(2)).toBe(true);
    await saveWindow(180);
    expect(await recountShown()).toEqual({ windowDays: 180, done: 0, total });
    expect(core.services.repeatRecount.step(4)).toBe(true);
    expect(await recountShown()).toEqual({ windowDays: 180, done: 4, total });

    // Stopped in the middle (a close, or a crash after the chunk's commit): the next start resumes after case 4.
    core.close();
    lines.length = 0;
    core = await open(0);
    await untilRecounted();
    expect(lines.some((l) => /resuming the recount .* 180 days after case 4 of/.test(l))).toBe(true);
    expect(lines.some((l) => /counted again under a window of 180 days: 1 of \d+ case\(s\) changed/.test(l))).toBe(true);
    expect(await figures()).toEqual({ repeats: 2, repeatRate: 0.2, found: ['B', 'C'], shopRepeats: 2, shopCases: 7 });
    expectEveryCaseCountedAfresh();
  });

  it('a change that is not of the window plans no recount', async () => {
    await must('officeSettings.saveSection', { section: 'archive', values: { retention: '永久' } });
    expect(await recountShown()).toBeNull();
  });
});

describe('a new register', () => {
  it('records the window it counts under from the start, so its first start with cases recounts nothing', async () => {
    const fresh = tempDir();
    const freshLines: string[] = [];
    const freshLog: Logger = { info: (m) => freshLines.push(m), warn: (m) => freshLines.push(m), error: (m) => freshLines.push(m) };
    const openFresh = () => createCore({ dataDir: fresh.dir, clock, log: freshLog, backgroundDelayMs: 60_000, inlineCheckBytes: 1 << 30 });
    let c = await openFresh();
    try {
      const init = await c.call('setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '王管理', password: 'correct horse' } }, null);
      expect(init.ok).toBe(true);
      expect(c.services.settings.get('stats.repeatWindowCounted', null)).toBe(90);
      const login = (await c.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { ok: true; value: { token: string } };
      expect((await c.call('cases.register', minimalComplaint(), login.value.token)).ok).toBe(true);
      c.close();
      c = await openFresh();
      c.services.repeatRecount.start();
      expect(c.services.repeatRecount.progress()).toBeNull();
      expect(freshLines.filter((l) => /counting them again/.test(l))).toEqual([]);
    } finally {
      c.close();
      fresh.remove();
    }
  });
});

describe('the recount reads along indexes', () => {
  it('walks the register by id and finds an earlier complaint by an index, never scanning every case', () => {
    const plan = (sql: string, params: Record<string, unknown>) =>
      (core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
    const sql = core.services.store.read.repeatSql;
    const walk = plan(sql.flags, { after: 0, through: 10, limit: 500 });
    expect(walk.join('\n')).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(walk.join('\n')).toMatch(/SEARCH s USING INTEGER PRIMARY KEY \(rowid=\?\)|SEARCH s USING INDEX sqlite_autoindex_case_stats_1/);
    const earlier = plan(sql.earlier, { respondent: 1, id: 5, phone: '13812345678', idNumber: null, since: '2026-01-01', on: '2026-05-01' });
    expect(earlier.join('\n')).toMatch(/USING INDEX/);
    expect(earlier.join('\n')).not.toMatch(/SCAN cases\b|SCAN c\b/);
  });
});
