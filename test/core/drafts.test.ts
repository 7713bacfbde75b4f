import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core';
import { readOnlyRefusal } from '../../electron/core/integrity/readOnly';
import { databaseFile } from '../../electron/core/paths';
import { fixedClock, minimalComplaint, openRegister, quietLog, type Register } from './harness';
import { signIn, type Actor } from './staff';

/**
 * 草稿 (issue [B] "Never lose a half-typed form"): the registration form's half-typed values kept in
 * the register, per user, replaced as the clerk types and removed with the registration, against a
 * real register on the office clock.
 */
vi.setConfig({ testTimeout: 90_000 });

let reg: Register;
let clerk: Actor;
let other: Actor;

/** What the registration form holds half-way through a complaint (the page's own shape). */
const halfTyped = (over: Record<string, unknown> = {}) => ({
  complainant: { name: '张晓明', idType: 'resident', idNumber: '', phone: '138', address: '' },
  respondent: { id: null, name: '杭州某某手机', creditCode: '', address: '', contactPerson: '', phone: '' },
  subject: '手机屏幕破裂',
  purchasedOn: '2026-11-01',
  receivedAt: '2026-11-23T09:30:00+08:00',
  facts: '买回第二天屏幕自己裂了',
  consentMediation: true,
  ...over,
});

const draftRows = () => reg.core.db.prepare('SELECT user_id, form, key, saved_at FROM drafts ORDER BY user_id, key').all();

beforeAll(async () => {
  reg = await openRegister();
  for (const [username, displayName] of [
    ['clerk', '陈登记'],
    ['clerk2', '李前台'],
  ] as const) {
    await reg.must('users.create', { username, displayName, password: `${username}-pass`, role: 'clerk' });
  }
  clerk = await signIn(reg, 'clerk');
  other = await signIn(reg, 'clerk2', 'clerk2-pass');
});
afterAll(() => reg.close());

