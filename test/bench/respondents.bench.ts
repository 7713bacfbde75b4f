import { afterAll, beforeAll, bench, describe } from 'vitest';
import { refreshPlannerStatistics } from '../../electron/core/store';
import { createRespondentNames } from '../../electron/core/store/respondentNames';
import { casesRegister } from '../../shared/api/schemas/cases';
import { respondentsUpdate } from '../../shared/api/schemas/respondents';
import { minimalComplaint, openRegister, type Register } from '../core/harness';

// The 被投诉方 register's writes that grow with a business's cases: a merge and an edit of its name
// move or re-index every case in one transaction (bounded at 5,000 a request). Read as ratios to
// the baseline, re-indexing the same cases bare; each run is rolled back so every run does the same.
const CASES = Number(process.env.BENCH_RESPONDENT_CASES ?? 1_000);
const BUSINESSES = 50_000;
let reg: Register;
let from = 0;
let into = 0;
let ids: number[] = [];

const user = { id: 1, username: 'admin', displayName: '王管理', role: 'admin' as const };
/** Runs `work` in a transaction that is rolled back, so the register is the same for the next run. */
function rolledBack(work: () => void): void {
  const db = reg.core.db;
  db.exec('BEGIN IMMEDIATE');
  try {
    work();
  } finally {
    db.exec('ROLLBACK');
  }
}

beforeAll(async () => {
  reg = await openRegister();
  const s = reg.core.services;
  reg.core.db.transaction(() => {
    for (let i = 0; i < CASES; i++) {
      s.register(casesRegister.input.parse(minimalComplaint({ complainant: { name: '张三', phone: `139${String(i).padStart(8, '0')}` }, respondent: { name: '杭州某某电器有限责任公司' } })), user);
    }
    s.register(casesRegister.input.parse(minimalComplaint({ respondent: { name: '杭州某某电器有限公司' } })), user);
  })();
  // As the app does once writing is allowed: the planner picks indexes by the register's statistics.
  refreshPlannerStatistics(reg.core.db);
  from = s.respondents.find({ name: '杭州某某电器有限责任公司' })!.id;
  into = s.respondents.find({ name: '杭州某某电器有限公司' })!.id;
  ids = s.store.respondents.caseIds(from, CASES);
  // 50,000 businesses as a million-case register has them (counts Zipf-like), straight into the tables.
  reg.core.db.transaction(() => {
    const put = reg.core.db.prepare("INSERT INTO respondents (name, credit_code, created_at) VALUES (?, NULL, '2026-01-01T09:00:00+08:00')");
    const names = createRespondentNames(reg.core.db);
    const stats = reg.core.db.prepare('INSERT INTO respondent_stats (respondent_id, cases, open_cases, repeats, last_received_on) VALUES (?, ?, ?, ?, ?)');
    for (let i = 1; i <= BUSINESSES; i++) {
      const name = `${['杭州', '宁波', '温州', '嘉兴'][i % 4]}某某${i}号${['电器', '餐饮', '商贸', '物业'][i % 4]}有限公司`;
      const id = Number(put.run(name).lastInsertRowid);
      names.add(id, name);
      const cases = Math.max(1, Math.round(20_000 / i));
      stats.run(id, cases, Math.round(cases / 10), Math.round(cases / 30), `2026-${String(1 + (i % 11)).padStart(2, '0')}-15`);
    }
  })();
  refreshPlannerStatistics(reg.core.db);
  let t = performance.now();
  rolledBack(() => s.respondentRegister.merge({ from, into, reason: '同一经营者' }, user));
  console.info(`merge of ${CASES} cases: ${Math.round(performance.now() - t)} ms (first run)`);
  t = performance.now();
  rolledBack(() => s.respondentRegister.update(respondentsUpdate.input.parse({ id: from, name: '杭州某某电器销售有限责任公司' }), user));
  console.info(`rename re-indexing ${CASES} cases: ${Math.round(performance.now() - t)} ms (first run)`);
}, 600_000);
afterAll(() => reg.close());

describe(`a business of ${CASES} cases`, () => {
  bench('baseline: re-index its cases', () => rolledBack(() => ids.forEach((id) => reg.core.services.store.write.reindex(id))), { iterations: 5 });
  bench('respondents.merge: move them with an event each', () => rolledBack(() => reg.core.services.respondentRegister.merge({ from, into, reason: '同一经营者' }, user)), { iterations: 5 });
  bench('respondents.update: rename (re-indexes them)', () => rolledBack(() => reg.core.services.respondentRegister.update(respondentsUpdate.input.parse({ id: from, name: '杭州某某电器销售有限责任公司' }), user)), { iterations: 5 });
});

describe(`the list among ${BUSINESSES} businesses`, () => {
  const list = (input: Partial<Parameters<typeof reg.core.services.respondentRegister.list>[0]>) => () =>
    void reg.core.services.respondentRegister.list({ sort: 'cases', page: 1, pageSize: 50, ...input });
  bench('respondents.list: first page by cases', list({}), { iterations: 50 });
  bench('respondents.list: page 100 by name', list({ sort: 'name', page: 100 }), { iterations: 50 });
  bench('respondents.list: latest complaint first', list({ sort: 'recent' }), { iterations: 50 });
  bench('respondents.list: text 餐饮 (12,500 match)', list({ text: '餐饮' }), { iterations: 50 });
  bench('respondents.list: text 4999号 (rare)', list({ text: '4999号' }), { iterations: 50 });
  bench('respondents.search: the registration look-up, 电器', () => void reg.core.services.respondents.search('电器', 8), { iterations: 50 });
});
