import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../electron/core/paths';
import { minimalComplaint, openRegister, type Register } from './harness';

let reg: Register;
beforeEach(async () => {
  reg = await openRegister();
  await reg.must('cases.register', minimalComplaint({ receivedAt: '2026-11-02T10:00:00+08:00', complainant: { name: '王小明', phone: '13900002222' }, respondent: { name: '杭州某某电器有限公司' }, subject: '冰箱', facts: '冰箱不制冷，多次维修无果' }));
  await reg.must('cases.register', minimalComplaint({ receivedAt: '2026-11-10T10:00:00+08:00', complainant: { name: '李华', phone: '0571-88886666' }, respondent: { name: '宁波快乐旅行社' }, category: 'S03', subject: '跟团游', facts: '行程中被强制购物' }));
  await reg.must('cases.register', minimalComplaint({ receivedAt: '2026-11-20T10:00:00+08:00', complainant: { name: '赵敏', phone: '13700003333' }, respondent: { name: '温州健身会所' }, category: 'S04', subject: '健身卡', facts: '会所关门跑路，预付款无法退还' }));
});
afterEach(() => reg.close());

const names = (r: any) => r.rows.map((x: any) => x.complainantName);

describe('cases.search', () => {
  it('lists newest first with a total, and pages', async () => {
    const all = await reg.must<any>('cases.search', {});
    expect(all.total).toBe(3);
    expect(names(all)).toEqual(['赵敏', '李华', '王小明']);
    const page2 = await reg.must<any>('cases.search', { page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 3 });
    expect(names(page2)).toEqual(['王小明']);
    expect(names(await reg.must<any>('cases.search', { sort: 'receivedAt:asc' }))).toEqual(['王小明', '李华', '赵敏']);
  });

  it('finds by any three or more characters of names, phones, businesses, subjects and facts', async () => {
    expect(names(await reg.must<any>('cases.search', { text: '强制购物' }))).toEqual(['李华']);
    expect(names(await reg.must<any>('cases.search', { text: '88886666' }))).toEqual(['李华']);
    expect(names(await reg.must<any>('cases.search', { text: '健身会所' }))).toEqual(['赵敏']);
    expect(names(await reg.must<any>('cases.search', { text: '王小明' }))).toEqual(['王小明']);
    expect(names(await reg.must<any>('cases.search', { text: 'TS2026-00002' }))).toEqual(['李华']);
    expect(names(await reg.must<any>('cases.search', { text: '杭州 不制冷' }))).toEqual(['王小明']);
  });

  it('finds by one or two characters too (a surname, a city), which trigrams cannot index', async () => {
    expect(names(await reg.must<any>('cases.search', { text: '赵' }))).toEqual(['赵敏']);
    expect(names(await reg.must<any>('cases.search', { text: '温州' }))).toEqual(['赵敏']);
    expect(names(await reg.must<any>('cases.search', { text: '%' }))).toEqual([]);
    expect(names(await reg.must<any>('cases.search', { text: '"' }))).toEqual([]);
  });

  it('filters by category, status, date range and overdue acceptance', async () => {
    expect(names(await reg.must<any>('cases.search', { category: 'S03' }))).toEqual(['李华']);
    expect(names(await reg.must<any>('cases.search', { from: '2026-11-05', to: '2026-11-15' }))).toEqual(['李华']);
    expect((await reg.must<any>('cases.search', { status: 'closed' })).total).toBe(0);
    // Today is 2026-11-23: 11-02's deadline (11-11) and 11-10's (11-19) have passed; 11-20's (12-01) has not.
    expect(names(await reg.must<any>('cases.search', { overdue: true }))).toEqual(['李华', '王小明']);
    expect(names(await reg.must<any>('cases.search', { overdue: false }))).toEqual(['赵敏']);
    // 赵敏's deadline is 2026-12-01: 6 working days after today (24,25,26,27,30 Nov, 1 Dec).
    expect((await reg.must<any>('cases.search', { dueWithinWorkingDays: 5 })).total).toBe(0);
    expect(names(await reg.must<any>('cases.search', { dueWithinWorkingDays: 6 }))).toEqual(['赵敏']);
    reg.clock.set('2026-12-01T08:30:00+08:00');
    const { token } = await reg.must<{ token: string }>('session.login', { username: 'admin', password: 'correct horse' }, null);
    expect(names(await reg.must<any>('cases.search', { dueWithinWorkingDays: 0 }, token))).toEqual(['赵敏']);
  });

  it('takes control characters in search words as spaces, never as an FTS5 error', async () => {
    expect(names(await reg.must<any>('cases.search', { text: '强制\u0000跑路' }))).toEqual([]);
    expect(names(await reg.must<any>('cases.search', { text: '行程中\u0000强制购物' }))).toEqual(['李华']);
    expect(names(await reg.must<any>('cases.search', { text: '\u0000\u0001\u007f' }))).toHaveLength(3);
    for (const text of ['健身卡"\u0000', '"\u0000"', 'a\u0000b\u0000c', '\ud800\udc00abc', '\ud800abc', 'abc* OR NEAR(a b)', "x'; DROP TABLE cases; --"]) {
      const r = await reg.call('cases.search', { text });
      expect(r.ok, JSON.stringify(text)).toBe(true);
    }
  });

  it('refuses a bad query in Chinese', async () => {
    const r = await reg.call('cases.search', { pageSize: 5000, sort: 'rowid' });
    expect(r.ok || r.error.fields).toMatchObject({ pageSize: '每页最多200条', sort: expect.any(String) });
  });
});

describe('audit chain', () => {
  it('detects a row edited or removed behind the app’s back', async () => {
    expect(reg.core.services.audit.verify().ok).toBe(true);
    reg.core.close();
    const db = new Database(databaseFile(reg.dir));
    db.exec('DROP TRIGGER audit_log_append_only_update');
    db.prepare("UPDATE audit_log SET data = '{\"caseNo\":\"TS2026-09999\"}' WHERE id = 3").run();
    db.close();
    const reopened = await reg.reopen();
    expect(reopened.services.audit.verify()).toEqual({ ok: false, checked: 2, firstBroken: 3 });
    reopened.close();
  });
});
