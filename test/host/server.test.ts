import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostServer } from '../../electron/host/server';
import { minimalComplaint, openRegister, quietLog, TEST_NOW, type Register } from '../core/harness';

let reg: Register;
let server: Server;
let base: string;
let port: number;

beforeAll(async () => {
  reg = await openRegister();
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

async function post(op: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}
const bearer = () => ({ Authorization: `Bearer ${reg.token}` });

/** A raw request, for what fetch will not send (a foreign Host header, a streamed oversized body). */
function raw(options: { path: string; headers: Record<string, string>; chunks?: Buffer[] }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const c of options.chunks ?? []) req.write(c);
    req.end();
  });
}

describe('loopback host', () => {
  it('serves an operation with the contract’s answer shape', async () => {
    const r = await post('cases.register', minimalComplaint(), bearer());
    expect(r.status).toBe(200);
    // The register's clock is the harness's (TEST_NOW), not today's.
    expect(r.json).toEqual({ ok: true, value: { id: 1, caseNo: `TS${TEST_NOW.slice(0, 4)}-00001`, acceptanceDueOn: '2026-12-02', acceptanceOverdue: false } });
  });

  it('lists every operation with the JSON Schema of its input', async () => {
    const res = await fetch(`${base}/api`);
    const body = (await res.json()) as any;
    const register = body.value.operations.find((o: any) => o.name === 'cases.register');
    expect(register.input.required).toEqual(expect.arrayContaining(['channel', 'complainant', 'respondent', 'category', 'subject', 'facts', 'request', 'consentMediation']));
    expect(body.value.operations.map((o: any) => o.name)).toContain('session.login');
    expect(register.output.required).toEqual(['id', 'caseNo', 'acceptanceDueOn']);
  });

  it('answers each kind of bad request with its code, status and a Chinese message', async () => {
    expect(await post('cases.search', '{"text": ', bearer())).toMatchObject({ status: 400, json: { ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('JSON') } } });
    expect(await post('cases.delete', {}, bearer())).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND' } } });
    expect(await post('cases.search', {})).toMatchObject({ status: 401, json: { error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('登录') } } });
    expect(await post('cases.search', {}, { Authorization: 'Bearer forged' })).toMatchObject({ status: 401 });
    expect(await post('cases.get', { id: 'one' }, bearer())).toMatchObject({ status: 400, json: { error: { code: 'VALIDATION', fields: { id: expect.any(String) } } } });
    expect(await post('cases.get', { id: 4242 }, bearer())).toMatchObject({ status: 404, json: { error: { code: 'NOT_FOUND', message: expect.stringContaining('未找到') } } });
    const form = await fetch(`${base}/api/cases.search`, { method: 'POST', headers: { 'Content-Type': 'text/plain', ...bearer() }, body: '{}' });
    expect(form.status).toBe(415);
    const big = await post('cases.search', { text: 'x'.repeat(2 * 1024 * 1024) }, bearer());
    expect(big).toMatchObject({ status: 413, json: { error: { code: 'TOO_LARGE' } } });
  });

  it('answers a malformed %-encoding in the path or the session cookie with 400/401, not 500', async () => {
    const path = await fetch(`${base}/api/%E0%A4%A`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(path.status).toBe(400);
    expect(await path.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('编码') } });
    const cookie = await post('cases.search', {}, { Cookie: 'cd_session=%E0%A4%A' });
    expect(cookie).toMatchObject({ status: 401, json: { error: { code: 'UNAUTHENTICATED' } } });
  });

  it('answers a method the resource does not have with NOT_FOUND (404) and the methods it does have', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${base}/api/cases.search`, { method, headers: bearer() });
      expect([res.status, res.headers.get('allow')], method).toEqual([404, 'POST']);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('POST') } });
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await fetch(`${base}/api`, { method, headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect([res.status, res.headers.get('allow')], method).toEqual([404, 'GET, HEAD']);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const head = await fetch(`${base}/api`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('stops reading a streamed body once it passes the limit, and still answers 413', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const r = await raw({
      path: '/api/cases.search',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', ...bearer() },
      chunks: [chunk, chunk, chunk, chunk, chunk, chunk],
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe('TOO_LARGE');
  });

  it('refuses requests naming another host or coming from another origin', async () => {
    const rebinding = await raw({ path: '/api/setup.status', headers: { Host: 'evil.example:80', 'Content-Type': 'application/json' } });
    expect(rebinding.status).toBe(403);
    const foreign = await post('cases.search', {}, { ...bearer(), Origin: 'http://127.0.0.1:1' });
    expect(foreign.status).toBe(403);
    const own = await post('cases.search', {}, { ...bearer(), Origin: base });
    expect(own.status).toBe(200);
  });

  it('sets an HttpOnly SameSite=Strict session cookie on login that works like the bearer token, and clears it on logout', async () => {
    const login = await post('session.login', { username: 'admin', password: 'correct horse' });
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cd_session=[^;]+; HttpOnly; SameSite=Strict; Path=\//);
    const pair = cookie.split(';')[0]!;
    expect((await post('session.me', {}, { Cookie: pair })).json.value.user.username).toBe('admin');
    const out = await post('session.logout', {}, { Cookie: pair });
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await post('session.me', {}, { Cookie: pair })).status).toBe(401);
  });

  it('serves the page with its security policy, and index.html for the app’s own routes', async () => {
    const res = await fetch(`${base}/cases/12`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>投诉</title>');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const escape = await fetch(`${base}/..%2f..%2fpackage.json`);
    expect(await escape.text()).toContain('<title>投诉</title>');
  });

  it('keeps serving after all of that', async () => {
    expect((await post('cases.search', {}, bearer())).json.value.total).toBe(1);
  });
});
