import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { createFairGate } from '../../electron/core/auth/passwordGate';
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
    // 20 names that do not exist fill the anonymous lane; one more is refused as busy.
    const flood = Array.from({ length: 20 }, (_, i) => reg.call('session.login', { username: `nobody${i}`, password: 'whatever-1' }, null));
    const busy = await reg.call('session.login', { username: 'ghost', password: 'wrong horse' }, null);
    expect(busy.ok || busy.error).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('系统正忙') });
    await Promise.all(flood);
    // Five checked wrong guesses before the pause, as if the busy one had never been sent.
    for (let i = 0; i < 5; i++) {
      const r = await reg.call('session.login', { username: 'ghost', password: `wrong-${i}` }, null);
      expect(r.ok || r.error.code, `attempt ${i + 1}`).toBe('UNAUTHENTICATED');
    }
    expect((await reg.call('session.login', { username: 'ghost', password: 'wrong-6' }, null)).ok || 'paused').toBe('paused');
  });

  it('keeps names that do not exist out of the register: no attempt row, and paused all the same', async () => {
    for (let i = 0; i < 6; i++) await reg.call('session.login', { username: 'nobody', password: `guess-${i}` }, null);
    expect(reg.core.db.prepare('SELECT COUNT(*) FROM login_attempts').pluck().get()).toBe(0);
    const sixth = await reg.call('session.login', { username: 'nobody', password: 'guess-7' }, null);
    expect(sixth.ok || sixth.error).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('暂停登录') });
  });
});

describe('a real sign-in during a flood of wrong guesses (issue [J])', () => {
  it('succeeds every time: 20 guessers at a time, names that exist and names that do not, while the administrator signs in 14 times', async () => {
    await reg.must('users.create', { username: 'clerk', displayName: '陈登记', password: 'clerk-pass', role: 'clerk' });
    await reg.must('users.create', { username: 'investigator', displayName: '赵调查', password: 'investigator-pass', role: 'investigator' });
    let flooding = true;
    const answers: string[] = [];
    const guessers = Array.from({ length: 20 }, async (_, w) => {
      for (let n = 0; flooding; n++) {
        const username = n % 4 === 0 ? (w % 2 ? 'clerk' : 'investigator') : `nobody-${w}-${n}`;
        const r = await reg.call('session.login', { username, password: `guess-${w}-${n}` }, null);
        answers.push(r.ok ? 'ok' : r.error.code);
        // A refusal can come back without touching I/O; a client over a socket gives the loop a turn.
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    const real: string[] = [];
    const times: number[] = [];
    for (let i = 0; i < 14; i++) {
      const t0 = performance.now();
      const r = await reg.call('session.login', { username: 'admin', password: 'correct horse' }, null);
      times.push(Math.round(performance.now() - t0));
      real.push(r.ok ? 'ok' : `${r.error.code} ${r.error.message}`);
    }
    flooding = false;
    await Promise.all(guessers);
    const tally = (xs: string[]) => Object.fromEntries([...new Set(xs)].map((x) => [x, xs.filter((y) => y === x).length]));
    console.log('flood answers', tally(answers), 'real sign-ins', tally(real), times);
    // Before: 12 of 14 were refused as 系统正忙 (one shared queue of ten, full of guesses).
    expect(real).toEqual(Array(14).fill('ok'));
    expect(answers.length).toBeGreaterThan(100);
  }, 120_000);
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

describe('the fair gate password work waits in', () => {
  it('gives a free slot to the next name in turn, not to the name that queued most, and failing names one slot at most', async () => {
    const gate = createFairGate({ concurrency: 2, failingConcurrency: 1, queue: 32, perKey: 4 });
    const order: string[] = [];
    const releases: (() => void)[] = [];
    const job = (key: string, failing = false) =>
      gate(key, () => new Promise<void>((r) => releases.push(() => (order.push(key), r()))), { failing }).catch((e: Error) => order.push(`${key}:${e.message.slice(0, 4)}`));
    // Six guesses of one name: one runs, four wait (its share of the queue), the sixth is refused as busy.
    const jobs = [...Array.from({ length: 6 }, () => job('guessed', true)), job('other'), job('admin')];
    await new Promise((r) => setImmediate(r));
    // One slot for the failing name, the other for 'other'; 'admin' waits its turn, not behind four guesses.
    expect(releases).toHaveLength(2);
    expect(order).toEqual(['guessed:系统正忙']);
    releases.shift()!();
    await new Promise((r) => setImmediate(r));
    releases.shift()!();
    await new Promise((r) => setImmediate(r));
    while (releases.length) {
      releases.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(jobs);
    expect(order.indexOf('admin')).toBeLessThan(order.lastIndexOf('guessed'));
    expect(order.filter((k) => k === 'guessed')).toHaveLength(5);
  });
});
