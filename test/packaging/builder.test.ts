import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

// The installer cannot be built here (electron-builder downloads Electron and NSIS), so its
// configuration is held to electron-builder's own schema and to the Electron security checklist.

const ROOT = join(__dirname, '../..');
/** The configuration as electron-builder itself reads it (electron-builder.yml, package.json). */
const load = () => getConfig(ROOT, null, null) as Promise<Record<string, any>>;

describe('electron-builder configuration (electron-builder.yml)', () => {
  it('is what electron-builder itself accepts, and a wrong key is not', async () => {
    const config = await load();
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
    const typo = { ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } };
    await expect(validateConfiguration(typo as never, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object[\s\S]*electronFuses/);
  });

  it('builds a Windows installer (NSIS) and a portable program for x64', async () => {
    const { win, nsis } = await load();
    expect(win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: false });
  });

  it('sets the fuses of the Electron security checklist', async () => {
    expect((await load()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the built app into an asar, with the native addon outside it, and nothing else of the tree', async () => {
    const config = await load();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    const files = config.files[0].filter as string[];
    expect(files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']));
    expect(files.some((f) => /out\/(host|tsc)|^out\/\*\*$|test|electron\//.test(f))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/index.js');
  });

  it('is built by `npm run dist`, documented in the README', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.dist).toMatch(/^npm run build && electron-builder --win nsis portable/);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('npm run dist');
  });
});
