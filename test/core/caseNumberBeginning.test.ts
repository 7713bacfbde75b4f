import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * A case number typed up to part of its digits (TS2026-0001, as the search box sends it before the
 * rest) lists the cases numbered so, newest first, read by the numbers' own index ([F] #11: as a
 * phrase of the token index it read tokens in every case, 40-70 ms at a million cases, and before
 * migration 0031 seconds). A real register.
 */
let reg: Register;
let staff: Staff;
const numbers: string[] = [];
const ids: number[] = [];

beforeAll(async () => {
  reg = await openRegister(fixedClock('2026-11-02T09:00:00+08:00'));
  staff = await withStaff(reg);
  for (let i = 1; i <= 12; i++) {
    // The first case's order number begins as no case number does; the second's facts name the eleventh's number.
    const over = i === 1 ? { purchasePlace: { orderNo: 'JD2026-7788' } } : i === 2 ? { facts: '同一商家此前已被投诉，编号：TS2026-00011，仍未处理。' } : {};
    const { id, caseNo } = await staff.clerk.must<{ id: number; caseNo: string }>('cases.register', minimalComplaint({ complainant: { name: `编号${i}`, phone: `139000000${String(i).padStart(2, '0')}` }, ...over }));
    ids.push(id);
    numbers.push(caseNo);
  }
}, 60_000);
afterAll(() => reg.close());

type Found = { rows: { id: number; caseNo: string }[]; total: number; more: boolean; next: string | null; words: string[] };
const search = (input: Record<string, unknown>) => staff.clerk.must<Found>('cases.search', { sort: 'registeredAt:desc', ...input });
const numbersOf = (found: Found) => found.rows.map((r) => r.caseNo);

describe('a case number’s beginning', () => {
  it('lists the cases numbered so, newest first, in any form typed, and marks the beginning where it stands', async () => {
    expect(numbers.slice(9)).toEqual(['TS2026-00010', 'TS2026-00011', 'TS2026-00012']);
    for (const typed of ['TS2026-0001', 'ts2026-0001', 'ＴＳ２０２６－０００１']) {
      const found = await search({ text: typed });
      expect([typed, numbersOf(found), found.total, found.more]).toEqual([typed, ['TS2026-00012', 'TS2026-00011', 'TS2026-00010'], 3, false]);
      expect(found.words).toEqual(['TS2026-0001']);
    }
    expect((await search({ text: 'TS2026-' })).total).toBe(12);
    expect((await search({ text: 'TS2026-00' })).total).toBe(12);
    expect((await search({ text: 'TS2026-2' })).total).toBe(0);
  });

  it('names the numbers, not the text: a note that quotes a number is not among them, as with a whole number', async () => {
    expect(numbersOf(await search({ text: 'TS2026-00011' }))).toEqual(['TS2026-00011']);
    expect(numbersOf(await search({ text: 'TS2026-0001' }))).not.toContain('TS2026-00002');
    // Without its prefix it is a fragment of text, the quoted number found in the facts.
    expect(numbersOf(await search({ text: '2026-00011' }))).toEqual(['TS2026-00011', 'TS2026-00002']);
  });

  it('is searched as text when no case is numbered so (an order number)', async () => {
    expect(numbersOf(await search({ text: 'JD2026-7' }))).toEqual(['TS2026-00001']);
    expect(numbersOf(await search({ text: 'JD2026-77' }))).toEqual(['TS2026-00001']);
  });

  it('pages by cursor in the numbers’ order, and sorted another way holds the same cases', async () => {
    const first = await search({ text: 'TS2026-0000', pageSize: 4 });
    expect([numbersOf(first), first.total]).toEqual([['TS2026-00009', 'TS2026-00008', 'TS2026-00007', 'TS2026-00006'], 9]);
    const second = await search({ text: 'TS2026-0000', pageSize: 4, after: first.next });
    const third = await search({ text: 'TS2026-0000', pageSize: 4, after: second.next });
    expect([...numbersOf(second), ...numbersOf(third)]).toEqual(['TS2026-00005', 'TS2026-00004', 'TS2026-00003', 'TS2026-00002', 'TS2026-00001']);
    expect(third.next).toBeNull();
    expect(numbersOf(await search({ text: 'TS2026-0001', sort: 'caseNo:asc' }))).toEqual(['TS2026-00010', 'TS2026-00011', 'TS2026-00012']);
    const received = await search({ text: 'TS2026-0001', sort: 'receivedAt:desc' });
    expect([[...numbersOf(received)].sort(), received.total, received.more]).toEqual([['TS2026-00010', 'TS2026-00011', 'TS2026-00012'], 3, false]);
  });

  it('leaves a voided case out unless asked for', async () => {
    await staff.supervisor.act(ids[11]!, 'void', { reason: '登记错误' });
    expect(numbersOf(await search({ text: 'TS2026-0001' }))).toEqual(['TS2026-00011', 'TS2026-00010']);
    expect(numbersOf(await search({ text: 'TS2026-0001', includeVoided: true }))).toEqual(['TS2026-00012', 'TS2026-00011', 'TS2026-00010']);
    expect(numbersOf(await search({ text: 'TS2026-0001', status: 'voided' }))).toEqual(['TS2026-00012']);
    // Counted past a page, from the numbers' index less the voided cases' own (migration 0033).
    const counted = async (input: Record<string, unknown>) => (await search({ text: 'TS2026-00', pageSize: 2, ...input })).total;
    expect([await counted({}), await counted({ includeVoided: true }), await counted({ status: 'voided' }), await counted({ sort: 'caseNo:asc' })]).toEqual([11, 12, 1, 11]);
  });
});
