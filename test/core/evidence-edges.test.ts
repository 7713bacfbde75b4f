import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../electron/core';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { databaseFile } from '../../electron/core/paths';
import type { CaseDetail } from '../../shared/api/schemas/cases';
import { fixedClock, minimalComplaint, openRegister, quietLog, tempDir, type Register } from './harness';
import { chunked, fixture, importInto, mustImport } from './evidenceHelpers';

// Imports hashed and fsynced, registers set up per test: seconds alone, 17–24 s beside other runs (vitest's default is 20 s).
vi.setConfig({ testTimeout: 120_000 });

// Evidence at its edges (issue [J]): what a file or a clerk may say about itself, and what the
// register then keeps and serves.

let reg: Register;
let caseId: number;
beforeEach(async () => {
  reg = await openRegister();
  caseId = (await reg.must<{ id: number }>('cases.register', minimalComplaint())).id;
});
afterEach(() => reg.close());

const evidence = async () => (await reg.must<CaseDetail>('cases.get', { id: caseId })).evidence;
const vaultFiles = () =>
  (existsSync(join(reg.dir, 'vault')) ? readdirSync(join(reg.dir, 'vault'), { recursive: true, withFileTypes: true }) : [])
    .filter((d) => d.isFile())
    .map((d) => d.name)
    .sort();

/** A small photo whose EXIF says it was taken at `time` (EXIF text), with `offset` if given. */
const photoTaken = (time: string, offset?: string) =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } })
    .jpeg()
    .withExif({ IFD2: offset ? { DateTimeOriginal: time, OffsetTimeOriginal: offset } : { DateTimeOriginal: time } })
    .toBuffer();

