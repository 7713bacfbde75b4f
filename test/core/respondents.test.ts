import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { createRespondentNames } from '../../electron/core/store/respondentNames';
import { createRespondentStore } from '../../electron/core/store/respondents';
import { minimalComplaint, openRegister, quietLog, tempDir, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * 被投诉方 as a register of their own (issue [B]): the list's counts kept by the store with every
 * case's statistics, an edit that search follows, and the merge of two rows that are one business
 * (every case moves with an event, search, statistics, versions and the audit chain in step; the
 * merged row kept; bad merges refused with nothing changed).
 */
let reg: Register;
let staff: Staff;

beforeAll(async () => {
  reg = await openRegister();
  staff = await withStaff(reg);
}, 60_000);
afterAll(() => reg.close());

interface Row { id: number; name: string; creditCode: string | null; cases: number; openCases: number; repeats: number; lastReceivedOn: string | null }

const register = async (respondent: Record<string, unknown>, over: Record<string, unknown> = {}) =>
  (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ respondent, ...over }))).id;
const person = (name: string, phone: string) => ({ complainant: { name, phone } });
const list = async (input: Record<string, unknown> = {}) => staff.clerk.must<{ rows: Row[]; total: number; more: boolean }>('respondents.list', input);
const rowNamed = async (name: string) => (await list({ text: name })).rows.find((r) => r.name === name);
const searchIds = async (text: string) => (await staff.clerk.must<{ rows: { id: number }[] }>('cases.search', { text })).rows.map((r) => r.id);
const respondentOf = (caseId: number) => reg.core.db.prepare('SELECT respondent_id FROM cases WHERE id = ?').pluck().get(caseId) as number;

/** The counts as a full count of the cases would give them: what the maintained counters must equal. */
function counted(respondentId: number) {
  const db = reg.core.db;
  const r = db
    .prepare(
      `SELECT COUNT(*) AS cases, COALESCE(SUM(status NOT IN ('closed', 'refused')), 0) AS openCases, MAX(received_on) AS lastReceivedOn
         FROM cases WHERE respondent_id = ? AND status <> 'voided'`,
    )
    .get(respondentId) as { cases: number; openCases: number; lastReceivedOn: string | null };
  const repeats = db
    .prepare("SELECT COUNT(*) FROM cases c JOIN case_stats s ON s.case_id = c.id WHERE c.respondent_id = ? AND json_extract(s.measures, '$[10]') = 1")
    .pluck()
    .get(respondentId) as number;
  return { ...r, repeats };
}
const expectInStep = (row: Row) => expect({ cases: row.cases, openCases: row.openCases, repeats: row.repeats, lastReceivedOn: row.lastReceivedOn }).toEqual(counted(row.id));

/** Everything a refused call must leave alone. */
const snapshot = () => {
  const db = reg.core.db;
  return JSON.stringify([
    db.prepare('SELECT * FROM respondents ORDER BY id').all(),
    db.prepare('SELECT * FROM respondent_stats ORDER BY respondent_id').all(),
    db.prepare('SELECT id, respondent_id, version FROM cases ORDER BY id').all(),
    db.prepare('SELECT COUNT(*) FROM case_events').pluck().get(),
    // Sign-ins are audited too (an actor signs in again after the clock moved a day).
    db.prepare("SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'session.%'").pluck().get(),
  ]);
};

