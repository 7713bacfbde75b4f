import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnquiryView } from '../../shared/api/schemas/enquiries';
import type { StatsSummary } from '../../shared/api/schemas/stats';
import { ENQUIRY_SQL } from '../../electron/core/store/enquiries';
import { minimalComplaint, openRegister, TEST_NOW, type Register } from './harness';
import { signIn, type Actor } from './staff';

/**
 * 咨询登记 (issue [B]): an enquiry logged in one line, listed by day, counted in 统计 as
 * 接待来访和咨询（人次）, and turned into a complaint once. The clock stands at TEST_NOW (2026-11-23 09:00 +08:00).
 */
let reg: Register;
let clerk: Actor;
let investigator: Actor;

const enquiry = (over: Record<string, unknown> = {}) => ({ channel: 'phone', topic: '网购七天无理由退货怎么算', answer: '自签收次日起算七天，告知可先与商家协商', ...over });
const rows = (from: string, to: string, more: Record<string, unknown> = {}) => clerk.must<{ rows: EnquiryView[]; total: number }>('enquiries.list', { from, to, ...more });
const count = (sql: string) => reg.core.db.prepare(sql).pluck().get() as number;

beforeAll(async () => {
  reg = await openRegister();
  await reg.must('users.create', { username: 'clerk', displayName: '陈登记', password: 'clerk-pass', role: 'clerk' });
  await reg.must('users.create', { username: 'investigator', displayName: '赵调查', password: 'investigator-pass', role: 'investigator' });
  clerk = await signIn(reg, 'clerk');
  investigator = await signIn(reg, 'investigator');
});
afterAll(() => reg.close());

describe('enquiries.log', () => {
  it('keeps the enquiry at the core’s now by default, the phone as a complainant’s is kept, on the audit log', async () => {
    const { id } = await clerk.must<{ id: number }>('enquiries.log', enquiry({ name: ' 王女士 ', phone: '+86 138 0000 1111' }));
    const { rows: today, total } = await rows('2026-11-23', '2026-11-23');
    expect(total).toBe(1);
    expect(today[0]).toEqual({
      id,
      receivedAt: TEST_NOW,
      receivedOn: '2026-11-23',
      channel: { code: 'phone', name: expect.any(String) },
      topic: '网购七天无理由退货怎么算',
      answer: '自签收次日起算七天，告知可先与商家协商',
      name: '王女士',
      phone: '13800001111',
      loggedBy: { id: clerk.user.id, displayName: '陈登记' },
      loggedAt: TEST_NOW,
      case: null,
    });
    expect(today[0]!.channel.name).toBe('电话');
    expect(reg.core.db.prepare("SELECT user_id, entity, entity_id FROM audit_log WHERE action = 'enquiries.log'").all()).toEqual([{ user_id: clerk.user.id, entity: 'enquiry', entity_id: id }]);
  });

  it('files a time given in another zone under the office date, with the office offset', async () => {
    // 2026-11-22 17:30 UTC is 01:30 on the 23rd in the office.
    const { id } = await investigator.must<{ id: number }>('enquiries.log', enquiry({ receivedAt: '2026-11-22T17:30:00Z', channel: 'visit' }));
    const found = (await rows('2026-11-23', '2026-11-23')).rows.find((r) => r.id === id)!;
    expect(found).toMatchObject({ receivedAt: '2026-11-23T01:30:00+08:00', receivedOn: '2026-11-23', loggedBy: { displayName: '赵调查' }, name: null, phone: null });
    expect((await rows('2026-11-22', '2026-11-22')).total).toBe(0);
  });

  it('refuses what is wrong with a Chinese message on the field, and stores nothing', async () => {
    const before = { enquiries: count('SELECT COUNT(*) FROM enquiries'), audit: count('SELECT COUNT(*) FROM audit_log') };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ topic: undefined }, 'topic', /请填写咨询事项/],
      [{ topic: '   ' }, 'topic', /请填写咨询事项/],
      [{ answer: '' }, 'answer', /请填写答复内容/],
      [{ answer: 'x'.repeat(2001) }, 'answer', /答复内容不能超过2000个字/],
      [{ channel: 'pigeon' }, 'channel', /咨询渠道/],
      [{ phone: '12345' }, 'phone', /电话号码格式不正确/],
      [{ name: '张\u200B三' }, 'name', /零宽字符/],
      [{ receivedAt: '2026-11-23T10:00:00+08:00' }, 'receivedAt', /不能晚于现在/],
      [{ receivedAt: '1999-12-31T10:00:00+08:00' }, 'receivedAt', /不能早于2000年1月1日/],
      [{ receivedAt: '昨天下午' }, 'receivedAt', /时间格式/],
    ];
    for (const [over, field, message] of cases) {
      const r = await clerk.call('enquiries.log', enquiry(over));
      expect(r.ok, JSON.stringify(over)).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.fields?.[field], JSON.stringify(r.error)).toMatch(message);
    }
    expect({ enquiries: count('SELECT COUNT(*) FROM enquiries'), audit: count('SELECT COUNT(*) FROM audit_log') }).toEqual(before);
    const signedOut = await reg.call('enquiries.log', enquiry(), null);
    expect(signedOut.ok || signedOut.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers a retry with the same request id with the first enquiry, not a second one', async () => {
    const requestId = randomUUID();
    const before = count('SELECT COUNT(*) FROM enquiries');
    const first = await clerk.must<{ id: number }>('enquiries.log', enquiry({ requestId, topic: '燃气费怎么退' }));
    const again = await clerk.must<{ id: number }>('enquiries.log', enquiry({ requestId, topic: '燃气费怎么退' }));
    expect(again).toEqual(first);
    expect(count('SELECT COUNT(*) FROM enquiries')).toBe(before + 1);
    const other = await clerk.call('enquiries.log', enquiry({ requestId, topic: '别的事' }));
    expect(other.ok || other.error.code).toBe('CONFLICT');
  });
});

