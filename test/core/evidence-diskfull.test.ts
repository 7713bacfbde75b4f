import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { mountTmpfs } from '../support/tmpfs';
import { fixedClock, minimalComplaint, quietLog, tempDir } from './harness';
import { chunked, fixture } from './evidenceHelpers';

// A real full disk: a 6 MB tmpfs mounted for the test (the test runs as root, as CI does here).
// Where mounting is not allowed the test says so and is skipped rather than faked.
const tmp = tempDir('complaintdesk-full-');
const disk = mountTmpfs(join(tmp.dir, 'disk'), '6m');
const dataDir = join(tmp.dir, 'disk');
const NO_TMPFS = 'cannot mount a tmpfs here (mounting needs root); the full-disk tests are skipped';
if (!disk) console.warn(`evidence-diskfull: ${NO_TMPFS}`);

let core: Core;
let token: string;
let caseId: number;

beforeAll(async () => {
  if (!disk) return;
  core = await createCore({ dataDir, clock: fixedClock('2026-11-23T09:00:00+08:00'), log: quietLog });
  const must = async (name: string, input: unknown, t: string | null) => {
    const r = await core.call(name, input, t);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as any;
  };
  await must('setup.init', { officeName: '测试协会', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } }, null);
  token = (await must('session.login', { username: 'admin', password: 'admin-pass-1' }, null)).token;
  caseId = (await must('cases.register', minimalComplaint(), token)).id;
});
afterAll(() => {
  core?.close();
  disk?.unmount();
  tmp.remove();
});

/** A body that arrives as a socket delivers it: a chunk, then a wait for the next. */
async function* paced(data: Buffer, size = 256 * 1024) {
  for (let i = 0; i < data.length; i += size) {
    await new Promise((r) => setTimeout(r, 3));
    yield data.subarray(i, i + size);
  }
}

const evidenceCount = async () => ((await core.call('cases.get', { id: caseId }, token)) as { ok: true; value: { evidence: unknown[] } }).value.evidence.length;

describe.skipIf(!disk)('a disk that fills during an import (needs root to mount a tmpfs; skipped without)', () => {
  it('gets a clear Chinese message, keeps no row and no temporary file, and the register goes on working', async () => {
    // A video whose first bytes are real MP4, then more than the disk holds.
    const body = Buffer.concat([fixture('clip.mp4'), randomBytes(12 * 1024 * 1024)]);
    const r = await core.call('evidence.import', { caseId, name: '长视频.mp4', kind: 'audiovisual' }, token, { upload: { stream: chunked(body, 256 * 1024), declaredSize: body.length } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('磁盘空间已满') } });
    expect(readdirSync(join(dataDir, 'vault/tmp'))).toEqual([]);
    expect(await evidenceCount()).toBe(0);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // Space came back with the removed temporary file: a photo is kept as usual.
    const photo = await core.call('evidence.import', { caseId, name: '照片.jpg', kind: 'audiovisual' }, token, { upload: { stream: chunked(fixture('photo-exif.jpg')), declaredSize: null } });
    expect(photo).toMatchObject({ ok: true, value: { mime: 'image/jpeg' } });
  });

  it('when the disk fills while the sender is between chunks (as a socket delivers them): the same clean refusal, not a write failure nobody catches', async () => {
    // Before: the failed write's rejection landed while the import waited for the next chunk, with
    // nothing awaiting it — an unhandled rejection (`ENOSPC … at writevAll`) that ended the host.
    const before = await evidenceCount();
    const unobserved: unknown[] = [];
    const record = (reason: unknown) => unobserved.push(reason);
    process.on('unhandledRejection', record);
    const body = Buffer.concat([fixture('clip.mp4'), randomBytes(10 * 1024 * 1024)]);
    const r = await core.call('evidence.import', { caseId, name: '慢速上传.mp4', kind: 'audiovisual' }, token, { upload: { stream: paced(body), declaredSize: body.length } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.off('unhandledRejection', record);
    // Before: [ENOSPC: no space left on device, write] here, which ends a host (Node's default for an unhandled rejection).
    expect(unobserved).toEqual([]);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('磁盘空间已满，文件未保存') } });
    expect(readdirSync(join(dataDir, 'vault/tmp'))).toEqual([]);
    expect(await evidenceCount()).toBe(before);
  });

});
