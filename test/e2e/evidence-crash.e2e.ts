import { existsSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../core/evidenceHelpers';
import { apiCall, startHost, tearDown, type RunningHost } from './host';

let host: RunningHost | undefined;
afterAll(() => tearDown(host));

/** Every file under the vault outside its temporary folder: what carries a real (hash) name. */
const namedFiles = (dataDir: string) =>
  readdirSync(join(dataDir, 'vault'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.parentPath.endsWith('tmp'))
    .map((d) => d.name);
const partFiles = (dataDir: string) => (existsSync(join(dataDir, 'vault/tmp')) ? readdirSync(join(dataDir, 'vault/tmp')) : []);

describe('an import killed with kill -9 half-way', () => {
  it('leaves no row and no half file under a real name; the leftover is swept at the next start', async () => {
    host = await startHost();
    await apiCall(host, 'setup.init', { officeName: '测试协会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
    const { token } = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' });
    const { id: caseId } = await apiCall<{ id: number }>(
      host,
      'cases.register',
      { channel: 'visit', complainant: { name: '张三', phone: '13812345678' }, respondent: { name: '某某公司' }, category: 'G01', subject: '电视', facts: '坏了', request: '退货', consentMediation: true },
      token,
    );

    // A 40 MB "phone video" of which 6 MB are sent, then the connection stays open while the host dies.
    const head = fixture('clip.mp4');
    const port = Number(new URL(host.url).port);
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/evidence.import?caseId=${caseId}&name=${encodeURIComponent('长视频.mp4')}&kind=audiovisual`,
      headers: { Authorization: `Bearer ${token}`, 'Content-Length': String(40 * 1024 * 1024) },
    });
    req.on('error', () => {});
    req.write(head);
    req.write(Buffer.alloc(6 * 1024 * 1024, 7));
    const dataDir = host.dataDir;
    await expect.poll(() => partFiles(dataDir).map((f) => statSync(join(dataDir, 'vault/tmp', f)).size)[0] ?? 0, { timeout: 15_000 }).toBeGreaterThan(1024 * 1024);

    expect(await host.stop('SIGKILL')).toBeNull();
    req.destroy();
    // Killed mid-copy: the half file is only under its temporary name, and no row was written.
    expect(partFiles(dataDir)).toHaveLength(1);
    expect(namedFiles(dataDir)).toEqual([]);
    const db = new Database(join(dataDir, 'complaintdesk.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT COUNT(*) FROM evidence').pluck().get()).toBe(0);
    db.close();

    host = await startHost(dataDir);
    expect(partFiles(dataDir)).toEqual([]);
    expect(host.output()).toMatch(/removed 1 unfinished vault import/);
    const again = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' });
    const c = await apiCall<{ evidence: unknown[] }>(host, 'cases.get', { id: caseId }, again.token);
    expect(c.evidence).toEqual([]);
    // The register goes on: the same video, sent whole, is kept.
    const res = await fetch(`${host.url}/api/evidence.import?caseId=${caseId}&name=clip.mp4&kind=audiovisual`, { method: 'POST', headers: { Authorization: `Bearer ${again.token}` }, body: new Uint8Array(head) });
    expect(res.status).toBe(200);
  });
});
