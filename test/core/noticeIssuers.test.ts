import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { noticeIssuerRefusal } from '../../shared/notices/issuers';
import { noticeTypes } from '../../shared/notices/types';
import { openRegister, type Register } from './harness';
import { newPrinter } from './noticeKit';
import { caseReadyFor } from './noticePath';
import { withStaff, type Staff } from './staff';

/**
 * Who may issue which notice (issue [J]): an investigator not assigned to a case issued its
 * 受理通知书 and used up an official number. Issuing follows the workflow table now
 * (shared/notices/issuers.ts); a refusal prints nothing and takes no number.
 */
// Issuing prints through Chromium (cold at the first notice): seconds alone, far more beside other runs, as in notices.test.ts.
vi.setConfig({ testTimeout: 180_000 });
const printer = newPrinter();
let reg: Register;
let staff: Staff;

beforeAll(async () => {
  reg = await openRegister(undefined, { pdf: printer });
  staff = await withStaff(reg);
}, 60_000);
afterAll(async () => {
  reg.close();
  await printer.close();
});

const issuedCount = () => reg.core.db.prepare('SELECT COUNT(*) FROM notices').pluck().get() as number;
const numbersTaken = () => reg.core.db.prepare('SELECT COALESCE(SUM(last), 0) FROM notice_numbers').pluck().get() as number;

describe('notices.issue, by who may issue it', () => {
  it('refuses an investigator not assigned to the case, for every notice, with 403 in Chinese, printing nothing and taking no number', async () => {
    const id = await caseReadyFor(reg, staff, 'mediationEnded');
    const before = { issued: issuedCount(), numbers: numbersTaken() };
    for (const type of noticeTypes) {
      const r = await staff.investigator2.call('notices.issue', { caseId: id, type });
      expect(r, type).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/未指派给您，不能签发|您的角色不能签发/) } });
      expect(r.ok || r.error.message, type).toMatch(/未占用文号/);
    }
    expect({ issued: issuedCount(), numbers: numbersTaken() }).toEqual(before);
  });

  it('lets the assigned investigator issue the notices of their own steps, but not the counter’s decisions', async () => {
    const id = await caseReadyFor(reg, staff, 'mediationEnded');
    const acceptance = await staff.investigator.call('notices.issue', { caseId: id, type: 'acceptance' });
    expect(acceptance).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('受理通知书由登记员、负责人或管理员签发') } });
    const numbers = numbersTaken();
    const ended = await staff.investigator.must<{ number: string }>('notices.issue', { caseId: id, type: 'mediationEnded' });
    expect(numbersTaken()).toBe(numbers + 1);
    expect(ended.number).toMatch(/〔2026〕1号$/);
    // The counter issues the office's paper on any case, as before.
    expect((await staff.clerk.call('notices.issue', { caseId: id, type: 'acceptance' })).ok).toBe(true);
  });

  it('is one rule the 文书 tab reads too', () => {
    const clerk = { id: 2, role: 'clerk' as const };
    const handler = { id: 3, role: 'investigator' as const };
    const other = { id: 4, role: 'investigator' as const };
    for (const type of noticeTypes) {
      expect(noticeIssuerRefusal(type, clerk, 3), type).toBeNull();
      expect(noticeIssuerRefusal(type, other, 3), type).not.toBeNull();
    }
    expect(noticeTypes.filter((t) => noticeIssuerRefusal(t, handler, 3) === null)).toEqual(['mediationNotice', 'mediationAgreement', 'mediationEnded', 'outcome']);
  });
});
