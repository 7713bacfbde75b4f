import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile } from '../../electron/core/paths';
import { openRegister, type Register } from './harness';

let reg: Register;
beforeEach(async () => {
  reg = await openRegister();
});
afterEach(() => reg.close());

describe('first-run setup, users and sessions', () => {
  it('setup runs once only', async () => {
    expect(await reg.must('setup.status', {}, null)).toEqual({ initialised: true, readOnly: false });
    const again = await reg.call('setup.init', { officeName: '别的协会', admin: { username: 'evil', displayName: '某人', password: '12345678' } }, null);
    expect(again.ok || again.error.code).toBe('CONFLICT');
    expect(await reg.must('session.me', {})).toEqual({
      officeName: '杭州市消费者协会',
      user: expect.objectContaining({ username: 'admin', role: 'admin' }),
      today: '2026-11-23',
      idleLockMinutes: 15,
    });
  });

  it('stores passwords only as scrypt hashes', () => {
    const db = new Database(databaseFile(reg.dir), { readonly: true });
    const hash = db.prepare("SELECT password_hash FROM users WHERE username = 'admin'").pluck().get() as string;
    db.close();
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('correct horse');
  });

  it('refuses a wrong password or unknown user with the same Chinese message', async () => {
    const wrong = await reg.call('session.login', { username: 'admin', password: 'wrong horse' }, null);
    const unknown = await reg.call('session.login', { username: 'nobody', password: 'wrong horse' }, null);
    expect(wrong.ok || wrong.error).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringContaining('用户名或密码不正确') });
    expect(unknown.ok || unknown.error.message).toBe(wrong.ok || wrong.error.message);
  });

  it('pauses a user name for 5 minutes after 5 wrong passwords in 15 minutes', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await reg.call('session.login', { username: 'admin', password: `guess-${i}` }, null);
      expect(r.ok || r.error.code).toBe('UNAUTHENTICATED');
    }
    const paused = await reg.call('session.login', { username: 'ADMIN', password: 'correct horse' }, null);
    expect(paused.ok || paused.error).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('5 分钟后再试') });
    reg.clock.set('2026-11-23T09:05:01+08:00');
    expect((await reg.call('session.login', { username: 'admin', password: 'correct horse' }, null)).ok).toBe(true);
  });

  it('requires a session for everything but setup and login, and a role where the contract says so', async () => {
    for (const name of ['catalog.get', 'cases.search', 'session.me', 'users.list']) {
      const r = await reg.call(name, {}, null);
      expect(r.ok || r.error.code, name).toBe('UNAUTHENTICATED');
      const forged = await reg.call(name, {}, 'forged-token');
      expect(forged.ok || forged.error.code, name).toBe('UNAUTHENTICATED');
    }
    await reg.must('users.create', { username: 'clerk1', displayName: '陈登记', password: 'clerk-pass-1', role: 'clerk' });
    const clash = await reg.call('users.create', { username: 'CLERK1', displayName: '重名', password: 'clerk-pass-1', role: 'clerk' });
    expect(clash.ok || clash.error.code).toBe('CONFLICT');
    const { token } = await reg.must<{ token: string; user: any }>('session.login', { username: 'clerk1', password: 'clerk-pass-1' }, null);
    const denied = await reg.call('users.create', { username: 'x1', displayName: '某', password: '12345678', role: 'admin' }, token);
    expect(denied.ok || denied.error.code).toBe('FORBIDDEN');
    expect((await reg.must<any>('catalog.get', {}, token)).channels.length).toBeGreaterThan(0);
    expect((await reg.must<any>('users.list', {})).users.map((u: any) => u.username)).toEqual(['admin', 'clerk1']);
  });

  it('changes one’s own password, checking the current one and ending the user’s other sessions', async () => {
    const { token: other } = await reg.must<{ token: string }>('session.login', { username: 'admin', password: 'correct horse' }, null);
    const wrong = await reg.call('session.changePassword', { currentPassword: 'nope', newPassword: 'battery staple' });
    expect(wrong.ok || wrong.error.fields).toEqual({ currentPassword: '当前密码不正确' });
    const same = await reg.call('session.changePassword', { currentPassword: 'correct horse', newPassword: 'correct horse' });
    expect(same.ok || same.error.fields).toEqual({ newPassword: '新密码不能与当前密码相同' });
    await reg.must('session.changePassword', { currentPassword: 'correct horse', newPassword: 'battery staple' });
    expect((await reg.call('session.me', {})).ok).toBe(true);
    expect((await reg.call('session.me', {}, other)).ok).toBe(false);
    expect((await reg.call('session.login', { username: 'admin', password: 'correct horse' }, null)).ok).toBe(false);
    expect((await reg.call('session.login', { username: 'admin', password: 'battery staple' }, null)).ok).toBe(true);
  });

  it('lets the administrator reset a forgotten password, ending that user’s sessions', async () => {
    const { id } = await reg.must<{ id: number }>('users.create', { username: 'clerk2', displayName: '林登记', password: 'first-pass-1', role: 'clerk' });
    const { token } = await reg.must<{ token: string }>('session.login', { username: 'clerk2', password: 'first-pass-1' }, null);
    const denied = await reg.call('users.resetPassword', { userId: id, password: 'second-pass-2' }, token);
    expect(denied.ok || denied.error.code).toBe('FORBIDDEN');
    await reg.must('users.resetPassword', { userId: id, password: 'second-pass-2' });
    expect((await reg.call('session.me', {}, token)).ok).toBe(false);
    expect((await reg.call('session.login', { username: 'clerk2', password: 'second-pass-2' }, null)).ok).toBe(true);
    const nobody = await reg.call('users.resetPassword', { userId: 999, password: 'second-pass-2' });
    expect(nobody.ok || nobody.error.code).toBe('NOT_FOUND');
  });

  it('ends a session on logout and after 12 idle hours', async () => {
    const { token } = await reg.must<{ token: string }>('session.login', { username: 'admin', password: 'correct horse' }, null);
    await reg.must('session.logout', {}, token);
    expect((await reg.call('session.me', {}, token)).ok).toBe(false);
    reg.clock.set('2026-11-23T20:59:00+08:00');
    expect((await reg.call('session.me', {})).ok).toBe(true);
    reg.clock.set('2026-11-24T08:30:00+08:00');
    expect((await reg.call('session.me', {})).ok).toBe(true); // used at 20:59, so good until 08:59; used now, good until 20:30
    reg.clock.set('2026-11-24T21:01:00+08:00');
    expect((await reg.call('session.me', {})).ok).toBe(false);
  });
});

describe('catalog.get', () => {
  it('serves the categories, natures, channels and refusal grounds of domain.md from data', async () => {
    const c = await reg.must<any>('catalog.get', {});
    expect(c.categories).toHaveLength(24);
    expect(c.categories.filter((x: any) => x.group === '服务类').map((x: any) => x.name)).toContain('房屋装修及物业服务');
    expect(c.natures.map((n: any) => n.name)).toEqual(['质量', '安全', '价格', '计量', '假冒', '合同', '虚假宣传', '人格权益', '售后服务', '个人信息', '其他']);
    expect(c.channels.map((n: any) => n.name)).toEqual(['来访', '电话', '信函', '传真', '短信', '电子邮件', '网络']);
    expect(c.refusalGrounds[3]).toEqual({ code: '4', text: expect.stringContaining('超过三年') });
    // Data, not enums: a category an administrator adds is served without a code change.
    reg.core.db.prepare("INSERT INTO catalog_items (kind, code, name, grp, sort) VALUES ('category', 'S14', '养老服务', '服务类', 99)").run();
    expect((await reg.must<any>('catalog.get', {})).categories.at(-1)).toEqual({ code: 'S14', name: '养老服务', group: '服务类', words: [] });
  });
});
