import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = join(__dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

export interface RunningHost {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the built host (`out/host/index.js`) the way `npm run web` does, on a free port. */
export async function startHost(dataDir?: string): Promise<RunningHost> {
  const hostFile = join(ROOT, 'out/host/index.js');
  if (!existsSync(hostFile)) throw new Error('out/host/index.js is missing: run `npm run build` first');
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'complaintdesk-e2e-'));
  const child = spawn(process.execPath, [hostFile, '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /ComplaintDesk listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
  });
  return {
    url,
    dataDir: dir,
    child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

export function removeData(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Debian's Chromium, with the flags this offline machine needs (no background network). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // From the top, so the fixed app bar is drawn where the clerk sees it, not where the page was scrolled.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Calls an operation over HTTP as an outside script would; throws on an error answer. */
export async function apiCall<T>(host: RunningHost, op: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${host.url}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; value: T; error?: unknown };
  if (!json.ok) throw new Error(`${op}: ${JSON.stringify(json.error)}`);
  return json.value;
}

/** Ends a test file's browser and host and removes its data folder, whatever was started. */
export async function tearDown(host: RunningHost | undefined, browser?: Browser): Promise<void> {
  await browser?.close();
  await host?.stop();
  if (host) removeData(host.dataDir);
}

/** The HTTP status of a sign-in attempt, as a script would see it. */
export async function loginStatus(host: RunningHost, username: string, password: string): Promise<number> {
  const res = await fetch(`${host.url}/api/session.login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}
