import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// The loopback host as one Node file beside the renderer build; packages stay in node_modules.
export default defineConfig({
  build: {
    ssr: resolve(here, 'index.ts'),
    outDir: resolve(here, '../../out/host'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'index.js' } },
  },
});