describe('capture times', () => {
  it('takes no impossible time from a file, keeping its text beside an empty capture time', async () => {
    const cases = [
      ['2026:02:30 25:61:61', '+99:99', '2026:02:30 25:61:61 +99:99'],
      ['0001:01:01 00:00:00', undefined, '0001:01:01 00:00:00'],
      ['9999:12:31 23:59:59', undefined, '9999:12:31 23:59:59'],
      // A real time, but years ahead of the office's clock (2026-11-23): a camera's wrong clock.
      ['2031:05:01 10:00:00', '+08:00', '2031:05:01 10:00:00 +08:00'],
    ] as const;
    for (const [i, [time, offset]] of cases.entries()) {
      await mustImport(reg, { caseId, name: `照片${i}.jpg`, kind: 'audiovisual' }, await photoTaken(time, offset));
    }
    const rows = await evidence();
    expect(rows.map((e) => [e.capturedAt, e.capturedAtFrom])).toEqual(cases.map(() => [null, null]));
    expect(rows.map((e) => e.capturedAtRaw)).toEqual(cases.map(([, , raw]) => raw));
  });

  it('still takes a real time from a file, with its own offset or as office time', async () => {
    await mustImport(reg, { caseId, name: 'a.jpg', kind: 'audiovisual' }, await photoTaken('2026:11:20 14:03:05', '+09:00'));
    await mustImport(reg, { caseId, name: 'b.jpg', kind: 'audiovisual' }, await photoTaken('2026:11:23 20:00:00'));
    expect((await evidence()).map((e) => [e.capturedAt, e.capturedAtFrom, e.capturedAtRaw])).toEqual([
      ['2026-11-20T14:03:05+09:00', 'exif', null],
      // Eleven hours after the office's clock: within what a camera's clock may be ahead.
      ['2026-11-23T20:00:00+08:00', 'exif', null],
    ]);
  });

  it('refuses a typed time before 1970 or after now, naming the field, before a byte is kept', async () => {
    const photo = fixture('photo-exif.jpg');
    for (const [typed, says] of [
      ['0999-01-01T00:00:00Z', '不能早于1970年1月1日'],
      ['9999-12-31T23:59:59Z', '不能晚于现在'],
      ['2026-11-25T09:00:00+08:00', '不能晚于现在'],
    ] as const) {
      const r = await importInto(reg, { caseId, name: 'a.jpg', kind: 'audiovisual', capturedAt: typed }, photo);
      expect(r, typed).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { capturedAt: expect.stringContaining(says) } } });
    }
    expect(await evidence()).toEqual([]);
    expect(vaultFiles()).toEqual([]);

    const { id } = await mustImport(reg, { caseId, name: 'a.jpg', kind: 'audiovisual', capturedAt: '2026-11-23T08:00:00Z' }, photo);
    expect((await evidence())[0]).toMatchObject({ capturedAt: '2026-11-23T16:00:00+08:00', capturedAtFrom: 'typed' });
    for (const typed of ['0999-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      expect(await reg.call('evidence.describe', { id, capturedAt: typed }), typed).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { capturedAt: expect.any(String) } } });
    }
    expect((await evidence())[0]!.capturedAt).toBe('2026-11-23T16:00:00+08:00');
  });

  it('refuses a purchase date before 1900 (a typing slip: 0000, 0999)', async () => {
    for (const purchasedOn of ['0000-01-01', '0999-01-01', '1899-12-31']) {
      const r = await reg.call('cases.register', minimalComplaint({ purchasedOn }));
      expect(r, purchasedOn).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { purchasedOn: expect.stringContaining('1900') } } });
    }
    // An old purchase is no slip: registered once the clerk confirms the three-year warning (shared/domain/intake.ts).
    expect((await reg.call('cases.register', minimalComplaint({ purchasedOn: '1998-06-01', oldPurchaseConfirmed: true }))).ok).toBe(true);
  });

  it('moves an impossible time read from a file in an older register beside its empty capture time, and leaves typed ones alone', async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'old.sqlite');
      const db = new Database(file);
      await migrate(db, file, quietLog, migrations.slice(0, 6));
      db.exec(`INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'a', 'A', 'admin', 'x', '2026-01-01T00:00:00+08:00')`);
      db.pragma('foreign_keys = OFF');
      const insert = db.prepare(
        `INSERT INTO evidence (case_id, sha256, size, mime, original_name, kind, captured_at, captured_at_from, added_by, added_at)
         VALUES (1, ?, 1, 'image/jpeg', 'x.jpg', 'audiovisual', ?, ?, 1, '2026-11-23T09:00:00+08:00')`,
      );
      const rows = [
        ['2026-02-30T25:61:61+99:99', 'exif'],
        ['0001-01-01T00:00:00+08:05', 'exif'],
        ['2026-11-19T14:30:00+08:00', 'media'],
        ['0999-01-01T08:05:43+08:06', 'typed'],
      ] as const;
      for (const [i, [at, from]] of rows.entries()) insert.run(String(i).repeat(64), at, from);
      await migrate(db, file, quietLog);
      expect(db.prepare('SELECT captured_at, captured_at_from, captured_at_raw FROM evidence ORDER BY id').raw().all()).toEqual([
        [null, null, '2026-02-30T25:61:61+99:99'],
        [null, null, '0001-01-01T00:00:00+08:05'],
        ['2026-11-19T14:30:00+08:00', 'media', null],
        ['0999-01-01T08:05:43+08:06', 'typed', null],
      ]);
      db.close();
    } finally {
      tmp.remove();
    }
  });
});

describe('text files in the encodings chat exports come in', () => {
  const chat = '2026-11-20 14:03 张三：电视屏幕出现竖线\r\n2026-11-20 14:05 客服：请寄回检测\r\n';

  it('keeps UTF-16 (with or without a byte-order mark, either byte order) and GBK as text, with the charset found, and serves it so', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(chat, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(chat, 'utf16le').swap16()]);
    const files: [string, Buffer, string][] = [
      ['微信聊天记录.txt', le, 'text/plain; charset=utf-16le'],
      ['聊天记录-BE.txt', be, 'text/plain; charset=utf-16be'],
      ['无BOM.txt', Buffer.from(chat, 'utf16le'), 'text/plain; charset=utf-16le'],
      ['GBK.txt', gbkOf(chat), 'text/plain; charset=gb18030'],
      ['UTF8.txt', Buffer.from(`\ufeff${chat}`), 'text/plain; charset=utf-8'],
    ];
    for (const [name, body, mime] of files) {
      const r = await importInto(reg, { caseId, name, kind: 'electronic' }, body);
      // Before: the UTF-16LE export was "MP3 录音" (audio/mpeg); GBK and UTF-16BE were refused with 415.
      expect(r, name).toMatchObject({ ok: true, value: { mime } });
      const served = await reg.core.call('evidence.file', { id: (r as { value: { id: number } }).value.id }, reg.token, { download: true });
      expect(served).toMatchObject({ ok: true, value: { mime } });
      // The charset named is the one that reads it back as written.
      const charset = mime.split('charset=')[1]!;
      expect(new TextDecoder(charset).decode(readFileSync((served as { value: { path: string } }).value.path)).replace(/^\ufeff/, '')).toBe(chat);
    }
  });

  it('still refuses what is not text', async () => {
    const noise = randomBytes(8192);
    noise[0] = 0x00; // not a byte-order mark, not text
    expect(await importInto(reg, { caseId, name: 'x.txt', kind: 'electronic' }, noise)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_TYPE' } });
    expect(vaultFiles()).toEqual([]);
    // FF FE followed by what is no text (an MPEG audio frame starts so too): not text for its mark alone.
    const marked = Buffer.concat([Buffer.from([0xff, 0xfe]), randomBytes(4096)]);
    const r = await importInto(reg, { caseId, name: 'y.txt', kind: 'electronic' }, marked);
    expect(r.ok ? (r.value as { mime: string }).mime : 'refused').not.toMatch(/^text\//);
  });
});

