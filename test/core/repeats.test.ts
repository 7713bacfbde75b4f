import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EarlierCaseRow, ReturningComplainant } from '../../shared/api/schemas/repeats';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * 重复投诉 and 回头投诉人 (issue [B]; API.md `cases.repeats`, default window 90 days): the warning
 * the counter sees before saving, the link it records on both cases, and the look-up of a person
 * already on the register, against a real register on the office clock.
 */
const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

/** A 公民身份号码 that passes GB 11643 (domain.md "Validators"). */
function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
const ID_ZHANG = residentId('33010619850712003');
const ID_LI = residentId('33010219900101002');
const SHOP = '杭州某某电器有限公司';

let reg: Register;
let staff: Staff;
let first: { id: number; caseNo: string };

const repeats = (input: Record<string, unknown>) => staff.clerk.must<{ windowDays: number; rows: EarlierCaseRow[] }>('cases.repeats', input);
const caseCount = () => reg.core.db.prepare('SELECT COUNT(*) FROM cases').pluck().get() as number;

beforeAll(async () => {
  reg = await openRegister(fixedClock(at('2026-08-01', '09:00')));
  staff = await withStaff(reg);
  // The earlier complaint: 张三 with his ID number, against the shop, on 1 August.
  first = await staff.clerk.must('cases.register', minimalComplaint({ complainant: { name: '张三', idType: 'resident', idNumber: ID_ZHANG, phone: '13812345678', address: '杭州市西湖区文三路1号' } }));
});
afterAll(() => reg.close());

