import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP } from '../../shared/api/schemas/cases';
import { SHORT_FIELDS } from '../../electron/core/store/caseText';
import { tokensOf } from '../../electron/core/store/searchTokens';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * One search box finds a case by any fragment (DESIGN.md "案件"; [F]): names, phones, ID numbers,
 * credit codes, the case number, the business, the subject, the facts, the request and the notes
 * the workflow wrote; one character or many, newest registered first.
 */
let reg: Register;
let staff: Staff;
const ids: Record<string, number> = {};

beforeAll(async () => {
  reg = await openRegister(fixedClock('2026-11-02T09:00:00+08:00'));
  staff = await withStaff(reg);
  const add = async (key: string, over: Record<string, unknown>) => {
    ids[key] = (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint(over))).id;
  };
  await add('wang', {
    complainant: { name: '王晓明', phone: '13912345678', idType: 'resident', idNumber: '11010519491231002X', address: '杭州市西湖区文三路1号' },
    respondent: { name: '杭州星辰电器有限公司', creditCode: '91330106MA2GL1234M' },
    subject: '变频空调',
    facts: '空调安装后制冷效果差，商家承诺上门维修但一直未到。',
    request: '退货退款',
  });
  await add('li', {
    complainant: { name: '李芳', phone: '0571-88886666' },
    respondent: { name: '宁波快乐旅行社' },
    category: 'S03',
    subject: '跟团游',
    facts: '行程中被导游强制购物，预付款无法退还。',
    request: '赔偿损失',
  });
  await add('zhao', {
    complainant: { name: '赵敏', phone: '13700003333' },
    respondent: { name: '温州健身会所' },
    category: 'S04',
    subject: '健身卡',
    facts: '会所关门跑路，预付卡余额无法退还。',
    request: '退还余额',
  });
}, 60_000);
afterAll(() => reg.close());

type Found = { rows: { id: number; caseNo: string; match: { field: string; text: string } | null }[]; total: number; more: boolean; next: string | null; words: string[] };
const search = (input: Record<string, unknown>) => staff.clerk.must<Found>('cases.search', { sort: 'registeredAt:desc', ...input });
const who = (found: Found) => found.rows.map((r) => Object.entries(ids).find(([, id]) => id === r.id)![0]);

