import { connect } from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { createFileLogger } from '../../electron/core/fileLogger';
import { createHostServer } from '../../electron/host/server';
import { fixedClock, minimalComplaint, tempDir } from '../core/harness';

/**
 * Anyone on the PC can reach the loopback host (issue [J]): every request a client gave up on was
 * logged as an ERROR with its stack, signed in or not, and ~32 600 of them rotated both 5 MB log
 * files away, and the faults before them with them. A client that goes away is no fault.
 */
const tmp = tempDir('complaintdesk-abort-');
const logFile = join(tmp.dir, 'logs/complaintdesk.log');
let core: Core;
let server: Server;
let port: number;
let token: string;
let caseId: number;

beforeAll(async () => {
  const log = createFileLogger(tmp.dir);
  core = await createCore({ dataDir: tmp.dir, clock: fixedClock('2026-11-23T09:00:00+08:00'), log });
  const must = async (name: string, input: unknown, t: string | null) => {
    const r = await core.call(name, input, t);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as any;
  };
  await must('setup.init', { officeName: '测试协会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } }, null);
  token = (await must('session.login', { username: 'admin', password: 'admin-pass-1' }, null)).token;
  caseId = (await must('cases.register', minimalComplaint(), token)).id;
  const staticDir = join(tmp.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>投诉</title>');
  server = createHostServer({ core, staticDir, log });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  // A real fault, logged before the flood: it must still be there after it.
  log.error('an earlier fault the administrator must still find', new Error('disk I/O error'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  core.close();
  tmp.remove();
});

/** Sends a request's head and part of its body, then goes away. */
function abandon(head: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      setImmediate(() => socket.destroy());
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

const jsonHead = (op: string, auth = '') => `POST /api/${op} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n${auth}\r\n{"username":`;
const uploadHead = () =>
  `POST /api/evidence.import?caseId=${caseId}&name=a.mp4&kind=audiovisual HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nContent-Length: 10000000\r\n\r\n${'\0'.repeat(5000)}`;

describe('requests their clients give up on', () => {
  it('10 000 of them, signed in or not, log no fault and leave the earlier faults in the log', async () => {
    const before = statSync(logFile).size;
    const heads = [jsonHead('session.login'), jsonHead('cases.search', `Authorization: Bearer ${token}\r\n`), uploadHead()];
    const total = 10_000;
    let sent = 0;
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        while (sent < total) {
          const n = sent++;
          await abandon(heads[n % heads.length]!);
        }
      }),
    );
    // The host is still there and answers.
    const alive = await fetch(`http://127.0.0.1:${port}/api/setup.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(alive.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    const text = readFileSync(logFile, 'utf8');
    console.log(`after ${total} abandoned requests: log grew by ${statSync(logFile).size - before} bytes, ${(text.match(/^\S+ ERROR /gm) ?? []).length} ERROR lines`);
    expect(text).toContain('an earlier fault the administrator must still find');
    expect(existsSync(`${logFile}.1`)).toBe(false);
    // Before: one ERROR with its stack per request (10 001 lines, 2.6 MB here).
    expect(text.match(/^\S+ ERROR /gm) ?? []).toHaveLength(1);
    expect(statSync(logFile).size - before).toBeLessThan(16 * 1024);
    // The interrupted uploads kept nothing.
    expect(existsSync(join(tmp.dir, 'vault/tmp')) ? readdirSync(join(tmp.dir, 'vault/tmp')) : []).toEqual([]);
  }, 120_000);
});