describe('enquiries.list', () => {
  it('pages a period newest first, with the total', async () => {
    const logged: number[] = [];
    for (const [day, time] of [['2026-10-05', '09:00'], ['2026-10-05', '16:45'], ['2026-10-06', '08:30'], ['2026-10-07', '11:00'], ['2026-10-07', '10:00']]) {
      logged.push((await clerk.must<{ id: number }>('enquiries.log', enquiry({ receivedAt: `${day}T${time}:00+08:00` }))).id);
    }
    const newestFirst = [logged[3], logged[4], logged[2], logged[1], logged[0]];
    const p1 = await rows('2026-10-05', '2026-10-07', { pageSize: 2 });
    const p2 = await rows('2026-10-05', '2026-10-07', { pageSize: 2, page: 2 });
    const p3 = await rows('2026-10-05', '2026-10-07', { pageSize: 2, page: 3 });
    expect([p1.total, p2.total, p3.total]).toEqual([5, 5, 5]);
    expect([...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.id)).toEqual(newestFirst);
    expect((await rows('2026-10-05', '2026-10-07', { pageSize: 2, page: 4 })).rows).toEqual([]);
    expect((await rows('2026-10-06', '2026-10-06')).rows.map((r) => r.id)).toEqual([logged[2]]);
  });

  it('refuses a period that ends before it starts or runs over a year', async () => {
    for (const [input, field, message] of [
      [{ from: '2026-11-23', to: '2026-11-22' }, 'to', /开始日期不能晚于结束日期/],
      [{ from: '2025-01-01', to: '2026-01-02' }, 'from', /一次最多查看366天/],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'from', /日期格式/],
      [{ from: '2026-11-01', to: '2026-11-30', pageSize: 0 }, 'pageSize', /每页至少1条/],
    ] as const) {
      const r = await clerk.call('enquiries.list', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.fields?.[field], JSON.stringify(r.error)).toMatch(message);
    }
    expect((await rows('2025-11-23', '2026-11-23')).total).toBeGreaterThan(0);
  });

  it('reads a period through the receipt-date index', () => {
    const plan = (sql: string, params: unknown[]) => (reg.core.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    // Counted from a row a day, not the period's enquiries.
    expect(plan(ENQUIRY_SQL.count, ['2026-01-01', '2026-12-31'])).toMatch(/^SEARCH enquiry_days USING PRIMARY KEY \(day>\? AND day<\?\)$/);
    expect(plan(ENQUIRY_SQL.page, ['2026-01-01', '2026-12-31', 50, 0])).toMatch(/SEARCH e USING INDEX enquiries_received_on \(received_on>\? AND received_on<\?\)/);
    expect(plan(ENQUIRY_SQL.page, ['2026-01-01', '2026-12-31', 50, 0])).not.toMatch(/TEMP B-TREE/);
  });
});

