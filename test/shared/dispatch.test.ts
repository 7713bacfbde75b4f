import { describe, expect, it } from 'vitest';
import { dispatch, type DispatchDeps, type HandlerContext, type HandlerTable } from '../../shared/api/dispatch';
import { DomainError } from '../../shared/api/errors';
import type { UserView } from '../../shared/api/schemas/common';

// The real dispatch, driven with a hand-made handler table: each test handler records what it
// was given, so a test can also tell whether dispatch reached it at all.

const admin: UserView = { id: 1, username: 'admin', displayName: '王管理', role: 'admin' };
const clerk: UserView = { id: 2, username: 'clerk', displayName: '李登记', role: 'clerk' };
const tokens: Record<string, UserView> = { 'admin-token': admin, 'clerk-token': clerk };

type Call = { name: string; input: unknown; ctx: HandlerContext };

function harness(overrides: Record<string, (input: any, ctx: HandlerContext) => unknown> = {}) {
  const calls: Call[] = [];
  const logged: { message: string; error: unknown }[] = [];
  const record =
    (name: string, out: (input: any, ctx: HandlerContext) => unknown) =>
    (input: unknown, ctx: HandlerContext) => {
      calls.push({ name, input, ctx });
      return out(input, ctx);
    };
  const base: Record<string, (input: any, ctx: HandlerContext) => unknown> = {
    'setup.status': () => ({ initialised: true }),
    'setup.init': () => ({ ok: true }),
    'session.login': (input: { username: string }) => ({ token: 't', user: { ...admin, username: input.username } }),
    'session.me': (_input, ctx) => ({ user: ctx.user, officeName: '杭州市消费者协会', today: '2026-11-23', idleLockMinutes: 15 }),
    'users.list': () => ({ users: [admin, clerk].map((u) => ({ ...u, disabled: false })) }),
    'cases.register': () => ({ id: 1, caseNo: 'TS2026-00001', acceptanceDueOn: '2026-12-02' }),
    ...overrides,
  };
  const handlers = Object.fromEntries(Object.entries(base).map(([name, fn]) => [name, record(name, fn)]));
  const deps: DispatchDeps = {
    handlers: handlers as unknown as HandlerTable,
    authenticate: (token) => (token ? (tokens[token] ?? null) : null),
    logError: (message, error) => logged.push({ message, error }),
  };
  return { deps, calls, logged };
}

const INTERNAL_MESSAGE = '系统内部错误，请稍后重试；如反复出现请联系管理员';
const CHINESE = /[\u4e00-\u9fff]/;

describe('dispatch: success', () => {
  it('returns { ok: true, value } with the output as the contract parses it', async () => {
    const { deps } = harness({ 'setup.status': () => ({ initialised: false, readOnly: false, secretColumn: 'x' }) });
    const result = await dispatch(deps, 'setup.status', {}, null);
    // Keys outside the output schema are stripped, not passed through.
    expect(result).toStrictEqual({ ok: true, value: { initialised: false, readOnly: false } });
  });

  it('hands the handler the parsed input and the signed-in user', async () => {
    const { deps, calls } = harness();
    const result = await dispatch(deps, 'session.me', undefined, 'clerk-token');
    expect(result).toEqual({ ok: true, value: { user: clerk, officeName: '杭州市消费者协会', today: '2026-11-23', idleLockMinutes: 15 } });
    expect(calls).toEqual([{ name: 'session.me', input: {}, ctx: { user: clerk, token: 'clerk-token' } }]);
  });

  it('trims input the way the schema says before the handler sees it', async () => {
    const { deps, calls } = harness();
    const result = await dispatch(deps, 'session.login', { username: '  admin  ', password: 'correct horse' }, null);
    expect(result.ok).toBe(true);
    expect(calls[0]!.input).toEqual({ username: 'admin', password: 'correct horse' });
    // A public operation runs without a user.
    expect(calls[0]!.ctx.user).toBeNull();
  });

  it('awaits a handler that returns a promise', async () => {
    const { deps } = harness({ 'users.list': async () => ({ users: [{ ...admin, disabled: false }] }) });
    expect(await dispatch(deps, 'users.list', {}, 'admin-token')).toEqual({ ok: true, value: { users: [{ ...admin, disabled: false }] } });
  });
});

