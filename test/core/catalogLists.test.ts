import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { minimalComplaint, openRegister, quietLog, tempDir, type Register } from './harness';

/** The lists an administrator edits (issue [B]): add, rename, reorder, retire — never delete, never recode. */
let reg: Register;
beforeEach(async () => {
  reg = await openRegister();
});
afterEach(() => reg.close());

type Item = { code?: string; name: string; group?: string; words?: string[]; active: boolean };
const lists = () => reg.must<Record<string, Item[]>>('catalog.lists', {});
const auditRows = () => reg.core.db.prepare("SELECT action, entity, data FROM audit_log WHERE action = 'catalog.saveList' ORDER BY id").all() as { action: string; data: string }[];
const state = () => reg.core.db.prepare('SELECT kind, code, name, grp, words, sort, active FROM catalog_items ORDER BY kind, code').all();

describe('categories', () => {
  it('are added with everyday words, renamed and reordered keeping their code, and offered in the saved order', async () => {
    const before = (await lists()).category!;
    expect(before[0]).toMatchObject({ code: 'G01', name: '家用电子电器', group: '商品类', active: true });
    expect(before[0]!.words).toContain('手机');
    const edited: Item[] = [
      { name: '预付式消费', group: '服务类', words: ['预付卡', '办卡', '跑路'], active: true },
      ...before.map((c) => (c.code === 'S07' ? { ...c, name: '互联网服务' } : c)),
    ];
    const saved = await reg.must<{ kind: string; items: Item[] }>('catalog.saveList', { kind: 'category', items: edited });
    expect(saved.items[0]).toEqual({ code: 'K001', name: '预付式消费', group: '服务类', words: ['预付卡', '办卡', '跑路'], active: true });
    const offered = (await reg.must<any>('catalog.get', {})).categories;
    expect(offered[0]).toEqual({ code: 'K001', name: '预付式消费', group: '服务类', words: ['预付卡', '办卡', '跑路'] });
    expect(offered.find((c: any) => c.code === 'S07').name).toBe('互联网服务');
    expect(offered).toHaveLength(before.length + 1);
    // A clerk registers with the new category; the case shows its name.
    const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint({ category: 'K001' }));
    expect((await reg.must<any>('cases.get', { id })).category).toMatchObject({ code: 'K001', name: '预付式消费' });
    // Every save is on the audit log with the list as saved.
    const rows = auditRows();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.data)).toMatchObject({ kind: 'category', items: expect.arrayContaining([expect.objectContaining({ code: 'K001', name: '预付式消费' })]) });
    expect((await reg.must<any>('audit.verify', {})).ok).toBe(true);
  });

  it('a retired category is no longer offered for new cases but is still named on the case that has it', async () => {
    const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint({ category: 'G09' }));
    const all = (await lists()).category!;
    await reg.must('catalog.saveList', { kind: 'category', items: all.map((c) => (c.code === 'G09' ? { ...c, active: false } : c)) });
    expect((await reg.must<any>('catalog.get', {})).categories.map((c: any) => c.code)).not.toContain('G09');
    const after = (await lists()).category!;
    expect(after.at(-1)).toMatchObject({ code: 'G09', name: '交通工具', active: false });
    expect((await reg.must<any>('cases.get', { id })).category).toMatchObject({ code: 'G09', name: '交通工具' });
    const refused = await reg.call('cases.register', minimalComplaint({ category: 'G09' }));
    expect(refused.ok ? null : refused.error.fields).toEqual({ category: '请选择有效的投诉类别' });
    // Left out of the list is retired too, never deleted; and it can be brought back.
    await reg.must('catalog.saveList', { kind: 'category', items: after.filter((c) => c.code !== 'G01') });
    expect(reg.core.db.prepare("SELECT name, active FROM catalog_items WHERE kind = 'category' AND code = 'G01'").get()).toEqual({ name: '家用电子电器', active: 0 });
    const back = (await lists()).category!.map((c) => ({ ...c, active: true }));
    await reg.must('catalog.saveList', { kind: 'category', items: back });
    expect((await reg.must<any>('catalog.get', {})).categories.map((c: any) => c.code)).toEqual(expect.arrayContaining(['G01', 'G09']));
  });

  it('refuse retiring the last active one, a duplicate name, an empty name, an unknown code and a group off the list — changing nothing', async () => {
    const all = (await lists()).category!;
    const was = state();
    const refusals: [unknown, Record<string, string>][] = [
      [all.map((c) => ({ ...c, active: false })), { items: '至少要保留一个启用的投诉类别' }],
      [[...all, { name: '食品', group: '商品类', active: true }], { [`items.${all.length}.name`]: '投诉类别“食品”与第3项重复' }],
      [[{ ...all[0]!, active: true }, { ...all[1]!, name: '食品', active: false }], { 'items.1.name': '已停用的投诉类别中已有“食品”，请重新启用它' }],
      [[...all, { code: 'G99', name: '某类', group: '商品类', active: true }], { [`items.${all.length}.code`]: '投诉类别代码“G99”不存在' }],
      [[...all, { name: '某类', group: '杂类', active: true }], { [`items.${all.length}.group`]: '请从商品类、服务类、其他中选择统计大类' }],
      [all.map((c) => (c.code === 'G01' ? { ...c, group: '服务类' } : c)), { 'items.0.group': '“家用电子电器”的统计大类是商品类，不能改为服务类：如需归入另一大类，请停用它并新增一个类别' }],
    ];
    for (const [items, fields] of refusals) {
      const r = await reg.call('catalog.saveList', { kind: 'category', items });
      expect(r.ok ? null : { code: r.error.code, fields: r.error.fields }).toEqual({ code: 'VALIDATION', fields });
    }
    const empty = await reg.call('catalog.saveList', { kind: 'category', items: [...all, { name: '  ', group: '商品类', active: true }] });
    expect(empty.ok ? null : empty.error.message).toContain('请填写名称');
    expect(state()).toEqual(was);
    expect(auditRows()).toHaveLength(0);
  });
});

