import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Actor } from './staff';

/**
 * A bulk load (the bench's seed; start/coreState.ts `bulkLoad`) writes neither the search index nor
 * the statistics while it registers and acts; `store.finishBulkLoad` then writes, for every case,
 * what its steps would have written one by one. Two real registers, the same calls on the same clock:
 * one loaded case by case, one in bulk; after the finish they hold the same tokens at the same places
 * (the voided cases' own index included) and the same counts, row for row.
 */
const registers: Record<'each' | 'bulk', Register> = {} as never;
const clerks: Record<'each' | 'bulk', Actor> = {} as never;

/** The tables a case's statistics are kept in (store/caseFacts.ts, store/respondents.ts: a business's row is made with it, its counts by the cases). */
const COUNTS = ['case_stats', 'stats_daily', 'stats_known', 'respondent_stats', 'respondent_months'] as const;
const COUNTED = ['case_stats', 'stats_daily', 'stats_known', 'respondent_months'] as const;

async function load(bulkLoad: boolean): Promise<[Register, Actor]> {
  const clock = fixedClock('2026-10-12T09:00:00+08:00');
  const reg = await openRegister(clock, { bulkLoad });
  const { clerk, supervisor, investigator } = await withStaff(reg);
  const add = async (over: Record<string, unknown>) => (await clerk.must<{ id: number }>('cases.register', minimalComplaint(over))).id;
  const wang = { name: '王晓明', phone: '13912345678' };
  const closed = await add({ complainant: wang, respondent: { name: '杭州星辰电器有限公司' }, subject: '变频空调', facts: '空调安装后制冷效果差，商家承诺上门维修但一直未到。' });
  await clerk.act(closed, 'accept');
  await supervisor.act(closed, 'assign', { userId: investigator.user.id });
  await investigator.act(closed, 'startInvestigation');
  await investigator.act(closed, 'proposeOutcome', { measures: ['refund', 'punitive'], recoveredFen: 300000, punitiveFen: 200000, summary: '退一赔三' });
  await supervisor.act(closed, 'approve', { comment: '同意' });
  await investigator.act(closed, 'notify');
  clock.set('2026-10-15T10:00:00+08:00');
  await investigator.act(closed, 'followUp', { satisfaction: 5, note: '满意' });
  clock.set('2026-10-19T10:00:00+08:00');
  // 退一赔三 is followed up twice before it may close.
  await investigator.act(closed, 'followUp', { satisfaction: 5, note: '已收到赔偿款' });
  await investigator.act(closed, 'close');
  clock.set('2026-10-20T10:00:00+08:00');
  // The same person against the same business again: a repeat complaint.
  const repeat = await add({ complainant: wang, respondent: { name: '杭州星辰电器有限公司' }, subject: '空调遥控器', facts: '遥控器失灵。' });
  await clerk.act(repeat, 'accept');
  await add({ complainant: { name: '李芳', phone: '0571-88886666' }, respondent: { name: '宁波快乐旅行社' }, category: 'S03', subject: '跟团游', facts: '行程中被导游强制购物。' });
  const refused = await add({ complainant: { name: '钱多多', phone: '13600001111' }, respondent: { name: '温州某某贸易公司' }, subject: '办公设备', facts: '单位采购的打印机故障。' });
  await clerk.act(refused, 'refuse', { grounds: ['3'], reason: '系经营性采购' });
  await supervisor.act(refused, 'approve', { comment: '同意不予受理' });
  const voided = await add({ complainant: { name: '赵敏', phone: '13700003333' }, respondent: { name: '温州健身会所' }, category: 'S04', subject: '健身卡', facts: '会所闭店，余额无法退还。' });
  // Voided the next day: 上年同期 as it stood on the 20th counts it (store/knownDays.ts), in bulk as case by case.
  clock.set('2026-10-21T10:00:00+08:00');
  await supervisor.act(voided, 'void', { reason: '重复登记作废' });
  return [reg, clerk];
}

/** Every token the index holds, with its case, column and place (FTS5's own vocabulary of instances). */
function instances(db: Db, table: 'case_index' | 'case_index_voided'): string[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table}_seen USING fts5vocab(main, ${table}, 'instance')`);
  return (db.prepare(`SELECT term, doc, col, offset FROM temp.${table}_seen ORDER BY term, doc, col, offset`).all() as Record<string, unknown>[]).map((r) => `${r.term}|${r.doc}|${r.col}|${r.offset}`);
}

const rowsOf = (db: Db, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3`).all();

