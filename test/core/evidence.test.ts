import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/api/schemas/cases';
import { minimalComplaint, openRegister, type Register } from './harness';
import { chunked, fixture, importInto, mustImport, windowsExecutable } from './evidenceHelpers';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const hasFfmpeg = spawnSync('ffprobe', ['-version']).status === 0;
let reg: Register;
let caseId: number;

beforeEach(async () => {
  reg = await openRegister();
  caseId = (await reg.must<{ id: number }>('cases.register', minimalComplaint())).id;
});
afterEach(() => reg.close());

const detail = () => reg.must<CaseDetail>('cases.get', { id: caseId });
const vaultFiles = () =>
  (existsSync(join(reg.dir, 'vault')) ? readdirSync(join(reg.dir, 'vault'), { recursive: true, withFileTypes: true }) : [])
    .filter((d) => d.isFile())
    .map((d) => d.name);
const tmpFiles = () => (existsSync(join(reg.dir, 'vault/tmp')) ? readdirSync(join(reg.dir, 'vault/tmp')) : []);

describe('evidence.import', () => {
  it('keeps a photo under its SHA-256 with its EXIF capture time and orientation, an upright thumbnail, and an event', async () => {
    const photo = fixture('photo-exif.jpg');
    const out = await mustImport(reg, { caseId, name: '电视屏幕竖线.jpg', kind: 'audiovisual', source: 'complainant', description: '投诉人拍摄' }, photo);
    expect(out).toEqual({ id: 1, sha256: sha(photo), size: photo.length, mime: 'image/jpeg' });
    expect(readFileSync(join(reg.dir, 'vault', out.sha256.slice(0, 2), out.sha256)).equals(photo)).toBe(true);

    const c = await detail();
    expect(c.evidence).toHaveLength(1);
    expect(c.evidence[0]).toMatchObject({
      id: 1,
      name: '电视屏幕竖线.jpg',
      kind: 'audiovisual',
      source: 'complainant',
      description: '投诉人拍摄',
      // DateTimeOriginal has no zone: it is office time.
      capturedAt: '2026-11-20T14:03:05+08:00',
      capturedAtFrom: 'exif',
      orientation: 6,
      width: 480,
      height: 320,
      hasThumbnail: true,
      addedBy: { displayName: '王管理' },
      addedAt: '2026-11-23T09:00:00+08:00',
      voided: null,
    });
    const event = c.events.at(-1)!;
    expect(event).toMatchObject({ type: 'evidence_added', by: { displayName: '王管理' }, data: { evidenceId: 1, name: '电视屏幕竖线.jpg', sha256: sha(photo) } });

    // A download is refused as JSON: the transports stream it.
    expect(await reg.call('evidence.file', { id: 1, variant: 'thumbnail' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('/files/evidence/') } });
    const file = await reg.core.call('evidence.file', { id: 1, variant: 'thumbnail' }, reg.token, { download: true });
    expect(file.ok).toBe(true);
    const meta = await sharp((file as { value: { path: string } }).value.path).metadata();
    // Stored landscape with orientation 6: the thumbnail stands upright, portrait.
    expect(meta.format).toBe('jpeg');
    expect(meta.height).toBeGreaterThan(meta.width!);
    expect(tmpFiles()).toEqual([]);
  });

  // ffmpeg is optional (the app goes without it, as the next test shows); where it is absent this cannot run.
  it.skipIf(!hasFfmpeg)('takes a phone video’s recording time, length and a poster frame from ffmpeg (needs ffmpeg and ffprobe on PATH; skipped without them)', async () => {
    const clip = fixture('clip.mp4');
    const out = await mustImport(reg, { caseId, name: 'VID_20261119.mp4', kind: 'audiovisual' }, clip);
    expect(out.mime).toBe('video/mp4');
    const [e] = (await detail()).evidence;
    expect(e).toMatchObject({ capturedAt: '2026-11-19T14:30:00+08:00', capturedAtFrom: 'media', width: 320, height: 240, hasThumbnail: true });
    expect(e!.durationSeconds).toBeCloseTo(3, 1);
  });

  it('loads the image libraries ahead of the first picture when asked (the idle warm-up), and imports with them after', async () => {
    await expect(reg.core.warm()).resolves.toBeUndefined();
    // A second warm-up is the same loaded libraries.
    await expect(reg.core.warm()).resolves.toBeUndefined();
    expect((await mustImport(reg, { caseId, name: '现场照片.jpg', kind: 'audiovisual' }, fixture('photo-exif.jpg'))).mime).toBe('image/jpeg');
  });

  it('keeps a video without a poster where no ffmpeg is installed (the page draws one from Chromium’s decoder)', async () => {
    reg.core.close();
    const { createCore } = await import('../../electron/core');
    const { quietLog } = await import('./harness');
    const core = await createCore({ dataDir: reg.dir, clock: reg.clock, log: quietLog, media: { ffmpeg: null, ffprobe: null } });
    const r = await core.call('evidence.import', { caseId, name: 'clip.mp4', kind: 'audiovisual' }, reg.token, { upload: { stream: chunked(fixture('clip.mp4')), declaredSize: null } });
    expect(r).toMatchObject({ ok: true, value: { mime: 'video/mp4' } });
    const c = (await core.call('cases.get', { id: caseId }, reg.token)) as { value: CaseDetail };
    expect(c.value.evidence[0]).toMatchObject({ hasThumbnail: false, capturedAt: null, durationSeconds: null });
    core.close();
  });

  it('keeps a call recording (M4A), a PDF and a text file, each with the type found in its content', async () => {
    expect((await mustImport(reg, { caseId, name: '通话录音.m4a', kind: 'audiovisual' }, fixture('voice.m4a'))).mime).toMatch(/^audio\/(x-m4a|mp4)$/);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    expect((await mustImport(reg, { caseId, name: '检测报告.pdf', kind: 'appraisal' }, pdf)).mime).toBe('application/pdf');
    expect((await mustImport(reg, { caseId, name: '聊天记录.txt', kind: 'electronic' }, Buffer.from('投诉人：电视坏了\n客服：请寄回\n'))).mime).toBe('text/plain; charset=utf-8');
  });

  it('refuses an executable renamed .jpg with 415 and a Chinese message, keeping nothing', async () => {
    const r = await importInto(reg, { caseId, name: '照片.jpg', kind: 'audiovisual' }, windowsExecutable());
    expect(r).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_TYPE', message: expect.stringContaining('可执行程序') } });
    expect(vaultFiles()).toEqual([]);
    expect((await detail()).evidence).toEqual([]);
  });

  it('refuses a zero-byte file, announced or not', async () => {
    for (const declared of [0, null]) {
      const r = await importInto(reg, { caseId, name: '空.jpg', kind: 'audiovisual' }, chunked(Buffer.alloc(0)), declared);
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('空的') } });
    }
    expect(vaultFiles()).toEqual([]);
  });

  it('refuses an unknown kind code, naming the field', async () => {
    const r = await importInto(reg, { caseId, name: 'a.jpg', kind: 'photo' }, fixture('photo-exif.jpg'));
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { kind: expect.stringContaining('证据种类') } } });
  });

  it('refuses a case that does not exist, and voided or closed cases naming their status', async () => {
    expect(await importInto(reg, { caseId: 999, name: 'a.jpg', kind: 'audiovisual' }, fixture('photo-exif.jpg'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const [status, label] of [['voided', '已作废'], ['closed', '已结案']] as const) {
      reg.core.db.prepare('UPDATE cases SET status = ? WHERE id = ?').run(status, caseId);
      const r = await importInto(reg, { caseId, name: 'a.jpg', kind: 'audiovisual' }, fixture('photo-exif.jpg'));
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: expect.stringContaining(label) } });
    }
    expect(vaultFiles()).toEqual([]);
  });

  it('keeps nothing of a body cut off half-way, whether the stream fails or ends short of its length', async () => {
    const clip = fixture('clip.mp4');
    async function* disconnects() {
      yield clip.subarray(0, 20_000);
      throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    }
    expect((await importInto(reg, { caseId, name: 'v.mp4', kind: 'audiovisual' }, disconnects(), clip.length)).ok).toBe(false);
    const short = await importInto(reg, { caseId, name: 'v.mp4', kind: 'audiovisual' }, chunked(clip.subarray(0, 30_000)), clip.length);
    expect(short).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('未传完整') } });
    expect(vaultFiles()).toEqual([]);
    expect((await detail()).evidence).toEqual([]);
  });

  it('refuses a file over the limit before reading it when its size is announced, and while streaming when not', async () => {
    await reg.must('evidenceSettings.save', { maxBytes: 1024 * 1024 });
    let pulled = false;
    async function* watched() {
      pulled = true;
      yield Buffer.alloc(10);
    }
    const announced = await importInto(reg, { caseId, name: '大视频.mp4', kind: 'audiovisual' }, watched(), 5 * 1024 ** 3);
    expect(announced).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringContaining('5 GB') } });
    expect(pulled).toBe(false);
    const big = Buffer.concat([fixture('clip.mp4'), Buffer.alloc(1024 * 1024)]);
    const streamed = await importInto(reg, { caseId, name: '大视频.mp4', kind: 'audiovisual' }, chunked(big), null);
    expect(streamed).toMatchObject({ ok: false, error: { code: 'TOO_LARGE', message: expect.stringContaining('1 MB') } });
    expect(vaultFiles()).toEqual([]);
  });

  it('refuses the same content twice in one case, and stores it once across cases', async () => {
    const photo = fixture('photo-exif.jpg');
    await mustImport(reg, { caseId, name: 'a.jpg', kind: 'audiovisual' }, photo);
    expect(await importInto(reg, { caseId, name: 'b.jpg', kind: 'audiovisual' }, photo)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('内容完全相同') } });
    const other = (await reg.must<{ id: number }>('cases.register', minimalComplaint())).id;
    await mustImport(reg, { caseId: other, name: 'a.jpg', kind: 'audiovisual' }, photo);
    expect(vaultFiles().filter((n) => n === sha(photo))).toHaveLength(1);
  });
});

