import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../electron/core/services/calendar';
import { createCaseSearch } from '../../electron/core/store/caseSearch';
import { createStateNewest } from '../../electron/core/store/stateNewest';
import { casesSearch, deadlineFilterStates } from '../../shared/api/schemas/caseSearch';
import type { UserView } from '../../shared/api/schemas/common';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff } from './staff';

/**
 * A deadline state alone, newest received first, is read from the state's index by case id
 * (store/stateNewest.ts). Ids follow registration, so the register here is registered out of its
 * receipt order: cases received days before those registered ahead of them, several on one day at
 * different hours, and one whose receipt date is corrected, after it was registered, to a day later
 * than every other case's (the lowest id received last). Each state's pages, by cursor and by number,
 * must be the register's own order, whatever the walk's first step.
 */
let reg: Register;
let admin: UserView;
let voided: number;
let late: number;

// Receipt day and hour of each case, in the order they are registered.
const RECEIVED = ['11-10T09', '11-03T15', '11-12T08', '11-05T10', '11-12T16', '11-02T09', '11-12T11', '11-09T14', '11-04T09', '11-11T10', '11-06T09', '11-12T09', '11-03T08', '11-10T17'];
// Each case's deadlines: state, due and end day (in November), by its place in registration.
const STATES: [string, string, string | null][][] = [
  [['cancelled', '09', '06']],
  [['met', '09', '12'], ['running', '30', null]],
  [['met', '10', '05'], ['cancelled', '20', '15']],
  [['met', '10', '11']],
  [['cancelled', '12', '10'], ['paused', '30', null]],
];

beforeAll(async () => {
  reg = await openRegister(fixedClock('2026-11-13T18:00:00+08:00'));
  const staff = await withStaff(reg);
  admin = (await reg.must<{ user: UserView }>('session.me', {})).user;
  const ids: number[] = [];
  for (const [i, at] of RECEIVED.entries()) {
    ids.push((await reg.must<{ id: number }>('cases.register', minimalComplaint({ receivedAt: `2026-${at}:00:00+08:00`, complainant: { name: `投诉人${i}`, phone: `1390000${1000 + i}` } }))).id);
  }
  late = ids[0]!;
  const v = (await reg.must<{ version: number }>('cases.get', { id: late })).version;
  await reg.must('cases.correct', { id: late, version: v, changes: { receivedAt: '2026-11-13T17:00:00+08:00' }, reason: '收到时间登记有误' });
  voided = ids[7]!;
  await staff.supervisor.act(voided, 'void', { reason: '重复登记' });
  const db = reg.core.db;
  db.transaction(() => {
    db.prepare('DELETE FROM case_deadlines').run();
    const put = db.prepare(
      "INSERT INTO case_deadlines (case_id, kind, start_on, limit_amount, limit_unit, due_on, state, ended_on, paused_since, created_at) VALUES (?, ?, '2026-11-02', 5, 'workingDays', ?, ?, ?, ?, '2026-11-02T10:00:00+08:00')",
    );
    const kinds = ['acceptance', 'mediation'];
    for (const [i, id] of ids.entries()) {
      for (const [k, [state, due, ended]] of STATES[i % STATES.length]!.entries()) put.run(id, kinds[k], `2026-11-${due}`, state, ended && `2026-11-${ended}`, state === 'paused' ? '2026-11-20' : null);
    }
  })();
}, 60_000);
afterAll(() => reg.close());

const RULES: Record<(typeof deadlineFilterStates)[number], string> = {
  running: "d.state = 'running'",
  paused: "d.state = 'paused'",
  cancelled: "d.state = 'cancelled'",
  met: "d.state = 'met' AND d.ended_on <= d.due_on",
  metLate: "d.state = 'met' AND d.ended_on > d.due_on",
};

/** The register's own order of a state's cases: newest received first. */
function wanted(state: (typeof deadlineFilterStates)[number], includeVoided: boolean): number[] {
  return reg.core.db
    .prepare(`SELECT c.id FROM cases c WHERE EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND ${RULES[state]})${includeVoided ? '' : " AND c.status <> 'voided'"} ORDER BY c.received_at DESC, c.id DESC`)
    .pluck()
    .all() as number[];
}

describe('a deadline state alone, newest received first, read by case id', () => {
  it.each([1, 2, 128])('gives the register\'s own order on every page, by cursor and by number, the walk\'s first step %i', async (newestStep) => {
    const { db, services } = reg.core;
    const search = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true, { newestStep });
    for (const state of deadlineFilterStates) {
      for (const includeVoided of [false, true]) {
        const want = wanted(state, includeVoided);
        const what = JSON.stringify({ state, includeVoided, newestStep });
        const filters = { deadlineState: state, ...(includeVoided ? { includeVoided } : {}) };
        expect(search.plan(casesSearch.input.parse({ ...filters, page: 1 }), admin).stateNewest, what).not.toBeNull();
        const byCursor: number[] = [];
        let after: string | undefined;
        for (let page = 0; page < 10; page++) {
          const r = await search.search(casesSearch.input.parse({ ...filters, page: 1, pageSize: 2, ...(after ? { after } : {}) }), admin);
          byCursor.push(...r.rows.map((x) => x.id));
          expect(r.total, what).toBe(want.length);
          if (!r.next) break;
          after = r.next;
        }
        expect(byCursor, what).toEqual(want);
        const byNumber: number[] = [];
        for (let page = 1; page <= Math.ceil(want.length / 2) + 1; page++) byNumber.push(...(await search.search(casesSearch.input.parse({ ...filters, page, pageSize: 2 }), admin)).rows.map((x) => x.id));
        expect(byNumber, what).toEqual(want);
      }
    }
    // Not vacuous: the case received last has the lowest id and a cancelled clock, so 已取消's first row is the walk's last.
    expect(wanted('cancelled', false)[0]).toBe(late);
    expect(wanted('cancelled', true)).toContain(voided);
  });

  it('reads the page by id where the receipt days allow it, and says it cannot where the walk would pass too many', () => {
    const { db, services } = reg.core;
    const search = createCaseSearch(db, services.clock, () => loadCalendar(db), () => true);
    const newest = createStateNewest(db, 1);
    const plan = search.plan(casesSearch.input.parse({ deadlineState: 'cancelled', page: 1 }), admin).stateNewest!;
    expect(newest(plan, 3, 0)?.map((r) => r.id)).toEqual(wanted('cancelled', false).slice(0, 3));
    // The whole state past a walk of two cases: not read so (the search then reads it as before).
    expect(createStateNewest(db, 1, 2)(plan, 5, 0)).toBeNull();
    expect(createStateNewest(db, 1, 64)(plan, 5, 0)?.map((r) => r.id)).toEqual(wanted('cancelled', false).slice(0, 5));
    // Sorted otherwise, or with another filter, the state's list is read as before.
    for (const input of [{ deadlineState: 'cancelled', sort: 'caseNo:asc' }, { deadlineState: 'cancelled', category: 'G01' }, { deadlineState: 'cancelled', deadlineKind: 'acceptance' }]) {
      expect(search.plan(casesSearch.input.parse({ ...input, page: 1 }), admin).stateNewest, JSON.stringify(input)).toBeNull();
    }
  });
});
