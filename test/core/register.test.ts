import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../electron/core/paths';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';

let reg: Register;
beforeEach(async () => {
  reg = await openRegister();
});
afterEach(() => reg.close());

const count = (table: string) => {
  const db = new Database(databaseFile(reg.dir), { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('cases.register', () => {
  it('gives a case number at once and the acceptance deadline 7 working days after receipt', async () => {
    const out = await reg.must<{ id: number; caseNo: string; acceptanceDueOn: string }>('cases.register', minimalComplaint());
    expect(out.caseNo).toBe('TS2026-00001');
    // Received Monday 2026-11-23; the day of receipt is not counted: 24,25,26,27,30 Nov, 1,2 Dec.
    expect(out.acceptanceDueOn).toBe('2026-12-02');
    const second = await reg.must<{ caseNo: string }>('cases.register', minimalComplaint());
    expect(second.caseNo).toBe('TS2026-00002');
  });

  it('stores every field of the API.md input shape and returns it from cases.get', async () => {
    const input = minimalComplaint({
      receivedAt: '2026-11-20T15:30:00+08:00',
      channel: 'letter',
      complainant: { name: '李四', idType: 'resident', idNumber: '11010519491231002x', phone: '0571-87654321', address: '杭州市西湖区文三路1号' },
      respondent: { name: '浙江某某商贸有限公司', creditCode: '91350100M000100Y43', address: '杭州市上城区', contactPerson: '赵经理', phone: '13900001111' },
      category: 'S07',
      natures: ['contract', 'false_ad'],
      subject: '会员服务',
      purchasedOn: '2026-10-01',
      amountPaidFen: 19950,
      amountClaimedFen: 59850,
      consentMediation: false,
      consentPublication: true,
    });
    const { id } = await reg.must<{ id: number }>('cases.register', input);
    const c = await reg.must<any>('cases.get', { id });
    expect(c.receivedAt).toBe('2026-11-20T15:30:00+08:00');
    expect(c.channel).toEqual({ code: 'letter', name: '信函' });
    expect(c.complainant).toEqual({ name: '李四', idType: 'resident', idNumber: '11010519491231002X', phone: '0571-87654321', address: '杭州市西湖区文三路1号' });
    expect(c.respondent).toMatchObject({ name: '浙江某某商贸有限公司', creditCode: '91350100M000100Y43', contactPerson: '赵经理', phone: '13900001111' });
    expect(c.category).toEqual({ code: 'S07', name: '互联网', group: '服务类' });
    expect(c.natures.map((n: any) => n.name)).toEqual(['合同', '虚假宣传']);
    expect(c).toMatchObject({ subject: '会员服务', purchasedOn: '2026-10-01', amountPaidFen: 19950, amountClaimedFen: 59850, consentMediation: false, consentPublication: true, status: 'registered' });
    // Received Friday 2026-11-20: 23,24,25,26,27,30 Nov, 1 Dec.
    expect(c.deadlines).toEqual([expect.objectContaining({ kind: 'acceptance', dueOn: '2026-12-01', provisional: false, state: 'running', ruleSet: 'order121' })]);
    expect(c.registeredBy.displayName).toBe('王管理');
    expect(c.events).toHaveLength(1);
    expect(c.events[0]).toMatchObject({ type: 'registered', by: { displayName: '王管理' } });
  });

  it('reuses a respondent by credit code, and offers it to search-as-you-type', async () => {
    const business = { name: '浙江某某商贸有限公司', creditCode: '91350100M000100Y43' };
    const a = await reg.must<{ id: number }>('cases.register', minimalComplaint({ respondent: business }));
    const b = await reg.must<{ id: number }>('cases.register', minimalComplaint({ respondent: { ...business, name: '某某商贸' } }));
    const ca = await reg.must<any>('cases.get', { id: a.id });
    const cb = await reg.must<any>('cases.get', { id: b.id });
    expect(cb.respondent.id).toBe(ca.respondent.id);
    // The existing row is not renamed by what was typed the second time; the typing is kept on the event.
    expect(cb.respondent.name).toBe('浙江某某商贸有限公司');
    expect(cb.events[0].data.typedRespondent.name).toBe('某某商贸');
    const found = await reg.must<any>('respondents.search', { text: '商贸' });
    expect(found.rows).toEqual([expect.objectContaining({ id: ca.respondent.id, caseCount: 2 })]);
    const c = await reg.must<{ id: number }>('cases.register', minimalComplaint({ respondent: { id: ca.respondent.id } }));
    expect((await reg.must<any>('cases.get', { id: c.id })).respondent.id).toBe(ca.respondent.id);
  });

  it('refuses bad input with Chinese field messages and saves nothing', async () => {
    const before = { cases: count('cases'), respondents: count('respondents'), events: count('case_events') };
    const bad = await reg.call('cases.register', minimalComplaint({
      complainant: { name: '', phone: '12345', idType: 'resident', idNumber: '110105194912310021' },
      respondent: { name: '某公司', creditCode: '91350100M000100Y44' },
      facts: '   ',
    }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION');
    expect(bad.error.fields).toMatchObject({
      'complainant.name': '请填写投诉人姓名',
      'complainant.phone': expect.stringContaining('电话号码格式不正确'),
      'complainant.idNumber': expect.stringContaining('校验位'),
      'respondent.creditCode': expect.stringContaining('校验位'),
      facts: '请填写投诉事实',
    });
    const unknownCodes = await reg.call('cases.register', minimalComplaint({ channel: 'pigeon', category: 'X99', natures: ['nope'] }));
    expect(unknownCodes.ok || unknownCodes.error.fields).toEqual({ channel: '请选择有效的投诉渠道', category: '请选择有效的投诉类别', 'natures.0': '投诉性质不在目录中' });
    const future = await reg.call('cases.register', minimalComplaint({ receivedAt: '2026-11-24T09:00:00+08:00' }));
    expect(future.ok || future.error.fields).toEqual({ receivedAt: '收到时间不能晚于现在' });
    const ambiguous = await reg.call('cases.register', minimalComplaint({ respondent: { id: 1, name: '另一家公司' } }));
    expect(ambiguous.ok || Object.values(ambiguous.error.fields ?? {})).toEqual([expect.stringContaining('只需给出 id')]);
    const missingRespondent = await reg.call('cases.register', minimalComplaint({ respondent: { id: 999 } }));
    expect(missingRespondent.ok || missingRespondent.error.code).toBe('VALIDATION');
    expect({ cases: count('cases'), respondents: count('respondents'), events: count('case_events') }).toEqual(before);
    // A refused registration does not use up a case number.
    expect((await reg.must<{ caseNo: string }>('cases.register', minimalComplaint())).caseNo).toBe('TS2026-00001');
  });

  it('takes receipt dates only from 2000-01-01 to now; never numbers a case without a four-digit year', async () => {
    for (const receivedAt of ['0999-03-01T10:00:00+08:00', '1999-12-31T23:59:59+08:00', '0001-01-01T00:00:00Z']) {
      const r = await reg.call('cases.register', minimalComplaint({ receivedAt }));
      expect(r.ok || r.error.fields, receivedAt).toEqual({ receivedAt: expect.stringContaining('不能早于2000年1月1日') });
    }
    for (const receivedAt of ['2026-11-23T09:06:00+08:00', '9999-12-31T23:59:59Z']) {
      const r = await reg.call('cases.register', minimalComplaint({ receivedAt }));
      expect(r.ok || r.error.fields, receivedAt).toEqual({ receivedAt: '收到时间不能晚于现在' });
    }
    expect(count('case_numbers')).toBe(0);
    // The bounds themselves are taken, each numbered in its own year.
    const oldest = await reg.must<{ caseNo: string }>('cases.register', minimalComplaint({ receivedAt: '2000-01-01T00:00:00+08:00' }));
    const newest = await reg.must<{ caseNo: string }>('cases.register', minimalComplaint({ receivedAt: '2026-11-23T09:04:59+08:00' }));
    expect([oldest.caseNo, newest.caseNo]).toEqual(['TS2000-00001', 'TS2026-00001']);
    expect(reg.core.db.prepare('SELECT year, last FROM case_numbers ORDER BY year').all()).toEqual([
      { year: 2000, last: 1 },
      { year: 2026, last: 1 },
    ]);
    // Whatever reaches the table, a year of other than four digits is refused there too.
    expect(() => reg.core.db.prepare('INSERT INTO case_numbers (year, last) VALUES (NULL, 1)').run()).toThrow(/four digits/);
    expect(() => reg.core.db.prepare('INSERT INTO case_numbers (year, last) VALUES (999, 1)').run()).toThrow(/four digits/);
  });

  it('refuses text with control characters or broken UTF-16, rather than store it changed', async () => {
    const r = await reg.call('cases.register', minimalComplaint({ subject: '电视\u0000机', facts: '屏幕\ud800坏了', complainant: { name: '张\u001b三', phone: '13812345678' } }));
    expect(r.ok || r.error.fields).toEqual({
      subject: expect.stringContaining('控制字符'),
      facts: expect.stringContaining('残缺字符'),
      'complainant.name': expect.stringContaining('控制字符'),
    });
    // Line breaks and tabs in the facts are the clerk's own and are kept.
    const ok = await reg.must<{ id: number }>('cases.register', minimalComplaint({ facts: '第一天：屏幕出现竖线。\n第二天：\t商家拒绝退货。😀' }));
    expect((await reg.must<any>('cases.get', { id: ok.id })).facts).toBe('第一天：屏幕出现竖线。\n第二天：\t商家拒绝退货。😀');
    expect(count('cases')).toBe(1);
  });

  it('marks the deadline provisional when it runs into a year the holiday calendar does not know', async () => {
    reg.clock.set('2027-12-28T10:00:00+08:00');
    const { token } = await reg.must<{ token: string }>('session.login', { username: 'admin', password: 'correct horse' }, null);
    const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint(), token);
    const c = await reg.must<any>('cases.get', { id }, token);
    expect(c.caseNo).toBe('TS2027-00001');
    expect(c.deadlines[0]).toMatchObject({ kind: 'acceptance', provisional: true });
  });

  it('keeps everything across closing and reopening the register', async () => {
    const { id, caseNo } = await reg.must<{ id: number; caseNo: string }>('cases.register', minimalComplaint());
    const reopened = await reg.reopen();
    try {
      const again = await reopened.call('cases.get', { id }, reg.token);
      expect(again.ok && (again.value as any).caseNo).toBe(caseNo);
    } finally {
      reopened.close();
    }
  });

  it('records each registration in the append-only event log and the hash-chained audit log', async () => {
    await reg.must('cases.register', minimalComplaint());
    const db = new Database(databaseFile(reg.dir));
    try {
      expect(() => db.prepare("UPDATE case_events SET type = 'x'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
    expect(reg.core.services.audit.verify()).toEqual({ ok: true, checked: 3 });
  });
});

describe('a full disk', () => {
  it('refuses the registration with a Chinese message saying what to do, and loses nothing', async () => {
    await reg.must('cases.register', minimalComplaint());
    // SQLite's page limit makes the database "full" exactly as a full disk does (SQLITE_FULL).
    const pages = reg.core.db.pragma('page_count', { simple: true }) as number;
    reg.core.db.pragma(`max_page_count = ${pages}`);
    const big = minimalComplaint({ facts: '很长的投诉事实。'.repeat(600) });
    const refused = await reg.call('cases.register', big);
    expect(refused.ok || refused.error).toEqual({ code: 'INTERNAL', message: expect.stringContaining('磁盘空间已满') });
    reg.core.db.pragma('max_page_count = 1073741823');
    expect((await reg.must<any>('cases.search', {})).total).toBe(1);
    // The number the refused registration would have taken is still free.
    expect((await reg.must<{ caseNo: string }>('cases.register', big)).caseNo).toBe('TS2026-00002');
  });
});

describe('a birth date in the ID number after today, by the core\'s clock', () => {
  it('is refused under the ID number field, and nothing is saved', async () => {
    const reg = await openRegister(fixedClock('2026-11-23T09:00:00+08:00'));
    try {
      // GB 11643 check character for 110105 20261124 002.
      const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      const body = '11010520261124002';
      const check = '10X98765432'[[...body].reduce((s, ch, i) => s + Number(ch) * weights[i]!, 0) % 11]!;
      const r = await reg.call('cases.register', minimalComplaint({ complainant: { name: '张三', phone: '13812345678', idType: 'resident', idNumber: body + check } }));
      expect(r.ok || r.error.fields).toEqual({ 'complainant.idNumber': '身份证号码中的出生日期晚于今天，请核对' });
      expect(reg.core.db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(0);
    } finally {
      reg.close();
    }
  });
});
