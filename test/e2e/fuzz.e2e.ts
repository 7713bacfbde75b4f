import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../shared/api/errors';
import { payloads, seededRandom, type Hints, type JsonSchema } from '../fuzz/payloads';
import { apiCall, startHost, type RunningHost } from './host';

// Before the fixes of issue [G] this found: a NUL in a search word (500, FTS5), a malformed
// %-encoding in the path (500), and, through the stored-data checks, case number TSNaN-00001.

/**
 * The fuzzer of issue [G]: every operation GET /api lists, thousands of malformed payloads each,
 * generated from its JSON Schema with a fixed seed, sent signed in and signed out to the real host
 * in a sandbox (its own home, temp and working folders). No answer may be a 5xx or anything but the
 * contract's error shape, the host must keep answering, and nothing may appear outside the data folder.
 */
const SEED = 20261123;
// A thousand a side (signed in and out) for each of the ~130 operations: a quarter of a million payloads in about
// eight minutes on the CI machine; FUZZ_PER_OPERATION raises it for a longer run.
const PER_OPERATION = Number(process.env.FUZZ_PER_OPERATION ?? 1000);
const IN_FLIGHT = 16;

let host: RunningHost;
let sandbox: string;
let before: string[];
const accounts = { victim: 'fuzz-victim', fuzzer: 'fuzz-admin', password: 'fuzz-admin-pass-1' };
let token = '';

/**
 * The notice printer's Chromium keeps its own scratch home and profile in TMPDIR while it runs (and
 * removes them); on a machine without Chromium of its own, the npm registry's (@sparticuz/chromium)
 * is unpacked there once, with its libraries, fonts and locales. Chromium's files, not anything a
 * request made the register write.
 */
const PRINT_ENGINE_SCRATCH =
  /^tmp\/(org\.chromium\.Chromium\.|playwright[_-]|complaintdesk-print-|chromium$|fonts(\/|$)|locales(\/|$)|lib(EGL|GLESv2|vk_swiftshader|vulkan)\.so|vk_swiftshader_icd\.json$|swiftshader(\/|$)|al2023(\/|$)|al2(\/|$))/;

/** The office key's folder in the sandbox's home (electron/core/integrity/officeKey.ts), and its files. */
const OFFICE_KEY_FILES = /^home\/\.config(\/ComplaintDesk(\/keys(\/office-keys\.json|\/registers(\/[0-9a-f]{32}\.json)?)?)?)?$/;

/** Every file and folder under `root` except the data folder, as relative paths. */
function listOutsideData(root: string, dataDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      const rel = relative(root, full);
      if (full === dataDir || PRINT_ENGINE_SCRATCH.test(rel)) continue;
      out.push(rel);
      let isDir = false;
      try {
        isDir = statSync(full).isDirectory();
      } catch (error) {
        // Gone between the listing and the look (a scratch file of a running process): nothing to count.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      if (isDir) walk(full);
    }
  };
  walk(root);
  return out.sort();
}

beforeAll(async () => {
  sandbox = mkdtempSync(join(tmpdir(), 'complaintdesk-fuzz-'));
  for (const d of ['data', 'home', 'tmp', 'cwd']) mkdirSync(join(sandbox, d));
  const env = { PATH: process.env.PATH, HOME: join(sandbox, 'home'), TMPDIR: join(sandbox, 'tmp'), XDG_DATA_HOME: join(sandbox, 'home') };
  before = listOutsideData(sandbox, join(sandbox, 'data'));
  host = await startHost(join(sandbox, 'data'), { env, cwd: join(sandbox, 'cwd') });
  await apiCall(host, 'setup.init', { officeName: '模糊测试协会', admin: { username: accounts.victim, displayName: '靶子', password: accounts.password } });
  const victim = await apiCall<{ token: string }>(host, 'session.login', { username: accounts.victim, password: accounts.password });
  await apiCall(host, 'users.create', { username: accounts.fuzzer, displayName: '模糊', password: accounts.password, role: 'admin' }, victim.token);
  await signIn();
  await apiCall(host, 'cases.register', {
    channel: 'visit', complainant: { name: '张三', phone: '13812345678' }, respondent: { name: '某某公司' },
    category: 'G01', subject: '电视机', facts: '屏幕坏了', request: '退货', consentMediation: true,
  }, token);
}, 60_000);
afterAll(async () => {
  await host?.stop();
  rmSync(sandbox, { recursive: true, force: true });
});

