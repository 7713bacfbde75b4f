import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyBackup } from '../../electron/core/backup/verify';
import { verifyAuditChain } from '../../electron/core/integrity/auditChain';
import { openKeyring } from '../../electron/core/integrity/officeKey';
import { HOST_NODE_FLAGS } from '../../electron/host/nodeFlags';
import { seeded } from '../support/random';
import { apiCall, startHost, type RunningHost } from './host';

/**
 * kill -9 of the real host (and of the restore tool) at seeded random points: nothing acknowledged
 * is lost, the file stays whole, the chain verifies, no number twice; a backup or a restore cut off
 * leaves no half copy under a final name and the data untouched or fully restored.
 */
const ROOT = join(__dirname, '../..');
const PASSWORD = 'admin-pass-1';
const made: string[] = [];
let host: RunningHost | undefined;
afterAll(async () => {
  await host?.stop('SIGKILL');
  made.forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const folder = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const complaint = (i: number) => ({
  channel: 'phone',
  complainant: { name: `投诉人${i}`, phone: `1390000${String(i % 10000).padStart(4, '0')}` },
  respondent: { name: '杭州某某电器有限公司' },
  category: 'G01',
  natures: ['quality'],
  subject: `电视机${i}`,
  facts: `第${i}件：屏幕出现竖线`,
  request: '退货',
  consentMediation: true,
});

async function newOffice(dir: string): Promise<void> {
  host = await startHost(dir);
  await apiCall(host, 'setup.init', { officeName: '测试协会', admin: { username: 'admin', displayName: '管理员', password: PASSWORD } });
}
const login = async (h: RunningHost) => (await apiCall<{ token: string }>(h, 'session.login', { username: 'admin', password: PASSWORD })).token;

function checkFile(dir: string): { integrity: unknown; chain: ReturnType<typeof verifyAuditChain> } {
  const db = new Database(join(dir, 'complaintdesk.sqlite'), { readonly: true });
  try {
    return { integrity: db.pragma('integrity_check', { simple: true }), chain: verifyAuditChain(db) };
  } finally {
    db.close();
  }
}

describe('kill -9 while cases are registered and worked on', () => {
  it('keeps every acknowledged change over many rounds; the file stays whole, the chain verifies, no number twice', async () => {
    const dir = folder('complaintdesk-kill-');
    await newOffice(dir);
    await host!.stop('SIGTERM');
    const rand = seeded(42);
    const registered = new Map<number, string>();
    const versions = new Map<number, number>();
    let serial = 0;
    const ROUNDS = 12;
    for (let round = 0; round < ROUNDS; round++) {
      host = await startHost(dir);
      const running = host;
      expect((await apiCall<{ readOnly: boolean }>(running, 'setup.status', {})).readOnly).toBe(false);
      const token = await login(running);
      let alive = true;
      // What this round has had acknowledged: the kill waits for it, not for a span of wall-clock time, which on a
      // loaded machine could pass before the first answer (once 4 registrations in 12 rounds).
      let roundRegistrations = 0;
      let roundSteps = 0;
      const worker = async () => {
        while (alive) {
          try {
            const known = [...registered.keys()];
            if (known.length === 0 || rand() < 0.45) {
              const out = await apiCall<{ id: number; caseNo: string }>(running, 'cases.register', complaint(serial++), token);
              registered.set(out.id, out.caseNo);
              versions.set(out.id, Math.max(versions.get(out.id) ?? 0, 1));
              roundRegistrations++;
            } else {
              const id = known[Math.floor(rand() * known.length)]!;
              const c = await apiCall<{ version: number; status: string }>(running, 'cases.get', { id }, token);
              const action = c.status === 'registered' ? { action: 'accept' } : { action: 'recordContact', with: 'complainant', how: 'phone', summary: `第${round}轮电话联系` };
              const out = await apiCall<{ version: number }>(running, 'cases.act', { id, version: c.version, ...action }, token);
              versions.set(id, Math.max(versions.get(id) ?? 0, out.version));
              roundSteps++;
            }
          } catch (error) {
            // A refused step (someone else moved the case first) is fine; a dead host ends the worker.
            if (!/CONFLICT|INVALID_TRANSITION/.test(String(error))) return;
          }
        }
      };
      const workers = [worker(), worker(), worker()];
      // A seeded number of acknowledged changes (a registration and, once there are cases, a step among them), then a
      // seeded pause: the three workers always have requests in flight, so the kill lands between commit and answer
      // as often as the random pause allows, however slowly the machine answers.
      const target = 2 + Math.floor(rand() * 4);
      const pause = Math.floor(rand() * 250);
      const enough = () => roundRegistrations >= 1 && (round === 0 || roundSteps >= 1) && roundRegistrations + roundSteps >= target;
      for (const since = Date.now(); !enough(); await sleep(5)) {
        // Generous: only a host that stopped answering altogether takes this long.
        if (Date.now() - since > 90_000) throw new Error(`round ${round}: ${roundRegistrations} registrations and ${roundSteps} steps in 90 s\n${running.output().slice(-2000)}`);
      }
      await sleep(pause);
      alive = false;
      expect(await running.stop('SIGKILL')).toBeNull();
      await Promise.all(workers);
      const { integrity, chain } = checkFile(dir);
      expect(integrity, `round ${round}`).toBe('ok');
      expect(chain.ok, `round ${round}`).toBe(true);
    }

    host = await startHost(dir);
    expect((await apiCall<{ readOnly: boolean }>(host, 'setup.status', {})).readOnly).toBe(false);
    const token = await login(host);
    // Round 0's first answers are all registrations (there is nothing to act on yet), and every round has one.
    expect(registered.size).toBeGreaterThan(ROUNDS);
    for (const [id, caseNo] of registered) {
      const c = await apiCall<{ caseNo: string; version: number }>(host, 'cases.get', { id }, token);
      expect(c.caseNo).toBe(caseNo);
      expect(c.version, caseNo).toBeGreaterThanOrEqual(versions.get(id)!);
    }
    await host.stop('SIGTERM');
    // Every number once, with no gaps: the counter moved only with the cases that were stored.
    const db = new Database(join(dir, 'complaintdesk.sqlite'), { readonly: true });
    const numbers = (db.prepare('SELECT case_no FROM cases').pluck().all() as string[]).map((n) => Number(n.slice(-5))).sort((a, b) => a - b);
    db.close();
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    console.info(`${ROUNDS} kills: ${registered.size} registrations and ${[...versions.values()].reduce((a, b) => a + b - 1, 0)} steps acknowledged, all kept; ${numbers.length} stored`);
    // Thirteen host starts, each after a kill -9: every one runs the start check for a register that was not closed
    // cleanly before it lets a write through (the sign-in waits for it), which on a shared machine is seconds a round.
  }, 400_000);
});

/** Puts evidence straight into a data folder's vault, named by hash, so a backup has something to copy for a while. */
function seedVault(dir: string, files: number, size: number): void {
  for (let i = 0; i < files; i++) {
    const data = randomBytes(size);
    const sha = createHash('sha256').update(data).digest('hex');
    mkdirSync(join(dir, 'vault', sha.slice(0, 2)), { recursive: true });
    writeFileSync(join(dir, 'vault', sha.slice(0, 2), sha), data);
  }
}

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/** A backup under a final name is a whole one (it verifies); store files are whole (content = name). */
async function noHalfBackup(usb: string): Promise<void> {
  for (const name of readdirSync(usb).filter((n) => n.startsWith('complaintdesk-backup-'))) {
    expect((await verifyBackup(join(usb, name), undefined, undefined, { keys: openKeyring(process.env.COMPLAINTDESK_KEYS!) })).ok, name).toBe(true);
  }
  for (const f of walk(usb).filter((p) => /\/[0-9a-f]{64}$/.test(p))) {
    expect(createHash('sha256').update(readFileSync(f)).digest('hex')).toBe(f.slice(-64));
  }
}

describe('two hosts on one data folder', () => {
  it('refuses the second, naming the first, and the first keeps working (nothing swept under it)', async () => {
    const first = await startHost();
    try {
      await apiCall(first, 'setup.init', { officeName: '测试协会', admin: { username: 'admin', displayName: '管理员', password: PASSWORD } });
      const second = spawn(process.execPath, [...HOST_NODE_FLAGS, join(ROOT, 'out/host/index.js'), '--data', first.dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      second.stdout!.on('data', (d) => (out += d));
      second.stderr!.on('data', (d) => (out += d));
      const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
      expect(code).toBe(1);
      expect(out).toMatch(/正由另一个程序使用/);
      expect(out).toMatch(new RegExp(`浏览器模式服务.*进程号 ${first.child.pid}`));
      expect(out).not.toMatch(/listening/);
      const token = await login(first);
      expect((await apiCall<{ id: number }>(first, 'cases.register', { channel: 'visit', complainant: { name: '张三', phone: '13812345678' }, respondent: { name: '杭州某某电器有限公司' }, category: 'G01', natures: ['quality'], subject: '电视机', facts: '屏幕出现竖线。', request: '退货', consentMediation: true }, token)).id).toBeGreaterThan(0);
    } finally {
      await first.stop();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });
});

describe('kill -9 during a backup and during a restore', () => {
  const data = folder('complaintdesk-kb-');
  const usb = folder('complaintdesk-usb-');
  let backupPath = '';

  it('leaves no half backup under a final name, wherever the backup was cut; the next one cleans up and works', async () => {
    // Evidence beside a register (a vault with no register would rightly be refused as a lost register, not a first run).
    await newOffice(data);
    seedVault(data, 40, 1024 * 1024);
    let token = await login(host!);
    for (let i = 0; i < 20; i++) await apiCall(host!, 'cases.register', complaint(i), token);
    for (const at of [0, 0.3, 0.7]) {
      const running = host!;
      void apiCall(running, 'backup.create', { dir: usb }, token).catch(() => {});
      for (;;) {
        const p = await apiCall<{ done: number; total: number; running: boolean }>(running, 'backup.progress', {}, token).catch(() => null);
        if (!p || !p.running || (p.total > 0 && p.done >= at * p.total)) break;
        await sleep(5);
      }
      expect(await running.stop('SIGKILL')).toBeNull();
      await noHalfBackup(usb);
      host = await startHost(data);
      token = await login(host);
    }
    const done = await apiCall<{ path: string; files: number }>(host!, 'backup.create', { dir: usb }, token);
    expect(done.files).toBe(40);
    expect(readdirSync(usb).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(walk(usb).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(await apiCall(host!, 'backup.verify', { path: done.path }, token)).toMatchObject({ ok: true, cases: 20 });
    backupPath = done.path;
  });

  it('leaves the running app’s data untouched when a restore is cut off while copying', async () => {
    let token = await login(host!);
    await apiCall(host!, 'cases.register', complaint(100), token);
    const running = host!;
    void apiCall(running, 'backup.restore', { path: backupPath, confirm: true }, token).catch(() => {});
    for (;;) {
      const p = await apiCall<{ step: string; done: number; total: number }>(running, 'backup.progress', {}, token).catch(() => null);
      if (!p || (p.step === '复制证据文件' && p.done > p.total * 0.6)) break;
      await sleep(5);
    }
    expect(await running.stop('SIGKILL')).toBeNull();
    host = await startHost(data);
    token = await login(host);
    expect((await apiCall<{ total: number }>(host, 'cases.search', {}, token)).total).toBe(21);
    expect(readdirSync(data).filter((n) => n.startsWith('before-restore-'))).toEqual([]);
    await host.stop('SIGTERM');
  });

  it('leaves a new data folder absent when npm run restore is killed, and restores it whole when run again', async () => {
    const target = join(folder('complaintdesk-rt-'), 'restored');
    for (const killAt of ['复制数据库', '复制证据文件', '40%', '80%']) {
      const child = spawn(process.execPath, [join(ROOT, 'out/host/restore.js'), '--from', backupPath, '--data', target], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      await new Promise<void>((resolve) => {
        child.stdout!.on('data', (d) => {
          out += d;
          if (out.split('恢复到')[1]?.includes(killAt)) {
            child.kill('SIGKILL');
          }
        });
        child.once('exit', () => resolve());
      });
      expect(existsSync(target) && readdirSync(target).length > 0, `killed at ${killAt}:\n${out}`).toBe(false);
    }
    const again = spawn(process.execPath, [join(ROOT, 'out/host/restore.js'), '--from', backupPath, '--data', target], { stdio: 'ignore' });
    expect(await new Promise((r) => again.once('exit', r))).toBe(0);
    const { integrity } = checkFile(target);
    expect(integrity).toBe('ok');
    expect(walk(join(target, 'vault')).length).toBe(40);
    expect(readdirSync(join(target, '..')).filter((n) => n.includes('.restore-'))).toEqual([]);
  });
});