describe('a fragment of a name (the look-up and the list)', () => {
  const names = ['西湖某某眼镜有限公司', '拱墅ABC数码商行', '滨江某某眼镜店', '萧山某某鞋业有限公司', '余杭100号鲜果行', '临平某_某超市'];
  /** What LIKE over every business gives: the rule the pieces must not change. */
  const byLike = (text: string) =>
    reg.core.db
      .prepare("SELECT r.id FROM respondents r JOIN respondent_stats s ON s.respondent_id = r.id WHERE r.merged_into IS NULL AND (r.name LIKE ? ESCAPE '\\' OR r.credit_code = ?) ORDER BY s.cases DESC, r.id")
      .pluck()
      .all(`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, text.toUpperCase()) as number[];
  beforeAll(async () => {
    for (const name of names) await register({ name });
  });

  it('finds the same businesses by the pieces of the name as by reading every name, whatever the fragment', () => {
    const store = (narrowBelow: number) => createRespondentStore(reg.core.db, createRespondentNames(reg.core.db, narrowBelow));
    // Always by the pieces, never by them, and as the app chooses.
    const ways = [store(Number.MAX_SAFE_INTEGER), store(0), reg.core.services.store.respondents];
    const fragments = ['眼镜', '眼', '某某', 'abc', 'ABC', 'Bc数', '100号', '%', '_', '某_某', '镜有限', '西湖某某眼镜有限公司', '有限公司', '公', '鲜果行', '不存在', 'c眼'];
    for (const text of fragments) {
      const expected = byLike(text);
      for (const way of ways) expect([text, way.lookup(text, 100).map((r) => r.id)]).toEqual([text, expected]);
      for (const way of ways) expect([text, way.list({ text, sort: 'cases', limit: 100, offset: 0, cap: 10_000 }).rows.map((r) => r.id)]).toEqual([text, expected]);
    }
    expect(byLike('眼镜').length).toBeGreaterThanOrEqual(2);
    expect(byLike('ABC').length).toBe(1);
  });

  it('reads every name on a register from before the pieces (a damaged one opens read-only, not upgraded)', async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'v27.sqlite');
      const db = new Database(file);
      await migrate(db, file, quietLog, migrations.slice(0, migrations.findIndex((m) => m.name === 'respondent-names')));
      db.exec(`
        INSERT INTO respondents (id, name, created_at) VALUES (1, '西湖某某眼镜有限公司', '2026-06-01T09:00:00+08:00'), (2, '滨江某某鞋店', '2026-06-01T09:00:00+08:00');
        INSERT INTO respondent_stats (respondent_id, cases) VALUES (1, 3), (2, 1);
      `);
      const store = createRespondentStore(db);
      expect(store.lookup('眼镜', 10).map((r) => r.id)).toEqual([1]);
      expect(store.list({ text: '某某', sort: 'cases', limit: 10, offset: 0, cap: 100 }).rows.map((r) => r.id)).toEqual([1, 2]);
      db.close();
    } finally {
      tmp.remove();
    }
  });

  it('follows a rename: the old name’s fragment no longer finds the business, the new one’s does', async () => {
    const id = respondentOf(await register({ name: '上城某某钟表行' }));
    const search = async (text: string) => (await staff.clerk.must<{ rows: { id: number }[] }>('respondents.search', { text })).rows.map((r) => r.id);
    expect(await search('钟表')).toContain(id);
    const { version } = await staff.admin.must<{ version: number }>('respondents.get', { id });
    await staff.admin.must('respondents.update', { id, name: '上城某某珠宝行', version });
    expect(await search('钟表')).not.toContain(id);
    expect(await search('珠宝')).toContain(id);
    expect(await search('上城某某')).toContain(id);
    expect(reg.core.db.prepare("SELECT COUNT(*) FROM respondent_names WHERE respondent_id = ? AND piece IN ('钟', '钟表', '表', '表行')").pluck().get(id)).toBe(0);
  });
});

describe('respondents.list', () => {
  it('counts cases, open cases and repeats after registrations, steps and a void', async () => {
    const shop = { name: '滨江某某通讯器材店' };
    const a = await register(shop, person('李四', '13900000001'));
    const repeat = await register(shop, person('李四', '13900000001'));
    const other = await register(shop, person('王五', '13900000002'));
    await register({ name: '滨江某某眼镜店' }, person('李四', '13900000001'));

    let row = (await rowNamed(shop.name))!;
    expect(row).toMatchObject({ cases: 3, openCases: 3, repeats: 1, lastReceivedOn: '2026-11-23' });
    expectInStep(row);

    // Refused by an approved decision: still counted, no longer open.
    await staff.clerk.act(other, 'refuse', { grounds: ['1'], reason: '不属于本会管辖' });
    expect((await rowNamed(shop.name))!).toMatchObject({ cases: 3, openCases: 3 });
    await staff.supervisor.act(other, 'approve', { comment: '同意' });
    expect((await rowNamed(shop.name))!).toMatchObject({ cases: 3, openCases: 2, repeats: 1 });

    // Voiding the repeat: it is no longer counted, open or a repeat.
    await staff.supervisor.act(repeat, 'void', { reason: '重复登记' });
    row = (await rowNamed(shop.name))!;
    expect(row).toMatchObject({ cases: 2, openCases: 1, repeats: 0 });
    expectInStep(row);
    expect((await staff.clerk.get(a)).status).toBe('registered');
  });

  it('moves a case\'s counts when a correction names another business', async () => {
    const id = await register({ name: '上城某某眼镜行' });
    const other = respondentOf(await register({ name: '上城某某眼镜店' }));
    const c = await staff.clerk.get(id);
    await staff.clerk.must('cases.correct', { id, version: c.version, changes: { respondent: { id: other } }, reason: '登记时选错了商家' });
    expect(respondentOf(id)).toBe(other);
    const now = await staff.clerk.must<Row>('respondents.get', { id: other });
    expect(now).toMatchObject({ cases: 2, openCases: 2 });
    const left = (await list({ text: '上城某某眼镜行' })).rows[0]!;
    expect(left).toMatchObject({ cases: 0, openCases: 0, lastReceivedOn: null });
    expectInStep(left);
    expectInStep(now);
  });

  it('sorts by cases, name and latest complaint; pages; hides nothing that has cases', async () => {
    reg.clock.set('2026-11-24T10:00:00+08:00');
    await register({ name: '拱墅某某家具城' });
    const byCases = (await list({ sort: 'cases' })).rows;
    expect(byCases.map((r) => r.cases)).toEqual([...byCases.map((r) => r.cases)].sort((x, y) => y - x));
    const byName = (await list({ sort: 'name' })).rows.map((r) => r.name);
    expect(byName).toEqual([...byName].sort());
    const recent = (await list({ sort: 'recent' })).rows;
    expect(recent[0]).toMatchObject({ name: '拱墅某某家具城', lastReceivedOn: '2026-11-24' });
    const all = await list({ sort: 'name', pageSize: 200 });
    const page2 = await list({ sort: 'name', pageSize: 2, page: 2 });
    expect(page2.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
    expect(page2.total).toBe(all.total);
    for (const r of all.rows) expectInStep(r);
  });

  it('finds a business by a fragment of its name or its exact credit code', async () => {
    await register({ name: '上城某某数码科技有限公司', creditCode: '91350100M000100Y43' });
    expect((await list({ text: '数码科技' })).rows.map((r) => r.name)).toEqual(['上城某某数码科技有限公司']);
    expect((await list({ text: '91350100m000100y43' })).rows.map((r) => r.name)).toEqual(['上城某某数码科技有限公司']);
    expect(await list({ text: '%' })).toMatchObject({ rows: [], total: 0 });
  });

  it('refuses bad input in Chinese', async () => {
    const r = await staff.clerk.call('respondents.list', { sort: 'size', pageSize: 1000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('respondents.update', () => {
  it('renames: the cases are found by the new name and no longer by the old; audit row; version', async () => {
    const id = await register({ name: '西湖某某手机维修部' });
    const rid = respondentOf(id);
    const before = await staff.supervisor.must<{ version: number; name: string }>('respondents.get', { id: rid });
    const out = await staff.supervisor.must('respondents.update', { id: rid, version: before.version, name: '西湖某某通讯维修中心' });
    expect(out).toEqual({ version: before.version + 1, reindexed: 1 });
    expect(await searchIds('通讯维修中心')).toContain(id);
    expect(await searchIds('手机维修部')).not.toContain(id);
    expect((await staff.clerk.get(id)).respondent.name).toBe('西湖某某通讯维修中心');
    const audit = reg.core.db.prepare("SELECT data FROM audit_log WHERE action = 'respondents.update' AND entity_id = ?").pluck().get(rid) as string;
    expect(JSON.parse(audit)).toMatchObject({ fields: ['name'], before: { name: '西湖某某手机维修部' }, after: { name: '西湖某某通讯维修中心' } });
    // A stale version, a change of nothing, a clerk: refused, nothing changed.
    const was = snapshot();
    expect(await staff.supervisor.call('respondents.update', { id: rid, version: before.version, name: '别的名称' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await staff.supervisor.call('respondents.update', { id: rid, name: '西湖某某通讯维修中心' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await staff.clerk.call('respondents.update', { id: rid, name: '别的名称' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await staff.supervisor.call('respondents.update', { id: 999_999, name: '别的名称' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshot()).toBe(was);
  });

  it('refuses a credit code another row has, suggesting a merge', async () => {
    const id = await register({ name: '余杭某某电器商行' });
    const r = await staff.admin.call('respondents.update', { id: respondentOf(id), creditCode: '91350100M000100Y43' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { creditCode: expect.stringContaining('合并') } } });
  });

  it('clears a field with an empty value and keeps the ones not given', async () => {
    const id = await register({ name: '萧山某某超市', phone: '0571-88888888', contactPerson: '赵经理' });
    const rid = respondentOf(id);
    await staff.admin.must('respondents.update', { id: rid, phone: '' });
    expect(await staff.admin.must('respondents.get', { id: rid })).toMatchObject({ name: '萧山某某超市', phone: null, contactPerson: '赵经理' });
  });
});

describe('respondents.merge', () => {
  it('moves every case, with its event, search, version, statistics and the audit row; keeps the merged row', async () => {
    reg.clock.set('2026-11-25T09:00:00+08:00');
    const right = '临平某某家电销售有限公司';
    const typo = '临平某某家电销售有限责任公司';
    const kept = await register({ name: right }, person('钱七', '13900000007'));
    reg.clock.set('2026-11-25T10:00:00+08:00');
    const moved1 = await register({ name: typo }, person('孙八', '13900000008'));
    const moved2 = await register({ name: typo }, person('钱七', '13900000007'));
    const from = respondentOf(moved1);
    const into = respondentOf(kept);
    expect(respondentOf(moved2)).toBe(from);
    await staff.admin.must('respondents.update', { id: from, creditCode: '91330106MA2GL1234M' });
    const versions = [(await staff.clerk.get(moved1)).version, (await staff.clerk.get(moved2)).version];
    expect(await searchIds('销售有限责任公司')).toEqual(expect.arrayContaining([moved1, moved2]));
    const top = async () => (await staff.admin.must<{ topRespondents: { name: string; received: number }[] }>('stats.summary', { from: '2026-11-01', to: '2026-11-30' })).topRespondents;
    expect((await top()).find((t) => t.name === typo)).toMatchObject({ received: 2 });

    const out = await staff.admin.must('respondents.merge', { from, into, reason: '同一经营者，登记时名称有误' });
    expect(out).toEqual({ into, moved: 2 });

    expect([respondentOf(moved1), respondentOf(moved2)]).toEqual([into, into]);
    const after = [await staff.clerk.get(moved1), await staff.clerk.get(moved2)];
    expect(after.map((c) => c.version)).toEqual(versions.map((v) => v + 1));
    expect(after[0].respondent.name).toBe(right);
    expect(after[0].events.at(-1)).toMatchObject({ type: 'respondentMerged', by: { displayName: '王管理' }, data: { from: { id: from, name: typo }, into: { id: into, name: right } } });
    // The name as typed at registration stays on the registered event.
    expect(after[0].events[0].data.typedRespondent).toMatchObject({ name: typo });
    // Search follows the current row: the old name is gone from the moved cases, the new one finds them.
    expect(await searchIds('销售有限责任公司')).toEqual([]);
    expect(await searchIds('家电销售有限公司')).toEqual(expect.arrayContaining([kept, moved1, moved2]));
    // The same complainant against the one business within the window: a repeat now.
    const row = (await rowNamed(right))!;
    expect(row).toMatchObject({ cases: 3, openCases: 3, repeats: 1 });
    expectInStep(row);
    expect((await top()).find((t) => t.name === right)).toMatchObject({ received: 3 });
    expect((await top()).find((t) => t.name === typo)).toBeUndefined();
    expect(await staff.clerk.must('cases.search', { respondentId: into })).toMatchObject({ total: 3 });

    // The merged row is kept, marked, hidden from the list and the registration's look-up.
    const merged = await staff.clerk.must('respondents.get', { id: from });
    expect(merged).toMatchObject({ name: typo, creditCode: '91330106MA2GL1234M', mergedInto: { id: into, name: right }, cases: 0 });
    expect((await staff.clerk.must('respondents.get', { id: into })).merged).toEqual([expect.objectContaining({ id: from, name: typo })]);
    expect((await list({ text: typo })).rows).toEqual([]);
    expect((await staff.clerk.must<{ rows: { id: number }[] }>('respondents.search', { text: '家电销售' })).rows.map((r) => r.id)).toEqual([into]);
    // A later registration typing the merged row's exact name or credit code links to the row it went into.
    expect(respondentOf(await register({ name: typo }))).toBe(into);
    expect(respondentOf(await register({ name: '随便写的名称', creditCode: '91330106MA2GL1234M' }))).toBe(into);
    expect(respondentOf(await register({ id: from }))).toBe(into);

    const audit = reg.core.db.prepare("SELECT user_id, data FROM audit_log WHERE action = 'respondents.merge' AND entity_id = ?").get(into) as { user_id: number; data: string };
    expect(audit.user_id).toBe(staff.admin.user.id);
    expect(JSON.parse(audit.data)).toMatchObject({ from: { id: from, name: typo, creditCode: '91330106MA2GL1234M' }, into: { id: into, name: right }, cases: [moved1, moved2], reason: '同一经营者，登记时名称有误' });
    expect(await staff.admin.must('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('answers a retry with the same requestId once, without merging again', async () => {
    const a = respondentOf(await register({ name: '富阳某某建材店' }));
    const b = respondentOf(await register({ name: '富阳某某建材商店' }));
    const input = { from: a, into: b, reason: '同一家店', requestId: randomUUID() };
    const first = await staff.admin.must('respondents.merge', input);
    const events = reg.core.db.prepare('SELECT COUNT(*) FROM case_events').pluck().get();
    expect(await staff.admin.must('respondents.merge', input)).toEqual(first);
    expect(reg.core.db.prepare('SELECT COUNT(*) FROM case_events').pluck().get()).toBe(events);
  });

  it('refuses a merge into itself, of an unknown or merged row, or by a non-administrator, changing nothing', async () => {
    const a = respondentOf(await register({ name: '桐庐某某农资店' }));
    const b = respondentOf(await register({ name: '桐庐某某农资商店' }));
    const c = respondentOf(await register({ name: '建德某某农资店' }));
    await staff.admin.must('respondents.merge', { from: a, into: b, reason: '同一家店' });
    const was = snapshot();
    const refused = async (actor: keyof Staff, input: Record<string, unknown>, code: string, message?: RegExp) => {
      const r = await staff[actor].call('respondents.merge', { reason: '测试', ...input });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        if (message) expect(r.error.message).toMatch(message);
      }
    };
    await refused('admin', { from: b, into: b }, 'VALIDATION', /不能把被投诉方合并到它自己/);
    await refused('admin', { from: 999_999, into: b }, 'NOT_FOUND', /未找到/);
    await refused('admin', { from: b, into: 999_999 }, 'NOT_FOUND', /未找到/);
    await refused('admin', { from: a, into: c }, 'VALIDATION', /已于此前合并/);
    await refused('admin', { from: c, into: a }, 'VALIDATION', /本身已合并/);
    await refused('admin', { from: c, into: b, reason: '' }, 'VALIDATION');
    await refused('supervisor', { from: c, into: b }, 'FORBIDDEN');
    await refused('clerk', { from: c, into: b }, 'FORBIDDEN');
    expect(snapshot()).toBe(was);
    // A row merged into one that is merged later points at the last one: one hop, always.
    await staff.admin.must('respondents.merge', { from: b, into: c, reason: '同一家店' });
    expect(reg.core.db.prepare('SELECT merged_into FROM respondents WHERE id = ?').pluck().get(a)).toBe(c);
  });
});

describe('migration 0010 on a register that had cases', () => {
  it('fills every business\'s counts as the store keeps them', async () => {
    const tmp = tempDir();
    try {
      reg.core.db.pragma('wal_checkpoint(TRUNCATE)');
      const file = join(tmp.dir, 'v9.sqlite');
      await reg.core.db.backup(file);
      const db = new Database(file);
      const expected = db.prepare('SELECT * FROM respondent_stats ORDER BY respondent_id').all();
      const links = db.prepare('SELECT case_id, respondent_id FROM case_stats ORDER BY case_id').all();
      expect(expected.length).toBeGreaterThan(10);
      // Back to the version before respondent-stats: no counts, no merge columns (the merged rows become plain rows).
      db.pragma('foreign_keys = OFF');
      db.exec(`
        DROP TABLE respondent_stats;
        DROP INDEX respondents_merged_into;
        ALTER TABLE case_stats DROP COLUMN respondent_id;
        CREATE TABLE respondents_before (id INTEGER PRIMARY KEY, name TEXT NOT NULL, credit_code TEXT, address TEXT, contact_person TEXT, phone TEXT, created_at TEXT NOT NULL) STRICT;
        INSERT INTO respondents_before SELECT id, name, credit_code, address, contact_person, phone, created_at FROM respondents;
        DROP TABLE respondents;
        ALTER TABLE respondents_before RENAME TO respondents;
        CREATE UNIQUE INDEX respondents_credit_code ON respondents(credit_code) WHERE credit_code IS NOT NULL;
        CREATE INDEX respondents_name ON respondents(name);
        PRAGMA user_version = ${migrations.findIndex((m) => m.name === 'respondent-stats')};
      `);
      const progress: number[] = [];
      // Only up to respondent-stats itself: the later migrations already ran on this copy.
      const upTo = migrations.findIndex((m) => m.name === 'respondent-stats') + 1;
      await migrate(db, file, quietLog, migrations.slice(0, upTo), (p) => progress.push(p.done));
      expect(db.pragma('user_version', { simple: true })).toBe(upTo);
      expect(db.prepare('SELECT * FROM respondent_stats ORDER BY respondent_id').all()).toEqual(expected);
      expect(db.prepare('SELECT case_id, respondent_id FROM case_stats ORDER BY case_id').all()).toEqual(links);
      expect(progress.length).toBeGreaterThan(0);
      db.close();
    } finally {
      tmp.remove();
    }
  });
});