const found = async (who: 'each' | 'bulk', text: string, includeVoided = false) =>
  (await clerks[who].must<{ rows: { caseNo: string }[] }>('cases.search', { text, includeVoided, pageSize: 50 })).rows.map((r) => r.caseNo);

const year = (who: 'each' | 'bulk') => clerks[who].must<Record<string, unknown>>('stats.summary', { from: '2026-01-01', to: '2026-12-31' });

beforeAll(async () => {
  [registers.each, clerks.each] = await load(false);
  [registers.bulk, clerks.bulk] = await load(true);
});
afterAll(() => {
  registers.each?.close();
  registers.bulk?.close();
});

describe('a bulk load', () => {
  it('writes no search index and no statistics while it loads, and the same events and audit rows', async () => {
    const bulk = registers.bulk.core.db;
    expect(instances(bulk, 'case_index')).toEqual([]);
    for (const table of COUNTED) expect(rowsOf(bulk, table), table).toEqual([]);
    expect(await found('bulk', '王晓明')).toEqual([]);
    expect(await found('each', '王晓明')).toHaveLength(2);
    const each = registers.each.core.db;
    for (const table of ['cases', 'case_events', 'case_deadlines']) expect(rowsOf(bulk, table), table).toEqual(rowsOf(each, table));
    const audit = (db: Db) => db.prepare('SELECT action, entity, entity_id, data FROM audit_log WHERE action <> ? ORDER BY id').all('session.login');
    expect(audit(bulk)).toEqual(audit(each));
  });

  it('then indexes and counts every case as its steps would have, the voided one in its own index too', async () => {
    const db = registers.bulk.core.db;
    const each = registers.each.core.db;
    const seen: number[] = [];
    expect(registers.bulk.core.services.store.finishBulkLoad((done) => seen.push(done), 2)).toBe(5);
    expect(seen).toEqual([2, 4, 5]);
    expect(instances(each, 'case_index').length).toBeGreaterThan(100);
    expect(instances(db, 'case_index')).toEqual(instances(each, 'case_index'));
    expect(instances(db, 'case_index_voided')).toEqual(instances(each, 'case_index_voided'));
    for (const table of COUNTS) {
      expect(rowsOf(each, table).length, table).toBeGreaterThan(0);
      expect(rowsOf(db, table), table).toEqual(rowsOf(each, table));
    }
    for (const text of ['王晓明', '旅行社', '重复登记', '赵']) expect(await found('bulk', text, true)).toEqual(await found('each', text, true));
    expect(await found('bulk', '重复登记')).toEqual([]);
    const summary = await year('bulk');
    expect(summary).toEqual(await year('each'));
    expect(summary).toMatchObject({ received: 4 });
  });

  it('finishes again without a change when it is carried on after a stop', () => {
    const db = registers.bulk.core.db;
    const before = [instances(db, 'case_index'), ...COUNTS.map((t) => rowsOf(db, t))];
    expect(registers.bulk.core.services.store.finishBulkLoad()).toBe(5);
    expect([instances(db, 'case_index'), ...COUNTS.map((t) => rowsOf(db, t))]).toEqual(before);
  });
});

describe('the end of a bulk load', () => {
  it('takes the planner’s statistics again as the index grows from nothing', async () => {
    const reg = await openRegister(fixedClock('2026-10-12T09:00:00+08:00'), { bulkLoad: true });
    try {
      const db = reg.core.db;
      for (let i = 0; i < 120; i++) {
        await reg.must('cases.register', minimalComplaint({ complainant: { name: `测试${i}`, phone: `1390000${String(i).padStart(4, '0')}` }, facts: `第${i}号投诉：购买的商品存在质量问题，商家拒绝退款。` }));
      }
      // The statistics a load leaves: taken while the index was empty (the seed takes them between its batches).
      db.exec('ANALYZE case_index_data');
      const statOf = () => Number(db.prepare("SELECT stat FROM sqlite_stat1 WHERE tbl = 'case_index_data'").pluck().get());
      const before = statOf();
      reg.core.services.store.finishBulkLoad(undefined, 10);
      const rows = db.prepare('SELECT COUNT(*) FROM case_index_data').pluck().get() as number;
      // Without them FTS5's DELETE of each merged segment scanned the whole data table.
      expect(before * 10).toBeLessThan(rows);
      expect(statOf() * 10).toBeGreaterThan(rows);
    } finally {
      reg.close();
    }
  });
});
