import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiCall, startHost, tearDown, type RunningHost } from './host';

let host: RunningHost | undefined;
afterAll(() => tearDown(host));

const complaint = (i: number) => ({
  channel: 'phone',
  complainant: { name: `投诉人${i}`, phone: `1390000${String(i).padStart(4, '0')}` },
  respondent: { name: '杭州某某电器有限公司' },
  category: 'G01',
  subject: `电视机${i}`,
  facts: `第${i}件：屏幕出现竖线`,
  request: '退货',
  consentMediation: true,
});

describe('a killed process loses nothing it acknowledged', () => {
  it('keeps every case whose number was given out when the host is killed mid-stream', async () => {
    host = await startHost();
    await apiCall(host, 'setup.init', { officeName: '测试协会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } });
    const { token } = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' });

    const acknowledged: string[] = [];
    const running = host;
    // Keep registrations flowing from several "clerks" at once, and kill the process (no clean stop)
    // once some have been acknowledged, while others are in flight.
    const clerk = async (from: number) => {
      for (let i = from; i < from + 200; i++) {
        try {
          const out = await apiCall<{ caseNo: string }>(running, 'cases.register', complaint(i), token);
          acknowledged.push(out.caseNo);
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const clerks = [clerk(0), clerk(1000), clerk(2000)];
    while (acknowledged.length < 25) await new Promise((r) => setTimeout(r, 5));
    expect(await running.stop('SIGKILL')).toBeNull();
    await Promise.all(clerks);

    const file = join(running.dataDir, 'complaintdesk.sqlite');
    const db = new Database(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    host = await startHost(running.dataDir);
    const again = await apiCall<{ token: string }>(host, 'session.login', { username: 'admin', password: 'admin-pass-1' });
    const stored = await apiCall<{ rows: { caseNo: string }[]; total: number }>(host, 'cases.search', { pageSize: 200 }, again.token);
    const storedNos = new Set(stored.rows.map((r) => r.caseNo));
    expect(stored.total).toBeGreaterThanOrEqual(acknowledged.length);
    for (const no of acknowledged) expect(storedNos.has(no), no).toBe(true);
    // Numbers are never given twice, and the next one follows the last that was stored.
    expect(storedNos.size).toBe(stored.rows.length);
    const next = await apiCall<{ caseNo: string }>(host, 'cases.register', complaint(9999), again.token);
    expect(Number(next.caseNo.slice(-5))).toBe(stored.total + 1);
  });
});
