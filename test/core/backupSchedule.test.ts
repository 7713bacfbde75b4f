import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { backupDue, lastSlot, nextSlot } from '../../electron/core/backup/schedule';
import { folderId } from '../../electron/core/integrity/checkpoint';
import { defaultKeyDir } from '../../electron/core/integrity/officeKey';
import { copyRegister, fixedClock, openRegister, quietLog, tempDir } from './harness';

const zone = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);
const facts = (now: string, over: Partial<Parameters<typeof backupDue>[0]> = {}) => ({
  now: at(now),
  dailyAt: '17:30',
  zone,
  since: '2026-11-01T00:00:00.000Z',
  lastGoodAt: null,
  lastScheduledAttemptAt: null,
  atStart: false,
  ...over,
});

describe('the daily backup at closing time', () => {
  it('has its slot at 17:30 office time, whatever zone the PC is in', () => {
    expect(lastSlot(at('2026-11-23T17:29:00+08:00'), '17:30', zone).toISOString()).toBe('2026-11-22T09:30:00.000Z');
    expect(lastSlot(at('2026-11-23T17:30:00+08:00'), '17:30', zone).toISOString()).toBe('2026-11-23T09:30:00.000Z');
    expect(nextSlot(at('2026-11-23T17:30:00+08:00'), '17:30', zone).toISOString()).toBe('2026-11-24T09:30:00.000Z');
  });

  it('is due once the slot has passed and no good backup was made since', () => {
    expect(backupDue(facts('2026-11-23T17:29:59+08:00', { lastGoodAt: '2026-11-22T09:31:00.000Z' }))).toBe(false);
    expect(backupDue(facts('2026-11-23T17:30:00+08:00', { lastGoodAt: '2026-11-22T09:31:00.000Z' }))).toBe(true);
    // A backup by hand after closing time counts.
    expect(backupDue(facts('2026-11-23T18:00:00+08:00', { lastGoodAt: '2026-11-23T09:40:00.000Z' }))).toBe(false);
    // No schedule, or a slot from before it was set: nothing.
    expect(backupDue(facts('2026-11-23T18:00:00+08:00', { dailyAt: null }))).toBe(false);
    expect(backupDue(facts('2026-11-23T18:00:00+08:00', { since: '2026-11-23T10:00:00.000Z' }))).toBe(false);
  });

  it('tries once per slot while running (a stick left out is not retried every minute), and again at the next start', () => {
    const failedAt = { lastScheduledAttemptAt: '2026-11-23T09:30:05.000Z' };
    expect(backupDue(facts('2026-11-23T18:30:00+08:00', failedAt))).toBe(false);
    expect(backupDue(facts('2026-11-24T08:30:00+08:00', { ...failedAt, atStart: true }))).toBe(true);
    // Closed over the weekend: caught up at Monday's start, once.
    expect(backupDue(facts('2026-11-23T08:30:00+08:00', { lastGoodAt: '2026-11-20T09:30:10.000Z', atStart: true }))).toBe(true);
  });

  it('runs in the app: a missed slot is caught up as soon as the schedule first looks', async () => {
    const clock = fixedClock('2026-11-20T10:00:00+08:00');
    const reg = await openRegister(clock);
    const target = tempDir('complaintdesk-backups-');
    try {
      await reg.must('backup.configure', { dir: target.dir, dailyAt: '17:30' });
      clock.set('2026-11-23T08:30:00+08:00');
      const { token } = await reg.must<{ token: string }>('session.login', { username: 'admin', password: 'correct horse' }, null);
      const stop = reg.core.startSchedule();
      await expect.poll(async () => (await reg.must<any>('backup.status', {}, token)).history.length, { timeout: 10_000 }).toBe(1);
      stop();
      const status = await reg.must<any>('backup.status', {}, token);
      expect(status.history[0]).toMatchObject({ kind: 'scheduled', ok: true, by: null });
      expect(status.nextScheduledAt).toBe('2026-11-23T17:30:00+08:00');
      expect(status.settings).toEqual({ dir: target.dir, dailyAt: '17:30' });
    } finally {
      reg.close();
      target.remove();
    }
  });
});

describe('the schedule looking every minute', () => {
  it('leaves the register alone when no backup is due: no upkeep after a write, no mark of the audit head', async () => {
    const source = await openRegister();
    const reg = await copyRegister(source, source.clock, { backgroundDelayMs: 60_000 });
    try {
      // The audit head's mark beside the office key is written within a second of a write's upkeep (start/openState.ts).
      const mark = join(defaultKeyDir(), 'registers', `${createHash('sha256').update(folderId(reg.dir)).digest('hex').slice(0, 32)}.json`);
      await new Promise((r) => setTimeout(r, 1500));
      const before = statSync(mark).mtimeMs;
      const stop = reg.core.startSchedule();
      await new Promise((r) => setTimeout(r, 1500));
      stop();
      expect(statSync(mark).mtimeMs).toBe(before);
    } finally {
      reg.close();
      source.close();
    }
  });
});

describe('the schedule and a close', () => {
  it('does not back up a register closed while its writes were held for the start check', async () => {
    const reg = await openRegister();
    const dir = reg.dir;
    reg.core.close();
    // Opened again with every check in the worker: writes are held, and a close lets them go.
    const core = await createCore({ dataDir: dir, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog, inlineCheckBytes: 0, backgroundDelayMs: 0 });
    expect(core.check.writesHeld).toBe(true);
    const errors = quietLog.errors.length;
    const stop = core.startSchedule();
    await new Promise((r) => setImmediate(r));
    core.close();
    stop();
    await new Promise((r) => setTimeout(r, 100));
    expect(quietLog.errors.slice(errors)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
