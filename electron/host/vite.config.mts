import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// The loopback host as Node files beside the renderer build; packages stay in node_modules.
export default defineConfig({
  // zod goes into the bundle: required from node_modules it is 95 files read and compiled at every
  // start, with every language's messages (the host uses zh-CN's only), ~0.3 s of the start's CPU.
  ssr: { noExternal: ['zod'] },
  build: {
    ssr: true,
    outDir: resolve(here, '../../out/host'),
    emptyOutDir: true,
    target: 'node20',
    // The host, and the restore tool that shares the core's code (`npm run restore`).
    rollupOptions: { input: { index: resolve(here, 'index.ts'), restore: resolve(here, 'restore.ts') }, output: { format: 'cjs', entryFileNames: '[name].js' } },
  },
});
