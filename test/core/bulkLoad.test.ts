import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexCases } from '../../electron/core/store/caseText';
import type { Db } from '../../electron/core/db/open';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff } from './staff';

/**
 * A bulk load (the bench's seed; start/coreState.ts `bulkLoad`) writes no search index while it
 * registers and acts; `indexCases` then writes the index each case would have had, so a register
 * loaded in bulk and one written case by case hold the same tokens at the same places, the voided
 * cases' own index included. Two real registers, the same calls on the same clock.
 */
const registers: Record<'each' | 'bulk', Register> = {} as never;

async function load(bulkLoad: boolean): Promise<Register> {
  const reg = await openRegister(fixedClock('2026-11-02T09:00:00+08:00'), { bulkLoad });
  const staff = await withStaff(reg);
  const add = async (over: Record<string, unknown>) => (await staff.clerk.must<{ id: number }>('cases.register', minimalComplaint(over))).id;
  await add({ complainant: { name: '王晓明', phone: '13912345678' }, respondent: { name: '杭州星辰电器有限公司' }, subject: '变频空调', facts: '空调安装后制冷效果差，商家承诺上门维修但一直未到。' });
  await add({ complainant: { name: '李芳', phone: '0571-88886666' }, respondent: { name: '宁波快乐旅行社' }, category: 'S03', subject: '跟团游', facts: '行程中被导游强制购物。' });
  const voided = await add({ complainant: { name: '赵敏', phone: '13700003333' }, respondent: { name: '温州健身会所' }, category: 'S04', subject: '健身卡', facts: '会所闭店，余额无法退还。' });
  await staff.supervisor.act(voided, 'void', { reason: '重复登记作废' });
  return reg;
}

/** Every token the index holds, with its case, column and place (FTS5's own vocabulary of instances). */
function instances(db: Db, table: 'case_index' | 'case_index_voided'): string[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table}_seen USING fts5vocab(main, ${table}, 'instance')`);
  return (db.prepare(`SELECT term, doc, col, offset FROM temp.${table}_seen ORDER BY term, doc, col, offset`).all() as Record<string, unknown>[]).map((r) => `${r.term}|${r.doc}|${r.col}|${r.offset}`);
}

const found = async (reg: Register, text: string, includeVoided = false) =>
  (await reg.must<{ rows: { caseNo: string }[] }>('cases.search', { text, includeVoided, pageSize: 50 })).rows.map((r) => r.caseNo);

beforeAll(async () => {
  registers.each = await load(false);
  registers.bulk = await load(true);
});
afterAll(() => {
  registers.each?.close();
  registers.bulk?.close();
});

describe('a bulk load', () => {
  it('writes no search index while it loads', async () => {
    expect(instances(registers.bulk.core.db, 'case_index')).toEqual([]);
    expect(await found(registers.bulk, '王晓明')).toEqual([]);
    expect(await found(registers.each, '王晓明')).toHaveLength(1);
  });

  it('then indexes every case as each would have been indexed, the voided one in its own index too', async () => {
    const db = registers.bulk.core.db;
    const seen: number[] = [];
    expect(indexCases(db, (done) => seen.push(done), 2)).toBe(3);
    expect(seen).toEqual([2, 3]);
    const each = instances(registers.each.core.db, 'case_index');
    expect(each.length).toBeGreaterThan(100);
    expect(instances(db, 'case_index')).toEqual(each);
    expect(instances(db, 'case_index_voided')).toEqual(instances(registers.each.core.db, 'case_index_voided'));
    for (const text of ['王晓明', '旅行社', '重复登记', '赵']) {
      expect(await found(registers.bulk, text, true)).toEqual(await found(registers.each, text, true));
    }
    expect(await found(registers.bulk, '重复登记', true)).toHaveLength(1);
    expect(await found(registers.bulk, '重复登记')).toEqual([]);
  });

  it('indexes again without change when it is carried on after a stop', () => {
    const db = registers.bulk.core.db;
    const before = instances(db, 'case_index');
    expect(indexCases(db)).toBe(3);
    expect(instances(db, 'case_index')).toEqual(before);
  });
});
