import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core';
import type { Logger } from '../../electron/core/ports';
import { clockStartingAt } from '../../electron/core/ports';
import { tempDir } from '../core/harness';
import { seedRegister } from './seed/seed';

/**
 * A register for the bench of a background job (the repeat recount, the search re-index): a copy of
 * the seeded folder in `${prefix}_DATA` (never written; its office key folder in `${prefix}_KEYS`),
 * or `${prefix}_CASES` cases (default 2,000) seeded into a temporary folder. Opened with the
 * background part of the start held back (the bench starts each job itself and times it), upgraded
 * and taking writes, signed in as its administrator; `lines` holds what the core logs.
 */
export async function openBenchRegister(prefix: string, folderPrefix: string) {
  const place = tempDir(folderPrefix);
  const dataDir = join(place.dir, 'data');
  const keyDir = join(place.dir, 'keys');
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m, e) => lines.push(`${m} ${String(e)}`) };
  const from = process.env[`${prefix}_DATA`];
  let now: string;
  let password: string;
  let username: string;
  // The office key that sealed the register: the copied folder, else where the seed made it (COMPLAINTDESK_KEYS).
  const keys = from ? process.env[`${prefix}_KEYS`] : undefined;
  if (from) {
    cpSync(from, dataDir, { recursive: true });
    if (keys) cpSync(keys, keyDir, { recursive: true });
    const seed = existsSync(join(from, 'seed.json')) ? (JSON.parse(readFileSync(join(from, 'seed.json'), 'utf8')) as { now: string; password: string; users: { admin: string } }) : null;
    now = seed?.now ?? new Date().toISOString();
    password = seed?.password ?? '';
    username = seed?.users.admin ?? 'admin';
  } else {
    const m = await seedRegister({ dataDir, cases: Number(process.env[`${prefix}_CASES`] ?? 2000), progress: false });
    now = m.now;
    password = m.password;
    username = m.users.admin;
  }
  const core: Core = await createCore({ dataDir, keyDir: keys ? keyDir : undefined, clock: clockStartingAt(new Date(now)), log, backgroundDelayMs: 3_600_000 });
  // Upgraded (an older seeded register is migrated first) and taking writes; the checks that do not guard writing wait.
  for (;;) {
    const status = await core.call('setup.status', {}, null);
    if (status.ok && !(status.value as { upgrading?: unknown }).upgrading && !core.check.writesHeld) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (core.health.readOnly) throw new Error(`the register opened read-only: ${lines.join('; ')}`);
  const login = await core.call('session.login', { username, password }, null);
  const token = login.ok ? (login.value as { token: string }).token : '';

  return {
    core,
    token,
    lines,
    source: from ?? 'seeded',
    /** The worst wait of a page's call (`call`, every 20 ms) while `work` runs, and how many were made. */
    async callsDuring(call: () => Promise<unknown>, work: () => Promise<void>): Promise<{ calls: number; worst: number }> {
      let worst = 0;
      let calls = 0;
      let pinging = true;
      const pinger = (async () => {
        while (pinging) {
          const t = performance.now();
          await call();
          worst = Math.max(worst, performance.now() - t);
          calls++;
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      await work();
      pinging = false;
      await pinger;
      return { calls, worst };
    },
    close(): void {
      core.close();
      place.remove();
    },
  };
}
export type BenchRegister = Awaited<ReturnType<typeof openBenchRegister>>;
