import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/api/schemas/cases';
import { minimalComplaint, openRegister, tempDir, type Register } from './harness';
import { fixture, importInto, notReading } from './evidenceHelpers';

// Memory is measured, never time: the peak resident size of this test's own process (vitest runs
// each test file in a child process of its own), reset before the import through Linux's
// /proc/self/clear_refs and read back as VmHWM. Where that is not available the test says so.
const STATUS = '/proc/self/status';
const canMeasure = (() => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return /VmHWM:/.test(readFileSync(STATUS, 'utf8'));
  } catch {
    return false;
  }
})();
const kb = (field: 'VmRSS' | 'VmHWM') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(STATUS, 'utf8'))![1]);
const MB = 1024 * 1024;

/** The fixture photo with `mb` of APP1 segments (64 KB each, the most one may hold) after its own EXIF. */
function jpegWithExif(mb: number): Buffer {
  const photo = fixture('photo-exif.jpg');
  const parts: Buffer[] = [photo.subarray(0, 2)];
  let pos = 2;
  // The photo's own APP segments (its EXIF, with the capture time and orientation) stay first.
  while (photo[pos] === 0xff && photo[pos + 1]! >= 0xe0 && photo[pos + 1]! <= 0xef) {
    const end = pos + 2 + photo.readUInt16BE(pos + 2);
    parts.push(photo.subarray(pos, end));
    pos = end;
  }
  for (let n = 0; n < Math.ceil((mb * MB) / 65533); n++) {
    const seg = Buffer.alloc(65537, 0x41 + (n % 26));
    seg.writeUInt16BE(0xffe1, 0);
    seg.writeUInt16BE(65535, 2);
    seg.write('Exif\0\0', 4, 'latin1');
    parts.push(seg);
  }
  parts.push(photo.subarray(pos));
  return Buffer.concat(parts);
}

/** A screenshot-sized PNG with `mb` of tEXt chunks (1 MB each) before its image data. */
async function pngWithText(mb: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#c33' } }).png().toBuffer();
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const text = chunk('tEXt', Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(MB, 0x41)]));
  // Signature and IHDR (8 + 25 bytes) first, then the padding, then the rest.
  return Buffer.concat([png.subarray(0, 33), ...Array.from({ length: mb }, () => text), png.subarray(33)]);
}

/** Imports the file from disk as a socket would deliver it; the peak memory growth in MB, and the result. */
async function importMeasured(file: string, caseId: number, name: string) {
  const size = statSync(file).size;
  const before = kb('VmRSS');
  writeFileSync('/proc/self/clear_refs', '5');
  const r = await importInto(reg, { caseId, name, kind: 'audiovisual' }, createReadStream(file, { highWaterMark: 64 * 1024 }), size);
  const growthMb = (kb('VmHWM') - before) / 1024;
  console.log(`peak memory growth while importing a ${(size / MB).toFixed(0)} MB ${name}: ${growthMb.toFixed(1)} MB`);
  return { r, growthMb, size };
}

/**
 * What is measured is the import. The reading of a picture's text (OCR) runs beside it in a worker
 * thread of this same process, with models of its own (measured in the bench): here it answers as on
 * a PC where OCR cannot run, so its memory is not counted as the import's.
 */
const noOcr = notReading('not read in the import memory test');

let reg: Register;
const tmp = tempDir('complaintdesk-mem-');
beforeAll(async () => {
  reg = await openRegister(undefined, { textReader: noOcr });
});
afterAll(() => {
  reg.close();
  tmp.remove();
});

describe.skipIf(!canMeasure)('a JPEG carrying 100 MB of EXIF (APP1) blocks (needs Linux /proc/self/clear_refs to measure)', () => {
  it('is imported with its thumbnail, capture time and orientation, the process’s peak memory growing by far less than the file', async () => {
    const file = join(tmp.dir, 'padded.jpg');
    writeFileSync(file, jpegWithExif(100));
    const caseId = (await reg.must<{ id: number }>('cases.register', minimalComplaint())).id;
    const { r, growthMb, size } = await importMeasured(file, caseId, '照片.jpg');
    expect(size).toBeGreaterThan(100 * MB);
    expect(r.ok).toBe(true);
    const [e] = (await reg.must<CaseDetail>('cases.get', { id: caseId })).evidence;
    expect(e).toMatchObject({ mime: 'image/jpeg', capturedAt: '2026-11-20T14:03:05+08:00', orientation: 6, width: 480, height: 320, hasThumbnail: true });
    // Before: libjpeg and libvips held every APP1 block, over three times the file (+290 to +370 MB here).
    expect(growthMb).toBeLessThan(64);
  });

  it('and a PNG carrying 100 MB of text chunks likewise', async () => {
    const file = join(tmp.dir, 'padded.png');
    writeFileSync(file, await pngWithText(100));
    const caseId = (await reg.must<{ id: number }>('cases.register', minimalComplaint())).id;
    const { r, growthMb } = await importMeasured(file, caseId, '截图.png');
    expect(r.ok).toBe(true);
    const [e] = (await reg.must<CaseDetail>('cases.get', { id: caseId })).evidence;
    expect(e).toMatchObject({ mime: 'image/png', width: 640, height: 400, hasThumbnail: true });
    // Before: +240 MB.
    expect(growthMb).toBeLessThan(64);
  });
});