async function signIn(): Promise<void> {
  // The fuzzer's own sign-ins may meet the busy refusal of a login flood it is sending itself; on a loaded
  // two-core machine the flood's password work takes a while to drain.
  for (const until = Date.now() + 60_000; Date.now() < until; ) {
    const res = await send('session.login', { username: accounts.fuzzer, password: accounts.password }, false);
    if (res.status === 200) {
      token = (res.body as { value: { token: string } }).value.token;
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the fuzzer could not sign in again');
}

async function send(op: string, body: unknown, signedIn: boolean, raw?: { text: string; type: string }): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(`${host.url}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': raw?.type ?? 'application/json', ...(signedIn ? { Authorization: `Bearer ${token}` } : {}) },
    body: raw?.text ?? JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text };
}

interface Finding { op: string; signedIn: boolean; payload: string; status: number; answer: string }

/** An answer is fine when it is a 2xx/4xx in the contract's shape. */
function problemWith(res: { status: number; body: unknown; text: string }): string | null {
  if (res.status >= 500) return `status ${res.status}`;
  const b = res.body as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | undefined;
  if (!b || typeof b.ok !== 'boolean') return 'not a Result';
  if (b.ok) return res.status === 200 ? null : `ok with status ${res.status}`;
  if (!errorCodes.includes(b.error?.code as never) || typeof b.error?.message !== 'string') return 'unknown error shape';
  return null;
}

const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
};

async function fuzz(op: string, list: unknown[], signedIn: boolean, findings: Finding[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const payload = list[next++];
      const res = await send(op, payload, signedIn);
      const problem = problemWith(res);
      if (problem) findings.push({ op, signedIn, payload: show(payload), status: res.status, answer: `${problem}: ${res.text.slice(0, 200)}` });
      // Logging out, or a password reset of the fuzzer, ends its session: sign in again.
      if (signedIn && res.status === 401) await signIn();
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

describe('the API under malformed input', () => {
  it('answers every generated payload of every operation, signed in and out, without a 5xx, a crash or a stray file', async () => {
    const listing = await (await fetch(`${host.url}/api`)).json() as { value: { operations: { name: string; input: JsonSchema }[] } };
    const operations = listing.value.operations;
    expect(operations.length).toBeGreaterThan(10);
    const catalog = await apiCall<{ channels: { code: string }[]; categories: { code: string }[]; natures: { code: string }[] }>(host, 'catalog.get', {}, token);
    const hints: Hints = {
      channel: catalog.channels[0]!.code,
      category: catalog.categories[0]!.code,
      natures: [catalog.natures[0]!.code],
      phone: '13812345678',
      id: 1,
      userId: 1, // the victim: a reset ends its sessions, never the fuzzer's
    };
    const random = seededRandom(SEED);
    const findings: Finding[] = [];
    let sent = 0;
    for (const { name, input } of operations) {
      const list = payloads(input, hints, PER_OPERATION, random);
      for (const signedIn of [true, false]) {
        const started = Date.now();
        await fuzz(name, list, signedIn, findings);
        sent += list.length;
        if (process.env.FUZZ_VERBOSE) console.log(`${name} ${signedIn ? 'signed in' : 'signed out'}: ${list.length} in ${Date.now() - started} ms`);
      }
      // Still alive and answering after each operation's share.
      expect(host.child.exitCode, `host died while fuzzing ${name}`).toBeNull();
      expect((await fetch(`${host.url}/api`)).status, `after ${name}`).toBe(200);
    }
    expect(sent).toBeGreaterThanOrEqual(operations.length * 2 * PER_OPERATION);
    expect(findings.slice(0, 20)).toEqual([]);

    // What was stored is well formed: every case number has its four-digit year, no receipt
    // predates the register, and the audit chain still verifies.
    const stored: { caseNo: string; receivedAt: string }[] = [];
    for (let page = 1; ; page++) {
      const { rows } = await apiCall<{ rows: { caseNo: string; receivedAt: string }[] }>(host, 'cases.search', { page, pageSize: 200 }, token);
      stored.push(...rows);
      if (rows.length < 200) break;
    }
    expect(stored.length).toBeGreaterThan(1);
    expect(stored.filter((c) => !/^TS\d{4}-\d{5}$/.test(c.caseNo) || c.receivedAt < '2000-01-01')).toEqual([]);
    expect(new Set(stored.map((c) => c.caseNo)).size).toBe(stored.length);
    expect(await apiCall<{ ok: boolean }>(host, 'audit.verify', {}, token)).toMatchObject({ ok: true });

    // Nothing went wrong on the inside either: no fault was logged.
    const logs = join(host.dataDir, 'logs');
    const log = readdirSync(logs).map((f) => readFileSync(join(logs, f), 'utf8')).join('\n');
    expect(log.split('\n').filter((l) => / ERROR /.test(l)).slice(0, 5)).toEqual([]);
    // Outside the data folder only the office key the host made at its first start, where it belongs
    // (the user's profile, never beside the register it seals): one key file and one register's entry.
    const after = listOutsideData(sandbox, join(sandbox, 'data'));
    const officeKey = after.filter((p) => OFFICE_KEY_FILES.test(p));
    expect(officeKey.filter((p) => p.endsWith('.json')).map((p) => p.replace(/[0-9a-f]{32}/, '<register>'))).toEqual([
      'home/.config/ComplaintDesk/keys/office-keys.json',
      'home/.config/ComplaintDesk/keys/registers/<register>.json',
    ]);
    expect(after.filter((p) => !OFFICE_KEY_FILES.test(p))).toEqual(before);
  }, 900_000);

  it('answers malformed requests around the payload: bad JSON, wrong types, odd paths', async () => {
    const bodies = ['', '{', '{"a":', 'null', '[]', '"x"', '1e309', '{"a":1e309}', '[' .repeat(100_000), '{"a":"\\ud800"}', '\u0000', '{"__proto__":{"x":1}}', 'ï»¿{}', '{"text":"abc"}garbage'];
    const findings: string[] = [];
    for (const text of bodies) {
      for (const op of ['cases.search', 'session.login', 'setup.init']) {
        for (const signedIn of [true, false]) {
          const res = await send(op, undefined, signedIn, { text, type: 'application/json' });
          const problem = problemWith(res);
          if (problem) findings.push(`${op} ${show(text)}: ${problem}`);
        }
      }
    }
    for (const path of ['%E0%A4%A', '%00', '..%2f..%2fetc%2fpasswd', 'cases.search%00', '%2e%2e', 'a'.repeat(5000), '__proto__', 'constructor', 'toString', 'cases.search/../session.login']) {
      const res = await send(path, {}, true);
      const problem = problemWith(res);
      if (problem) findings.push(`path ${show(path)}: ${problem}`);
    }
    expect(findings).toEqual([]);
    expect((await fetch(`${host.url}/api`)).status).toBe(200);
  });
});
