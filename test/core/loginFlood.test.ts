import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { fixedClock, openRegister, quietLog, tempDir, type Register } from './harness';

// Found when the register was tried as an attacker would (issue [G]). Password hashes are the
// scarce resource; these tests count them by the audit rows of failed sign-ins (one per checked
// password), never by timing.

let reg: Register;
beforeEach(async () => {
  reg = await openRegister();
});
afterEach(() => reg.close());

const failedChecks = () =>
  reg.core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'session.login.failed'").pluck().get() as number;

describe('the sign-in pause against parallel guessing', () => {
  it('counts attempts before checking passwords: of 500 sent at once, five are checked and the right one (500th) is refused', async () => {
    const answers = await Promise.all(
      Array.from({ length: 500 }, (_, i) => reg.call('session.login', { username: 'admin', password: i === 499 ? 'correct horse' : `guess-${i}` }, null)),
    );
    expect(failedChecks()).toBe(5);
    expect(answers.filter((a) => !a.ok && a.error.code === 'UNAUTHENTICATED')).toHaveLength(5);
    const last = answers[499]!;
    expect(last.ok || last.error).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('暂停登录') });
  });

  it('holds the pause across a restart', async () => {
    for (let i = 0; i < 5; i++) await reg.call('session.login', { username: 'admin', password: `guess-${i}` }, null);
    const reopened = await reg.reopen();
    try {
      const r = await reopened.call('session.login', { username: 'Admin', password: 'correct horse' }, null);
      expect(r.ok || r.error.code).toBe('FORBIDDEN');
      reg.clock.set('2026-11-23T09:05:01+08:00');
      expect((await reopened.call('session.login', { username: 'admin', password: 'correct horse' }, null)).ok).toBe(true);
    } finally {
      reopened.close();
    }
  });

  it('does not count an attempt refused as busy, which was never checked', async () => {
    // 20 unknown names fill the anonymous hashing queue; the admin's attempt is refused as busy.
    const flood = Array.from({ length: 20 }, (_, i) => reg.call('session.login', { username: `nobody${i}`, password: 'whatever-1' }, null));
    const busy = await reg.call('session.login', { username: 'admin', password: 'wrong horse' }, null);
    expect(busy.ok || busy.error).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('系统正忙') });
    await Promise.all(flood);
    const left = reg.core.db.prepare("SELECT COUNT(*) FROM login_attempts WHERE username = 'admin'").pluck().get();
    expect(left).toBe(0);
  });
});

describe('password hashing that anonymous callers can queue', () => {
  it('refuses setup.init after setup before hashing anything: a sign-in right after 300 such calls is not held up', async () => {
    const flood = Array.from({ length: 300 }, (_, i) =>
      reg.call('setup.init', { officeName: '冒名协会', admin: { username: `evil${i}`, displayName: '某人', password: 'evil-pass-1' } }, null),
    );
    // Sent while the 300 are in flight: hashed at once, not behind them (before: 25 s behind).
    const login = reg.call('session.login', { username: 'admin', password: 'correct horse' }, null);
    const answers = await Promise.all(flood);
    expect(new Set(answers.map((a) => (a.ok ? 'ok' : a.error.code)))).toEqual(new Set(['CONFLICT']));
    expect((await login).ok).toBe(true);
  });

  it('lets at most a few sign-ins hash at once and queue, and tells the rest at once to try again', async () => {
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => reg.call('session.login', { username: `nobody${i}`, password: 'whatever-1' }, null)),
    );
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    // Two hashing plus eight waiting were checked; the other 290 were refused without hashing.
    expect(failedChecks()).toBe(10);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    expect(codes.filter((c) => c === 'FORBIDDEN')).toHaveLength(290);
    // Once the flood has passed, signing in works as before.
    expect((await reg.call('session.login', { username: 'admin', password: 'correct horse' }, null)).ok).toBe(true);
  });

  it('on a new register, 300 parallel setup.init calls make one administrator and hash at most ten passwords', async () => {
    const tmp = tempDir();
    const core = await createCore({ dataDir: tmp.dir, clock: fixedClock('2026-11-23T09:00:00+08:00'), log: quietLog });
    try {
      const answers = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          core.call('setup.init', { officeName: '测试协会', admin: { username: `admin${i}`, displayName: '管理员', password: 'admin-pass-1' } }, null),
        ),
      );
      const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
      expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
      // The other hashed ones found setup done (CONFLICT); the rest never hashed (FORBIDDEN, busy).
      expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(9);
      expect(codes.filter((c) => c === 'FORBIDDEN')).toHaveLength(290);
      expect(core.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1);
    } finally {
      core.close();
      tmp.remove();
    }
  });
});
