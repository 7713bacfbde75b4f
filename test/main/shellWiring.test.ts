import { execSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { FolderLockedError } from '../../electron/core/integrity/folderLock';
import { sealFile } from '../../electron/core/integrity/seal';
import { databaseFile } from '../../electron/core/paths';
import { FILE_SCHEME, IPC_CHANNEL, IPC_UPLOAD_CHANNEL } from '../../shared/api/operationNames';
import { quietLog, tempDir } from '../core/harness';

/**
 * A test of the desktop shell's wiring, not of Electron: the built main bundle (out/main/index.js)
 * runs under plain Node with a recording stand-in for the `electron` module (fakeElectron.cjs).
 * It must start, take the single-instance lock and the data folder's lock, open the register
 * through the real core (its office key kept through safeStorage), register the app and file
 * schemes, answer an IPC call from the window it made and refuse one from any other page, take an
 * upload from a path and serve a Range read of it through its protocol handler, and on quit close
 * the register cleanly (the seal written).
 */
const root = resolve(__dirname, '../..');
const bundle = join(root, 'out/main/index.js');
const place = tempDir('complaintdesk-shell-');
const dataDir = join(place.dir, 'data');
const keyDir = join(place.dir, 'keys');
let child: ChildProcess;
let window: { url: string; webContentsId: number; options: { sandbox: boolean; contextIsolation: boolean } };
let quit: Promise<void>;
let exited: Promise<number | null>;
/** What the shell wrote to stderr (its log lines): read as it comes, so a full pipe never stalls it, and shown when a step fails. */
let shellErr = '';
const shellSaid = () => `\n--- the shell's stderr ---\n${shellErr.slice(-4000)}`;
/**
 * Each step waits on the shell's answer, however long a loaded machine takes: the whole file once ran 16 s with
 * four copies beside each other (2 s alone), so a step gets far more than vitest's 20 s default.
 */
const STEP_MS = 120_000;
let nextId = 1;
const replies = new Map<number, (m: { out?: unknown; error?: string }) => void>();

function ask<T>(message: Record<string, unknown>): Promise<T> {
  const id = nextId++;
  return new Promise((resolvePromise, reject) => {
    replies.set(id, (m) => (m.error ? reject(new Error(m.error)) : resolvePromise(m.out as T)));
    child.send({ ...message, id });
  });
}
const invoke = <T>(channel: string, args: unknown[], url?: string) => ask<T>({ type: 'invoke', channel, args, url });

beforeAll(async () => {
  if (!existsSync(bundle)) execSync('npx electron-vite build', { cwd: root, stdio: 'ignore', timeout: 300_000 });
  child = fork(bundle, [], {
    execArgv: ['--require', join(__dirname, 'fakeElectron.cjs')],
    env: { ...process.env, COMPLAINTDESK_DATA: dataDir, COMPLAINTDESK_KEYS: keyDir, ELECTRON_RENDERER_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (shellErr += d));
  exited = new Promise((r) => child.once('exit', (code) => r(code)));
  let quitSeen!: () => void;
  quit = new Promise((r) => (quitSeen = r));
  window = await new Promise((resolveWindow, reject) => {
    child.on('message', (m: { type: string; id?: number } & Record<string, unknown>) => {
      if (m.type === 'window') resolveWindow(m as unknown as typeof window);
      else if (m.type === 'errorBox') reject(new Error(`the shell showed an error: ${String(m.message)}${shellSaid()}`));
      else if (m.type === 'quit') quitSeen();
      else if (m.type === 'reply') replies.get(m.id!)?.(m as { out?: unknown; error?: string });
    });
    child.once('exit', (code) => reject(new Error(`the shell exited (${code}) before opening its window${shellSaid()}`)));
  });
}, 300_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  place.remove();
});

describe('the desktop shell’s wiring (built main bundle, stand-in electron module)', () => {
  it('starts: single-instance lock, sandbox, both schemes, the IPC channels, a hardened window on the app scheme', async () => {
    const r = await ask<{ singleInstanceLock: boolean; sandbox: boolean; schemes: string[]; protocols: string[]; ipc: string[]; encrypted: number }>({ type: 'record' });
    expect(r.singleInstanceLock).toBe(true);
    expect(r.sandbox).toBe(true);
    expect(r.schemes.sort()).toEqual(['app', FILE_SCHEME].sort());
    expect(r.protocols.sort()).toEqual(['app', FILE_SCHEME].sort());
    expect(r.ipc).toEqual(expect.arrayContaining([IPC_CHANNEL, IPC_UPLOAD_CHANNEL]));
    expect(window.url).toBe('app://complaintdesk/index.html');
    expect(window.options).toEqual({ sandbox: true, contextIsolation: true });
    // The office key was made and kept through safeStorage, outside the data folder.
    expect(r.encrypted).toBe(1);
    expect(JSON.parse(readFileSync(join(keyDir, 'office-keys.json'), 'utf8')).protection).toBe('safeStorage');
  }, STEP_MS);

  it('holds the data folder: a second program on it is refused, naming the desktop app', async () => {
    const lock = JSON.parse(readFileSync(join(dataDir, 'complaintdesk.lock.json'), 'utf8'));
    expect(lock).toMatchObject({ program: 'desktop', pid: child.pid });
    const second = await createCore({ dataDir, log: quietLog, keyDir }).then(() => null, (e: unknown) => e);
    expect(second).toBeInstanceOf(FolderLockedError);
    expect((second as Error).message).toMatch(/桌面版/);
  }, STEP_MS);

  it('answers the window it made through the real core, and refuses any other sender', async () => {
    const init = await invoke<{ ok: boolean }>(IPC_CHANNEL, ['setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '王管理', password: 'correct horse' } }]);
    expect(init, JSON.stringify(init)).toMatchObject({ ok: true });
    const login = await invoke<{ ok: boolean }>(IPC_CHANNEL, ['session.login', { username: 'admin', password: 'correct horse' }]);
    expect(login.ok).toBe(true);
    const me = await invoke<{ ok: boolean; value: { user: { username: string } } }>(IPC_CHANNEL, ['session.me', {}]);
    expect(me).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
    const stranger = await invoke<{ ok: boolean; error: { code: string } }>(IPC_CHANNEL, ['session.me', {}], 'https://evil.example/index.html');
    expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }, STEP_MS);

  it('takes an upload from a path and serves a Range read of it through the file scheme', async () => {
    const reg = await invoke<{ ok: boolean; value: { id: number } }>(IPC_CHANNEL, [
      'cases.register',
      { channel: 'visit', complainant: { name: '张三', phone: '13812345678' }, respondent: { name: '杭州某某电器有限公司' }, category: 'G01', natures: ['quality'], subject: '电视机', facts: '屏幕出现竖线。', request: '退货', consentMediation: true },
    ]);
    expect(reg.ok).toBe(true);
    const file = join(place.dir, '聊天记录.txt');
    writeFileSync(file, '商家承诺七天内退款，至今未退。\n'.repeat(50));
    const up = await invoke<{ ok: boolean; value: { id: number } }>(IPC_UPLOAD_CHANNEL, [{ uploadId: 'u1', name: 'evidence.import', input: { caseId: reg.value.id, name: '聊天记录.txt', kind: 'document' }, path: file }]);
    expect(up, JSON.stringify(up)).toMatchObject({ ok: true });
    const range = await ask<{ status: number; headers: Record<string, string>; body: string }>({ type: 'fetch', scheme: FILE_SCHEME, url: `${FILE_SCHEME}://app/files/evidence/${up.value.id}`, headers: { range: 'bytes=3-11' } });
    expect(range.status).toBe(206);
    expect(range.headers['content-range']).toBe(`bytes 3-11/${readFileSync(file).length}`);
    expect(Buffer.from(range.body, 'base64').equals(readFileSync(file).subarray(3, 12))).toBe(true);
    const page = await ask<{ status: number }>({ type: 'fetch', scheme: 'app', url: 'app://complaintdesk/../../etc/passwd' });
    expect(page.status).toBe(404);
  }, STEP_MS);

  it('on quit closes the register cleanly: sealed, the folder released', async () => {
    child.send({ type: 'closeAll' });
    await quit;
    expect(await exited, shellSaid()).toBe(0);
    // What the close left (a -wal beside the file would say a reader was still open), shown if a step below fails.
    const left = () => `\nin the data folder: ${readdirSync(dataDir).join(', ')}${shellSaid()}`;
    const seal = JSON.parse(readFileSync(sealFile(databaseFile(dataDir)), 'utf8'));
    expect(seal, left()).toMatchObject({ format: 'complaintdesk-seal', version: 2 });
    expect(existsSync(join(dataDir, 'complaintdesk.lock.json')), left()).toBe(false);
    const said: string[] = [];
    const log = { info: (m: string) => said.push(m), warn: (m: string) => said.push(m), error: (m: string, e?: unknown) => said.push(`${m}: ${e instanceof Error ? e.stack : String(e ?? '')}`) };
    const next = await createCore({ dataDir, log, keyDir }).then(
      (c) => c,
      (e: unknown) => e,
    );
    const why = `${next instanceof Error ? next.stack : ''}\nthe reopening said: ${said.join('\n')}${left()}`;
    // The key was kept through safeStorage, which this process does not have: it says so rather than reading it.
    // Its health alone: a whole core's getters (services of a read-only register throw) would hide the difference.
    expect(next, why).toHaveProperty('health');
    expect((next as { health: unknown }).health, why).toMatchObject({ readOnly: true, problem: { code: 'keyUnavailable' } });
    (next as { close(): void }).close();
  }, STEP_MS);
});