/** GBK bytes of a text, by the table the decoder itself uses (Node has no GBK encoder). */
function gbkOf(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? [0x3f])));
}

describe('the upload query and names', () => {
  it('reads only decimal digits as a case number (0x1, 1e0 and " 1" are not case 1)', async () => {
    for (const bad of ['0x1', '1e0', ' 1', '1.0', '+1', '0b1']) {
      const r = await importInto(reg, { caseId: bad, name: 'a.jpg', kind: 'audiovisual' }, fixture('photo-exif.jpg'));
      expect(r, bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { caseId: expect.any(String) } } });
    }
    expect(await evidence()).toEqual([]);
    expect((await importInto(reg, { caseId: String(caseId), name: 'a.jpg', kind: 'audiovisual' }, fixture('photo-exif.jpg'))).ok).toBe(true);
  });

  it('refuses bidirectional overrides and zero-width characters in names, in Chinese; an emoji’s joiner stays', async () => {
    const tricks = ['发票\u202Egpj.exe', '\u2066合同\u2069.pdf', '张\u200B三.jpg', '照片\u200D.jpg', '照片\uFEFF1.jpg', '照片\u200E.jpg'];
    for (const name of tricks) {
      const r = await importInto(reg, { caseId, name, kind: 'audiovisual' }, fixture('photo-exif.jpg'));
      expect(r, JSON.stringify(name)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { name: expect.stringContaining('方向控制符或零宽字符') } } });
    }
    const person = await reg.call('cases.register', minimalComplaint({ complainant: { name: '张\u200B三', phone: '13812345678' } }));
    expect(person).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'complainant.name': expect.stringContaining('零宽字符') } } });
    const user = await reg.call('users.create', { username: 'clerk9', displayName: '李\u202E四', password: 'clerk-pass-9', role: 'clerk' });
    expect(user).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await evidence()).toEqual([]);
    expect((await importInto(reg, { caseId, name: '聊天截图🤦\u200D♀️.jpg', kind: 'audiovisual' }, fixture('photo-exif.jpg'))).ok).toBe(true);
  });
});

