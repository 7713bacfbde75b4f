import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minimalComplaint, openRegister, type Register } from './harness';

// A creation whose answer was lost (the host died between commit and answer) is retried by the
// clerk; with the same client request id it must come back as the first result, not a second case.

let reg: Register;
beforeEach(async () => {
  reg = await openRegister();
});
afterEach(() => reg.close());

const count = (table: string) => reg.core.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('client request ids', () => {
  it('answers a retried registration with the first case, creating nothing more', async () => {
    const requestId = randomUUID();
    const first = await reg.must<{ id: number; caseNo: string }>('cases.register', minimalComplaint({ requestId }));
    const retry = await reg.must<{ id: number; caseNo: string }>('cases.register', minimalComplaint({ requestId }));
    expect(retry).toEqual(first);
    expect(count('cases')).toBe(1);
    expect(count('case_events')).toBe(1);
    // After a restart too: the id lives in the database with the case.
    const reopened = await reg.reopen();
    try {
      const again = await reopened.call('cases.register', minimalComplaint({ requestId }), reg.token);
      expect(again).toEqual({ ok: true, value: first });
    } finally {
      reopened.close();
    }
  });

  it('gives one case to the same id sent twice at once', async () => {
    const requestId = randomUUID();
    const [a, b] = await Promise.all([reg.must('cases.register', minimalComplaint({ requestId })), reg.must('cases.register', minimalComplaint({ requestId }))]);
    expect(a).toEqual(b);
    expect(count('cases')).toBe(1);
  });

  it('creates a new case for a new id, or for no id', async () => {
    await reg.must('cases.register', minimalComplaint({ requestId: randomUUID() }));
    await reg.must('cases.register', minimalComplaint({ requestId: randomUUID() }));
    await reg.must('cases.register', minimalComplaint());
    await reg.must('cases.register', minimalComplaint());
    expect(count('cases')).toBe(4);
  });

  it('keeps ids per user: another clerk’s same id is another request', async () => {
    const requestId = randomUUID();
    await reg.must('users.create', { username: 'clerk1', displayName: '陈登记', password: 'clerk-pass-1', role: 'clerk' });
    const { token } = await reg.must<{ token: string }>('session.login', { username: 'clerk1', password: 'clerk-pass-1' }, null);
    const mine = await reg.must<{ caseNo: string }>('cases.register', minimalComplaint({ requestId }));
    const theirs = await reg.must<{ caseNo: string }>('cases.register', minimalComplaint({ requestId }), token);
    expect(theirs.caseNo).not.toBe(mine.caseNo);
  });

  it('refuses an id reused for other content or another operation, saving nothing', async () => {
    const requestId = randomUUID();
    await reg.must('cases.register', minimalComplaint({ requestId }));
    const changed = await reg.call('cases.register', minimalComplaint({ requestId, subject: '冰箱' }));
    expect(changed.ok || changed.error).toEqual({ code: 'CONFLICT', message: expect.stringContaining('请求编号'), fields: { requestId: expect.any(String) } });
    const otherOp = await reg.call('users.create', { username: 'clerk2', displayName: '林登记', password: 'clerk-pass-2', role: 'clerk', requestId });
    expect(otherOp.ok || otherOp.error.code).toBe('CONFLICT');
    expect(count('cases')).toBe(1);
    expect(count('users')).toBe(1);
  });

  it('stores nothing for a refused creation, so the same id works once the input is corrected', async () => {
    const requestId = randomUUID();
    const bad = await reg.call('cases.register', minimalComplaint({ requestId, category: 'NOPE' }));
    expect(bad.ok || bad.error.code).toBe('VALIDATION');
    expect(count('request_ids')).toBe(0);
    expect((await reg.call('cases.register', minimalComplaint({ requestId }))).ok).toBe(true);
  });

  it('works for users.create, where the password is hashed before the transaction', async () => {
    const requestId = randomUUID();
    const input = { username: 'clerk3', displayName: '周登记', password: 'clerk-pass-3', role: 'clerk', requestId };
    const [a, b] = await Promise.all([reg.must('users.create', input), reg.must('users.create', input)]);
    expect(a).toEqual(b);
    expect(await reg.must('users.create', input)).toEqual(a);
    expect(count('users')).toBe(2);
  });

  it('refuses a request id that is not a UUID', async () => {
    const r = await reg.call('cases.register', minimalComplaint({ requestId: '../../etc/passwd' }));
    expect(r.ok || r.error.fields).toEqual({ requestId: expect.stringContaining('UUID') });
  });

  it('rolls the id back with the creation when the creation fails in its transaction', async () => {
    const requestId = randomUUID();
    // A full disk part-way through the registering transaction (see register.test.ts).
    await reg.must('cases.register', minimalComplaint());
    const pages = reg.core.db.pragma('page_count', { simple: true }) as number;
    reg.core.db.pragma(`max_page_count = ${pages}`);
    const big = minimalComplaint({ requestId, facts: '很长的投诉事实。'.repeat(600) });
    expect((await reg.call('cases.register', big)).ok).toBe(false);
    reg.core.db.pragma('max_page_count = 1073741823');
    expect(count('request_ids')).toBe(0);
    expect((await reg.must<{ caseNo: string }>('cases.register', big)).caseNo).toBe('TS2026-00002');
  });
});