describe('the search box', () => {
  it('finds a name, a surname, a given name and two characters of one', async () => {
    expect(who(await search({ text: '王晓明' }))).toEqual(['wang']);
    expect(who(await search({ text: '王' }))).toEqual(['wang']);
    expect(who(await search({ text: '敏' }))).toEqual(['zhao']);
    expect(who(await search({ text: '晓明' }))).toEqual(['wang']);
  });

  it('finds phone, ID number and credit code fragments, and the case number in any form typed', async () => {
    expect(who(await search({ text: '1234' }))).toEqual(['wang']);
    expect(who(await search({ text: '88886666' }))).toEqual(['li']);
    expect(who(await search({ text: '0571-8888' }))).toEqual(['li']);
    expect(who(await search({ text: '０５７１' }))).toEqual(['li']); // full-width digits from a Chinese keyboard
    expect(who(await search({ text: '19491231' }))).toEqual(['wang']);
    expect(who(await search({ text: 'ma2gl' }))).toEqual(['wang']);
    const { caseNo } = (await search({ text: '赵敏' })).rows[0]!;
    expect(who(await search({ text: caseNo }))).toEqual(['zhao']);
    expect(who(await search({ text: caseNo.slice(-5) }))).toEqual(['zhao']);
    expect(who(await search({ text: caseNo.toLowerCase() }))).toEqual(['zhao']);
  });

  it('finds two-character words and phrases in the business, subject, facts and request, newest first', async () => {
    expect(who(await search({ text: '温州' }))).toEqual(['zhao']);
    expect(who(await search({ text: '空调' }))).toEqual(['wang']);
    expect(who(await search({ text: '退还' }))).toEqual(['zhao', 'li']);
    expect(who(await search({ text: '预付' }))).toEqual(['zhao', 'li']);
    expect(who(await search({ text: '强制购物' }))).toEqual(['li']);
    expect(who(await search({ text: '预付卡余额' }))).toEqual(['zhao']);
    expect(who(await search({ text: '杭州 上门维修' }))).toEqual(['wang']);
    // A phrase across a comma is not one phrase of the text.
    expect(who(await search({ text: '跑路预付' }))).toEqual([]);
    expect(who(await search({ text: '上门维修但' }))).toEqual(['wang']);
  });

  it('says where a word was found when the register does not show it', async () => {
    const found = await search({ text: '强制购物' });
    expect(found.rows[0]!.match).toEqual({ field: '事实', text: '行程中被导游强制购物，预付款无法退还。' });
    expect((await search({ text: '李芳' })).rows[0]!.match).toBeNull();
    expect(found.words).toEqual(['强制购物']);
    // Punctuation typed with a word is not searched for, nor marked: the word's letters are.
    const typed = await search({ text: '/强制购物！' });
    expect(typed.words).toEqual(['强制购物']);
    expect(typed.rows[0]!.match).toEqual({ field: '事实', text: '行程中被导游强制购物，预付款无法退还。' });
  });

  it('says where it found a word in every field the index holds that the register does not show', async () => {
    // A word of each field that no other field holds, with the label its match must carry.
    const typed: Record<string, [word: string, label: string]> = {
      complainant_id_number: ['330106198805170039', '证件号码'],
      complainant_address: ['葛岭路', '地址'],
      credit_code: ['MA27XYQ0P7', '信用代码'],
      respondent_phone: ['86001234', '被投诉方电话'],
      contact_person: ['欧阳明月', '被投诉方联系人'],
      agent_name: ['司马相如', '代理人'],
      agent_phone: ['13655554444', '代理人电话'],
      order_no: ['PDD77665544', '订单号'],
      purchase_shop: ['栖霞店', '购买店铺'],
      purchase_platform: ['某多多', '购买平台'],
    };
    const id = (
      await staff.clerk.must<{ id: number }>(
        'cases.register',
        minimalComplaint({
          complainant: { name: '岳云', phone: '13822223333', idType: 'resident', idNumber: typed.complainant_id_number![0], address: '杭州市西湖区葛岭路2号' },
          respondent: { name: '杭州苏堤茶庄', creditCode: '91330108MA27XYQ0P7', phone: '0571-86001234', contactPerson: '欧阳明月' },
          agent: { name: '司马相如', phone: '13655554444', relation: '朋友', authorizationReceived: true },
          purchasePlace: { shop: '栖霞店', platform: '某多多', orderNo: 'PDD77665544' },
        }),
      )
    ).id;
    // Every field the index holds is either a column of the register or in this list.
    const shown = ['case_no', 'complainant_name', 'complainant_phone', 'respondent_name', 'subject'];
    expect(SHORT_FIELDS.map(([field]) => field).filter((f) => !shown.includes(f))).toEqual(Object.keys(typed));
    for (const [field, [word, label]] of Object.entries(typed)) {
      const found = await search({ text: word });
      expect(found.rows.map((r) => r.id), field).toEqual([id]);
      expect(found.rows[0]!.match?.field, field).toBe(label);
      expect(found.rows[0]!.match?.text, field).toContain(word.slice(-4));
    }
    await staff.supervisor.act(id, 'void', { reason: '测试用' });
  });

  it('finds the words the workflow wrote on the case (notes), as soon as they are written', async () => {
    expect(who(await search({ text: '电话联系商家' }))).toEqual([]);
    await staff.clerk.act(ids.li!, 'recordContact', { with: 'respondent', how: 'phone', summary: '电话联系商家，对方同意协商' });
    const found = await search({ text: '电话联系商家' });
    expect(who(found)).toEqual(['li']);
    expect(found.rows[0]!.match).toEqual({ field: '办理记录', text: '电话联系商家，对方同意协商' });
  });

  it('leaves voided cases out unless they are asked for', async () => {
    const victim = (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: '作废测试', phone: '13811112222' } }))).id;
    expect((await search({ text: '作废测试' })).total).toBe(1);
    await staff.supervisor.act(victim, 'void', { reason: '登记错误' });
    expect((await search({ text: '作废测试' })).total).toBe(0);
    expect((await search({ text: '作废测试', includeVoided: true })).total).toBe(1);
    expect((await search({ text: '作废测试', status: 'voided' })).total).toBe(1);
    // Past the first page the count is read in the indexes: the register's, less the voided cases' own.
    for (const phone of ['13811113333', '13811114444', '13811115555']) await staff.clerk.must('cases.register', minimalComplaint({ complainant: { name: '作废测试', phone } }));
    const counted = async (input: Record<string, unknown>) => {
      const found = await search({ text: '作废测试', pageSize: 1, ...input });
      return [found.total, found.rows.length, found.next !== null];
    };
    expect(await counted({})).toEqual([3, 1, true]);
    expect(await counted({ includeVoided: true })).toEqual([4, 1, true]);
    const second = ((await search({ text: '13811115555' })).rows[0] as { id: number }).id;
    await staff.supervisor.act(second, 'void', { reason: '重复登记' });
    expect(await counted({})).toEqual([2, 1, true]);
    expect(await counted({ status: 'voided' })).toEqual([2, 1, true]);
    expect(await counted({ includeVoided: true })).toEqual([4, 1, true]);
  });

  it('finds nothing for words without a letter or digit, and everything for no words', async () => {
    expect((await search({ text: '，。%"' })).total).toBe(0);
    expect((await search({ text: ' \u0000 ' })).total).toBeGreaterThanOrEqual(3);
  });
});

