import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const ROOT = join(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** Lints source text as if it stood at `path`, and returns the layer-rule messages. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules of DESIGN.md are lint errors', () => {
  it.each([
    ['electron/core/services/x.ts', "import { app } from 'electron';\nvoid app;\n"],
    ['electron/core/services/x.ts', "import { bindIpc } from '../../main/bindIpc';\nvoid bindIpc;\n"],
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n"],
    ['shared/domain/x.ts', "import { createCore } from '../../electron/core';\nvoid createCore;\n"],
    ['renderer/src/x.ts', "import { createCore } from '../../electron/core';\nvoid createCore;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n"],
    ['electron/host/x.ts', "import { bindIpc } from '../main/bindIpc';\nvoid bindIpc;\n"],
    ['electron/preload/x.ts', "import { createCore } from '../core';\nvoid createCore;\n"],
  ])('%s may not import that', async (path, code) => {
    expect(await layerErrors(path, code)).toHaveLength(1);
  });

  it.each([
    ['electron/core/services/x.ts', "import { contract } from '../../../shared/api/contract';\nvoid contract;\n"],
    ['electron/main/x.ts', "import { createCore } from '../core';\nvoid createCore;\n"],
    ['renderer/src/x.ts', "import { contract } from '../../shared/api/contract';\nvoid contract;\n"],
  ])('%s may import the layer below', async (path, code) => {
    expect(await layerErrors(path, code)).toEqual([]);
  });
});

describe('one security policy for every way the page is served', () => {
  it('renderer/index.html carries the same CSP as the host and the Electron window', () => {
    const html = readFileSync(join(ROOT, 'renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});
