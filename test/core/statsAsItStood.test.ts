import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownRegistered } from '../../electron/core/db/migrations/0052-known-registered';
import { asVersion } from '../support/asVersion';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * 上年同期 read as it stood a year before today (store/knownDays.ts), for what changes after it was
 * first known: a case registered days after it was received, a case voided after it counted, an
 * outcome approved, sent back by the complainant's follow-up and approved again for more. Each
 * figure below is what 统计 of April–May 2026 would have shown on that day:
 *
 *   L received 2026-04-20, registered 2026-04-24 (a letter, registered late)
 *   V received and registered 2026-05-06, accepted that day, voided 2026-05-12
 *   R received 2026-05-07, accepted; ¥1,000 approved 05-08; unsatisfied, reopened 05-15; ¥1,500 approved 05-20
 */
let reg: Register;
let staff: Staff;
const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

beforeAll(async () => {
  reg = await openRegister(fixedClock(at('2026-04-24', '09:00')));
  staff = await withStaff(reg);
  const { clerk, investigator, supervisor } = staff;
  const on = (date: string) => reg.clock.set(at(date, '15:00'));
  const register = async (received: string, registered: string, over: Record<string, unknown>) => {
    reg.clock.set(at(registered));
    return (await clerk.must<{ id: number }>('cases.register', minimalComplaint({ receivedAt: at(received, '09:30'), natures: ['contract'], ...over }))).id;
  };
  const approve = async (id: number, recoveredFen: number) => {
    await investigator.act(id, 'proposeOutcome', { measures: ['refund'], recoveredFen, summary: '退款' });
    await supervisor.act(id, 'approve', { comment: '同意' });
  };

  await register('2026-04-20', '2026-04-24', { channel: 'letter', complainant: { name: '刘一', phone: '13900000001' } });

  const v = await register('2026-05-06', '2026-05-06', { complainant: { name: '陈二', phone: '13900000002' } });
  await clerk.act(v, 'accept');
  on('2026-05-12');
  await supervisor.act(v, 'void', { reason: '重复登记' });

  const r = await register('2026-05-07', '2026-05-07', { complainant: { name: '张三', phone: '13900000003' } });
  await clerk.act(r, 'accept');
  await supervisor.act(r, 'assign', { userId: investigator.user.id });
  await investigator.act(r, 'startInvestigation');
  on('2026-05-08');
  await approve(r, 100000);
  await investigator.act(r, 'notify');
  on('2026-05-15');
  await investigator.act(r, 'followUp', { satisfaction: 1, note: '不满意' });
  await investigator.act(r, 'reopen', { reason: '投诉人要求赔偿' });
  on('2026-05-20');
  await approve(r, 150000);
});
afterAll(() => reg?.close());

/** 上年同期 of April–May 2027 read on `today` (a day of 2027), as April–May 2026 stood a year before. */
const yearEarlier = async (today: string) => (await reg.core.services.store.read.stats('2027-04-01', '2027-05-31', today)).yearEarlier;

describe('上年同期 as it stood, through the changes after a part became known', () => {
  it('counts a case from the day it was registered, not from the day it was received', async () => {
    expect(await yearEarlier('2027-04-23')).toMatchObject({ asOf: '2026-04-23', received: 0 });
    expect(await yearEarlier('2027-04-24')).toMatchObject({ asOf: '2026-04-24', received: 1, accepted: 0 });
  });

  it('keeps a voided case in the days it counted in, and takes it out from the day it was voided', async () => {
    expect(await yearEarlier('2027-05-06')).toMatchObject({ received: 2, accepted: 1 });
    expect(await yearEarlier('2027-05-11')).toMatchObject({ received: 3, accepted: 2, resolved: 1, recoveredFen: 100000 });
    expect(await yearEarlier('2027-05-12')).toMatchObject({ received: 2, accepted: 1 });
  });

  it('keeps an outcome approved again at what was approved until the day of the new approval', async () => {
    expect(await yearEarlier('2027-05-08')).toMatchObject({ resolved: 1, recoveredFen: 100000 });
    expect(await yearEarlier('2027-05-19')).toMatchObject({ resolved: 1, recoveredFen: 100000 });
    expect(await yearEarlier('2027-05-20')).toMatchObject({ resolved: 1, recoveredFen: 150000 });
  });

  it('counts the period itself as its cases stand today, and 上年同期 of a day after every change the same', async () => {
    const now = await reg.core.services.store.read.stats('2026-04-01', '2026-05-31', '2026-12-01');
    expect(now).toMatchObject({ received: 2, accepted: 1, resolved: 1, recoveredFen: 150000 });
    expect(await yearEarlier('2027-12-01')).toMatchObject({ received: 2, accepted: 1, resolved: 1, recoveredFen: 150000 });
  });

  it('is put back the same by the upgrade from version 51 for the registrations and the voided case (0052)', async () => {
    // R's first approval is not in its columns: before 0052 its outcome was written on 20 May only (migration 0052's note).
    const days = ['2027-04-23', '2027-04-24', '2027-05-06', '2027-05-11', '2027-05-12', '2027-12-01'];
    const registrations = async () => (await Promise.all(days.map(yearEarlier))).map(({ received, accepted, repeats }) => ({ received, accepted, repeats }));
    const before = await registrations();
    const db = reg.core.db;
    await asVersion(db, 51);
    expect(await yearEarlier('2027-04-23')).toMatchObject({ received: 1 });
    db.transaction(() => {
      for (const _ of knownRegistered.up(db) as Generator);
      db.pragma('user_version = 52');
    })();
    expect(await registrations()).toEqual(before);
  });
});