describe('paging and sorting', () => {
  it('reads the next page from the cursor of the one before, in every order, and ends', async () => {
    const sorts = ['receivedAt:desc', 'receivedAt:asc', 'registeredAt:desc', 'caseNo:asc', 'caseNo:desc', 'complainantName:asc', 'complainantName:desc', 'respondentName:asc', 'respondentName:desc', 'status:asc', 'status:desc', 'category:asc', 'category:desc', 'dueOn:asc'];
    for (const sort of sorts) {
      const whole = await search({ sort, pageSize: 200 });
      const paged: number[] = [];
      let after: string | undefined;
      for (let guard = 0; guard < 20; guard++) {
        const page = await search({ sort, pageSize: 2, ...(after ? { after } : {}) });
        paged.push(...page.rows.map((r) => r.id));
        if (!page.next) break;
        after = page.next;
      }
      expect(paged, sort).toEqual(whole.rows.map((r) => r.id));
    }
  });

  it('pages text results by cursor too, and refuses a cursor it did not make', async () => {
    const first = await search({ text: '州', pageSize: 1 });
    expect(first.next).not.toBeNull();
    const second = await search({ text: '州', pageSize: 1, after: first.next });
    expect(second.rows[0]!.id).not.toBe(first.rows[0]!.id);
    const r = await staff.clerk.call('cases.search', { after: 'not-a-cursor' });
    expect(r.ok ? null : r.error.fields).toEqual({ after: '翻页位置无效' });
  });

  it('sorts by complainant, business and status, which the register could not before', async () => {
    const names = (await search({ sort: 'complainantName:asc' })).rows.map((r) => r.id);
    expect(names.indexOf(ids.li!)).toBeLessThan(names.indexOf(ids.zhao!));
    const businesses = await staff.clerk.must<{ rows: { respondentName: string }[] }>('cases.search', { sort: 'respondentName:desc' });
    const list = businesses.rows.map((r) => r.respondentName);
    expect(list).toEqual([...list].sort().reverse());
  });
});

describe('the order when none is asked for', () => {
  it('is newest registered first for a text search (read off the index), newest received first for a plain list', async () => {
    // Received by post days before the other two, registered after them.
    const late = (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ receivedAt: '2026-10-28T10:00:00+08:00', facts: '预付卡到期后商家拒绝退还余额。' }))).id;
    const found = await staff.clerk.must<Found>('cases.search', { text: '预付' });
    expect(found.rows.map((r) => r.id)).toEqual([late, ids.zhao, ids.li]);
    const listed = await staff.clerk.must<Found>('cases.search', { pageSize: 200 });
    expect(listed.rows.map((r) => r.id).at(-1)).toBe(late);
    const byReceipt = await staff.clerk.must<Found>('cases.search', { text: '预付', sort: 'receivedAt:desc' });
    expect(byReceipt.rows.map((r) => r.id)).toEqual([ids.zhao, ids.li, late]);
  });
});

describe('a word in more cases than the count goes to', () => {
  it('reads "N+" when sorted other than by registration, which sorts only the newest matches up to the cap', async () => {
    const many = (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ facts: '遇到罕见词语的投诉。' }))).id;
    // Index entries of no case, below every case's id: matches that count toward the cap but list nothing.
    const insert = reg.core.db.prepare('INSERT INTO case_index (rowid, short, long) VALUES (?, ?, ?)');
    const long = tokensOf(['罕见词语']);
    reg.core.db.transaction(() => {
      for (let i = 1; i <= SEARCH_COUNT_CAP + 1; i++) insert.run(-i, '', long);
    })();
    const byReceipt = await search({ text: '罕见词语', sort: 'receivedAt:desc' });
    expect(byReceipt.rows.map((r) => r.id)).toEqual([many]);
    expect({ total: byReceipt.total, more: byReceipt.more }).toEqual({ total: 1, more: true });
    // In the register's own order text alone is walked and counted at once in the index
    // (store/textWalk.ts): past the cap, its page is read newest first, and the count is the index's.
    const byRegistration = await search({ text: '罕见词语' });
    expect(byRegistration.rows.map((r) => r.id)).toEqual([many]);
    expect({ total: byRegistration.total, more: byRegistration.more }).toEqual({ total: SEARCH_COUNT_CAP, more: true });
    // A first page with room to spare holds every match of any other list, so its rows are its count.
    const received = await search({ text: '罕见词语', from: '2000-01-01' });
    expect({ total: received.total, more: received.more }).toEqual({ total: 1, more: false });
    // With a filter only the case knows, the count reads the cases.
    const open = await search({ text: '罕见词语', open: true });
    expect({ total: open.total, more: open.more }).toEqual({ total: 1, more: false });
  });

  it('finds letters and digits written against Chinese without a space by their own digits (migration 0031)', async () => {
    const glued = (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ facts: '去年花了1999元买的，订单号202503150001，编号TS2024-00077也投诉过。' }))).id;
    for (const text of ['1999', '1999元', '花了1999', '202503150001', '50001', '订单号2025', 'TS2024-00077', '2024-0007', '00077也投诉']) {
      expect([text, (await search({ text })).rows.map((r) => r.id)]).toEqual([text, [glued]]);
    }
    // Still only where they stand together.
    expect((await search({ text: '了1998' })).rows).toEqual([]);
  });
});