describe('drafts', () => {
  it('saves as the clerk types, gives it back exactly, lists it with who and what, and discards it', async () => {
    reg.clock.set('2026-11-23T09:41:00+08:00');
    const first = await clerk.must('drafts.save', { form: 'register', data: halfTyped({ subject: '手机' }) });
    expect(first).toEqual({ savedAt: '2026-11-23T09:41:00+08:00' });
    reg.clock.set('2026-11-23T09:41:05+08:00');
    // The last write wins: one draft per user, form and key.
    const data = halfTyped({ facts: '第一行\n第二行\t"引号" \\ 🤦‍♀️' });
    await clerk.must('drafts.save', { form: 'register', key: '', data });
    expect(await clerk.must('drafts.get', { form: 'register' })).toEqual({
      draft: { form: 'register', key: '', savedAt: '2026-11-23T09:41:05+08:00', summary: '张晓明 · 手机屏幕破裂', data },
    });
    reg.clock.set('2026-11-23T09:42:00+08:00');
    await clerk.must('drafts.save', { form: 'register', key: 'enquiry:7', data: { complainant: { name: '  ' }, facts: '只写了经过' } });
    expect(await clerk.must('drafts.list', {})).toEqual({
      drafts: [
        { form: 'register', key: 'enquiry:7', savedAt: '2026-11-23T09:42:00+08:00', summary: '（未填姓名） · 只写了经过' },
        { form: 'register', key: '', savedAt: '2026-11-23T09:41:05+08:00', summary: '张晓明 · 手机屏幕破裂' },
      ],
    });
    expect(await clerk.must('drafts.discard', { form: 'register', key: 'enquiry:7' })).toEqual({ discarded: true });
    expect(await clerk.must('drafts.discard', { form: 'register', key: 'enquiry:7' })).toEqual({ discarded: false });
    expect(await clerk.must('drafts.get', { form: 'register', key: 'enquiry:7' })).toEqual({ draft: null });
    // Discarding is on the audit log without the draft's content; saving is not (a row a keystroke).
    const audit = reg.core.db.prepare("SELECT action, data FROM audit_log WHERE action LIKE 'drafts.%'").all() as { action: string; data: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.data)).toEqual({ form: 'register', key: 'enquiry:7', savedAt: '2026-11-23T09:42:00+08:00' });
    await clerk.must('drafts.discard', { form: 'register' });
    expect(draftRows()).toEqual([]);
  });

  it('keeps each user’s drafts to themselves', async () => {
    await clerk.must('drafts.save', { form: 'register', data: halfTyped() });
    expect(await other.must('drafts.get', { form: 'register' })).toEqual({ draft: null });
    expect(await other.must('drafts.list', {})).toEqual({ drafts: [] });
    // Another user's discard and save touch their own row, never the first clerk's.
    expect(await other.must('drafts.discard', { form: 'register' })).toEqual({ discarded: false });
    await other.must('drafts.save', { form: 'register', data: halfTyped({ subject: '冰箱' }) });
    expect((await clerk.must('drafts.get', { form: 'register' })).draft.summary).toBe('张晓明 · 手机屏幕破裂');
    expect((await other.must('drafts.get', { form: 'register' })).draft.summary).toBe('张晓明 · 冰箱');
    await other.must('drafts.discard', { form: 'register' });
    await clerk.must('drafts.discard', { form: 'register' });
    // Signed out, nothing at all.
    const anonymous = await reg.call('drafts.list', {}, null);
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses bad input with a Chinese VALIDATION error and changes nothing', async () => {
    await clerk.must('drafts.save', { form: 'register', data: halfTyped() });
    const before = reg.core.db.prepare('SELECT * FROM drafts').all();
    const cases: [unknown, RegExp][] = [
      [{ form: 'evil', data: {} }, /草稿所属的表单/],
      [{ form: 'register', data: 'text' }, /草稿内容应为表单各项的值/],
      [{ form: 'register', data: [1, 2] }, /草稿内容应为表单各项的值/],
      [{ form: 'register', data: null }, /草稿内容应为表单各项的值/],
      [{ form: 'register', data: { facts: '字'.repeat(22_000) } }, /草稿内容过长（65 KB），最多 64 KB/],
      [{ form: 'register', data: JSON.parse(`${'{"a":'.repeat(50)}1${'}'.repeat(50)}`) }, /草稿内容层次过深/],
      [{ form: 'register', key: 'x'.repeat(101), data: {} }, /草稿标识不能超过100个字/],
      [{ form: 'register', key: 'a\u0000b', data: {} }, /草稿标识含有无法保存的控制字符/],
      [{ form: 'register', key: 3, data: {} }, /草稿标识应为文字/],
    ];
    for (const [input, message] of cases) {
      const r = await clerk.call('drafts.save', input);
      expect(r, JSON.stringify(input).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(r.ok || r.error.message).toMatch(message);
    }
    expect((await clerk.call('drafts.get', { form: 'x' })).ok).toBe(false);
    expect(reg.core.db.prepare('SELECT * FROM drafts').all()).toEqual(before);
    // Just under the limit is kept whole: 64 KB as JSON, Chinese counted in UTF-8 bytes.
    const fits = { facts: '字'.repeat(21_835) };
    expect(Buffer.byteLength(JSON.stringify(fits))).toBeLessThanOrEqual(64 * 1024);
    await clerk.must('drafts.save', { form: 'register', data: fits });
    expect((await clerk.must('drafts.get', { form: 'register' })).draft.data).toEqual(fits);
    await clerk.must('drafts.discard', { form: 'register' });
  });

  it('is removed by the registration that saves it, in its transaction; a failed registration keeps it', async () => {
    await clerk.must('drafts.save', { form: 'register', data: halfTyped() });
    await clerk.must('drafts.save', { form: 'register', key: 'enquiry:3', data: halfTyped({ subject: '另一件' }) });
    await other.must('drafts.save', { form: 'register', data: halfTyped({ subject: '同事的' }) });
    const cases = () => reg.core.db.prepare('SELECT COUNT(*) FROM cases').pluck().get() as number;
    const before = cases();

    // Refused input: nothing registered, the draft stays.
    const refused = await clerk.call('cases.register', minimalComplaint({ category: 'NOPE', draftKey: '' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A fault after the draft was removed (its audit row cannot be written): the whole transaction rolls back.
    reg.core.db.exec("CREATE TEMP TRIGGER fail_register BEFORE INSERT ON audit_log WHEN NEW.action = 'cases.register' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    try {
      const failed = await clerk.call('cases.register', minimalComplaint({ draftKey: '' }));
      expect(failed).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      reg.core.db.exec('DROP TRIGGER fail_register');
    }
    expect(cases()).toBe(before);
    expect((await clerk.must('drafts.get', { form: 'register' })).draft).not.toBeNull();

    // A registration without draftKey (a script, another window) leaves the drafts alone.
    await clerk.must('cases.register', minimalComplaint());
    expect((await clerk.must('drafts.list', {})).drafts.map((d: { key: string }) => d.key).sort()).toEqual(['', 'enquiry:3']);

    const saved = await clerk.must('cases.register', minimalComplaint({ draftKey: '' }));
    expect(saved.caseNo).toMatch(/^TS2026-/);
    expect(await clerk.must('drafts.get', { form: 'register' })).toEqual({ draft: null });
    // Only that draft: the clerk's other one and a colleague's with the same key are kept.
    expect((await clerk.must('drafts.list', {})).drafts.map((d: { key: string }) => d.key)).toEqual(['enquiry:3']);
    expect((await other.must('drafts.get', { form: 'register' })).draft.summary).toBe('张晓明 · 同事的');
  });
});

describe('drafts in a register opened read-only', () => {
  it('are refused in saving and discarding, with the read-only message, and still read', async () => {
    const own = await openRegister();
    try {
      await own.must('cases.register', minimalComplaint());
      await own.must('drafts.save', { form: 'register', data: halfTyped() });
      own.core.close();
      // One byte of a complainant's name changed while closed: the seal finds it, the register opens read-only.
      const file = databaseFile(own.dir);
      const bytes = readFileSync(file);
      const at = bytes.indexOf(Buffer.from('张三'));
      expect(at).toBeGreaterThan(0);
      bytes[at + 1] = bytes[at + 1]! ^ 0x01;
      writeFileSync(file, bytes);
      const core = await createCore({ dataDir: own.dir, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog, backgroundDelayMs: 0 });
      try {
        await core.checked();
        expect(core.health.readOnly).toBe(true);
        const login = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { ok: true; value: { token: string } };
        const token = login.value.token;
        for (const [name, input] of [
          ['drafts.save', { form: 'register', data: halfTyped({ subject: '改过的' }) }],
          ['drafts.discard', { form: 'register' }],
        ] as const) {
          expect(await core.call(name, input, token)).toEqual({ ok: false, error: { code: 'CONFLICT', message: readOnlyRefusal({ code: 'changedWhileClosed' }) } });
        }
        const kept = (await core.call('drafts.get', { form: 'register' }, token)) as { ok: true; value: { draft: { summary: string } } };
        expect(kept.value.draft.summary).toBe('张晓明 · 手机屏幕破裂');
      } finally {
        core.close();
      }
    } finally {
      own.close();
    }
  });
});
