import { afterAll, beforeAll, bench, describe } from 'vitest';
import { generatedRegister } from './register';

// Size of the generated register; BENCH_CASES=1000000 for the full office-decade figure.
const CASES = Number(process.env.BENCH_CASES ?? 20_000);
let reg: Awaited<ReturnType<typeof generatedRegister>>;

beforeAll(async () => {
  reg = await generatedRegister(CASES);
}, 600_000);
afterAll(() => reg.remove());

const search = async (input: Record<string, unknown>, token = reg.token) => {
  const r = await reg.core.call('cases.search', input, token);
  if (!r.ok) throw new Error(r.error.message);
};

// The baseline is the register's front page: the newest 50. Each other line is read as a ratio to it.
describe(`cases.search over ${CASES} cases`, () => {
  bench('baseline: newest 50, no filter', () => search({}));
  bench('text of 3+ characters (FTS5 trigram)', () => search({ text: '预付款' }));
  bench('name of 2 characters (LIKE path)', () => search({ text: '王芳' }));
  bench('phone fragment', () => search({ text: '1380001' }));
  bench('overdue, any kind of deadline', () => search({ overdue: true }));
  bench('due within 3 working days', () => search({ dueWithinWorkingDays: 3 }));
  bench('nearest deadline first', () => search({ sort: 'dueOn:asc' }));
  bench('my cases (an investigator)', () => search({ mine: true }, reg.investigatorToken));
  bench('waiting for my approval', () => search({ awaitingMyApproval: true }));
  bench('queue 待受理 (the counter)', () => search({ queue: 'toAccept' }));
  bench('queue 待指派 (a 负责人)', () => search({ queue: 'unassigned' }));
  bench('queue 被退回, mine (an investigator)', () => search({ queue: 'sentBack', mine: true }, reg.investigatorToken));
  bench('queue 被退回, the whole office', () => search({ queue: 'sentBack' }));
  bench('cases.get of a worked case', async () => {
    const r = await reg.core.call('cases.get', { id: reg.workedCaseId }, reg.token);
    if (!r.ok) throw new Error(r.error.message);
  });
  bench('category and month', () => search({ category: 'S04', from: '2025-06-01', to: '2025-06-30' }));
  bench('respondents.search while typing', async () => {
    await reg.core.call('respondents.search', { text: '杭州星' }, reg.token);
  });
});
