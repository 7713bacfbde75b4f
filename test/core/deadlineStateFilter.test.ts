import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseSearch } from '../../electron/core/store/caseSearch';
import { createDeadlineStates } from '../../electron/core/store/deadlineStates';
import { loadCalendar } from '../../electron/core/services/calendar';
import { casesSearch, deadlineFilterStates, type CaseSort } from '../../shared/api/schemas/caseSearch';
import type { UserView } from '../../shared/api/schemas/common';
import type { DeadlineKind } from '../../shared/domain/deadlines';
import { minimalComplaint, openRegister, type Register } from './harness';
import { withStaff } from './staff';

/**
 * The register filtered by a deadline's state (期限状态), of any kind or of one: a state few deadlines
 * are in is listed from its index, any other is asked of each case (store/deadlineStates.ts). Both
 * ways must give the very cases the rule names, in the list's order, on every page.
 *
 * The deadlines' states are written here directly: the workflow reaches each state by many steps,
 * and the filter reads only these rows. What each state means (met late: ended after its due date)
 * is spelled out below, apart from the store's SQL.
 */
let reg: Register;
let admin: UserView;
let voided: number;

type Row = { case_id: number; kind: string; state: string; due_on: string; ended_on: string | null };
const STATES: [kind: DeadlineKind, state: string, due: string, ended: string | null][][] = [
  [['acceptance', 'met', '2026-11-09', '2026-11-05'], ['mediation', 'running', '2026-12-20', null]],
  [['acceptance', 'met', '2026-11-09', '2026-11-12'], ['mediation', 'paused', '2026-12-20', null]],
  [['acceptance', 'cancelled', '2026-11-09', '2026-11-06']],
  [['acceptance', 'met', '2026-11-10', '2026-11-10'], ['mediation', 'met', '2026-11-20', '2026-11-25'], ['followUp', 'running', '2026-12-01', null]],
  [['acceptance', 'met', '2026-11-10', '2026-11-11'], ['businessReply', 'cancelled', '2026-11-20', '2026-11-15']],
  [['acceptance', 'running', '2026-11-30', null]],
  [['acceptance', 'met', '2026-11-10', '2026-11-08'], ['mediation', 'met', '2026-11-30', '2026-11-28']],
];
const CASES = 14;

beforeAll(async () => {
  reg = await openRegister();
  for (let i = 0; i < CASES; i++) {
    await reg.must('cases.register', minimalComplaint({
      receivedAt: `2026-11-${String(2 + Math.floor(i / 3)).padStart(2, '0')}T10:00:00+08:00`,
      complainant: { name: `投诉人${i}`, phone: `1390000${String(1000 + i)}` },
      category: i % 2 ? 'S03' : 'G01',
    }));
  }
  admin = (await reg.must<{ user: UserView }>('session.me', {})).user;
  const db = reg.core.db;
  const ids = db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[];
  // Voided first: voiding ends the case's clocks, and the states below are the ones to list.
  voided = ids[1]!;
  await (await withStaff(reg)).supervisor.act(voided, 'void', { reason: '重复登记' });
  db.transaction(() => {
    db.prepare('DELETE FROM case_deadlines').run();
    const put = db.prepare(
      "INSERT INTO case_deadlines (case_id, kind, start_on, limit_amount, limit_unit, due_on, state, ended_on, paused_since, created_at) VALUES (?, ?, '2026-11-02', 5, 'workingDays', ?, ?, ?, ?, '2026-11-02T10:00:00+08:00')",
    );
    for (const [i, id] of ids.entries()) for (const [kind, state, due, ended] of STATES[i % STATES.length]!) put.run(id, kind, due, state, ended, state === 'paused' ? '2026-11-20' : null);
  })();
}, 60_000);
afterAll(() => reg.close());

/** The cases the rule names, from the rows as this test wrote them. */
function expected(state: (typeof deadlineFilterStates)[number], kind: DeadlineKind | undefined): Set<number> {
  const rows = reg.core.db.prepare('SELECT case_id, kind, state, due_on, ended_on FROM case_deadlines').all() as Row[];
  const named = (r: Row) =>
    state === 'met' ? r.state === 'met' && r.ended_on! <= r.due_on : state === 'metLate' ? r.state === 'met' && r.ended_on! > r.due_on : r.state === state;
  return new Set(rows.filter((r) => named(r) && (!kind || r.kind === kind)).map((r) => r.case_id));
}

/** Every page by cursor, three rows a page. */
async function everyRow(search: ReturnType<typeof createCaseSearch>, filters: Record<string, unknown>) {
  const ids: number[] = [];
  let after: string | undefined;
  let total = -1;
  for (let page = 0; page < 20; page++) {
    const r = await search.search(casesSearch.input.parse({ ...filters, page: 1, pageSize: 3, ...(after ? { after } : {}) }), admin);
    total = r.total;
    ids.push(...r.rows.map((x) => x.id));
    if (!r.next) break;
    after = r.next;
  }
  return { ids, total };
}