describe('dispatch: NOT_FOUND', () => {
  it.each(['cases.delete', '', 'toString', 'constructor', '__proto__'])('an unknown name %j is NOT_FOUND', async (name) => {
    const { deps, calls } = harness();
    const result = await dispatch(deps, name, {}, 'admin-token');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('NOT_FOUND');
    expect(result.error.message).toMatch(CHINESE);
    expect(calls).toHaveLength(0);
  });

  it('does not echo an arbitrarily long name back', async () => {
    const { deps } = harness();
    const result = await dispatch(deps, 'x'.repeat(10_000), {}, null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message.length).toBeLessThan(200);
  });
});

describe('dispatch: VALIDATION', () => {
  it('reports each bad field under its dotted path, in Chinese, without calling the handler', async () => {
    const { deps, calls } = harness();
    const result = await dispatch(deps, 'setup.init', { officeName: '', admin: { username: 'admin', displayName: '王管理', password: 'short' } }, null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields).toEqual({ officeName: '请填写单位名称', 'admin.password': '密码至少8位' });
    expect(result.error.message).toBe('输入有误：请填写单位名称');
    expect(calls).toHaveLength(0);
  });

  it('keys a problem found by a validator deep in the input by its full path', async () => {
    const { deps, calls } = harness();
    const input = {
      channel: 'visit',
      complainant: { name: '张三', idType: 'resident', idNumber: '110105194912310021', phone: '12812345678' },
      respondent: { name: '某某公司', creditCode: '91350100M000100Y44' },
      category: 'G01',
      subject: '手机',
      facts: '屏幕碎裂',
      request: '退货',
      consentMediation: true,
    };
    const result = await dispatch(deps, 'cases.register', input, 'clerk-token');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const fields = result.error.fields ?? {};
    expect(fields['complainant.idNumber']).toMatch(/身份证号码校验位不正确/);
    expect(fields['complainant.phone']).toMatch(/电话号码格式不正确/);
    expect(fields['respondent.creditCode']).toMatch(/统一社会信用代码校验位不正确/);
    expect(result.error.message).toMatch(/^输入有误：/);
    expect(calls).toHaveLength(0);
  });

  it('gives Chinese messages for zod defaults too (wrong type, unknown keys under "_")', async () => {
    const { deps } = harness();
    const wrongType = await dispatch(deps, 'users.list', { page: 1 }, 'admin-token');
    expect(wrongType.ok).toBe(false);
    if (wrongType.ok) return;
    expect(wrongType.error.code).toBe('VALIDATION');
    expect(Object.keys(wrongType.error.fields ?? {})).toEqual(['_']);
    expect(wrongType.error.fields?._).toMatch(CHINESE);

    const notAnObject = await dispatch(deps, 'session.login', 'admin', null);
    expect(notAnObject.ok).toBe(false);
    if (notAnObject.ok) return;
    expect(notAnObject.error.code).toBe('VALIDATION');
    expect(notAnObject.error.fields?._).toMatch(CHINESE);
  });
});

describe('dispatch: sessions and roles', () => {
  it('is UNAUTHENTICATED without a token, with an unknown token, and before looking at the input', async () => {
    const { deps, calls } = harness();
    for (const token of [null, 'forged-token']) {
      const result = await dispatch(deps, 'session.me', {}, token);
      expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(CHINESE) } });
    }
    // Bad input from a caller without a session says nothing about the fields.
    const bad = await dispatch(deps, 'cases.register', { nonsense: true }, null);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('UNAUTHENTICATED');
    expect(bad.error.fields).toBeUndefined();
    expect(calls).toHaveLength(0);
  });

  it('is FORBIDDEN when the role is not on the list, and runs for a role that is', async () => {
    const { deps, calls } = harness();
    const asClerk = await dispatch(deps, 'users.list', {}, 'clerk-token');
    expect(asClerk).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(CHINESE) } });
    expect(calls).toHaveLength(0);

    const asAdmin = await dispatch(deps, 'users.list', {}, 'admin-token');
    expect(asAdmin.ok).toBe(true);
    expect(calls).toHaveLength(1);
  });
});

