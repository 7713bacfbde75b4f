import { existsSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { databaseFile } from '../../electron/core/paths';
import { periodSlices } from '../../electron/core/store/periods';
import type { StatsSummary } from '../../shared/api/schemas/stats';
import { fixedClock, minimalComplaint, openRegister, quietLog, type Register } from './harness';
import { withStaff, type Staff } from './staff';

/**
 * 统计 of a long period reads in slices on a snapshot of its own, answering the page's calls
 * between slices (store/statsReads.ts, store/snapshots.ts). These tests hold it to what that must
 * not cost: the slices cover the period exactly once, the figures are of one moment however many
 * writes land between slices, and a close ends the read without leaving the WAL behind the seal.
 */
describe('periodSlices', () => {
  it('cuts a period into runs of whole months, clipped to the period at both ends', () => {
    expect(periodSlices('2026-01-15', '2026-04-10', 1)).toEqual([
      { from: '2026-01-15', to: '2026-01-31' },
      { from: '2026-02-01', to: '2026-02-31' },
      { from: '2026-03-01', to: '2026-03-31' },
      { from: '2026-04-01', to: '2026-04-10' },
    ]);
    expect(periodSlices('2025-11-03', '2027-02-20', 12)).toEqual([
      { from: '2025-11-03', to: '2026-10-31' },
      { from: '2026-11-01', to: '2027-02-20' },
    ]);
  });

  it('keeps a single day, or a period inside one month, as one slice', () => {
    expect(periodSlices('2026-02-28', '2026-02-28', 1)).toEqual([{ from: '2026-02-28', to: '2026-02-28' }]);
    expect(periodSlices('2026-06-01', '2026-06-30', 12)).toEqual([{ from: '2026-06-01', to: '2026-06-30' }]);
  });

  it('misses no day and counts none twice: every date of the period falls in exactly one slice', () => {
    const slices = periodSlices('2024-12-30', '2026-03-02', 1);
    const day = new Date(Date.UTC(2024, 11, 30));
    for (; day <= new Date(Date.UTC(2026, 2, 2)); day.setUTCDate(day.getUTCDate() + 1)) {
      const d = day.toISOString().slice(0, 10);
      expect(slices.filter((s) => s.from <= d && d <= s.to), d).toHaveLength(1);
    }
  });
});

describe('统计 on a snapshot', () => {
  let reg: Register;
  let staff: Staff;
  const at = (date: string) => `${date}T09:30:00+08:00`;
  const register = (date: string, over: Record<string, unknown> = {}) =>
    staff.clerk.must<{ id: number }>('cases.register', minimalComplaint({ receivedAt: at(date), ...over }));

  beforeAll(async () => {
    reg = await openRegister(fixedClock('2026-11-02T10:00:00+08:00'));
    staff = await withStaff(reg);
    await register('2026-01-12', { category: 'S03', complainant: { name: '李四', phone: '13700002222' } });
    await register('2026-05-06');
    await register('2026-10-20', { respondent: { name: '某某家电商场' } });
  }, 60_000);
  afterAll(() => reg.close());

  it('gives the figures of the moment it started, though a case is registered while it reads', async () => {
    const { store, snapshots } = reg.core.services;
    let finished = false;
    const reading = store.read.stats('2026-01-01', '2026-12-31', reg.core.services.clock.today()).then((s) => {
      finished = true;
      return s;
    });
    expect(snapshots.count).toBe(1);
    await register('2026-10-21', { category: 'S03', complainant: { name: '王五', phone: '13600003333' } });
    // The registration was answered while 统计 was still reading: it did not wait for the whole year.
    expect(finished).toBe(false);
    const s: StatsSummary = await reading;
    expect(snapshots.count).toBe(0);
    expect(s.received).toBe(3);
    expect(s.byMonth.reduce((n, m) => n + m.received, 0)).toBe(3);
    expect(s.byCategory.map((r) => [r.key, r.received])).toEqual([
      ['G01', 2],
      ['S03', 1],
    ]);
    expect(s.topRespondents.reduce((n, r) => n + r.received, 0)).toBe(3);

    const after = await staff.clerk.must<StatsSummary>('stats.summary', { from: '2026-01-01', to: '2026-12-31' });
    expect(after.received).toBe(4);
    expect(after.byCategory.map((r) => [r.key, r.received])).toEqual([
      ['G01', 2],
      ['S03', 2],
    ]);
  });

  it('is ended by the close, which still folds the whole WAL into the sealed file; the next start opens it', async () => {
    const { store, snapshots } = reg.core.services;
    const reading = store.read.stats('2024-01-01', '2026-12-31', reg.core.services.clock.today());
    expect(snapshots.count).toBe(1);
    reg.core.close();
    await expect(reading).rejects.toThrow();
    expect(snapshots.count).toBe(0);
    const wal = `${databaseFile(reg.dir)}-wal`;
    if (existsSync(wal)) expect(statSync(wal).size).toBe(0);

    const core = await createCore({ dataDir: reg.dir, clock: reg.clock, log: quietLog });
    try {
      const login = await core.call('session.login', { username: 'clerk', password: 'clerk-pass' }, null);
      expect(login.ok).toBe(true);
      const token = login.ok ? (login.value as { token: string }).token : null;
      const again = await core.call('stats.summary', { from: '2026-01-01', to: '2026-12-31' }, token);
      expect(again.ok && (again.value as StatsSummary).received).toBe(4);
    } finally {
      core.close();
    }
  });
});
