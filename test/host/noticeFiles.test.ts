import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostServer } from '../../electron/host/server';
import { minimalComplaint, openRegister, quietLog, type Register } from '../core/harness';
import { bytes, newPrinter } from '../core/noticeKit';

/** `GET /files/notices/<id>.pdf` (API.md "Host"): the stored PDF, behind the session, with Range. */
const printer = newPrinter();
let reg: Register;
let server: Server;
let base: string;
let notice: { id: number; number: string; sha256: string };

beforeAll(async () => {
  reg = await openRegister(undefined, { pdf: printer });
  const staticDir = join(reg.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>投诉</title>');
  server = createHostServer({ core: reg.core, staticDir, log: quietLog });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint());
  notice = await reg.must('notices.issue', { caseId: id, type: 'receipt' });
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  reg.close();
  await printer.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const bearer = () => ({ Authorization: `Bearer ${reg.token}` });

describe('GET /files/notices/<id>.pdf', () => {
  it('serves the stored PDF, byte for byte, to a bearer token or the session cookie', async () => {
    const stored = bytes(reg.core.vault.pathOf(notice.sha256));
    const res = await get(`/files/notices/${notice.id}.pdf`, bearer());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toBe(`"${notice.sha256}"`);
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain(`inline; filename*=UTF-8''受理回执-${notice.number}.pdf`);
    expect(Buffer.from(await res.arrayBuffer()).equals(stored)).toBe(true);

    const login = await fetch(`${base}/api/session.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'correct horse' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const byCookie = await get(`/files/notices/${notice.id}.pdf?download=1`, { Cookie: cookie });
    expect(byCookie.status).toBe(200);
    expect(byCookie.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('answers ranges with 206 and the slice asked for, and an impossible range with 416', async () => {
    const stored = bytes(reg.core.vault.pathOf(notice.sha256));
    const head = await get(`/files/notices/${notice.id}.pdf`, { ...bearer(), Range: 'bytes=0-7' });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-7/${stored.length}`);
    expect(await head.text()).toMatch(/^%PDF-1\.\d$/);
    const tail = await get(`/files/notices/${notice.id}.pdf`, { ...bearer(), Range: 'bytes=-16' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(stored.subarray(stored.length - 16))).toBe(true);
    const beyond = await get(`/files/notices/${notice.id}.pdf`, { ...bearer(), Range: `bytes=${stored.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${stored.length}`);
  });

  it('refuses without a session, and answers 404 for a notice or a path that is not there', async () => {
    expect((await get(`/files/notices/${notice.id}.pdf`)).status).toBe(401);
    expect((await get(`/files/notices/${notice.id}.pdf`, { Authorization: 'Bearer forged' })).status).toBe(401);
    const missing = await get('/files/notices/4242.pdf', bearer());
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.message).toContain('未找到');
    expect((await get(`/files/notices/${notice.id}`, bearer())).status).toBe(404);
    expect((await get('/files/notices/..%2f..%2fcomplaintdesk.sqlite', bearer())).status).toBe(404);
    const post = await fetch(`${base}/files/notices/${notice.id}.pdf`, { method: 'POST', headers: bearer() });
    expect(post.status).toBe(400);
  });

  it('says so, rather than serving it, when the stored file was altered', async () => {
    const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint({ subject: '洗衣机' }));
    const other = await reg.must<{ id: number; sha256: string }>('notices.issue', { caseId: id, type: 'receipt' });
    writeFileSync(reg.core.vault.pathOf(other.sha256), 'not the notice');
    const res = await get(`/files/notices/${other.id}.pdf`, bearer());
    expect(res.status).toBe(500);
    expect(((await res.json()) as any).error.message).toContain('缺失或已被改动');
  });
});
