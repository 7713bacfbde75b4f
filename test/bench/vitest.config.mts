import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// `npm run bench`: speed as ratios against a baseline measured in the same run, never asserted.
export default defineConfig({
  test: {
    // The office key of every register a test opens goes to a folder of the test run, never the user's profile.
    env: { COMPLAINTDESK_KEYS: join(tmpdir(), `complaintdesk-test-keys-${process.pid}`) },
    root: fileURLToPath(new URL('../..', import.meta.url)),
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
