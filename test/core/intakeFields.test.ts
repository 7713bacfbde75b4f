import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addYears, purchaseOverLimitation } from '../../shared/domain/intake';
import { minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * Every field of the 投诉登记表 (issue [B]; domain.md step 1) on a real register: the agent with
 * the 授权委托书 noted, where the purchase was made, the request types beside the free text, and
 * the three-year warning on an old purchase. The harness's clock reads 2026-11-23 09:00 (+08:00).
 */
let reg: Register;
let staff: Staff;

beforeAll(async () => {
  reg = await openRegister();
  staff = await withStaff(reg);
}, 60_000);
afterAll(() => reg.close());

const countCases = () => reg.core.db.prepare('SELECT COUNT(*) FROM cases').pluck().get() as number;
const searchIds = async (text: string) => ((await staff.clerk.must('cases.search', { text })) as { rows: { id: number }[] }).rows.map((r) => r.id);

const withAgent = (over: Record<string, unknown> = {}) =>
  minimalComplaint({
    complainant: { name: '王秀英', phone: '13612345678' },
    agent: { name: '李志强', phone: '0571-8765 4321', relation: '儿子', authorizationReceived: true },
    purchasePlace: { shop: '旗舰店（滨江店）', platform: '某东商城', orderNo: 'JD2026110288776655' },
    requestTypes: ['refund', 'repair', 'compensation'],
    purchasedOn: '2026-10-02',
    ...over,
  });

describe('the 投诉登记表 fields', () => {
  it('keeps the agent, the purchase place and the request types, and cases.get shows them', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', withAgent());
    const c = await staff.clerk.get(id);
    expect(c.agent).toEqual({ name: '李志强', phone: '0571-87654321', relation: '儿子', authorizationReceived: true });
    expect(c.purchasePlace).toEqual({ shop: '旗舰店（滨江店）', platform: '某东商城', orderNo: 'JD2026110288776655' });
    // In the list's order (修理 before 退款), whatever order they were ticked in.
    expect(c.requestTypes).toEqual([
      { code: 'repair', name: '修理' },
      { code: 'refund', name: '退款' },
      { code: 'compensation', name: '赔偿' },
    ]);
    expect(c.request).toBe('退货并退还货款');
    expect(c.purchaseOverLimitation).toBe(false);
  });

  it('a walk-in without an agent or purchase place has none: null and empty, not blanks', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint());
    const c = await staff.clerk.get(id);
    expect(c.agent).toBeNull();
    expect(c.purchasePlace).toEqual({ shop: null, platform: null, orderNo: null });
    expect(c.requestTypes).toEqual([]);
  });

  it('an agent without 授权委托书 is kept with the flag off', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', withAgent({ agent: { name: '李志强', phone: '13700001111' } }));
    expect((await staff.clerk.get(id)).agent).toEqual({ name: '李志强', phone: '13700001111', relation: null, authorizationReceived: false });
  });

  it('refuses a bad agent, place or request type with a Chinese message per field, and saves nothing', async () => {
    const before = countCases();
    const r = await staff.clerk.call('cases.register', withAgent({ agent: { name: ' ', phone: '123', relation: '父'.repeat(21) }, purchasePlace: { orderNo: '号'.repeat(65) }, requestTypes: ['refund', 'teleport', 'refund'] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields).toMatchObject({
      'agent.name': '请填写代理人姓名',
      'agent.phone': expect.stringMatching(/电话/),
      'agent.relation': '与投诉人关系不能超过20个字',
      'purchasePlace.orderNo': '订单号不能超过64个字',
      'requestTypes.1': '请从列表中选择请求类型',
    });
    const missingPhone = await staff.clerk.call('cases.register', withAgent({ agent: { name: '李志强' } }));
    expect(!missingPhone.ok && missingPhone.error.fields).toMatchObject({ 'agent.phone': '请填写代理人联系电话' });
    const twice = await staff.clerk.call('cases.register', withAgent({ requestTypes: ['refund', 'refund'] }));
    expect(!twice.ok && twice.error.fields).toMatchObject({ requestTypes: '请求类型有重复' });
    expect(countCases()).toBe(before);
  });

  it('finds a case by its order number and by its agent’s name', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', withAgent({ agent: { name: '欧阳娜娜', phone: '13700002222' }, purchasePlace: { orderNo: 'TB99887766554433' } }));
    expect(await searchIds('TB99887766554433')).toEqual([id]);
    expect(await searchIds('887766554')).toEqual([id]);
    expect(await searchIds('欧阳娜娜')).toEqual([id]);
    const page = (await staff.clerk.must('cases.search', { text: 'TB99887766554433' })) as { rows: { match: unknown }[] };
    expect(page.rows[0]!.match).toEqual({ field: '订单号', text: 'TB99887766554433' });
  });
});

