import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostServer } from '../../electron/host/server';
import { minimalComplaint, openRegister, quietLog, type Register } from '../core/harness';
import { newPrinter } from '../core/noticeKit';

/** `GET /files/dossiers/<id>.pdf` (API.md `dossier.make`): the stored 卷宗, behind the session, as notice files are. */
const printer = newPrinter();
let reg: Register;
let server: Server;
let base: string;
let made: { id: number; sha256: string; fileName: string };

beforeAll(async () => {
  reg = await openRegister(undefined, { pdf: printer });
  const staticDir = join(reg.dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>投诉</title>');
  server = createHostServer({ core: reg.core, staticDir, log: quietLog });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint());
  // The route is under test, not the path to 结案 (core/dossier.test.ts walks it): the case is set closed.
  reg.core.db.prepare("UPDATE cases SET status = 'closed', closed_on = '2026-11-23' WHERE id = ?").run(id);
  made = await reg.must('dossier.make', { caseId: id });
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  reg.close();
  await printer.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const bearer = () => ({ Authorization: `Bearer ${reg.token}` });

describe('GET /files/dossiers/<id>.pdf', () => {
  it('serves the stored PDF byte for byte with the session, to save with ?download=1, and nothing without it', async () => {
    const stored = readFileSync(reg.core.vault.pathOf(made.sha256));
    const res = await get(`/files/dossiers/${made.id}.pdf`, bearer());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain(`inline; filename*=UTF-8''${made.fileName}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(stored)).toBe(true);
    expect((await get(`/files/dossiers/${made.id}.pdf?download=1`, bearer())).headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await get(`/files/dossiers/${made.id}.pdf`)).status).toBe(401);
    expect((await get(`/files/dossiers/999999.pdf`, bearer())).status).toBe(404);
    expect((await get(`/files/dossiers/abc.pdf`, bearer())).status).toBe(404);
  });

  it('does not serve a 卷宗 whose file was altered, and says so in Chinese', async () => {
    const path = reg.core.vault.pathOf(made.sha256);
    const original = readFileSync(path);
    writeFileSync(path, Buffer.concat([original, Buffer.from('%%tampered')]));
    try {
      const res = await get(`/files/dossiers/${made.id}.pdf`, bearer());
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('PDF文件缺失或已被改动') } });
    } finally {
      writeFileSync(path, original);
    }
  });
});