describe('the register filtered by a deadline state', () => {
  const sorts: CaseSort[] = ['receivedAt:desc', 'caseNo:asc', 'complainantName:desc'];

  it.each([
    ['listed from the index (few)', 1_000],
    ['asked of each case', 0],
  ])('gives exactly the cases with such a deadline, in the list order, %s', async (_, fewAtMost) => {
    const { db, services } = reg.core;
    const search = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { sortAtMost: fewAtMost });
    for (const sort of sorts) {
      const whole = (await everyRow(search, { sort, includeVoided: true })).ids;
      expect(whole).toHaveLength(CASES);
      for (const state of deadlineFilterStates) {
        for (const kind of [undefined, 'acceptance', 'mediation'] as const) {
          for (const includeVoided of [false, true]) {
            const want = expected(state, kind);
            const wanted = whole.filter((id) => want.has(id) && (includeVoided || id !== voided));
            const got = await everyRow(search, { sort, deadlineState: state, ...(kind ? { deadlineKind: kind } : {}), ...(includeVoided ? { includeVoided } : {}) });
            const what = JSON.stringify({ sort, state, kind, includeVoided });
            expect(got.ids, what).toEqual(wanted);
            expect(got.total, what).toBe(wanted.length);
          }
        }
      }
    }
    // Not vacuous: every state names some case, and the voided case is one of them.
    for (const state of deadlineFilterStates) expect(expected(state, undefined).size, state).toBeGreaterThan(0);
    expect(expected('paused', undefined).has(voided)).toBe(true);
  });

  it('counts a state alone up to one past the cap, the voided left out, whether or not it is past the cap by more than the voided cases', () => {
    const db = reg.core.db;
    const voidedCases = db.prepare("SELECT COUNT(*) FROM cases WHERE status = 'voided'").pluck().get() as number;
    expect(voidedCases).toBe(1);
    for (const fewAtMost of [-1, 1e9]) {
      const states = createDeadlineStates(db, fewAtMost);
      for (const state of deadlineFilterStates) {
        for (const kind of [undefined, 'acceptance', 'mediation'] as const) {
          const alone = states(state, kind).countAlone(false, 0);
          if (!alone) continue;
          const exact = [...expected(state, kind)].filter((id) => id !== voided).length;
          // Each cap from none to past every case: past the cap by more than the voided, just past it, and under it.
          for (let cap = 0; cap <= CASES; cap++) {
            const { sql, params } = states(state, kind).countAlone(false, cap)!;
            expect(db.prepare(sql).pluck().get(...params), JSON.stringify({ fewAtMost, state, kind, cap, exact })).toBe(Math.min(exact, cap + 1));
          }
        }
      }
    }
    // Not vacuous: the voided case has a deadline met late, so a cap one under that state's cases counts it out.
    expect(expected('metLate', undefined).has(voided)).toBe(true);
  });

  it('lists a state few deadlines are in, and asks each case of any other', () => {
    const { db, services } = reg.core;
    const few = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { sortAtMost: 3 });
    const where = (state: (typeof deadlineFilterStates)[number], kind?: DeadlineKind) =>
      few.plan(casesSearch.input.parse({ deadlineState: state, ...(kind ? { deadlineKind: kind } : {}), page: 1, pageSize: 50 }), admin).page.sql;
    // 3 deadlines at most: 2 paused, 2 running of mediation; 6 running of any kind, 4 cancelled.
    expect(where('paused')).toMatch(/c\.id IN \(SELECT d\.case_id FROM case_deadlines d WHERE d\.state = 'paused'\)/);
    expect(where('running')).toMatch(/EXISTS \(SELECT 1 FROM case_deadlines d WHERE d\.state = 'running' AND d\.case_id = c\.id LIMIT 1\)/);
    expect(where('running', 'mediation')).toMatch(/c\.id IN \(SELECT d\.case_id FROM case_deadlines d WHERE d\.state = 'running' AND d\.kind = \?\)/);
    expect(where('metLate')).toMatch(/case_deadlines d INDEXED BY case_deadlines_late WHERE d\.state = 'met' AND d\.ended_on > d\.due_on/);
    expect(where('metLate', 'mediation')).toMatch(/case_deadlines d INDEXED BY case_deadlines_late_kind WHERE d\.state = 'met' AND d\.ended_on > d\.due_on AND d\.kind = \?/);
  });

  it('judges a state few again after a write, and only then', () => {
    const { db } = reg.core;
    const paused = () => db.prepare("SELECT COUNT(*) FROM case_deadlines WHERE state = 'paused'").pluck().get() as number;
    const n = paused();
    const states = createDeadlineStates(db, n);
    // Judged once, then kept: the write below must undo that.
    expect(states('paused', undefined).listed).toBe(true);
    const one = db.prepare("SELECT id FROM case_deadlines WHERE state = 'running' LIMIT 1").pluck().get() as number;
    db.prepare("UPDATE case_deadlines SET state = 'paused', paused_since = '2026-11-20' WHERE id = ?").run(one);
    try {
      expect(paused()).toBe(n + 1);
      // One more than few since the write: asked of each case now.
      expect(states('paused', undefined).listed).toBe(false);
    } finally {
      db.prepare("UPDATE case_deadlines SET state = 'running', paused_since = NULL WHERE id = ?").run(one);
    }
    expect(states('paused', undefined).listed).toBe(true);
  });
});
