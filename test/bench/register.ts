import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core';
import { clockStartingAt } from '../../electron/core/ports';
import { quietLog, tempDir } from '../core/harness';
import { seedRegister } from './seed/seed';

/**
 * A register of `count` cases for the vitest benches (backup): made by `npm run seed`'s generator
 * in a temporary folder, then opened as the app opens it, on a clock starting where the seed's
 * ended, and signed in as the administrator.
 */
export async function generatedRegister(count: number): Promise<{ core: Core; token: string; remove(): void }> {
  const tmp = tempDir('complaintdesk-bench-');
  const dataDir = join(tmp.dir, 'register');
  const m = await seedRegister({ dataDir, cases: count, progress: false });
  const core = await createCore({ dataDir, clock: clockStartingAt(new Date(m.now)), log: quietLog });
  const login = await core.call('session.login', { username: m.users.admin, password: m.password }, null);
  if (!login.ok) throw new Error(`session.login: ${login.error.message}`);
  return {
    core,
    token: (login.value as { token: string }).token,
    remove() {
      core.close();
      tmp.remove();
    },
  };
}
