import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseQueues, type CaseQueue } from '../../shared/domain/workflow';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * The work queues of 今日 beyond the deadlines (issue #15): 待受理 and 待补正 at the counter,
 * 待指派 and 转办已答复待结案 for the 负责人, 被退回 for whoever proposed — each a filter of the
 * register (cases.search `queue`) — and the sent-back proposal the case shows its handler.
 */
let reg: Register;
let staff: Staff;
const ids: Record<string, number> = {};

const names = async (who: keyof Staff, filter: Record<string, unknown>) =>
  ((await staff[who].must('cases.search', { ...filter, pageSize: 200 })) as { rows: { complainantName: string }[] }).rows.map((r) => r.complainantName).sort();

beforeAll(async () => {
  reg = await openRegister(fixedClock('2026-11-23T09:00:00+08:00'));
  staff = await withStaff(reg);
  const { clerk, supervisor, investigator, investigator2 } = staff;
  const register = async (name: string) => (ids[name] = (await clerk.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name, phone: '13812345678' } }))).id);

  await register('待受理甲');
  await clerk.act(await register('待补正乙'), 'requestMaterials', { items: ['购物发票'], dueOn: '2026-11-30' });
  await clerk.act(await register('待指派丙'), 'accept');
  const referred = await register('转办已答复丁');
  await clerk.act(referred, 'refer', { to: '区市场监管局', reason: '属行政处理' });
  await clerk.act(referred, 'recordReferralReply', { summary: '已立案调查' });
  await clerk.act(await register('转办未答复戊'), 'refer', { to: '区市场监管局', reason: '属行政处理' });

  // An outcome sent back to its handler, and one sent back then proposed again.
  for (const name of ['退回己', '再提出庚']) {
    const id = await register(name);
    await clerk.act(id, 'accept');
    await supervisor.act(id, 'assign', { userId: investigator.user.id });
    await investigator.act(id, 'startInvestigation');
    await investigator.act(id, 'proposeOutcome', { measures: ['refund', 'punitive'], recoveredFen: 999800, punitiveFen: 499900, summary: '退一赔一' });
    await supervisor.act(id, 'sendBack', { comment: '请补充退款凭证' });
  }
  await investigator.act(ids['再提出庚']!, 'proposeOutcome', { measures: ['refund'], recoveredFen: 499900, summary: '退款' });
  // A refusal sent back to the counter, and one the counter then accepted instead.
  for (const name of ['退回的不予受理辛', '退回后受理壬']) {
    const id = await register(name);
    await clerk.act(id, 'refuse', { grounds: ['1', '3'], reason: '不属于本会职责' });
    await supervisor.act(id, 'sendBack', { comment: '属于生活消费，应予受理' });
  }
  await clerk.act(ids['退回后受理壬']!, 'accept');
  // A refusal waiting for approval: neither to accept nor to assign.
  await clerk.act(await register('待审批癸'), 'refuse', { grounds: ['1'], reason: '不属于本会职责' });
  // Reassigned after it was sent back: the new handler has it in hand.
  await supervisor.act(ids['退回己']!, 'assign', { userId: investigator2.user.id });
  await supervisor.act(ids['退回己']!, 'assign', { userId: investigator.user.id });
}, 120_000);
afterAll(() => reg.close());

describe('the work queues of 今日', () => {
  it('lists each queue’s cases, for the roles that work it', async () => {
    const want: Record<CaseQueue, string[]> = {
      toAccept: ['待受理甲', '退回的不予受理辛'],
      awaitingMaterials: ['待补正乙'],
      unassigned: ['待指派丙', '退回后受理壬'],
      referralReplied: ['转办已答复丁'],
      sentBack: ['退回己', '退回的不予受理辛'],
    };
    for (const queue of caseQueues) expect(await names('clerk', { queue }), queue).toEqual([...want[queue]].sort());
    // The handler's 被退回: sent back and handled by them.
    expect(await names('investigator', { queue: 'sentBack', mine: true })).toEqual(['退回己']);
    expect(await names('investigator2', { queue: 'sentBack', mine: true })).toEqual([]);
  });

  it('refuses a queue it does not know, in Chinese', async () => {
    const r = await staff.clerk.call('cases.search', { queue: 'everything' });
    expect(r.ok || r.error).toMatchObject({ code: 'VALIDATION', fields: { queue: expect.stringContaining('工作队列应为') } });
  });
});

describe('a proposal sent back', () => {
  it('shows its handler the 负责人’s comment and what had been proposed, until proposed again', async () => {
    const c = await staff.investigator.get(ids['退回己']!);
    expect(c.status).toBe('investigating');
    expect(c.sentBack).toMatchObject({
      kind: 'outcome',
      by: { displayName: '孙主任' },
      comment: '请补充退款凭证',
      proposedBy: { displayName: '赵调查' },
      proposal: { kind: 'outcome', measures: ['refund', 'punitive'], recoveredFen: 999800, punitiveFen: 499900, summary: '退一赔一' },
    });
    expect((await staff.investigator.get(ids['再提出庚']!)).sentBack).toBeNull();
  });

  it('shows the counter a refusal sent back, until the case is accepted instead', async () => {
    expect((await staff.clerk.get(ids['退回的不予受理辛']!)).sentBack).toMatchObject({
      kind: 'refusal',
      comment: '属于生活消费，应予受理',
      proposedBy: { displayName: '陈登记' },
      proposal: { kind: 'refusal', grounds: ['1', '3'], reason: '不属于本会职责' },
    });
    expect((await staff.clerk.get(ids['退回后受理壬']!)).sentBack).toBeNull();
  });
});
