import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyRegister, fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { signIn, staffOf, withStaff, type Staff } from './staff';

let template: { reg: Register; staff: Staff };
let reg: Register;
let staff: Staff;

beforeAll(async () => {
  const r = await openRegister();
  template = { reg: r, staff: await withStaff(r) };
});
afterAll(() => template.reg.close());
beforeEach(async () => {
  reg = await copyRegister(template.reg, fixedClock('2026-11-23T09:00:00+08:00'));
  staff = staffOf(reg, template.staff);
});
afterEach(() => reg.close());

const count = (table: string) => reg.core.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
const snapshot = () => ({ events: count('case_events'), deadlines: count('case_deadlines'), audit: count('audit_log'), sessions: count('mediation_sessions') });

async function registered(over: Record<string, unknown> = {}) {
  return (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint(over))).id;
}
async function investigating() {
  const id = await registered();
  await staff.clerk.act(id, 'accept');
  await staff.supervisor.act(id, 'assign', { userId: staff.investigator.user.id });
  await staff.investigator.act(id, 'startInvestigation');
  return id;
}

describe('bad input to cases.act: 400 under the field, and nothing changes', () => {
  it.each([
    ['a refusal without a ground', 'refuse', { grounds: [], reason: '说明' }, 'grounds'],
    ['a refusal on a ground the rules do not have', 'refuse', { grounds: ['99'], reason: '说明' }, 'grounds.0'],
    ['materials due in the past', 'requestMaterials', { items: ['发票'], dueOn: '2026-11-20' }, 'dueOn'],
    ['a report-back date in the past', 'refer', { to: '区市场监管局', reason: '说明', reportDueOn: '2026-01-01' }, 'reportDueOn'],
    ['an action the workflow does not have', 'delete', {}, 'action'],
    ['a missing version', 'accept', { version: undefined }, 'version'],
  ])('%s', async (_what, action, fields, field) => {
    const id = await registered();
    const before = { ...snapshot(), c: await staff.clerk.get(id) };
    const r = await staff.clerk.call('cases.act', { id, version: before.c.version, action, ...fields });
    expect(r.ok || r.error.code).toBe('VALIDATION');
    expect(r.ok || Object.keys(r.error.fields ?? {})).toContain(field);
    expect(r.ok || r.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(snapshot()).toEqual({ events: before.events, deadlines: before.deadlines, audit: before.audit, sessions: before.sessions });
    expect((await staff.clerk.get(id)).version).toBe(before.c.version);
  });

  it.each([
    ['a negative amount', { measures: ['refund'], recoveredFen: -1, summary: '退款' }, 'recoveredFen'],
    ['an unknown measure code', { measures: ['refund', 'teleport'], recoveredFen: 100, summary: '退款' }, 'measures.1'],
    ['a punitive part larger than the total', { measures: ['punitive'], recoveredFen: 100, punitiveFen: 200, summary: '赔偿' }, 'punitiveFen'],
  ])('an outcome with %s', async (_what, fields, field) => {
    const id = await investigating();
    const before = snapshot();
    const r = await staff.investigator.call('cases.act', { id, version: (await staff.investigator.get(id)).version, action: 'proposeOutcome', ...fields });
    expect(r.ok || r.error.fields).toHaveProperty([field]);
    expect(snapshot()).toEqual(before);
  });

  it('refuses an assignee who is not an active investigator', async () => {
    const id = await registered();
    await staff.clerk.act(id, 'accept');
    const version = (await staff.supervisor.get(id)).version;
    await staff.admin.must('users.setDisabled', { userId: staff.investigator2.user.id, disabled: true });
    for (const userId of [staff.clerk.user.id, staff.supervisor.user.id, staff.investigator2.user.id, 9999]) {
      const r = await staff.supervisor.call('cases.act', { id, version, action: 'assign', userId });
      expect(r.ok || r.error.fields, String(userId)).toEqual({ userId: '请选择一位在职的调查员' });
    }
    expect((await staff.supervisor.get(id)).handler).toBeNull();
  });
});

describe('mediation sessions and the business’s reply: bad input is refused in Chinese, nothing stored', () => {
  async function mediating() {
    const id = await investigating();
    await staff.investigator.act(id, 'startMediation', { bothConsent: true });
    return id;
  }
  const session = { mode: 'onsite', place: '本会调解室', mediator: '李调解' };

  it('refuses a session scheduled in the past, even earlier today, and an on-site one without a place', async () => {
    const id = await mediating();
    const before = { ...snapshot(), version: (await staff.investigator.get(id)).version };
    const version = before.version;
    for (const at of ['2026-11-20T14:00:00+08:00', '2026-11-23T08:30:00+08:00', '2026-11-23T00:30:00Z']) {
      const r = await staff.investigator.call('cases.act', { id, version, action: 'scheduleSession', ...session, at });
      expect(r.ok || r.error.fields, at).toEqual({ at: expect.stringMatching(/^调解时间 2026年11月2\d日 \d\d:\d\d 已过，请安排在现在之后的时间$/) });
    }
    const noPlace = await staff.investigator.call('cases.act', { id, version, action: 'scheduleSession', at: '2026-11-25T14:00:00+08:00', mode: 'onsite', mediator: '李调解' });
    expect(noPlace.ok || noPlace.error.fields).toEqual({ place: '现场调解请填写调解地点' });
    expect(snapshot()).toEqual({ events: before.events, deadlines: before.deadlines, audit: before.audit, sessions: before.sessions });
    expect((await staff.investigator.get(id)).version).toBe(version);
  });

  it('takes a phone or video session without a place, and stores every time with the office’s offset', async () => {
    const id = await mediating();
    await staff.investigator.act(id, 'scheduleSession', { at: '2026-11-25T06:00:00Z', mode: 'phone', mediator: '李调解' });
    await staff.investigator.act(id, 'scheduleSession', { at: '2026-11-26T10:00:00+08:00', mode: 'video', mediator: '李调解', place: '' });
    expect((await staff.investigator.get(id)).mediation.sessions.map((s: any) => [s.at, s.mode, s.place])).toEqual([
      ['2026-11-25T14:00:00+08:00', 'phone', ''],
      ['2026-11-26T10:00:00+08:00', 'video', ''],
    ]);
  });

  it('records a session as held only once its time has come; one called off may be recorded before', async () => {
    const id = await mediating();
    await staff.investigator.act(id, 'scheduleSession', { ...session, at: '2026-11-25T14:00:00+08:00' });
    const c = await staff.investigator.get(id);
    const sessionId = c.mediation.sessions[0].id;
    const before = snapshot();
    const early = await staff.investigator.call('cases.act', { id, version: c.version, action: 'recordSession', sessionId, held: true, summary: '双方到场' });
    expect(early.ok || early.error.fields).toEqual({ held: '这次调解安排在 2026年11月25日 14:00，尚未到时间，不能记录为如期进行' });
    expect(snapshot()).toEqual(before);
    reg.clock.set('2026-11-25T15:30:00+08:00');
    await staff.investigator.act(id, 'recordSession', { sessionId, held: true, summary: '双方到场' });
    expect((await staff.investigator.get(id)).mediation.sessions[0]).toMatchObject({ held: true, summary: '双方到场' });
  });

  it('ends mediation before a scheduled session only when told to, recording the session as called off', async () => {
    const id = await mediating();
    await staff.investigator.act(id, 'scheduleSession', { ...session, at: '2026-11-27T09:30:00+08:00' });
    const version = (await staff.investigator.get(id)).version;
    const before = snapshot();
    const silent = await staff.investigator.call('cases.act', { id, version, action: 'endMediation', result: 'agreement', terms: '退款' });
    expect(silent.ok || silent.error.fields).toEqual({ cancelSessions: '还有 1 次调解安排（2026年11月27日 09:30）尚未记录；请先记录，或确认取消后再结束调解' });
    expect(snapshot()).toEqual(before);
    await staff.investigator.act(id, 'endMediation', { result: 'agreement', terms: '退款', cancelSessions: true });
    const c = await staff.investigator.get(id);
    expect(c.mediation.sessions[0]).toMatchObject({ held: false, summary: '结束调解，此次安排取消' });
    expect(c.events.at(-1).data).toMatchObject({ cancelledSessions: [c.mediation.sessions[0].id] });
  });

  it('refuses a reply for a case never passed to the business (409 in Chinese) and changes nothing', async () => {
    const id = await investigating();
    const c = await staff.investigator.get(id);
    expect(c.allowedActions).not.toContain('recordBusinessReply');
    const before = snapshot();
    const r = await staff.investigator.call('cases.act', { id, version: c.version, action: 'recordBusinessReply', how: 'letter', summary: '商家答复' });
    expect(r.ok || r.error).toMatchObject({ code: 'INVALID_TRANSITION', message: expect.stringMatching(/^本案没有等待中的经营者答复：尚未将投诉转交经营者/) });
    const asContact = await staff.investigator.call('cases.act', { id, version: c.version, action: 'recordContact', with: 'respondent', how: 'letter', summary: '商家答复', isReply: true });
    expect(asContact.ok || asContact.error.fields).toEqual({ isReply: expect.stringMatching(/^本案没有等待中的经营者答复/) });
    expect(snapshot()).toEqual(before);
    expect((await staff.investigator.get(id)).checklist.find((i: any) => i.text === '经营者答复').state).toBe('todo');
  });

  it('records the reply from the counter too, meeting its clock and ticking the checklist item', async () => {
    const id = await investigating();
    await staff.investigator.act(id, 'recordContact', { with: 'respondent', how: 'phone', summary: '转交商家', transfer: true });
    expect((await staff.clerk.get(id)).allowedActions).toContain('recordBusinessReply');
    reg.clock.set('2026-11-30T10:00:00+08:00'); // after the 3 工作日 (due 11-26): answered late
    await staff.clerk.act(id, 'recordBusinessReply', { how: 'letter', summary: '商家来函：同意退货退款' });
    const c = await staff.clerk.get(id);
    expect(c.deadlines.find((d: any) => d.kind === 'businessReply')).toMatchObject({ state: 'met', endedOn: '2026-11-30', dueOn: '2026-11-26' });
    expect(c.checklist.find((i: any) => i.text === '经营者答复')).toMatchObject({ state: 'done', note: '商家来函：同意退货退款', markedBy: { displayName: '陈登记' } });
    expect(c.events.at(-1)).toMatchObject({ type: 'recordBusinessReply', data: { replyLate: true, checklistDone: ['经营者答复'], how: 'letter' } });
    expect(c.allowedActions).not.toContain('recordBusinessReply');
  });
});

describe('what the case page is told', () => {
  it('counts a calendar-day clock in calendar days and a working-day clock in working days', async () => {
    const id = await registered();
    let c = await staff.clerk.get(id);
    expect(c.deadlines[0]).toMatchObject({ kind: 'acceptance', dueOn: '2026-12-02', left: { amount: 7, unit: 'workingDays' }, workingDaysLeft: 7 });
    await staff.clerk.act(id, 'accept');
    c = await staff.clerk.get(id);
    // 60 日 from 2026-11-23 is 2027-01-22: 60 calendar days left, whatever the working days.
    expect(c.deadlines[1]).toMatchObject({ kind: 'mediation', dueOn: '2027-01-22', left: { amount: 60, unit: 'calendarDays' } });
    reg.clock.set('2027-01-25T09:00:00+08:00');
    expect((await staff.clerk.get(id)).deadlines[1]).toMatchObject({ state: 'overdue', left: { amount: -3, unit: 'calendarDays' } });
  });

  it('asks no follow-up visit of a refused case', async () => {
    const id = await registered();
    await staff.clerk.act(id, 'refuse', { grounds: ['1'], reason: '不属于本会职责' });
    await staff.supervisor.act(id, 'approve', { comment: '同意' });
    expect((await staff.clerk.get(id)).followUpsRequired).toBe(0);
  });
});

describe('who may act, and when', () => {
  it('answers 403 for a role that may not, before looking at the version or the status', async () => {
    const id = await registered();
    const r = await staff.clerk.call('cases.act', { id, version: 999, action: 'void', reason: '重复' });
    expect(r.ok || r.error).toMatchObject({ code: 'FORBIDDEN' });
    const notMine = await staff.investigator.call('cases.act', { id, version: 999, action: 'recordContact', with: 'complainant', how: 'phone', summary: '联系' });
    expect(notMine.ok || notMine.error.message).toMatch(/未指派给您/);
  });

  it('answers 409 CONFLICT for a stale version, before the status, and changes nothing', async () => {
    const id = await registered();
    const stale = (await staff.clerk.get(id)).version;
    await staff.clerk.act(id, 'recordContact', { with: 'complainant', how: 'phone', summary: '告知受理进度' });
    const before = snapshot();
    const r = await staff.supervisor.call('cases.act', { id, version: stale, action: 'accept' });
    expect(r.ok || r.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('请刷新后再操作') });
    expect(snapshot()).toEqual(before);
    const wrongStatus = await staff.clerk.call('cases.act', { id, version: stale + 1, action: 'notify' });
    expect(wrongStatus.ok || wrongStatus.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '案件当前状态为“已登记待受理”，不能进行“已告知投诉人”' });
  });

  it('lets exactly one of two people acting at once on the same version win', async () => {
    // One program holds the data folder (a second is refused at start), so two people acting at
    // once are two calls in flight on the one core, each with the version they saw.
    const id = await registered();
    const version = (await staff.clerk.get(id)).version;
    const [a, b] = await Promise.all([
      reg.call('cases.act', { id, version, action: 'accept' }, staff.clerk.token),
      reg.call('cases.act', { id, version, action: 'refer', to: '区市场监管局', reason: '属行政处理' }, staff.supervisor.token),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser.ok || loser.error.code).toBe('CONFLICT');
    const c = await staff.clerk.get(id);
    expect(c.version).toBe(version + 1);
    expect(c.events.filter((e: any) => e.type === 'accept' || e.type === 'refer')).toHaveLength(1);
  });

  it('lets an investigator work the checklist of the cases assigned to them only; archived cases take no more', async () => {
    const id = await investigating();
    const c = await staff.investigator2.get(id);
    expect(c.investigation).toEqual({ writable: false, reason: expect.stringContaining('未指派给您') });
    const mark = { caseId: id, itemId: c.checklist[0].id, state: 'done', note: '已收到发票' };
    const other = await staff.investigator2.call('checklist.mark', mark);
    expect(other.ok || other.error.code).toBe('FORBIDDEN');
    await staff.investigator.must('checklist.mark', mark);
    expect((await staff.clerk.get(id)).checklist[0]).toMatchObject({ state: 'done', note: '已收到发票', markedBy: { displayName: '赵调查' } });
    await staff.supervisor.act(id, 'void', { reason: '重复登记' });
    const late = await staff.investigator.call('checklist.mark', { ...mark, state: 'na' });
    expect(late.ok || late.error.code).toBe('INVALID_TRANSITION');
  });

  it('never lets a supervisor approve a refusal they proposed; another supervisor may', async () => {
    const id = await registered();
    await staff.supervisor.act(id, 'refuse', { grounds: ['3', '5'], reason: '系经营性采购，且未提供购物凭证' });
    const own = await staff.supervisor.call('cases.act', { id, version: (await staff.supervisor.get(id)).version, action: 'approve', comment: '同意' });
    expect(own.ok || own.error).toMatchObject({ code: 'FORBIDDEN', message: '不能审批自己提出的意见，请由其他负责人审批' });
    expect((await staff.supervisor.get(id)).allowedActions).not.toContain('approve');
    await staff.supervisor2.act(id, 'approve', { comment: '同意不予受理' });
    const c = await staff.clerk.get(id);
    expect(c.status).toBe('refused');
    expect(c.refusal).toMatchObject({
      article: '《市场监督管理投诉举报处理办法》第十六条',
      grounds: [
        { code: '3', item: '第（三）项', text: expect.stringContaining('生活消费') },
        { code: '5', item: '第（五）项', text: expect.stringContaining('材料') },
      ],
      proposedBy: { displayName: '孙主任' },
      approval: { by: { displayName: '周副主任' }, comment: '同意不予受理' },
    });
    expect(c.deadlines[0]).toMatchObject({ kind: 'acceptance', state: 'met', endedOn: '2026-11-23' });
  });
});

