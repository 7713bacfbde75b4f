import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../core/evidenceHelpers';
import { tempDir } from '../core/harness';
import { mountTmpfs } from '../support/tmpfs';
import { apiCall, startHost, type RunningHost } from './host';

// The built host on a real 30 MB disk (a tmpfs; mounting needs root, as CI has), uploads of 3–7 MB
// sent as a browser sends them, until the disk is full (issue [J]: 5 of 6 such trials killed the
// host with `ENOSPC … at writeAll`, a write failure nobody caught).
const place = tempDir('complaintdesk-e2e-full-');
const disk = mountTmpfs(join(place.dir, 'data'), '30m');
if (!disk) console.warn('evidence-diskfull e2e: cannot mount a tmpfs here (mounting needs root); skipped');
let host: RunningHost | undefined;
afterAll(async () => {
  await host?.stop();
  disk?.unmount();
  place.remove();
});

/** An upload over a socket, paced as a network delivers it, the answer's status and JSON. */
function upload(port: number, token: string, query: string, body: Buffer): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/evidence.import?${query}`, headers: { Authorization: `Bearer ${token}`, 'Content-Length': String(body.length) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    let at = 0;
    const next = () => {
      if (at >= body.length) return req.end();
      const part = body.subarray(at, at + 256 * 1024);
      at += part.length;
      if (req.write(part)) setTimeout(next, 2);
      else req.once('drain', () => setTimeout(next, 2));
    };
    next();
  });
}

describe.skipIf(!disk)('the host on a disk that fills during uploads (needs root to mount a tmpfs; skipped without)', () => {
  it('answers a clear Chinese error, keeps no half file and no row, and lives on', async () => {
    const dataDir = join(place.dir, 'data');
    host = await startHost(dataDir);
    await apiCall(host, 'setup.init', { officeName: '测试协会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
    const { token } = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' });
    const { id: caseId } = await apiCall<{ id: number }>(
      host,
      'cases.register',
      { channel: 'visit', complainant: { name: '张三', phone: '13812345678' }, respondent: { name: '某某公司' }, category: 'G01', subject: '电视', facts: '坏了', request: '退货', consentMediation: true },
      token,
    );
    const port = Number(new URL(host.url).port);
    const head = fixture('clip.mp4');
    const kept: number[] = [];
    let refusal: { status: number; json: any } | null = null;
    for (let i = 0; i < 12 && !refusal; i++) {
      const body = Buffer.concat([head, randomBytes((3 + (i % 5)) * 1024 * 1024)]);
      const r = await upload(port, token, `caseId=${caseId}&name=${encodeURIComponent(`视频${i}.mp4`)}&kind=audiovisual`, body);
      if (r.status === 200) kept.push(r.json.value.id);
      else refusal = r;
    }
    expect(refusal).toMatchObject({ status: 500, json: { ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('磁盘空间已满，文件未保存') } } });
    // The host lives: it answers, and what it holds is what it acknowledged.
    expect(host.child.exitCode).toBeNull();
    const c = await apiCall<{ evidence: { id: number }[] }>(host, 'cases.get', { id: caseId }, token);
    expect(c.evidence.map((e) => e.id)).toEqual(kept);
    const tmp = join(dataDir, 'vault/tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
    // A small photo still fits in the room the refused upload's temporary file gave back.
    const photo = await upload(port, token, `caseId=${caseId}&name=photo.jpg&kind=audiovisual`, fixture('photo-exif.jpg'));
    expect(photo.status).toBe(200);
    expect(host.output()).not.toMatch(/ENOSPC.*\n.*at writeAll|Unhandled|unhandled/);
  });
});
