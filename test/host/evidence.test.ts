import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange } from '../../electron/core/vault/fileResponse';
import { createHostServer } from '../../electron/host/server';
import { minimalComplaint, openRegister, quietLog, type Register } from '../core/harness';
import { fixture, windowsExecutable } from '../core/evidenceHelpers';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
let reg: Register;
let server: Server;
let base: string;
let port: number;
let caseId: number;

beforeAll(async () => {
  reg = await openRegister();
  caseId = (await reg.must<{ id: number }>('cases.register', minimalComplaint())).id;
  const staticDir = join(reg.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>投诉</title>');
  server = createHostServer({ core: reg.core, staticDir, log: quietLog });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  reg.close();
});

const bearer = () => ({ Authorization: `Bearer ${reg.token}` });
const importUrl = (q: Record<string, string | number>) => `${base}/api/evidence.import?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;

async function upload(q: Record<string, string | number>, body: Buffer, headers: Record<string, string> = bearer()) {
  const res = await fetch(importUrl(q), { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', ...headers }, body: new Uint8Array(body) });
  return { status: res.status, json: (await res.json()) as any };
}

const tmpFiles = () => (existsSync(join(reg.dir, 'vault/tmp')) ? readdirSync(join(reg.dir, 'vault/tmp')) : []);

describe('POST /api/evidence.import streams the raw body into the vault', () => {
  let videoId: number;
  const clip = fixture('clip.mp4');

  it('answers { id, sha256, size, mime } for a video', async () => {
    const r = await upload({ caseId, name: '现场录像.mp4', kind: 'audiovisual', source: 'site', description: '' }, clip);
    expect(r.status).toBe(200);
    expect(r.json.value).toMatchObject({ size: clip.length, mime: 'video/mp4' });
    videoId = r.json.value.id;
  });

  it('serves the file back whole, and exactly the asked bytes for a Range (206), with the bearer or the page’s cookie', async () => {
    const whole = await fetch(`${base}/files/evidence/${videoId}`, { headers: bearer() });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await whole.arrayBuffer()).equals(clip)).toBe(true);

    const login = await fetch(`${base}/api/session.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'correct horse' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    for (const [range, start, end] of [
      ['bytes=1000-1999', 1000, 1999],
      ['BYTES=0-3', 0, 3],
      ['bytes=50000-', 50000, clip.length - 1],
      ['bytes=-100', clip.length - 100, clip.length - 1],
      [`bytes=${clip.length - 10}-${clip.length + 500}`, clip.length - 10, clip.length - 1],
    ] as const) {
      const part = await fetch(`${base}/files/evidence/${videoId}`, { headers: { Cookie: cookie, Range: range } });
      expect(part.status, range).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes ${start}-${end}/${clip.length}`);
      expect(Buffer.from(await part.arrayBuffer()).equals(clip.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('answers 416 for a range outside the file, and 401 without a session', async () => {
    for (const range of [`bytes=${clip.length}-`, 'bytes=500-100', 'bytes=abc']) {
      const r = await fetch(`${base}/files/evidence/${videoId}`, { headers: { ...bearer(), Range: range } });
      expect(r.status, range).toBe(416);
      expect(r.headers.get('content-range')).toBe(`bytes */${clip.length}`);
    }
    expect((await fetch(`${base}/files/evidence/${videoId}`)).status).toBe(401);
    expect((await fetch(`${base}/files/evidence/${videoId}`, { headers: { Authorization: 'Bearer forged' } })).status).toBe(401);
    expect((await fetch(`${base}/files/evidence/9999`, { headers: bearer() })).status).toBe(404);
  });

  // Poster frames come from ffmpeg, which is optional (the page draws one itself without it).
  it.skipIf(!hasFfmpeg)('serves the poster frame as a thumbnail (needs ffmpeg on PATH; skipped without it)', async () => {
    const thumb = await fetch(`${base}/files/evidence/${videoId}/thumbnail`, { headers: bearer() });
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await thumb.arrayBuffer()).subarray(0, 2).toString('hex')).toBe('ffd8');
  });

  it('refuses a renamed executable with 415, an unauthenticated upload with 401, and an announced size over the limit with 413', async () => {
    const exe = await upload({ caseId, name: '发票.jpg', kind: 'document' }, windowsExecutable());
    expect(exe).toMatchObject({ status: 415, json: { error: { code: 'UNSUPPORTED_TYPE', message: expect.stringContaining('可执行程序') } } });
    expect((await upload({ caseId, name: 'a.mp4', kind: 'audiovisual' }, clip, {})).status).toBe(401);
    await reg.must('evidenceSettings.save', { maxBytes: 1024 * 1024 });
    const big = await upload({ caseId, name: '大.mp4', kind: 'audiovisual' }, Buffer.concat([clip, Buffer.alloc(2 * 1024 * 1024)]));
    expect(big).toMatchObject({ status: 413, json: { error: { code: 'TOO_LARGE', message: expect.stringContaining('超过上限 1 MB') } } });
    await reg.must('evidenceSettings.save', { maxBytes: 8 * 1024 ** 3 });
    expect(tmpFiles()).toEqual([]);
  });

  it('keeps nothing when the client disconnects half-way through the body', async () => {
    const before = (await reg.must<{ evidence: unknown[] }>('cases.get', { id: caseId })).evidence.length;
    const url = new URL(importUrl({ caseId, name: '断开.mp4', kind: 'audiovisual' }));
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: url.pathname + url.search, headers: { ...bearer(), 'Content-Length': String(clip.length * 4) } }, () => resolve());
      req.on('error', () => resolve());
      req.write(clip);
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    // The core sees the stream fail, removes its temporary file, and writes no row.
    await expect.poll(() => tmpFiles(), { timeout: 5000 }).toEqual([]);
    expect((await reg.must<{ evidence: unknown[] }>('cases.get', { id: caseId })).evidence).toHaveLength(before);
  });

  it('refuses the download operation as JSON, and a JSON body for the upload operation', async () => {
    const asJson = await fetch(`${base}/api/evidence.file`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...bearer() }, body: JSON.stringify({ id: videoId }) });
    expect(asJson.status).toBe(400);
    const api = (await (await fetch(`${base}/api`)).json()) as any;
    expect(api.value.operations.find((o: any) => o.name === 'evidence.import').stream).toBe('upload');
    expect(api.value.operations.find((o: any) => o.name === 'evidence.file').stream).toBe('download');
  });
});

describe('parseRange', () => {
  it('reads one byte range, and refuses what lies outside the file', () => {
    expect(parseRange(undefined, 100)).toEqual({ kind: 'whole' });
    expect(parseRange('bytes=0-0', 100)).toEqual({ kind: 'part', start: 0, end: 0 });
    expect(parseRange('bytes=90-', 100)).toEqual({ kind: 'part', start: 90, end: 99 });
    expect(parseRange('bytes=-5', 100)).toEqual({ kind: 'part', start: 95, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'whole' });
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'whole' });
    // Range units are case-insensitive (RFC 9110 §14.1); before, BYTES=0-3 answered 416.
    expect(parseRange('BYTES=0-3', 100)).toEqual({ kind: 'part', start: 0, end: 3 });
    expect(parseRange('Bytes=-5', 100)).toEqual({ kind: 'part', start: 95, end: 99 });
    for (const bad of ['bytes=100-', 'bytes=5-1', 'bytes=-0', 'bytes=-', 'bytes=x-1']) expect(parseRange(bad, 100), bad).toEqual({ kind: 'unsatisfiable' });
  });
});
