import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { tempDir } from '../core/harness';

// Static checks of the Electron shell and preload (electron/SECURITY-CHECKLIST.md): Doyensec's
// electronegativity, installed from the registry and run offline, and a scan of our own for what
// it does not look at. Every finding is fixed or justified in the checklist file.

const ROOT = join(__dirname, '../..');
const CHECKLIST = readFileSync(join(ROOT, 'electron/SECURITY-CHECKLIST.md'), 'utf8');
const SHELL_DIRS = ['electron/main', 'electron/preload'];

/** The justified findings: table rows `| CHECK_ID | file | why |` of the checklist. */
const justified = new Set(
  [...CHECKLIST.matchAll(/^\| `([A-Z_]+_CHECK)` \| `([^`]+)` \| [^|]+\|$/gm)].map((m) => `${m[1]} ${m[2]}`),
);

/** Runs electronegativity's command line on `input`; returns `CHECK_ID file` per finding. */
function electronegativity(input: string): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  // SARIF, not CSV: its CSV is written as a header and the rows by two writeFile calls not awaited,
  // the header's truncating the file, so now and then the header overwrote the first finding (one
  // missing from the report: all three runs of one CI, one run in a dozen here). SARIF is one write.
  const out = join(input, '..', 'findings.sarif');
  const cli = join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js');
  // The release-notes check fetches from GitHub; the Electron version is given, not looked up.
  const run = spawnSync(process.execPath, [cli, '-i', input, '-o', out, '-r', '-e', pkg.devDependencies.electron, '-x', 'AvailableSecurityFixesGlobalCheck'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
  expect(existsSync(out), 'the scanner wrote no report').toBe(true);
  const report = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  return report.runs[0]!.results.map((r) => `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}`);
}

describe('electronegativity over the Electron shell and preload', () => {
  const tmp = tempDir('complaintdesk-scan-');
  afterAll(() => tmp.remove());
  let findings: string[] = [];
  beforeAll(() => {
    const app = join(tmp.dir, 'app');
    for (const dir of SHELL_DIRS) cpSync(join(ROOT, dir), join(app, dir.split('/')[1]!), { recursive: true });
    // A window as the checklist forbids it, beside ours: the scan must find it, or it proves nothing.
    mkdirSync(join(app, 'planted'));
    writeFileSync(
      join(app, 'planted', 'bad.ts'),
      "import { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    findings = electronegativity(app);
  }, 90_000);

  it('finds the planted insecure window', () => {
    expect(findings).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK planted/bad.ts', 'SANDBOX_JS_CHECK planted/bad.ts']));
  });

  it('finds nothing in ours that the checklist does not justify, and the checklist justifies nothing it no longer finds', () => {
    const ours = findings.filter((f) => !f.includes('planted/')).sort();
    expect(ours.filter((f) => !justified.has(f))).toEqual([]);
    expect([...justified].filter((j) => !ours.includes(j))).toEqual([]);
  });
});

/** Google's CSP Evaluator, as electronegativity bundles it (no types of its own). */
interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; description: string }[] };
  Version: { CSP3: unknown };
  severities: Record<'HIGH' | 'SYNTAX' | 'MEDIUM' | 'HIGH_MAYBE' | 'STRICT_CSP' | 'MEDIUM_MAYBE' | 'INFO', number>;
}
const cspEvaluator = createRequire(import.meta.url)('@doyensec/csp-evaluator') as CspEvaluatorModule;

/** What the evaluator finds in a policy, worse than informational: `severity directive`. */
function cspFindings(policy: string): string[] {
  const named = Object.fromEntries(Object.entries(cspEvaluator.severities).map(([name, value]) => [value, name]));
  const parsed = new cspEvaluator.CspParser(policy);
  return new cspEvaluator.CspEvaluator(parsed.csp, cspEvaluator.Version.CSP3)
    .evaluate()
    .filter((f) => f.severity < cspEvaluator.severities.INFO)
    .map((f) => `${named[f.severity]} ${f.directive}`)
    .sort();
}

describe('the page’s Content Security Policy, as the scanner’s evaluator judges it', () => {
  it('has nothing high, medium or malformed; only the evaluator’s caution about \'self\' scripts (checklist)', () => {
    expect(cspFindings(CONTENT_SECURITY_POLICY)).toEqual(['MEDIUM_MAYBE script-src']);
  });

  it('would find a weak one', () => {
    expect(cspFindings("default-src 'self'; script-src 'self' 'unsafe-inline' https:")).toEqual([
      'HIGH script-src',
      'HIGH script-src',
      'HIGH_MAYBE object-src',
      'MEDIUM_MAYBE script-src',
    ]);
    expect(() => cspFindings(undefined as unknown as string)).toThrow();
  });
});

/** What no line of the shell or preload may say; electronegativity cannot follow windowOptions() etc. */
const FORBIDDEN: [RegExp, string][] = [
  [/nodeIntegration\w*\s*:\s*true/, 'Node in the page (checklist 2)'],
  [/contextIsolation\s*:\s*false/, 'no context isolation (3)'],
  [/sandbox\s*:\s*false|no-sandbox/, 'no sandbox (4)'],
  [/webSecurity\s*:\s*false|disable-web-security/, 'web security off (6)'],
  [/allowRunningInsecureContent\s*:\s*true/, 'insecure content (8)'],
  [/experimentalFeatures\s*:\s*true/, 'experimental features (9)'],
  [/enableBlinkFeatures/, 'Blink features (10)'],
  [/allowpopups|webviewTag\s*:\s*true/, '<webview> (11, 12)'],
  [/openExternal|openPath\(/, 'shell.openExternal / openPath (15)'],
  [/exposeInMainWorld\([^,]+,\s*ipcRenderer\s*\)|@electron\/remote|\.remote\b/, 'Electron APIs given to the page (20)'],
  [/loadURL\(\s*['"`]https?:/, 'remote content (1)'],
  [/ELECTRON_RUN_AS_NODE|inspect-brk|--inspect/, 'Node run or inspected (19)'],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|js|cjs|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function scan(text: string): string[] {
  return FORBIDDEN.filter(([re]) => re.test(text)).map(([, what]) => what);
}

describe('our own scan of the shell and preload', () => {
  it('finds none of the checklist’s forbidden settings or calls', () => {
    const hits = SHELL_DIRS.flatMap((d) => sources(join(ROOT, d))).flatMap((file) =>
      scan(readFileSync(file, 'utf8')).map((what) => `${file.slice(ROOT.length + 1)}: ${what}`),
    );
    expect(hits).toEqual([]);
  });

  it('would find each of them', () => {
    const planted = [
      'webPreferences: { nodeIntegration: true }',
      'contextIsolation: false',
      'sandbox: false',
      'webSecurity: false',
      'allowRunningInsecureContent: true',
      'experimentalFeatures: true',
      "enableBlinkFeatures: 'x'",
      'webviewTag: true',
      'shell.openExternal(url)',
      "contextBridge.exposeInMainWorld('ipc', ipcRenderer)",
      "win.loadURL('https://example.com')",
      "app.commandLine.appendSwitch('inspect-brk')",
    ];
    for (const line of planted) expect(scan(line), line).toHaveLength(1);
  });
});