describe('the clocks a step starts, stops and ends', () => {
  it('stops the acceptance clock while materials are awaited and moves it by the working days waited', async () => {
    const id = await registered(); // received Monday 2026-11-23: due 2026-12-02
    await staff.clerk.act(id, 'requestMaterials', { items: ['购物发票', '身份证复印件'], dueOn: '2026-11-30' });
    let c = await staff.clerk.get(id);
    expect(c.materials).toEqual({ items: ['购物发票', '身份证复印件'], dueOn: '2026-11-30', requestedOn: '2026-11-23' });
    expect(c.deadlines.map((d: any) => [d.kind, d.state, d.dueOn])).toEqual([
      ['acceptance', 'paused', '2026-12-02'],
      ['materials', 'running', '2026-11-30'],
    ]);
    reg.clock.set('2026-11-26T15:00:00+08:00'); // Thursday: 3 working days later
    await staff.clerk.act(id, 'materialsReceived');
    c = await staff.clerk.get(id);
    expect(c.deadlines.map((d: any) => [d.kind, d.state, d.dueOn])).toEqual([
      ['acceptance', 'running', '2026-12-07'],
      ['materials', 'met', '2026-11-30'],
    ]);
    expect(c.deadlines[0].pausedDays).toBe(3);
  });

  it('refers a case out with a 15 工作日 report-back clock, records the answer, and archives it', async () => {
    const id = await registered();
    await staff.clerk.act(id, 'refer', { to: '西湖区市场监督管理局', reason: '涉嫌价格违法，属行政处理' });
    let c = await staff.clerk.get(id);
    expect(c.status).toBe('referred');
    expect(c.referral).toMatchObject({ to: '西湖区市场监督管理局', reportDueOn: '2026-12-14', reply: null });
    expect((await staff.supervisor.get(id)).allowedActions).not.toContain('close');
    await staff.clerk.act(id, 'recordReferralReply', { summary: '已立案调查' });
    await staff.supervisor.act(id, 'close');
    c = await staff.clerk.get(id);
    expect(c.status).toBe('closed');
    expect(c.deadlines.find((d: any) => d.kind === 'referralReport')).toMatchObject({ state: 'met', endedOn: '2026-11-23' });
  });

  it('ends mediation on a termination ground of the rules in force, starting the 7 工作日 notice clock', async () => {
    const id = await investigating();
    await staff.investigator.act(id, 'startMediation', { bothConsent: true });
    const version = (await staff.investigator.get(id)).version;
    const noGround = await staff.investigator.call('cases.act', { id, version, action: 'endMediation', result: 'terminated' });
    expect(noGround.ok || noGround.error.fields).toEqual({ ground: '终止调解的，请选择终止理由' });
    await staff.investigator.act(id, 'endMediation', { result: 'terminated', ground: '3' });
    const c = await staff.investigator.get(id);
    expect(c.mediation.ground).toMatchObject({ code: '3', item: '第（三）项', article: '《市场监督管理投诉举报处理办法》第二十三条' });
    expect(c.deadlines.find((d: any) => d.kind === 'terminationNotice')).toMatchObject({ state: 'running', dueOn: '2026-12-02', limit: '7 个工作日' });
  });

  it('counts a case received under order 20 by order 20: 45 工作日 of mediation, its own grounds', async () => {
    const id = await registered({ receivedAt: '2026-04-14T16:00:00+08:00' });
    const refuse = await staff.clerk.call('cases.act', { id, version: (await staff.clerk.get(id)).version, action: 'refuse', grounds: ['6'], reason: '冒用他人名义' });
    expect(refuse.ok || refuse.error.fields).toEqual({ 'grounds.0': expect.stringContaining('总局令第20号') });
    await staff.clerk.act(id, 'accept');
    const c = await staff.clerk.get(id);
    expect(c.ruleSet.code).toBe('order20');
    expect(c.deadlines[0]).toMatchObject({ kind: 'acceptance', state: 'met' });
    expect(c.deadlines[0].state).toBe('met');
    expect(c.deadlines.find((d: any) => d.kind === 'mediation')).toMatchObject({ limit: '45 个工作日', ruleSet: 'order20' });
  });

  it('marks a deadline through 2027 provisional, and counts it again once 2027 is entered', async () => {
    reg.clock.set('2026-12-28T10:00:00+08:00');
    const id = await registered();
    let c = await staff.clerk.get(id);
    expect(c.deadlines[0]).toMatchObject({ dueOn: '2027-01-06', provisional: true });
    expect((await staff.admin.must('calendar.get', {})).missingYears).toEqual([2027]);
    const saved = await staff.admin.must('calendar.saveYear', {
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知（示例）',
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'].map((day) => ({ day, name: '元旦' })),
      workdays: [],
    });
    expect(saved.recomputed).toBe(1);
    c = await staff.clerk.get(id);
    // 12-29 (1), 12-30 (2), 12-31 (3), 01-04 (4) … 01-07 (7).
    expect(c.deadlines[0]).toMatchObject({ dueOn: '2027-01-07', provisional: false });
    expect(c.events.at(-1)).toMatchObject({ type: 'deadlinesRecounted', by: { displayName: '王管理' }, data: { year: 2027, deadlines: [{ kind: 'acceptance', before: '2027-01-06', after: '2027-01-07', provisional: false }] } });
    expect((await staff.admin.must('calendar.get', {})).missingYears).toEqual([]);
  });

  it('refuses calendar days outside the year or a weekday as a make-up working day', async () => {
    const r = await staff.admin.call('calendar.saveYear', { year: 2027, source: '通知', holidays: [{ day: '2026-12-31', name: '元旦' }], workdays: ['2027-01-06'] });
    expect(r.ok || r.error.fields).toEqual({ 'holidays.0.day': '日期不在2027年内', 'workdays.0': '调休上班日应为周六或周日' });
    expect((await staff.clerk.must('calendar.get', {})).years.map((y: any) => y.year)).toEqual([2025, 2026]);
  });
});

