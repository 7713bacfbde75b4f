import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit and integration tests run under plain Node against real SQLite files in temp folders.
// End-to-end tests (test/e2e) have their own config: they need the built app and Chromium.
export default defineConfig({
  test: {
    // The office key of every register a test opens goes to a folder of the test run, never the user's profile.
    env: { COMPLAINTDESK_KEYS: join(tmpdir(), `complaintdesk-test-keys-${process.pid}`) },
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    // A register set up in a hook hashes passwords and writes with synchronous=FULL: on a busy
    // two-core machine that takes longer than vitest's 10 s default.
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
