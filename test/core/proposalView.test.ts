import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * `cases.get` gives a proposal waiting for approval in full, so the supervisor reads what they
 * approve (domain.md step 6: 处理意见 and 主管领导批示) without digging through the timeline.
 */
let reg: Register;
let staff: Staff;

beforeEach(async () => {
  reg = await openRegister(fixedClock('2026-11-23T09:00:00+08:00'));
  staff = await withStaff(reg);
});
afterEach(() => reg.close());

describe('a proposal waiting for approval', () => {
  it('shows a refusal’s grounds as the rules in force number them, its reason and who proposed it', async () => {
    const { clerk, supervisor } = staff;
    const { id } = await clerk.must<{ id: number }>('cases.register', minimalComplaint());
    await clerk.act(id, 'refuse', { grounds: ['4', 'A1'], reason: '购买于四年前' });
    const c = await supervisor.get(id);
    expect(c.proposal).toEqual({
      kind: 'refusal',
      by: { id: clerk.user.id, displayName: '陈登记' },
      at: '2026-11-23T09:00:00+08:00',
      grounds: [
        { code: '4', text: expect.stringContaining('超过三年'), item: '第（四）项' },
        { code: 'A1', text: '经营者之间的争议', item: '本会受理规则' },
      ],
      article: '《市场监督管理投诉举报处理办法》第十六条',
      reason: '购买于四年前',
    });
    await supervisor.act(id, 'approve', { comment: '同意' });
    expect((await supervisor.get(id)).proposal).toBeNull();
  });

  it('shows an outcome’s measures by name and its amounts, and clears it when sent back', async () => {
    const { clerk, investigator, supervisor } = staff;
    const { id } = await clerk.must<{ id: number }>('cases.register', minimalComplaint());
    await clerk.act(id, 'accept');
    await supervisor.act(id, 'assign', { userId: investigator.user.id });
    await investigator.act(id, 'startInvestigation');
    await investigator.act(id, 'proposeOutcome', { measures: ['refund', 'punitive'], recoveredFen: 999800, punitiveFen: 499900, summary: '退一赔一' });
    const c = await supervisor.get(id);
    expect(c.proposal).toMatchObject({
      kind: 'outcome',
      by: { displayName: '赵调查' },
      measures: [
        { code: 'refund', name: '退货退款' },
        { code: 'punitive', name: '加倍赔偿' },
      ],
      recoveredFen: 999800,
      punitiveFen: 499900,
      summary: '退一赔一',
    });
    await supervisor.act(id, 'sendBack', { comment: '请补充凭证' });
    expect((await investigator.get(id)).proposal).toBeNull();
  });
});
