import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { signIn, withStaff, type Staff } from './staff';

/**
 * The lists behind 今日 (issue [C]): overdue, due today, due within 3 working days (after today),
 * for every kind of deadline; my cases; waiting for my approval; registered today. The clock is
 * moved by hand, so "today" is the core's.
 */
let reg: Register;
let staff: Staff;
const ids: Record<string, number> = {};

const search = async (who: keyof Staff, filter: Record<string, unknown>) =>
  ((await staff[who].must('cases.search', { ...filter, pageSize: 200 })) as { rows: { id: number; complainantName: string; nextDeadline: any }[] }).rows
    .map((r) => r.complainantName)
    .sort();

beforeAll(async () => {
  reg = await openRegister(fixedClock('2026-11-09T09:00:00+08:00'));
  staff = await withStaff(reg);
  const register = async (name: string, receivedAt?: string) =>
    (ids[name] = (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name, phone: '13812345678' }, ...(receivedAt ? { receivedAt } : {}) }))).id);

  // Registered 2026-11-09 (Monday): acceptance due 11-18.
  await register('今日到期受理');
  // Accepted at once, assigned, the business asked to reply in 3 工作日 (due 11-12).
  await register('待商家答复');
  await staff.clerk.act(ids['待商家答复']!, 'accept');
  await staff.supervisor.act(ids['待商家答复']!, 'assign', { userId: staff.investigator.user.id });
  await staff.investigator.act(ids['待商家答复']!, 'startInvestigation');
  await staff.investigator.act(ids['待商家答复']!, 'recordContact', { with: 'respondent', how: 'phone', summary: '转交', transfer: true });

  reg.clock.set('2026-11-18T09:00:00+08:00');
  // Registered 11-18: due 11-27.
  await register('下周到期');
  // A letter received 11-13 and registered today: acceptance due 11-24.
  await register('今日登记的来信', '2026-11-13T10:00:00+08:00');
  // A proposal by the investigator waiting for a supervisor.
  await register('待审批');
  await staff.clerk.act(ids['待审批']!, 'accept');
  await staff.supervisor.act(ids['待审批']!, 'assign', { userId: staff.investigator.user.id });
  await staff.investigator.act(ids['待审批']!, 'startInvestigation');
  await staff.investigator.act(ids['待审批']!, 'proposeOutcome', { measures: ['repair'], recoveredFen: 0, summary: '修理' });
  // Refused at the counter by supervisor2: waits for another supervisor.
  await register('主任提出的不予受理');
  await staff.supervisor2.act(ids['主任提出的不予受理']!, 'refuse', { grounds: ['1'], reason: '不属于本会职责' });
});
afterAll(() => reg.close());

describe('今日, on 2026-11-18', () => {
  it('counts overdue deadlines of every kind, not only acceptance', async () => {
    expect(await search('clerk', { overdue: true })).toEqual(['待商家答复']); // business reply due 11-12
    expect(await search('clerk', { overdue: true, deadlineKind: 'acceptance' })).toEqual([]);
    expect(await search('clerk', { overdue: true, deadlineKind: 'businessReply' })).toEqual(['待商家答复']);
  });

  it('counts what is due today, and within 3 working days after today without today itself', async () => {
    expect(await search('clerk', { dueWithinWorkingDays: 0 })).toEqual(['今日到期受理']); // acceptance due 11-18
    // 3 working days after Wednesday 11-18 is Monday 11-23; 11-24 is outside.
    expect(await search('clerk', { dueWithinWorkingDays: 3 })).toEqual([]);
    expect(await search('clerk', { dueWithinWorkingDays: 4 })).toEqual(['今日登记的来信']);
  });

  it('lists my cases for the handler, and the proposals waiting for my approval for supervisors only', async () => {
    expect(await search('investigator', { mine: true })).toEqual(['待商家答复', '待审批']);
    expect(await search('investigator2', { mine: true })).toEqual([]);
    expect(await search('supervisor', { awaitingMyApproval: true })).toEqual(['主任提出的不予受理', '待审批']);
    // Nobody approves their own proposal: supervisor2 proposed the refusal.
    expect(await search('supervisor2', { awaitingMyApproval: true })).toEqual(['待审批']);
    expect(await search('clerk', { awaitingMyApproval: true })).toEqual([]);
    expect(await search('investigator', { awaitingMyApproval: true })).toEqual([]);
    // Counted past a full page (today's 今日 count) in the awaiting cases' own index (migration 0027): the same rule.
    const total = async (who: keyof Staff) => ((await staff[who].must('cases.search', { awaitingMyApproval: true, pageSize: 1 })) as { total: number }).total;
    expect(await total('supervisor')).toBe(2);
    expect(await total('supervisor2')).toBe(1);
    expect(await total('investigator')).toBe(0);
  });

  it('counts as registered today what was entered today, whatever day it was received', async () => {
    expect(await search('clerk', { registeredOn: '2026-11-18' })).toEqual(['下周到期', '主任提出的不予受理', '今日登记的来信', '待审批'].sort());
    expect(await search('clerk', { from: '2026-11-18', to: '2026-11-18' })).not.toContain('今日登记的来信');
  });

  it('gives each row its nearest open deadline as the core counts it', async () => {
    const rows = (await staff.clerk.must('cases.search', { pageSize: 200, sort: 'dueOn:asc' })).rows as any[];
    const first = rows[0];
    expect(first.complainantName).toBe('待商家答复');
    expect(first.nextDeadline).toMatchObject({ kind: 'businessReply', dueOn: '2026-11-12', state: 'overdue', workingDaysLeft: -4 });
    expect(first.handlerName).toBe('赵调查');
    expect(await staff.clerk.must('clock.today', {})).toEqual({ today: '2026-11-18', now: '2026-11-18T09:00:00+08:00' });
  });
});

