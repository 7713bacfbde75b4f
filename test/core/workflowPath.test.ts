import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * A case from the counter to the archive on a real register, by the people whose job each step is
 * (../shared/domain.md "A case"; API.md `cases.act`), with the clock moved by hand.
 */
let reg: Register;
let staff: Staff;

beforeEach(async () => {
  reg = await openRegister(fixedClock('2026-09-21T09:00:00+08:00'));
  staff = await withStaff(reg);
}, 60_000);
afterEach(() => reg.close());

describe('a quality complaint from registration to archive', () => {
  it('moves through every step, keeps its clocks, and records who did what', async () => {
    const { clerk, investigator, supervisor } = staff;
    const { id } = await clerk.must<{ id: number }>('cases.register', minimalComplaint());
    let c = await clerk.get(id);
    expect(c.status).toBe('registered');
    expect(c.allowedActions).toEqual(expect.arrayContaining(['accept', 'refuse', 'requestMaterials', 'refer', 'recordContact']));
    expect(c.allowedActions).not.toContain('approve');

    await clerk.act(id, 'accept');
    c = await supervisor.get(id);
    expect(c.status).toBe('accepted');
    expect(c.deadlines.map((d: any) => [d.kind, d.state])).toEqual([
      ['acceptance', 'met'],
      ['mediation', 'running'],
    ]);
    // 60 日 from acceptance on 2026-09-21 is 2026-11-20, a Friday (order 121 第23条).
    expect(c.deadlines[1].dueOn).toBe('2026-11-20');

    await supervisor.act(id, 'assign', { userId: investigator.user.id });
    await investigator.act(id, 'startInvestigation');

    // Appraisal from 2026-09-24 to 2026-10-09 stops the clock for 15 days, 中秋/国庆 included.
    reg.clock.set('2026-09-24T10:00:00+08:00');
    await investigator.act(id, 'pause', { reason: 'appraisal', note: '送检电视机' });
    expect((await investigator.get(id)).deadlines[1]).toMatchObject({ state: 'paused', workingDaysLeft: null });
    reg.clock.set('2026-10-09T10:00:00+08:00');
    await investigator.act(id, 'resume');
    c = await investigator.get(id);
    expect(c.deadlines[1]).toMatchObject({ state: 'running', pausedDays: 15, dueOn: '2026-12-07' });

    await investigator.act(id, 'recordContact', { with: 'respondent', how: 'phone', summary: '转交商家处理', transfer: true });
    c = await investigator.get(id);
    // 3 工作日 from Friday 2026-10-09: Saturday 10-10 is a 调休 working day, then 10-12 and 10-13.
    expect(c.deadlines.find((d: any) => d.kind === 'businessReply')).toMatchObject({ dueOn: '2026-10-13', state: 'running' });
    await investigator.act(id, 'recordContact', { with: 'respondent', how: 'phone', summary: '商家同意退货', isReply: true });
    // The reply meets its clock and ticks the checklist's 经营者答复 item.
    c = await investigator.get(id);
    expect(c.deadlines.find((d: any) => d.kind === 'businessReply')).toMatchObject({ state: 'met', endedOn: '2026-10-09' });
    expect(c.checklist.find((i: any) => i.text === '经营者答复')).toMatchObject({ state: 'done', note: '商家同意退货' });

    await investigator.act(id, 'startMediation', { bothConsent: true });
    await investigator.act(id, 'scheduleSession', { at: '2026-10-12T14:00:00+08:00', place: '本会调解室', mode: 'onsite', mediator: '李调解' });
    // Recorded as held once it has taken place.
    reg.clock.set('2026-10-12T16:30:00+08:00');
    c = await investigator.get(id);
    await investigator.act(id, 'recordSession', { sessionId: c.mediation.sessions[0].id, held: true, summary: '双方达成一致' });
    await investigator.act(id, 'endMediation', { result: 'agreement', terms: '商家退还货款4999元' });
    await investigator.act(id, 'proposeOutcome', { measures: ['refund'], recoveredFen: 499900, summary: '退货退款' });
    c = await supervisor.get(id);
    expect(c.status).toBe('awaiting_approval');
    expect(c.allowedActions).toEqual(['assign', 'recordContact', 'approve', 'sendBack', 'void']);
    // The handler who proposed may not approve; only record contacts while waiting.
    expect((await investigator.get(id)).allowedActions).toEqual(['recordContact']);

    await supervisor.act(id, 'sendBack', { comment: '请补充退款凭证' });
    expect((await investigator.get(id)).status).toBe('investigating');
    await investigator.act(id, 'proposeOutcome', { measures: ['refund', 'punitive'], recoveredFen: 999800, punitiveFen: 499900, summary: '退一赔一' });
    await supervisor.act(id, 'approve', { comment: '同意' });
    c = await investigator.get(id);
    expect(c.status).toBe('approved');
    expect(c.outcome).toMatchObject({ recoveredFen: 999800, punitiveFen: 499900, resolved: true, approval: { comment: '同意' } });

    await investigator.act(id, 'notify');
    await investigator.act(id, 'followUp', { satisfaction: 2, note: '对赔偿金额不满意' });
    const version = (await investigator.get(id)).version;
    // An unsatisfied visit: closing needs a reason (400) …
    const noReason = await investigator.call('cases.act', { id, version, action: 'close' });
    expect(noReason.ok || noReason.error.fields).toEqual({ note: expect.stringContaining('回访不满意') });
    // … and a quality case needs a second visit first (409).
    const early = await investigator.call('cases.act', { id, version, action: 'close', note: '无法满足' });
    expect(early.ok || early.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '还需回访 1 次后才能结案' });
    await investigator.act(id, 'reopen', { reason: '投诉人不满意赔偿金额' });
    await investigator.act(id, 'proposeOutcome', { measures: ['refund', 'punitive'], recoveredFen: 999800, punitiveFen: 499900, summary: '维持' });
    await supervisor.act(id, 'approve', { comment: '同意' });
    await investigator.act(id, 'notify');
    await investigator.act(id, 'followUp', { satisfaction: 4, note: '满意' });
    await investigator.act(id, 'followUp', { satisfaction: 5, note: '第二次回访' });
    await investigator.act(id, 'close');

    c = await investigator.get(id);
    expect(c.status).toBe('closed');
    expect(c.allowedActions).toEqual([]);
    // Every clock ended as met: each waited for something that happened.
    expect(c.deadlines.map((d: any) => [d.kind, d.state])).toEqual([
      ['acceptance', 'met'],
      ['mediation', 'met'],
      ['businessReply', 'met'],
      ['followUp', 'cancelled'],
      ['followUp', 'met'],
    ]);
    const types = c.events.map((e: any) => e.type);
    expect(types[0]).toBe('registered');
    expect(types.slice(-1)).toEqual(['close']);
    expect(c.events.find((e: any) => e.type === 'approve').by.displayName).toBe(supervisor.user.displayName);
  });
});
