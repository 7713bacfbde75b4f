import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end: the built app served by the real host, driven in Debian's Chromium.
// Run after `npm run build`; one file at a time, since each starts its own host and browser.
export default defineConfig({
  test: {
    // The office key of every register a test opens goes to a folder of the test run, never the user's profile.
    env: { COMPLAINTDESK_KEYS: join(tmpdir(), `complaintdesk-test-keys-${process.pid}`) },
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    // A page answers within a second on an idle PC; the test machine is shared, so wait longer.
    expect: { poll: { timeout: 10_000 } },
  },
});