describe('a case with two running clocks, one of them late', () => {
  it('is overdue, not also due soon on the later clock: the lists go by the deadline its row shows', async () => {
    const own = await openRegister(fixedClock('2026-11-09T09:00:00+08:00'));
    try {
      const team = await withStaff(own);
      // Accepted on Monday 11-09 (its 60-day mediation clock: due 2027-01-08), passed to the business,
      // whose reply was due 11-12.
      const { id } = await team.clerk.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: '两个期限', phone: '13812345678' } }));
      await team.clerk.act(id, 'accept');
      await team.supervisor.act(id, 'assign', { userId: team.investigator.user.id });
      await team.investigator.act(id, 'startInvestigation');
      await team.investigator.act(id, 'recordContact', { with: 'respondent', how: 'phone', summary: '转交', transfer: true });
      own.clock.set('2026-12-31T09:00:00+08:00');
      const clerk = await signIn(own, 'clerk');
      const names = async (filter: Record<string, unknown>) => ((await clerk.must('cases.search', filter)) as { rows: { complainantName: string }[] }).rows.map((r) => r.complainantName);

      expect(await names({ overdue: true })).toEqual(['两个期限']);
      expect(await names({ dueWithinWorkingDays: 10 })).toEqual([]);
      expect(await names({ dueWithinWorkingDays: 10, sort: 'dueOn:asc' })).toEqual([]);
      // Asked for by kind, the later clock is due within the span.
      expect(await names({ dueWithinWorkingDays: 10, deadlineKind: 'mediation' })).toEqual(['两个期限']);
      const [row] = ((await clerk.must('cases.search', { overdue: true })) as { rows: { nextDeadline: unknown }[] }).rows;
      expect(row!.nextDeadline).toMatchObject({ kind: 'businessReply', dueOn: '2026-11-12', state: 'overdue' });
    } finally {
      own.close();
    }
  });
});

describe("a row's next deadline", () => {
  it('is the nearest running clock before any paused one, and a paused clock when nothing runs', async () => {
    const own = await openRegister(fixedClock('2026-11-09T09:00:00+08:00'));
    try {
      const team = await withStaff(own);
      const register = async (name: string) => (await team.clerk.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name, phone: '13812345678' } }))).id;
      // 限期补正: the acceptance clock (due 11-18) waits; the materials' clock runs to 11-30.
      const waiting = await register('补正中');
      await team.clerk.act(waiting, 'requestMaterials', { items: ['购物发票'], dueOn: '2026-11-30' });
      // Sent for appraisal: the investigation's clocks stop, none runs.
      const stopped = await register('送检中');
      await team.clerk.act(stopped, 'accept');
      await team.supervisor.act(stopped, 'assign', { userId: team.investigator.user.id });
      await team.investigator.act(stopped, 'startInvestigation');
      await team.investigator.act(stopped, 'pause', { reason: 'appraisal', note: '送检电视机' });

      const rows = ((await team.clerk.must('cases.search', {})) as { rows: { complainantName: string; nextDeadline: any }[] }).rows;
      const next = Object.fromEntries(rows.map((r) => [r.complainantName, r.nextDeadline]));
      expect(next['补正中']).toMatchObject({ kind: 'materials', dueOn: '2026-11-30', state: 'running' });
      expect(next['送检中']).toMatchObject({ kind: 'mediation', state: 'paused', workingDaysLeft: null, left: null });
    } finally {
      own.close();
    }
  });
});