describe('cases.repeats: the same person against the same business within the window', () => {
  it('finds the earlier complaint by phone and by ID number on day 90, and not on day 91', async () => {
    // 1 August + 90 days = 30 October (31 + 30 + 29); the window counts calendar days back (shared/domain/repeats.ts).
    reg.clock.set(at('2026-10-31', '09:00'));
    const byPhone = { complainant: { phone: '138 1234 5678' }, respondent: { name: SHOP } };
    const byId = { complainant: { phone: '13900000000', idNumber: ID_ZHANG.toLowerCase() }, respondent: { name: SHOP } };
    for (const input of [byPhone, byId]) {
      const day90 = await repeats({ ...input, receivedAt: at('2026-10-30', '17:00') });
      expect(day90.windowDays).toBe(90);
      expect(day90.rows.map((r) => r.caseNo)).toEqual([first.caseNo]);
      expect(day90.rows[0]).toMatchObject({ id: first.id, status: 'registered', subject: '55英寸液晶电视机', complainantName: '张三', respondentName: SHOP });
      expect((await repeats({ ...input, receivedAt: at('2026-10-31', '08:00') })).rows).toEqual([]);
    }
  });

  it('agrees with the statistics on the edge: a case registered on day 90 counts as a repeat, one on day 91 does not', async () => {
    const counted: Record<string, number> = {};
    for (const day of ['2026-10-30', '2026-10-31']) {
      reg.clock.set(at(day));
      const input = { complainant: { phone: '13812345678' }, respondent: { name: SHOP } };
      const warned = (await repeats(input)).rows.length > 0;
      const c = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: '张三', phone: '13812345678' }, facts: `${day} 又来投诉` }));
      counted[day] = reg.core.services.store.read.facts(c.id).repeats;
      expect(counted[day] === 1).toBe(warned);
      // Leave the register as it was for the tests that follow.
      await staff.supervisor.act(c.id, 'void', { reason: '测试用，作废' });
    }
    expect(counted).toEqual({ '2026-10-30': 1, '2026-10-31': 0 });
  });

  it('a different business is not a repeat, nor a business not yet on the register', async () => {
    reg.clock.set(at('2026-09-01'));
    await staff.clerk.must('cases.register', minimalComplaint({ respondent: { name: '杭州另一家商场' }, complainant: { name: '王五', phone: '13600001111' } }));
    const other = await repeats({ complainant: { phone: '13812345678', idNumber: ID_ZHANG }, respondent: { name: '杭州另一家商场' } });
    expect(other.rows).toEqual([]);
    expect((await repeats({ complainant: { phone: '13812345678' }, respondent: { name: '从未登记过的公司' } })).rows).toEqual([]);
    // The business picked by its id reads the same as by its name.
    const shopId = reg.core.db.prepare('SELECT id FROM respondents WHERE name = ?').pluck().get(SHOP) as number;
    expect((await repeats({ complainant: { phone: '13812345678' }, respondent: { id: shopId } })).rows.map((r) => r.id)).toEqual([first.id]);
  });

  it('refuses junk with a Chinese message and no 500', async () => {
    const valid = { complainant: { phone: '13812345678' }, respondent: { name: SHOP } };
    // A receipt time the registration would refuse (the fuzzer's year 9999 once gave a 500).
    for (const receivedAt of ['9999-12-31T23:59:59Z', '2099-01-01T00:00:00+08:00', '1999-12-31T10:00:00+08:00']) {
      const r = await staff.clerk.call('cases.repeats', { ...valid, receivedAt });
      expect(r.ok ? 'answered' : r.error.code).toBe('VALIDATION');
      if (!r.ok) expect(r.error.message).toMatch(/收到时间不能(晚于现在|早于2000年)/);
    }
    for (const input of [{}, { complainant: { phone: 'abc' }, respondent: { name: SHOP } }, { complainant: { phone: '13812345678' }, respondent: { id: 1, name: SHOP } }, { complainant: { phone: '' }, respondent: { name: SHOP } }]) {
      const r = await staff.clerk.call('cases.repeats', input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});

describe('cases.register repeatOf: the link on both cases', () => {
  it('links a new complaint to the earlier one, shown on both, in the registration transaction', async () => {
    reg.clock.set(at('2026-09-15'));
    const input = minimalComplaint({ complainant: { name: '张三', phone: '13812345678' }, facts: '同一台电视机，商家仍未处理。', repeatOf: first.id });
    const second = await staff.clerk.must<{ id: number; caseNo: string }>('cases.register', input);
    const now = await staff.clerk.get(second.id);
    const before = await staff.clerk.get(first.id);
    expect(now.repeatLinks).toEqual([{ role: 'repeatOf', caseId: first.id, caseNo: first.caseNo }]);
    expect(before.repeatLinks).toEqual([{ role: 'repeatedBy', caseId: second.id, caseNo: second.caseNo }]);
    // The timeline of each case says so, by whom and when.
    expect(before.events.at(-1)).toMatchObject({ type: 'linkedRepeat', at: at('2026-09-15'), by: { id: staff.clerk.user.id }, data: { role: 'repeatedBy', otherCaseId: second.id, caseNo: second.caseNo } });
    expect(now.events.map((e: { type: string }) => e.type)).toEqual(['registered', 'linkedRepeat']);
  });

  it('refuses a link that is no repeat, to a voided case or to no case, with nothing saved', async () => {
    reg.clock.set(at('2026-09-20'));
    const wang = reg.core.db.prepare("SELECT id FROM cases WHERE complainant_name = '王五'").pluck().get() as number;
    const voided = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: '张三', phone: '13812345678' }, facts: '登记错了' }));
    await staff.supervisor.act(voided.id, 'void', { reason: '登记错误' });
    const cases = caseCount();
    for (const [repeatOf, message] of [
      [wang, /不是同一投诉人.*90 天内对同一经营者的投诉/],
      [voided.id, /已作废/],
      [999_999, /没有编号为 999999 的案件/],
    ] as const) {
      const r = await staff.clerk.call('cases.register', minimalComplaint({ complainant: { name: '张三', phone: '13812345678' }, repeatOf }));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.message).toMatch(message);
        expect(r.error.fields?.repeatOf).toBeTruthy();
      }
    }
    // Beyond the window too: the earlier complaint of 1 August is not linked on 1 November.
    reg.clock.set(at('2026-11-01'));
    const late = await staff.clerk.call('cases.register', minimalComplaint({ complainant: { name: '张三', phone: '13812345678' }, repeatOf: first.id }));
    expect(late.ok).toBe(false);
    // A new business (created by this registration) has no earlier complaint either, and is not kept.
    const fresh = await staff.clerk.call('cases.register', minimalComplaint({ respondent: { name: '新开的店' }, repeatOf: first.id }));
    expect(fresh.ok).toBe(false);
    expect(reg.core.db.prepare("SELECT COUNT(*) FROM respondents WHERE name = '新开的店'").pluck().get()).toBe(0);
    expect(caseCount()).toBe(cases);
  });

  it('does not offer a voided case as an earlier complaint', async () => {
    reg.clock.set(at('2026-09-21'));
    const rows = (await repeats({ complainant: { phone: '13812345678' }, respondent: { name: SHOP } })).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status !== 'voided')).toBe(true);
  });
});

