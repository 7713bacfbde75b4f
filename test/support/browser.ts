import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/**
 * Which Chromium the tests drive, so `npm install && npm test` passes on a fresh Linux machine:
 * CHROMIUM_PATH when it names one; else a Chromium or Chrome on PATH (Debian's, as .ci/run
 * installs); else @sparticuz/chromium from the npm registry, with the few libraries it needs
 * (NSS, NSPR, expat) from its own archive. `CHROMIUM_PATH=npm` skips the search.
 */
export interface FoundBrowser {
  executablePath: string;
  /** Extra environment for the browser process (the registry build's libraries and fonts). */
  env?: Record<string, string>;
  source: string;
}

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function onPath(env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) if (executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

let found: Promise<FoundBrowser> | null = null;

async function fromRegistry(): Promise<FoundBrowser> {
  const require = createRequire(__filename);
  const main = require.resolve('@sparticuz/chromium');
  const chromium = require(main) as { executablePath(): Promise<string> };
  const executablePath = await chromium.executablePath();
  // Built for Amazon Linux: NSS, NSPR and expat come in its al2023 archive; a fresh machine may lack them.
  const pkg = join(dirname(main), '../..');
  const { inflate } = require(join(pkg, 'build/cjs/lambdafs.cjs')) as { inflate(file: string): Promise<string> };
  const libs = await inflate(join(pkg, 'bin/al2023.tar.br'));
  const version = (require(join(pkg, 'package.json')) as { version: string }).version;
  return {
    executablePath,
    env: { LD_LIBRARY_PATH: join(libs, 'lib'), FONTCONFIG_PATH: join(tmpdir(), 'fonts') },
    source: `@sparticuz/chromium ${version} from the npm registry (${executablePath})`,
  };
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser> {
  return (found ??= (async () => {
    const named = env.CHROMIUM_PATH;
    if (named && named !== 'npm') {
      if (!executable(named)) throw new Error(`CHROMIUM_PATH=${named} is not an executable file`);
      return { executablePath: named, source: `${named} (CHROMIUM_PATH)` };
    }
    const system = named === 'npm' ? null : onPath(env);
    if (system) return { executablePath: system, source: `${system} (PATH)` };
    return fromRegistry();
  })());
}
