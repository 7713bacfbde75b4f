import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run bench`: speed as ratios against a baseline measured in the same run, never asserted.
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
