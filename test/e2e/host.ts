import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../support/browser';
import { HOST_NODE_FLAGS } from '../../electron/host/nodeFlags';

const ROOT = join(__dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

/**
 * The instant every e2e host and browser starts at (the host's --now, Playwright's clock), so no
 * test depends on the day it runs: a Monday in late 2026, on the shipped holiday calendar.
 */
export const E2E_NOW = '2026-11-23T09:00:00+08:00';

/** The office date of an instant, YYYY-MM-DD, in the seeded office zone. */
export const officeDate = (instant: string | number | Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(instant));

/**
 * The number the office gives its n-th case received in the year of `now` (the seeded prefix TS,
 * five digits), so no test expects the year it happens to run in.
 */
export const caseNoOf = (n: number, now: string = E2E_NOW) => `TS${officeDate(now).slice(0, 4)}-${String(n).padStart(5, '0')}`;

export interface RunningHost {
  url: string;
  /** The instant the host's clock started at (its --now). */
  now: string;
  /** Date.now() when the host was started, to follow its running clock. */
  startedAt: number;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The host's clock now: its --now plus the real time since it started. */
export const hostNow = (host: RunningHost) => new Date(Date.parse(host.now) + Date.now() - host.startedAt);

export interface HostOptions {
  /** The instant the host's clock starts at (its --now). */
  now?: string;
  /** 0 (default): a free port; a number: that port, e.g. to restart a killed host where the page expects it. */
  port?: number;
  /** The host process's environment and working folder (default: this process's). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Starts the built host (`out/host/index.js`) the way `npm run web` does, on a free port, its clock at `now`. */
export async function startHost(dataDir?: string, { now = E2E_NOW, port = 0, env, cwd }: HostOptions = {}): Promise<RunningHost> {
  const hostFile = join(ROOT, 'out/host/index.js');
  if (!existsSync(hostFile)) throw new Error('out/host/index.js is missing: run `npm run build` first');
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'complaintdesk-e2e-'));
  const startedAt = Date.now();
  const child = spawn(process.execPath, [...HOST_NODE_FLAGS, hostFile, '--data', dir, '--port', String(port), '--now', now], { stdio: ['ignore', 'pipe', 'pipe'], env, cwd });
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
    now,
    startedAt,
    dataDir: dir,
    child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        // A process already ended by a signal has no exit code but a signal code.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

export function removeData(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A Chromium (test/support/browser.ts: CHROMIUM_PATH, one on PATH, or the npm registry's), with the
 * flags this offline machine needs (no background network).
 */
export async function launchBrowser(): Promise<Browser> {
  const found = await findChromium();
  if (!announced) console.info(`e2e browser: ${found.source}`);
  announced = true;
  return chromium.launch({
    executablePath: found.executablePath,
    ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}
let announced = false;

/** A page as at the office PC: Chinese locale, the office's zone, its clock running from `now`. */
export async function newPage(browser: Browser, { now = E2E_NOW }: { now?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.clock.install({ time: new Date(now) });
  return page;
}

/** The whole page; `{ fullPage: false }` for what the window shows, e.g. a dialog over its backdrop. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // From the top, so the fixed app bar is drawn where the clerk sees it, not where the page was scrolled.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled' });
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

export interface TypedComplaint {
  name: string;
  phone: string;
  respondent: string;
  subject: string;
  facts: string;
  request: string;
  /** A category's name, picked from the suggestions. */
  category: string;
}

/** Types the register form's required fields as a clerk would (投诉渠道 keeps its default). */
export async function fillComplaint(page: Page, c: TypedComplaint): Promise<void> {
  await page.getByLabel('投诉人姓名').fill(c.name);
  await page.getByLabel('联系电话').fill(c.phone);
  await page.getByLabel('被投诉方名称').fill(c.respondent);
  await page.getByLabel('商品或服务名称').fill(c.subject);
  await page.getByLabel('投诉事实').fill(c.facts);
  await page.getByLabel('投诉请求').fill(c.request);
  await page.getByLabel('投诉类别').fill(c.category);
  await page.getByRole('option', { name: c.category }).click();
}

/** Signs in through the login screen and opens 登记投诉, ready to type. */
export async function openRegisterForm(page: Page, host: RunningHost, username: string, password: string): Promise<void> {
  await page.goto(host.url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '登记投诉' }).first().click();
  await page.getByLabel('投诉人姓名').waitFor();
}
