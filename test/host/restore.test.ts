import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { runRestore } from '../../electron/host/restore';
import { fixedClock, minimalComplaint, openRegister, quietLog, tempDir } from '../core/harness';

const place = tempDir('complaintdesk-restore-');
let backup: string;
let evidence: string;

beforeAll(async () => {
  const reg = await openRegister();
  await reg.must('cases.register', minimalComplaint());
  await reg.must('cases.register', minimalComplaint({ subject: '冰箱' }));
  evidence = (await reg.core.vault.putBuffer(Buffer.from('发票照片'.repeat(500)))).sha256;
  backup = (await reg.must<{ path: string }>('backup.create', { dir: join(place.dir, 'usb') })).path;
  reg.close();
});
afterAll(() => place.remove());

const run = async (...argv: string[]) => {
  const lines: string[] = [];
  const code = await runRestore(argv, (l) => lines.push(l));
  return { code, text: lines.join('\n') };
};

describe('npm run restore', () => {
  it('restores a sound backup into a new folder, which then opens with everything in it', async () => {
    const data = join(place.dir, 'restored');
    const { code, text } = await run('--from', backup, '--data', data);
    expect(code, text).toBe(0);
    expect(text).toMatch(/备份完好：杭州市消费者协会.*案件 2 件，证据文件 1 个/);
    expect(readdirSync(data).sort()).toEqual(['complaintdesk.sqlite', 'restored-from.json', 'vault']);
    const core = await createCore({ dataDir: data, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog });
    expect(core.health.readOnly).toBe(false);
    const { value } = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as any;
    expect(((await core.call('cases.search', {}, value.token)) as any).value.total).toBe(2);
    expect(await core.vault.check(evidence)).toBe('ok');
    core.close();
  });

  it('leaves the register in WAL mode, so its first start answers before the whole file is checked', async () => {
    const data = join(place.dir, 'first-start');
    expect((await run('--from', backup, '--data', data)).code).toBe(0);
    // SQLite's header, bytes 18 and 19: 2 in WAL mode (the backup itself is 1, a rollback journal).
    const header = readFileSync(join(data, 'complaintdesk.sqlite')).subarray(18, 20);
    expect([...header]).toEqual([2, 2]);
    expect([...readFileSync(join(backup, 'complaintdesk.sqlite')).subarray(18, 20)]).toEqual([1, 1]);
    // Every check in the worker, as at any size: the start answered with it still running, writes held.
    const core = await createCore({ dataDir: data, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog, inlineCheckBytes: 0, backgroundDelayMs: 0 });
    try {
      expect(core.check).toMatchObject({ running: true, writesHeld: true, step: '正在检查数据文件（本机第一次打开这份登记簿）' });
      await core.checked();
      expect(core.health.readOnly).toBe(false);
      expect(core.check.writesHeld).toBe(false);
    } finally {
      core.close();
    }
  });

  it('restores into an existing empty folder', async () => {
    const data = join(place.dir, 'empty');
    mkdirSync(data);
    expect((await run('--from', backup, '--data', data)).code).toBe(0);
  });

  it('refuses a folder that is not empty, changing nothing', async () => {
    const data = join(place.dir, 'in-use');
    mkdirSync(data);
    writeFileSync(join(data, 'complaintdesk.sqlite'), 'the office’s register');
    const { code, text } = await run('--from', backup, '--data', data);
    expect(code).toBe(1);
    expect(text).toMatch(/不是空的.*未作任何改动/);
    expect(readdirSync(data)).toEqual(['complaintdesk.sqlite']);
    expect(readFileSync(join(data, 'complaintdesk.sqlite'), 'utf8')).toBe('the office’s register');
  });

  it('refuses a backup that fails its check, creating nothing', async () => {
    const copy = join(place.dir, 'usb', 'complaintdesk-backup-altered');
    mkdirSync(copy);
    const db = readFileSync(join(backup, 'complaintdesk.sqlite'));
    db[db.length - 1] = db[db.length - 1]! ^ 1;
    writeFileSync(join(copy, 'complaintdesk.sqlite'), db);
    writeFileSync(join(copy, 'manifest.json'), readFileSync(join(backup, 'manifest.json')));
    const data = join(place.dir, 'never');
    const { code, text } = await run('--from', copy, '--data', data);
    expect(code).toBe(1);
    expect(text).toMatch(/未通过检查，未作任何改动[\s\S]*complaintdesk.sqlite：备份中的数据库文件与清单记录的校验值不符/);
    expect(readdirSync(place.dir)).not.toContain('never');
  });

  it('explains its usage', async () => {
    expect(await run('--from', backup)).toMatchObject({ code: 2, text: expect.stringContaining('用法') });
    expect(await run('--form', backup)).toMatchObject({ code: 2, text: expect.stringContaining('不认识的参数') });
  });
});
