import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { fixedClock, minimalComplaint, quietLog, tempDir } from './harness';
import { chunked, fixture } from './evidenceHelpers';

// A real full disk: a 6 MB tmpfs mounted for the test (the test runs as root, as CI does here).
// Where mounting is not allowed the test says so and is skipped rather than faked.
const tmp = tempDir('complaintdesk-full-');
const disk = join(tmp.dir, 'disk');
mkdirSync(disk);
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', disk], { stdio: 'ignore' });
  mounted = true;
} catch {
  console.warn('evidence-diskfull: cannot mount a tmpfs here (not root?); the full-disk test is skipped');
}

let core: Core;
let token: string;
let caseId: number;

beforeAll(async () => {
  if (!mounted) return;
  core = await createCore({ dataDir: disk, clock: fixedClock('2026-11-23T09:00:00+08:00'), log: quietLog });
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
  if (mounted) execFileSync('umount', [disk]);
  tmp.remove();
});

describe.skipIf(!mounted)('a disk that fills during an import', () => {
  it('gets a clear Chinese message, keeps no row and no temporary file, and the register goes on working', async () => {
    // A video whose first bytes are real MP4, then more than the disk holds.
    const body = Buffer.concat([fixture('clip.mp4'), randomBytes(12 * 1024 * 1024)]);
    const r = await core.call('evidence.import', { caseId, name: '长视频.mp4', kind: 'audiovisual' }, token, { upload: { stream: chunked(body, 256 * 1024), declaredSize: body.length } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('磁盘空间已满') } });
    expect(readdirSync(join(disk, 'vault/tmp'))).toEqual([]);
    const c = (await core.call('cases.get', { id: caseId }, token)) as { ok: true; value: { evidence: unknown[] } };
    expect(c.value.evidence).toEqual([]);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');

    // Space came back with the removed temporary file: a photo is kept as usual.
    const photo = await core.call('evidence.import', { caseId, name: '照片.jpg', kind: 'audiovisual' }, token, { upload: { stream: chunked(fixture('photo-exif.jpg')), declaredSize: null } });
    expect(photo).toMatchObject({ ok: true, value: { mime: 'image/jpeg' } });
  });
});
