import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The loopback host as one Node file beside the renderer build; packages stay in node_modules.
export default defineConfig({
  build: {
    ssr: resolve(__dirname, 'index.ts'),
    outDir: resolve(__dirname, '../../out/host'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'index.js' } },
  },
});