describe('统计 counts enquiries as 接待来访和咨询（人次）', () => {
  const summary = (from: string, to: string) => clerk.must<StatsSummary>('stats.summary', { from, to });

  it('by office date, in a month, across the turn of the year, and a year earlier', async () => {
    const log = (receivedAt: string) => clerk.must('enquiries.log', enquiry({ receivedAt }));
    await log('2024-12-31T23:59:00+08:00');
    await log('2025-01-15T10:00:00+08:00');
    await log('2025-12-01T00:00:00+08:00');
    await log('2025-12-31T23:30:00+08:00');
    // 2025-12-31 16:30 UTC is already New Year's Day in the office.
    await log('2025-12-31T16:30:00Z');
    await log('2026-01-31T18:00:00+08:00');
    await log('2026-02-01T00:00:00+08:00');
    expect((await summary('2025-12-01', '2025-12-31')).enquiries).toBe(2);
    expect((await summary('2026-01-01', '2026-01-31')).enquiries).toBe(2);
    const winter = await summary('2025-12-01', '2026-01-31');
    expect(winter.enquiries).toBe(4);
    expect(winter.yearEarlier).toMatchObject({ from: '2024-12-01', to: '2025-01-31', enquiries: 2 });
    // An enquiry is no complaint: the complaint figures do not move.
    expect(winter.received).toBe(0);
  });
});

describe('turning an enquiry into a complaint', () => {
  it('links the case in the registration, once; a second time and a missing enquiry are refused and register nothing', async () => {
    const { id: enquiryId } = await clerk.must<{ id: number }>('enquiries.log', enquiry({ topic: '买的冰箱不制冷，商家不给修', name: '刘先生', phone: '13900002222' }));
    const saved = await clerk.must<{ id: number; caseNo: string }>('cases.register', minimalComplaint({ fromEnquiryId: enquiryId, complainant: { name: '刘先生', phone: '13900002222' } }));
    const linked = (await rows('2026-11-23', '2026-11-23')).rows.find((r) => r.id === enquiryId)!;
    expect(linked.case).toEqual({ id: saved.id, caseNo: saved.caseNo });
    // The case's own timeline says where it came from (由咨询转来).
    const registered = reg.core.services.store.read.events(saved.id).find((e) => e.type === 'registered')!;
    expect(registered.data.fromEnquiry).toEqual({ id: enquiryId, receivedAt: linked.receivedAt, topic: '买的冰箱不制冷，商家不给修' });

    const cases = count('SELECT COUNT(*) FROM cases');
    const twice = await clerk.call('cases.register', minimalComplaint({ fromEnquiryId: enquiryId }));
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error).toMatchObject({ code: 'CONFLICT', fields: { fromEnquiryId: '这条咨询已经转为投诉' } });
    const missing = await clerk.call('cases.register', minimalComplaint({ fromEnquiryId: 999_999 }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toMatchObject({ code: 'VALIDATION', fields: { fromEnquiryId: '咨询记录不存在' } });
    expect(count('SELECT COUNT(*) FROM cases')).toBe(cases);
    // Neither refusal used up a case number.
    const next = await clerk.must<{ caseNo: string }>('cases.register', minimalComplaint());
    expect(Number(next.caseNo.slice(-5))).toBe(Number(saved.caseNo.slice(-5)) + 1);
    expect((await rows('2026-11-23', '2026-11-23')).rows.find((r) => r.id === enquiryId)!.case).toEqual({ id: saved.id, caseNo: saved.caseNo });
  });
});