describe('natures, channels and outcome measures', () => {
  it('are edited the same way: a new channel offered, a retired nature still named on its case, the last channel kept', async () => {
    const { channel, nature, measure } = await lists();
    await reg.must('catalog.saveList', { kind: 'channel', items: [...channel!, { name: '12315平台', active: true }] });
    expect((await reg.must<any>('catalog.get', {})).channels.at(-1)).toEqual({ code: 'C001', name: '12315平台' });
    const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint({ channel: 'C001', natures: ['price'] }));
    await reg.must('catalog.saveList', { kind: 'nature', items: nature!.map((n) => (n.code === 'price' ? { ...n, active: false } : n)) });
    const c = await reg.must<any>('cases.get', { id });
    expect(c.channel).toMatchObject({ code: 'C001', name: '12315平台' });
    expect(c.natures).toEqual([expect.objectContaining({ code: 'price', name: '价格' })]);
    const offer = await reg.must<any>('catalog.get', {});
    expect(offer.natures.map((n: any) => n.code)).not.toContain('price');
    expect(offer.retired).toEqual([{ kind: 'nature', code: 'price', name: '价格' }]);
    const last = await reg.call('catalog.saveList', { kind: 'channel', items: [] });
    expect(last.ok ? null : last.error.fields).toEqual({ items: '至少要保留一个启用的投诉渠道' });
    await reg.must('catalog.saveList', { kind: 'measure', items: [...measure!].reverse() });
    expect((await reg.must<any>('catalog.get', {})).measures[0].code).toBe(measure!.at(-1)!.code);
    expect(auditRows().map((r) => JSON.parse(r.data).kind)).toEqual(['channel', 'nature', 'measure']);
  });

  it('a correction keeps a nature the case has though it was retired since, and refuses a retired one anew', async () => {
    const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint({ natures: ['price'] }));
    const { nature } = await lists();
    await reg.must('catalog.saveList', { kind: 'nature', items: nature!.map((n) => (n.code === 'price' || n.code === 'safety' ? { ...n, active: false } : n)) });
    const v = (await reg.must<any>('cases.get', { id })).version;
    await reg.must('cases.correct', { id, version: v, changes: { natures: ['price', 'quality'] }, reason: '补充投诉性质' });
    expect((await reg.must<any>('cases.get', { id })).natures.map((n: any) => n.name).sort()).toEqual(['价格', '质量'].sort());
    const anew = await reg.call('cases.correct', { id, version: v + 1, changes: { natures: ['price', 'safety'] }, reason: '改为安全' });
    expect(anew.ok ? null : anew.error.fields).toEqual({ 'natures.1': '投诉性质不在目录中' });
  });

  it('refusal and termination grounds (law, order 121) are not an editable list', async () => {
    const r = await reg.call('catalog.saveList', { kind: 'refusal_ground', items: [{ name: '随便', active: true }] });
    expect(r.ok).toBe(false);
    expect(Object.keys(await lists()).sort()).toEqual(['category', 'channel', 'measure', 'nature']);
  });
});

describe('migration 0016 (catalog words)', () => {
  it('adds everyday words to the 中消协 categories of a register with cases, leaving renamed ones and everything else as it was', async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'register.sqlite');
      const db = new Database(file);
      const index = migrations.findIndex((m) => m.name === 'catalog-words');
      expect(index).toBe(15);
      await migrate(db, file, quietLog, migrations.slice(0, index));
      db.exec(`
        UPDATE catalog_items SET name = '电子产品' WHERE kind = 'category' AND code = 'G01';
        UPDATE catalog_items SET active = 0 WHERE kind = 'category' AND code = 'G10';
        INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('admin', '王管理', 'admin', 'x', '2026-11-01T09:00:00+08:00');
        INSERT INTO respondents (name, created_at) VALUES ('某某公司', '2026-11-01T09:00:00+08:00');
        INSERT INTO cases (case_no, received_at, received_on, channel, category, status, complainant_name, complainant_id_type, complainant_phone,
          respondent_id, subject, facts, request, consent_mediation, rule_set, registered_by, created_at, updated_at)
        VALUES ('TS2026-00001', '2026-11-02T09:00:00+08:00', '2026-11-02', 'visit', 'G10', 'registered', '张三', 'resident', '13812345678',
          1, '化肥', '假的', '退货', 1, 'order121', 1, '2026-11-02T09:00:00+08:00', '2026-11-02T09:00:00+08:00');
      `);
      const items = db.prepare('SELECT kind, code, name, grp, sort, active FROM catalog_items ORDER BY kind, code').all();
      await migrate(db, file, quietLog, migrations.slice(0, index + 1));
      expect(db.pragma('user_version', { simple: true })).toBe(index + 1);
      expect(db.prepare('SELECT kind, code, name, grp, sort, active FROM catalog_items ORDER BY kind, code').all()).toEqual(items);
      const words = (code: string) => JSON.parse(db.prepare("SELECT words FROM catalog_items WHERE kind = 'category' AND code = ?").pluck().get(code) as string);
      expect(words('G01')).toEqual([]);
      expect(words('S05')).toContain('快递');
      expect(words('G10')).toContain('化肥');
      expect(db.prepare('SELECT case_no, category FROM cases').all()).toEqual([{ case_no: 'TS2026-00001', category: 'G10' }]);
      expect(() => db.prepare("UPDATE catalog_items SET words = 'x' WHERE code = 'G02'").run()).toThrow();
      db.close();
    } finally {
      tmp.remove();
    }
  });
});