describe('a purchase more than three years before receipt', () => {
  it('counts three years as 民法典 第201、203条 do: the same date three years on is within, the next day is not', () => {
    expect(addYears('2023-11-23', 3)).toBe('2026-11-23');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(purchaseOverLimitation('2023-11-23', '2026-11-23')).toBe(false);
    expect(purchaseOverLimitation('2023-11-22', '2026-11-23')).toBe(true);
    expect(purchaseOverLimitation('2024-02-29', '2027-02-28')).toBe(false);
    expect(purchaseOverLimitation('2024-02-29', '2027-03-01')).toBe(true);
    expect(purchaseOverLimitation(null, '2027-03-01')).toBe(false);
  });

  it('exactly three years before receipt saves without a word', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ purchasedOn: '2023-11-23' }));
    expect((await staff.clerk.get(id)).purchaseOverLimitation).toBe(false);
  });

  it('three years and a day: answered with the warning and nothing saved, until the clerk confirms; then saved and flagged', async () => {
    const before = countCases();
    const r = await staff.clerk.call('cases.register', minimalComplaint({ purchasedOn: '2023-11-22' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toMatch(/超过三年/);
    expect(r.error.fields?.oldPurchaseConfirmed).toMatch(/第十六条/);
    expect(countCases()).toBe(before);

    const { id } = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ purchasedOn: '2023-11-22', oldPurchaseConfirmed: true }));
    const c = await staff.clerk.get(id);
    expect(c.purchaseOverLimitation).toBe(true);
    expect(c.events[0]).toMatchObject({ type: 'registered', data: { oldPurchaseConfirmed: true } });
  });

  it('a letter received years ago is measured from its receipt date, not from today', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ receivedAt: '2026-01-05T10:00:00+08:00', purchasedOn: '2023-01-05' }));
    expect((await staff.clerk.get(id)).purchaseOverLimitation).toBe(false);
  });

  it('a correction that makes the purchase older than three years needs the same confirmation', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ purchasedOn: '2025-11-01' }));
    const { version } = await staff.clerk.get(id);
    const r = await staff.clerk.call('cases.correct', { id, version, changes: { purchasedOn: '2022-11-01' }, reason: '购买日期年份录错' });
    expect(!r.ok && r.error.fields?.oldPurchaseConfirmed).toMatch(/超过三年/);
    expect((await staff.clerk.get(id)).purchasedOn).toBe('2025-11-01');
    await staff.clerk.must('cases.correct', { id, version, changes: { purchasedOn: '2022-11-01' }, reason: '购买日期年份录错', oldPurchaseConfirmed: true });
    expect((await staff.clerk.get(id)).purchaseOverLimitation).toBe(true);
  });
});

describe('correcting the new fields', () => {
  it('adds an agent, changes the order number and the request types: before → after in words, and search follows', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ purchasePlace: { orderNo: 'PDD55554444333' }, requestTypes: ['return'] }));
    const { version } = await staff.clerk.get(id);
    await staff.clerk.must('cases.correct', {
      id,
      version,
      changes: {
        agent: { name: '周建国', phone: '13588889999', relation: '丈夫', authorizationReceived: false },
        purchasePlace: { orderNo: 'PDD55554444339', platform: '拼某某' },
        requestTypes: ['return', 'refund'],
      },
      reason: '订单号末位录错；补记代理人',
    });
    const c = await staff.clerk.get(id);
    expect(c.agent).toEqual({ name: '周建国', phone: '13588889999', relation: '丈夫', authorizationReceived: false });
    expect(c.purchasePlace).toEqual({ shop: null, platform: '拼某某', orderNo: 'PDD55554444339' });
    const changes = c.events.at(-1).data.changes as { field: string; beforeText: string; afterText: string }[];
    expect(changes.map((x) => [x.field, x.beforeText, x.afterText])).toEqual([
      ['purchasePlace.platform', '（空）', '拼某某'],
      ['purchasePlace.orderNo', 'PDD55554444333', 'PDD55554444339'],
      ['requestTypes', '退货', '退货、退款'],
      ['agent', '（无代理人）', '周建国（丈夫），13588889999，授权委托书未收到'],
    ]);
    expect(await searchIds('PDD55554444339')).toEqual([id]);
    expect(await searchIds('PDD55554444333')).toEqual([]);
    expect(await searchIds('周建国')).toEqual([id]);

    // The 授权委托书 arrives: the flag alone is corrected; then the agent is removed.
    const v2 = (await staff.clerk.get(id)).version;
    await staff.clerk.must('cases.correct', { id, version: v2, changes: { agent: { name: '周建国', phone: '13588889999', relation: '丈夫', authorizationReceived: true } }, reason: '已收到授权委托书' });
    expect((await staff.clerk.get(id)).events.at(-1).data.changes[0].afterText).toBe('周建国（丈夫），13588889999，授权委托书已收到');
    const v3 = (await staff.clerk.get(id)).version;
    await staff.clerk.must('cases.correct', { id, version: v3, changes: { agent: null, purchasePlace: { platform: null } }, reason: '投诉人本人办理' });
    const after = await staff.clerk.get(id);
    expect(after.agent).toBeNull();
    expect(after.purchasePlace.platform).toBeNull();
    expect(await searchIds('周建国')).toEqual([]);
  });

  it('refuses a correction of the new fields that changes nothing, and a bad agent, changing nothing', async () => {
    const { id } = await staff.clerk.must<{ id: number }>('cases.register', withAgent({ purchasePlace: { orderNo: 'X1234567' } }));
    const { version } = await staff.clerk.get(id);
    const row = reg.core.db.prepare('SELECT * FROM cases WHERE id = ?').get(id);
    const same = await staff.clerk.call('cases.correct', { id, version, changes: { purchasePlace: { orderNo: 'X1234567' }, requestTypes: ['compensation', 'refund', 'repair'] }, reason: '核对' });
    expect(!same.ok && same.error.code).toBe('VALIDATION');
    const bad = await staff.clerk.call('cases.correct', { id, version, changes: { agent: { name: '李志强', phone: '' } }, reason: '核对' });
    expect(!bad.ok && bad.error.fields).toMatchObject({ 'changes.agent.phone': '请填写代理人联系电话' });
    expect(reg.core.db.prepare('SELECT * FROM cases WHERE id = ?').get(id)).toEqual(row);
  });
});