describe('users who leave', () => {
  it('ends a disabled user’s sessions and sign-ins, keeps their cases, and keeps the last administrator', async () => {
    const id = await investigating();
    await staff.admin.must('users.setDisabled', { userId: staff.investigator.user.id, disabled: true });
    const r = await reg.call('cases.get', { id }, staff.investigator.token);
    expect(r.ok || r.error.code).toBe('UNAUTHENTICATED');
    await expect(signIn(reg, 'investigator', 'investigator-pass')).rejects.toThrow(/UNAUTHENTICATED/);
    expect((await staff.supervisor.get(id)).handler).toEqual({ id: staff.investigator.user.id, displayName: '赵调查' });
    expect((await staff.supervisor.must('users.assignable', {})).users.map((u: any) => u.displayName)).toEqual(['钱调查']);
    const self = await staff.admin.call('users.setDisabled', { userId: staff.admin.user.id, disabled: true });
    expect(self.ok || self.error.fields).toEqual({ userId: '不能停用自己的账号' });
    await staff.admin.must('users.setDisabled', { userId: staff.investigator.user.id, disabled: false });
    await signIn(reg, 'investigator', 'investigator-pass');
  });
});

describe('a lost answer to a step', () => {
  it('gives the retry with the same request id the step already taken, not a conflict or a second step', async () => {
    const id = await registered();
    const { version } = await staff.clerk.get(id);
    const requestId = '7d1c2b3a-4e5f-4a6b-9c8d-0e1f2a3b4c5d';
    const first = await staff.clerk.must('cases.act', { id, version, action: 'recordContact', with: 'complainant', how: 'phone', summary: '告知进度', requestId });
    const retry = await staff.clerk.must('cases.act', { id, version, action: 'recordContact', with: 'complainant', how: 'phone', summary: '告知进度', requestId });
    expect(retry).toEqual(first);
    expect((await staff.clerk.get(id)).events.filter((e: { type: string }) => e.type === 'recordContact')).toHaveLength(1);
    // Without the id, the same stale version is a conflict, as before.
    const stale = await staff.clerk.call('cases.act', { id, version, action: 'recordContact', with: 'complainant', how: 'phone', summary: '告知进度' });
    expect(stale.ok || stale.error.code).toBe('CONFLICT');
  });
});