describe('complainants.lookup: a returning complainant', () => {
  it('finds the person by phone and by ID number, with their earlier cases newest first', async () => {
    reg.clock.set(at('2026-10-01'));
    await staff.clerk.must('cases.register', minimalComplaint({ complainant: { name: '李四', idType: 'resident', idNumber: ID_LI, phone: '13700002222', address: '杭州市上城区' }, respondent: { name: '杭州另一家商场' } }));
    const byPhone = await staff.clerk.must<{ people: ReturningComplainant[] }>('complainants.lookup', { phone: '+86 138 1234 5678' });
    expect(byPhone.people).toHaveLength(1);
    const zhang = byPhone.people[0]!;
    // The ID number and address given once stay the person's, though later complaints left them out.
    expect(zhang).toMatchObject({ name: '张三', idType: 'resident', idNumber: ID_ZHANG, phone: '13812345678', address: '杭州市西湖区文三路1号' });
    expect(zhang.cases.at(-1)).toMatchObject({ id: first.id, caseNo: first.caseNo, respondentName: SHOP, status: 'registered' });
    expect(zhang.cases.every((c) => c.status !== 'voided')).toBe(true);
    expect(zhang.caseCount).toBe(zhang.cases.length);
    expect(zhang.cases.map((c) => c.id)).toEqual([...zhang.cases.map((c) => c.id)].sort((a, b) => b - a));

    const byId = await staff.clerk.must<{ people: ReturningComplainant[] }>('complainants.lookup', { idNumber: ID_LI.toLowerCase() });
    expect(byId.people).toEqual([
      expect.objectContaining({ name: '李四', idNumber: ID_LI, phone: '13700002222', address: '杭州市上城区', caseCount: 1, cases: [expect.objectContaining({ respondentName: '杭州另一家商场' })] }),
    ]);
    expect((await staff.clerk.must<{ people: unknown[] }>('complainants.lookup', { phone: '13911112222' })).people).toEqual([]);
  });

  it('refuses a look-up with neither phone nor ID number, or a phone that is no phone', async () => {
    for (const input of [{}, { phone: '' }, { phone: '12' }, { idNumber: 'x'.repeat(41) }]) {
      const r = await staff.clerk.call('complainants.lookup', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    }
  });
});

describe('a voided complaint is no earlier complaint', () => {
  it('the later complaint that counted as its repeat is counted again when it is voided', async () => {
    reg.clock.set(at('2026-11-02'));
    const person = { name: '赵六', phone: '13700006666' };
    const shop = { name: '杭州作废测试商行' };
    const a = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ complainant: person, respondent: shop, facts: '第一次投诉' }));
    reg.clock.set(at('2026-11-12'));
    const b = await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ complainant: person, respondent: shop, facts: '十天后又来投诉' }));
    const repeatsOf = (id: number) => reg.core.services.store.read.facts(id).repeats;
    expect(repeatsOf(b.id)).toBe(1);
    await staff.supervisor.act(a.id, 'void', { reason: '登记重复，作废' });
    expect(repeatsOf(b.id)).toBe(0);
    // The statistics' stored count follows: what 统计 and the business's page read.
    const stored = reg.core.db.prepare('SELECT measures FROM case_stats WHERE case_id = ?').pluck().get(b.id) as string;
    expect(JSON.parse(stored).at(-1)).toBe(0);
  });
});
