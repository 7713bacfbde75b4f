import { readdirSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { migrations } from '../../electron/core/db/migrations';
import { olderRegister } from '../support/olderRegister';
import { fixedClock, quietLog, tempDir, TEST_NOW } from './harness';

const tmp = tempDir();
afterAll(() => tmp.remove());

const CASES = 4000;

/** setup.status once the upgrade has ended (it answers with `upgrading` until then). */
async function untilUpgraded(core: Awaited<ReturnType<typeof createCore>>) {
  for (;;) {
    const s = await core.call('setup.status', {}, null);
    if (!(s.ok && (s.value as { upgrading?: unknown }).upgrading)) return s.ok ? (s.value as { readOnly: boolean; problem?: { code: string; message: string } }) : null;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('an older register upgraded at start', () => {
  it('answers setup.status at once with how far the upgrade is, holds other calls until it is done, then opens upgraded', async () => {
    await olderRegister(tmp.dir, CASES);
    const core = await createCore({ dataDir: tmp.dir, clock: fixedClock(TEST_NOW), log: quietLog, backgroundDelayMs: 0 });
    try {
      const first = await core.call('setup.status', {}, null);
      expect(first.ok && (first.value as { upgrading?: unknown }).upgrading).toMatchObject({ step: expect.any(String) });

      // A call other than setup.status waits for the upgraded register; meanwhile setup.status keeps answering with progress.
      let answered = false;
      const waiting = core.call('session.login', { username: 'clerk', password: 'wrong password 1' }, null).then((r) => {
        answered = true;
        return r;
      });
      const steps: string[] = [];
      const percents: number[] = [];
      for (;;) {
        const s = await core.call('setup.status', {}, null);
        const up = s.ok ? (s.value as { upgrading?: { step: string; done: number; total: number } }).upgrading : undefined;
        if (!up) break;
        expect(answered).toBe(false);
        steps.push(up.step);
        if (up.total > 0) percents.push(up.done / up.total);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(steps.some((s) => s.startsWith('升级数据文件'))).toBe(true);
      expect(percents.some((p) => p > 0 && p < 1)).toBe(true);
      const login = await waiting;
      expect(login.ok).toBe(false);
      if (!login.ok) expect(login.error.code).toBe('UNAUTHENTICATED');

      await core.checked();
      expect(core.health).toEqual({ readOnly: false, problem: null });
      expect(core.db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(core.db.prepare('SELECT COUNT(*) FROM case_stats').pluck().get()).toBe(CASES);
      const done = await core.call('setup.status', {}, null);
      expect(done.ok && (done.value as { upgrading?: unknown }).upgrading).toBeUndefined();
    } finally {
      core.close();
    }
  });

  it('once upgraded, no longer says the check before the upgrade is running', async () => {
    const dir = tempDir();
    try {
      await olderRegister(dir.dir, 200, { wal: true });
      // The rest of the check waits a minute here, so what the banner says in between is seen.
      const core = await createCore({ dataDir: dir.dir, clock: fixedClock(TEST_NOW), log: quietLog, backgroundDelayMs: 60_000, inlineCheckBytes: 0 });
      try {
        await core.call('session.login', { username: 'clerk', password: 'wrong password 1' }, null);
        const s = await core.call('setup.status', {}, null);
        const check = s.ok ? (s.value as { check: { running: boolean; step: string } }).check : null;
        expect(check).toMatchObject({ running: true, step: '数据文件已检查，稍后核对操作记录' });
      } finally {
        core.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('folds what the upgrade wrote to the WAL before the register opens, and the next start finds the file as it was closed', async () => {
    const dir = tempDir();
    try {
      await olderRegister(dir.dir, CASES, { wal: true });
      const wal = join(dir.dir, 'complaintdesk.sqlite-wal');
      const core = await createCore({ dataDir: dir.dir, clock: fixedClock(TEST_NOW), log: quietLog, backgroundDelayMs: 0 });
      try {
        await untilUpgraded(core);
        // Only what the start itself writes (a few pages): the WAL as the migrations left it holds megabytes.
        expect(statSync(wal).size).toBeLessThan(64 * 1024);
        await core.checked();
        expect(core.health).toEqual({ readOnly: false, problem: null });
        expect((await core.call('session.login', { username: 'clerk', password: 'wrong password 1' }, null)).ok).toBe(false);
      } finally {
        core.close();
      }
      const again = await createCore({ dataDir: dir.dir, clock: fixedClock(TEST_NOW), log: quietLog, backgroundDelayMs: 0 });
      try {
        await again.checked();
        expect(again.health).toEqual({ readOnly: false, problem: null });
        expect(again.db.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(CASES);
      } finally {
        again.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('a disk without room for the upgrade: said before a byte is written, read-only with 磁盘空间不足 (not 已损坏), upgraded once there is room', async () => {
    const dir = tempDir();
    try {
      await olderRegister(dir.dir, 200, { wal: true });
      const file = join(dir.dir, 'complaintdesk.sqlite');
      const version = (): number => {
        const db = new Database(file, { readonly: true });
        try {
          return db.pragma('user_version', { simple: true }) as number;
        } finally {
          db.close();
        }
      };
      const older = version();
      const full = await createCore({ dataDir: dir.dir, clock: fixedClock(TEST_NOW), log: quietLog, backgroundDelayMs: 0, freeBytes: () => 3_000_000 });
      try {
        const status = await untilUpgraded(full);
        expect(status).toMatchObject({ readOnly: true, problem: { code: 'diskFull', message: expect.stringContaining('磁盘空间不足') } });
        expect(full.health.problem?.detail).toMatch(/^升级约需 \d+(\.\d)? MB，磁盘尚余 2\.9 MB$/);
        expect(full.health.problem?.message).toMatch(/^磁盘空间不足（升级约需 \d+(\.\d)? MB，磁盘尚余 2\.9 MB），数据文件未能升级/);
      } finally {
        full.close();
      }
      // Nothing written: no copy begun, the version as it was.
      expect(readdirSync(dir.dir).filter((n) => n.includes('before-migration'))).toEqual([]);
      expect(version()).toBe(older);
      const roomy = await createCore({ dataDir: dir.dir, clock: fixedClock(TEST_NOW), log: quietLog, backgroundDelayMs: 0 });
      try {
        expect(await untilUpgraded(roomy)).toMatchObject({ readOnly: false });
        expect(roomy.db.pragma('user_version', { simple: true })).toBe(migrations.length);
      } finally {
        roomy.close();
      }
    } finally {
      dir.remove();
    }
  });

  it('closed in the middle of an upgrade: rolled back whole, the folder held until then, and upgraded at the next start', async () => {
    const dir = tempDir();
    try {
      await olderRegister(dir.dir, CASES);
      const core = await createCore({ dataDir: dir.dir, clock: fixedClock(TEST_NOW), log: quietLog, backgroundDelayMs: 0 });
      for (;;) {
        const s = await core.call('setup.status', {}, null);
        const up = s.ok ? (s.value as { upgrading?: { done: number; total: number } }).upgrading : undefined;
        if (up && up.total === CASES && up.done > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      core.close();
      // Until the migration has stopped and rolled back, the folder is still this program's.
      await expect(createCore({ dataDir: dir.dir, clock: fixedClock(TEST_NOW), log: quietLog })).rejects.toThrow(/正由另一个/);
      let again: Awaited<ReturnType<typeof createCore>> | null = null;
      for (let i = 0; i < 200 && !again; i++) {
        again = await createCore({ dataDir: dir.dir, clock: fixedClock(TEST_NOW), log: quietLog, backgroundDelayMs: 0 }).catch(() => null);
        if (!again) await new Promise((r) => setTimeout(r, 50));
      }
      expect(again).not.toBeNull();
      const first = await again!.call('setup.status', {}, null);
      // Rolled back: the second start upgrades from version 6 again, from the first case.
      expect(first.ok && (first.value as { upgrading?: unknown }).upgrading).toBeTruthy();
      await again!.checked();
      expect(again!.health.readOnly).toBe(false);
      expect(again!.db.prepare('SELECT COUNT(*) FROM case_stats').pluck().get()).toBe(CASES);
      again!.close();
    } finally {
      dir.remove();
    }
  });
});