describe('ruleSets.save: a set some case was received under keeps its effective date', () => {
  it('refuses to move the date of a set in use, lets its limits change, and moves the date of one no case uses', async () => {
    await registered();
    const sets = (await staff.admin.must<{ ruleSets: { code: string; name: string; effectiveFrom: string; limits: Record<string, unknown>; cases: number }[] }>('ruleSets.list', {})).ruleSets;
    const inUse = sets.find((s) => s.cases > 0);
    expect(inUse).toBeDefined();
    const moved = await staff.admin.call('ruleSets.save', { code: inUse!.code, name: inUse!.name, effectiveFrom: '2000-01-02', limits: inUse!.limits });
    expect(moved.ok ? 'saved' : moved.error.fields).toEqual({ effectiveFrom: '已有案件适用该规则集，不能改变其施行日期' });
    await staff.admin.must('ruleSets.save', { code: inUse!.code, name: `${inUse!.name}（改）`, effectiveFrom: inUse!.effectiveFrom, limits: inUse!.limits });
    // A set for rules coming into force later: no case uses it yet, so its date may still move.
    const later = await staff.admin.must<{ code: string }>('ruleSets.save', { name: '2030年规则', effectiveFrom: '2030-01-01', limits: inUse!.limits });
    await staff.admin.must('ruleSets.save', { code: later.code, name: '2030年规则', effectiveFrom: '2030-07-01', limits: inUse!.limits });
    const after = (await staff.admin.must<{ ruleSets: { code: string; effectiveFrom: string }[] }>('ruleSets.list', {})).ruleSets;
    expect(after.find((s) => s.code === later.code)?.effectiveFrom).toBe('2030-07-01');
    expect(after.find((s) => s.code === inUse!.code)?.effectiveFrom).toBe(inUse!.effectiveFrom);
  });
});