describe('a file that is no longer what was recorded', () => {
  const altered = (sha256: string, mutate: (b: Buffer) => Buffer) => {
    const path = join(reg.dir, 'vault', sha256.slice(0, 2), sha256);
    writeFileSync(path, mutate(readFileSync(path)));
  };
  const open = (id: number) => reg.core.call('evidence.file', { id }, reg.token, { download: true });

  it('is refused (409, in Chinese), never served as evidence, whether a byte was flipped or the file cut short', async () => {
    const a = await mustImport(reg, { caseId, name: '发票.jpg', kind: 'document' }, fixture('photo-exif.jpg'));
    const b = await mustImport(reg, { caseId, name: '录音.m4a', kind: 'audiovisual' }, fixture('voice.m4a'));
    expect((await open(a.id)).ok).toBe(true);
    altered(a.sha256, (x) => {
      x[200] = x[200]! ^ 0xff;
      return x;
    });
    altered(b.sha256, (x) => x.subarray(0, x.length - 10));
    for (const id of [a.id, b.id]) {
      expect(await open(id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('SHA-256 不符') } });
    }
    // Its thumbnail, made by the register, still shows what it was.
    expect((await reg.core.call('evidence.file', { id: a.id, variant: 'thumbnail' }, reg.token, { download: true })).ok).toBe(true);
  });

  it('when too large to hash on every read (a long video): served while it is hashed once in the background, refused from then on', async () => {
    const big = Buffer.concat([fixture('clip.mp4'), randomBytes(70 * 1024 * 1024)]);
    const v = await mustImport(reg, { caseId, name: '长视频.mp4', kind: 'audiovisual' }, big);
    // A restart forgets what this process knew; one byte changed, the size the same.
    const core = await reg.reopen();
    try {
      altered(v.sha256, (x) => {
        x[50 * 1024 * 1024] = x[50 * 1024 * 1024]! ^ 1;
        return x;
      });
      const first = await core.call('evidence.file', { id: v.id }, reg.token, { download: true });
      expect(first.ok).toBe(true);
      await expect
        .poll(async () => {
          const r = await core.call('evidence.file', { id: v.id }, reg.token, { download: true });
          return r.ok || r.error.code;
        }, { timeout: 90_000 })
        .toBe('CONFLICT');
    } finally {
      core.close();
    }
    // A 70 MB import, a restart and a background hash of the file: seconds alone, far longer beside other test runs
    // (it once ran out of vitest's 20 s default on a loaded machine). The assertion waits for the hash, not for a time.
  }, 180_000);
});

describe('evidence.verify on a register opened read-only', () => {
  it('answers (it only reads), and writes nothing to the damaged file', async () => {
    const { sha256 } = await mustImport(reg, { caseId, name: 'a.jpg', kind: 'audiovisual' }, fixture('photo-exif.jpg'));
    await mustImport(reg, { caseId, name: 'b.m4a', kind: 'audiovisual' }, fixture('voice.m4a'));
    reg.core.close();
    const file = databaseFile(reg.dir);
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('张三'));
    bytes[at + 1] = bytes[at + 1]! ^ 0x01;
    writeFileSync(file, bytes);
    rmVaultByte(sha256);
    const before = { bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs };
    const core = await createCore({ dataDir: reg.dir, clock: fixedClock('2026-11-24T09:00:00+08:00'), log: quietLog });
    try {
      expect(core.health.readOnly).toBe(true);
      const login = (await core.call('session.login', { username: 'admin', password: 'correct horse' }, null)) as { value: { token: string } };
      const r = await core.call('evidence.verify', { caseId }, login.value.token);
      // Before: 409 CONFLICT, "只读模式".
      expect(r).toEqual({ ok: true, value: { checked: 2, problems: [{ evidenceId: 1, problem: 'altered' }] } });
      expect((await core.call('evidence.verify', {}, login.value.token)).ok).toBe(true);
    } finally {
      core.close();
    }
    expect({ bytes: readFileSync(file), mtimeMs: statSync(file).mtimeMs }).toEqual(before);
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
  });

  function rmVaultByte(sha256: string) {
    const path = join(reg.dir, 'vault', sha256.slice(0, 2), sha256);
    const b = readFileSync(path);
    b[300] = b[300]! ^ 0xff;
    writeFileSync(path, b);
  }
});

describe('an import refused after its file reached the vault', () => {
  it('takes that file out again: a case closed while its upload ran keeps no file without a row', async () => {
    const before = vaultFiles();
    const body = Buffer.concat([fixture('clip.mp4'), randomBytes(2 * 1024 * 1024)]);
    async function* closingHalfway() {
      let sent = 0;
      for await (const chunk of chunked(body, 256 * 1024)) {
        sent += chunk.length;
        // Voided by a supervisor while the clerk's upload is under way.
        if (sent > body.length / 2 && sent - chunk.length <= body.length / 2) reg.core.db.prepare("UPDATE cases SET status = 'voided' WHERE id = ?").run(caseId);
        yield chunk;
      }
    }
    const r = await importInto(reg, { caseId, name: '现场.mp4', kind: 'audiovisual' }, closingHalfway(), body.length);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: expect.stringContaining('已作废') } });
    expect(vaultFiles()).toEqual(before);
  });
});
