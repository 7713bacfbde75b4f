import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATISTICS_EVERY_WRITES } from '../../electron/core/start/upkeepTimings';
import { openRegister, type Register } from './harness';

/**
 * The planner's statistics ([F] #11): taken at each start, and again after STATISTICS_EVERY_WRITES
 * writes, so an app left running while its register grows keeps choosing the register's indexes
 * (under an empty register's statistics FTS5 scanned its whole index table on every merge).
 */
let reg: Register;

beforeAll(async () => {
  reg = await openRegister();
});
afterAll(() => reg.close());

const rowsBelieved = () => {
  const stat = reg.core.db.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'enquiries_received_on'").pluck().get() as string | undefined;
  return stat === undefined ? null : Number(stat.split(' ')[0]);
};
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the planner statistics of a register that grows while the app runs', () => {
  it('are taken again after enough writes, without a restart', async () => {
    // The start took them with no enquiry logged.
    expect(rowsBelieved()).toBeNull();
    const enquiry = { channel: 'phone', topic: '网购七天无理由退货怎么算', answer: '自签收次日起算七天' };
    let logged = 0;
    while (rowsBelieved() === null && logged < STATISTICS_EVERY_WRITES) {
      await reg.must('enquiries.log', enquiry);
      logged++;
      await tick();
    }
    // The writes of the set-up (setup.init, the sign-in) count too, so a few fewer than the interval.
    expect(logged).toBeGreaterThan(STATISTICS_EVERY_WRITES - 10);
    expect(rowsBelieved()).toBe(logged);
  }, 120_000);
});
