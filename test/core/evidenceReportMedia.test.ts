import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { chunked, fixture } from './evidenceHelpers';
import { minimalComplaint, openRegister, quietLog, type Register } from './harness';

/**
 * evidence.reportMedia (issue #15 "Evidence"): where no ffprobe read a video at import its length
 * and size showed "—" although it played; the page reports what Chromium's decoder read, and the
 * core fills the empty values only.
 */
let reg: Register;
let core: Core;
let caseId: number;

const call = (name: string, input: unknown) => core.call(name, input, reg.token);
async function importWithoutFfmpeg(name: string, file: string) {
  const r = await core.call('evidence.import', { caseId, name, kind: 'audiovisual' }, reg.token, { upload: { stream: chunked(fixture(file)), declaredSize: null } });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: number }).id;
}
const evidence = async (id: number) => ((await call('cases.get', { id: caseId })) as any).value.evidence.find((e: any) => e.id === id);
const auditRows = () => core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'evidence.reportMedia'").pluck().get() as number;

beforeEach(async () => {
  reg = await openRegister();
  caseId = (await reg.must<{ id: number }>('cases.register', minimalComplaint())).id;
  reg.core.close();
  core = await createCore({ dataDir: reg.dir, clock: reg.clock, log: quietLog, media: { ffmpeg: null, ffprobe: null } });
}, 60_000);
afterEach(() => {
  core.close();
  reg.close();
});

describe('a video’s length and size from the page’s decoder', () => {
  it('fills what the import could not read, once, and never changes it after', async () => {
    const id = await importWithoutFfmpeg('clip.mp4', 'clip.mp4');
    expect(await evidence(id)).toMatchObject({ durationSeconds: null, width: null, height: null });
    const first = await call('evidence.reportMedia', { id, durationSeconds: 3.02, width: 320, height: 240 });
    expect(first).toEqual({ ok: true, value: { filled: ['durationSeconds', 'width', 'height'] } });
    expect(await evidence(id)).toMatchObject({ durationSeconds: 3.02, width: 320, height: 240 });
    // A second, different report changes nothing that is recorded.
    const again = await call('evidence.reportMedia', { id, durationSeconds: 99, width: 640, height: 480 });
    expect(again).toEqual({ ok: true, value: { filled: [] } });
    expect(await evidence(id)).toMatchObject({ durationSeconds: 3.02, width: 320, height: 240 });
    expect(auditRows()).toBe(1);
  });

  it('takes a recording’s length without a picture size, and refuses one for it', async () => {
    const id = await importWithoutFfmpeg('通话录音.m4a', 'voice.m4a');
    const withSize = await call('evidence.reportMedia', { id, durationSeconds: 5, width: 10, height: 10 });
    expect(withSize.ok || withSize.error).toMatchObject({ code: 'VALIDATION', fields: { width: '录音没有画面尺寸' } });
    expect(await call('evidence.reportMedia', { id, durationSeconds: 5.5 })).toEqual({ ok: true, value: { filled: ['durationSeconds'] } });
    expect(await evidence(id)).toMatchObject({ durationSeconds: 5.5, width: null });
  });

  it('refuses bad readings and files that are not media, in Chinese, storing nothing', async () => {
    const id = await importWithoutFfmpeg('clip.mp4', 'clip.mp4');
    const r = await core.call('evidence.import', { caseId, name: '说明.txt', kind: 'electronic' }, reg.token, { upload: { stream: chunked(Buffer.from('文字')), declaredSize: null } });
    const textId = (r as any).value.id;
    for (const [input, field] of [
      [{ id, durationSeconds: 0 }, 'durationSeconds'],
      [{ id, durationSeconds: Number.NaN }, 'durationSeconds'],
      [{ id, durationSeconds: 3, width: 320 }, 'height'],
      [{ id, durationSeconds: 3, width: 99999, height: 240 }, 'width'],
      [{ id: textId, durationSeconds: 3 }, 'id'],
    ] as const) {
      const bad = await call('evidence.reportMedia', input);
      expect(bad.ok || bad.error, JSON.stringify(input)).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/[\u4e00-\u9fff]/), fields: { [field]: expect.any(String) } });
    }
    expect((await call('evidence.reportMedia', { id: 9999, durationSeconds: 3 })).ok).toBe(false);
    expect(await evidence(id)).toMatchObject({ durationSeconds: null, width: null });
    expect(auditRows()).toBe(0);
  });
});