describe('evidence.describe and evidence.void', () => {
  it('records each change with its old and new value, and a void with its reason; the file stays', async () => {
    const photo = fixture('photo-exif.jpg');
    const { id } = await mustImport(reg, { caseId, name: 'a.jpg', kind: 'audiovisual' }, photo);
    await reg.must('evidence.describe', { id, kind: 'physical', description: '商品实物照片', capturedAt: '2026-11-18T10:00:00+08:00' });
    let c = await detail();
    expect(c.evidence[0]).toMatchObject({ kind: 'physical', description: '商品实物照片', capturedAt: '2026-11-18T10:00:00+08:00', capturedAtFrom: 'typed' });
    expect(c.events.at(-1)).toMatchObject({ type: 'evidence_described', data: { changes: { kind: { from: 'audiovisual', to: 'physical' } } } });

    expect(await reg.call('evidence.void', { id, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: '请填写作废理由' } } });
    await reg.must('evidence.void', { id, reason: '重复上传' });
    c = await detail();
    expect(c.evidence[0]!.voided).toMatchObject({ reason: '重复上传', by: { displayName: '王管理' } });
    expect(c.events.at(-1)).toMatchObject({ type: 'evidence_voided', data: { reason: '重复上传' } });
    expect(vaultFiles()).toContain(sha(photo));
    expect(await reg.call('evidence.void', { id, reason: '再次' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('evidence.verify', () => {
  it('names a flipped byte as altered and a removed file as missing, on the case’s timeline', async () => {
    const a = await mustImport(reg, { caseId, name: 'a.jpg', kind: 'audiovisual' }, fixture('photo-exif.jpg'));
    const b = await mustImport(reg, { caseId, name: 'b.m4a', kind: 'audiovisual' }, fixture('voice.m4a'));
    expect(await reg.must('evidence.verify', { caseId })).toEqual({ checked: 2, problems: [] });

    const pathA = join(reg.dir, 'vault', a.sha256.slice(0, 2), a.sha256);
    const bytes = readFileSync(pathA);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x01;
    writeFileSync(pathA, bytes);
    rmSync(join(reg.dir, 'vault', b.sha256.slice(0, 2), b.sha256));

    expect(await reg.must('evidence.verify', { caseId })).toEqual({
      checked: 2,
      problems: [
        { evidenceId: a.id, problem: 'altered' },
        { evidenceId: b.id, problem: 'missing' },
      ],
    });
    expect((await detail()).events.at(-1)).toMatchObject({
      type: 'evidence_verified',
      data: { scope: 'case', checked: 2, problems: [{ evidenceId: a.id, name: 'a.jpg', problem: 'altered' }, { evidenceId: b.id, name: 'b.m4a', problem: 'missing' }] },
    });
    // The whole vault: administrators only.
    expect((await reg.must<{ checked: number }>('evidence.verify', {})).checked).toBe(2);
  });
});
