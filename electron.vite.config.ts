import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Fontsource lists a .woff beside every .woff2 for old browsers; Chromium (Electron's and the
 * office's) reads woff2, so the fallbacks would only add 9 MB of files nobody loads.
 */
const woff2Only = (): Plugin => ({
  name: 'fontsource-woff2-only',
  enforce: 'pre',
  transform(code, id) {
    if (!id.includes('@fontsource/') || !id.endsWith('.css')) return null;
    return code.replace(/,\s*url\([^)]+\.woff\) format\('woff'\)/g, '');
  },
});

// Three bundles: the Electron main process (which carries electron/core), the sandboxed preload,
// and the React renderer. The loopback host is built from the same sources by electron/host/build.mjs.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot require modules: emit one self-contained CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [woff2Only(), react()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
