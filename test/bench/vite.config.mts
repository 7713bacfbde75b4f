import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// `npm run seed` and `npm run bench`: the generator and the bench runner as Node files in out/bench,
// built like the host (electron/host/vite.config.mts), packages left in node_modules.
export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(here, '../../out/bench'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { input: { seed: resolve(here, 'seed/main.ts'), bench: resolve(here, 'run/main.ts') }, output: { format: 'cjs', entryFileNames: '[name].js' } },
  },
});