describe('dispatch: faults', () => {
  it('passes a DomainError through with its code, message and fields', async () => {
    const { deps, logged } = harness({
      'setup.init': () => {
        throw new DomainError('CONFLICT', '系统已完成首次设置', { officeName: '已设置' });
      },
    });
    const result = await dispatch(deps, 'setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '王管理', password: 'correct horse' } }, null);
    expect(result).toStrictEqual({ ok: false, error: { code: 'CONFLICT', message: '系统已完成首次设置', fields: { officeName: '已设置' } } });
    expect(logged).toHaveLength(0);
  });

  it('passes a DomainError without fields through without a fields key', async () => {
    const { deps } = harness({
      'users.list': async () => {
        throw new DomainError('NOT_FOUND', '没有这个用户');
      },
    });
    expect(await dispatch(deps, 'users.list', {}, 'admin-token')).toStrictEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有这个用户' },
    });
  });

  it('turns any other throw into INTERNAL, logs it, and does not leak its message', async () => {
    const secret = new Error('SQLITE_CORRUPT: /home/clerk/secret.sqlite');
    const { deps, logged } = harness({
      'users.list': () => {
        throw secret;
      },
    });
    const result = await dispatch(deps, 'users.list', {}, 'admin-token');
    expect(result).toStrictEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    expect(JSON.stringify(result)).not.toContain('SQLITE');
    expect(logged).toHaveLength(1);
    expect(logged[0]!.error).toBe(secret);
  });

  it('turns a rejected promise and a thrown non-Error into INTERNAL too', async () => {
    const rejecting = harness({ 'users.list': () => Promise.reject(new TypeError('x is undefined')) });
    expect(await dispatch(rejecting.deps, 'users.list', {}, 'admin-token')).toStrictEqual({
      ok: false,
      error: { code: 'INTERNAL', message: INTERNAL_MESSAGE },
    });
    const throwingString = harness({
      'users.list': () => {
        throw 'a string';
      },
    });
    const result = await dispatch(throwingString.deps, 'users.list', {}, 'admin-token');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
  });

  it('is INTERNAL when authenticate itself throws', async () => {
    const { deps, logged } = harness();
    deps.authenticate = () => {
      throw new Error('database is locked');
    };
    const result = await dispatch(deps, 'session.me', {}, 'admin-token');
    expect(result).toStrictEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    expect(logged).toHaveLength(1);
  });

  it('is INTERNAL when the handler output breaks the contract, and logs that', async () => {
    const { deps, logged } = harness({ 'cases.register': () => ({ id: '1', caseNo: 'TS2026-00001' }) });
    const input = {
      channel: 'visit',
      complainant: { name: '张三', phone: '13812345678' },
      respondent: { id: 3 },
      category: 'G01',
      subject: '手机',
      facts: '屏幕碎裂',
      request: '退货',
      consentMediation: true,
    };
    const result = await dispatch(deps, 'cases.register', input, 'clerk-token');
    expect(result).toStrictEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    expect(logged).toHaveLength(1);
    expect(logged[0]!.message).toContain('cases.register');
  });

  it('is INTERNAL when a handler returns nothing for an operation that promises a value', async () => {
    const { deps } = harness({ 'setup.status': () => undefined });
    const result = await dispatch(deps, 'setup.status', {}, null);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
  });
});

describe('dispatch: streamed operations', () => {
  const upload = (bytes: string[]) => ({ upload: { stream: (async function* () { for (const b of bytes) yield new TextEncoder().encode(b); })(), declaredSize: null } });

  it('hands an upload operation its body beside the parsed input, after the session check', async () => {
    let seen = '';
    const { deps, calls } = harness({
      'evidence.import': async (_input, ctx) => {
        for await (const chunk of ctx.upload!.stream) seen += new TextDecoder().decode(chunk);
        return { id: 1, sha256: 'x'.repeat(64), size: seen.length, mime: 'image/jpeg' };
      },
    });
    const result = await dispatch(deps, 'evidence.import', { caseId: '7', name: 'a.jpg', kind: 'physical' }, 'clerk-token', upload(['ab', 'cd']));
    expect(result).toMatchObject({ ok: true, value: { size: 4 } });
    expect(seen).toBe('abcd');
    // The query string's "7" is the same caseId a JSON caller sends as 7.
    expect(calls[0]!.input).toMatchObject({ caseId: 7, name: 'a.jpg', kind: 'physical' });
    expect(await dispatch(deps, 'evidence.import', { caseId: 7, name: 'a.jpg', kind: 'physical' }, null, upload(['x']))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(calls).toHaveLength(1);
  });

  it('refuses an upload operation called as JSON, a JSON operation given a body, and a download called as JSON', async () => {
    const { deps, calls } = harness();
    expect(await dispatch(deps, 'evidence.import', { caseId: 1, name: 'a', kind: 'physical' }, 'admin-token')).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('上传文件内容') } });
    expect(await dispatch(deps, 'users.list', {}, 'admin-token', upload(['x']))).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('不接受文件内容') } });
    expect(await dispatch(deps, 'evidence.file', { id: 1 }, 'admin-token')).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('/files/evidence/') } });
    expect(calls).toEqual([]);
  });
});
