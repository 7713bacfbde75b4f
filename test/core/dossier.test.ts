import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeTitle } from '../../shared/notices/types';
import { fixture, importInto, notReading } from './evidenceHelpers';
import { fixedClock, minimalComplaint, openRegister, type Register } from './harness';
import { keepPdf, keepPng, newPrinter, pdfFonts, pdfInfo, pdfPages, pdfPath } from './noticeKit';
import { withStaff, type Staff } from './staff';

/**
 * 卷宗 (issue [H]) on a real register, printed by real Chromium and read back as text: a case worked
 * from the counter to 结案 with its 投诉登记表 printed, three notices issued, photos, a video and a
 * recording added, bound as one PDF in the archive's order and numbered through.
 */
const printer = newPrinter();
/** Pictures are not read (OCR) here: its worker would take the two cores the print engine needs. */
const noOcr = notReading('not read in the 卷宗 test');
let reg: Register;
let staff: Staff;
let closedId: number;
let openId: number;
const issued: { id: number; number: string; sha256: string; type: string }[] = [];
const evidence: { id: number; sha256: string; name: string }[] = [];

const at = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
const flat = (s: string) => s.replace(/\s+/g, '');
const vaultFiles = (dir: string) => readdirSync(join(dir, 'vault'), { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f))).length;

beforeAll(async () => {
  reg = await openRegister(fixedClock(at('2026-10-08', '10:00')), { pdf: printer, textReader: noOcr });
  staff = await withStaff(reg);
  const { clerk, investigator, supervisor } = staff;
  const on = (date: string) => reg.clock.set(at(date, '15:00'));
  closedId = (
    await clerk.must<{ id: number }>(
      'cases.register',
      minimalComplaint({
        receivedAt: at('2026-10-08', '09:30'),
        complainant: { name: '欧阳娜娜', phone: '13812345678', idType: 'resident', idNumber: '330106199001010034' },
        respondent: { name: '杭州美家电器有限公司', address: '杭州市拱墅区莫干山路100号' },
        category: 'G01',
        natures: ['quality'],
        subject: '双开门冰箱',
        facts: '于2026年10月1日购买冰箱，使用三天后不制冷，商家拒绝退货。',
        request: '退货退款，并按消法第55条赔偿。',
      }),
    )
  ).id;
  openId = (await clerk.must<{ id: number }>('cases.register', minimalComplaint())).id;
  await clerk.must('notices.printRegistrationForm', { caseId: closedId });
  issued.push({ ...(await clerk.must('notices.issue', { caseId: closedId, type: 'receipt' })), type: 'receipt' });
  on('2026-10-09');
  await clerk.act(closedId, 'accept');
  issued.push({ ...(await clerk.must('notices.issue', { caseId: closedId, type: 'acceptance' })), type: 'acceptance' });
  await supervisor.act(closedId, 'assign', { userId: investigator.user.id });
  await investigator.act(closedId, 'startInvestigation');
  for (const [name, file, kind] of [
    ['冰箱铭牌.jpg', 'photo-exif.jpg', 'physical'],
    ['订单截图.png', 'ocr-order.png', 'electronic'],
    ['收据.png', 'ocr-receipt.png', 'document'],
    ['不制冷视频.mp4', 'clip.mp4', 'audiovisual'],
    ['通话录音.m4a', 'voice.m4a', 'audiovisual'],
  ] as const) {
    const body = fixture(file);
    const r = await importInto(reg, { caseId: closedId, name, kind }, body, body.length, investigator.token);
    if (!r.ok) throw new Error(`evidence.import: ${r.error.message}`);
    const e = r.value as { id: number; sha256: string };
    evidence.push({ id: e.id, sha256: e.sha256, name });
  }
  await investigator.act(closedId, 'recordContact', { with: 'respondent', how: 'phone', summary: '联系商家，其称使用不当。' });
  on('2026-10-12');
  await investigator.act(closedId, 'proposeOutcome', { measures: ['refund', 'punitive'], recoveredFen: 1_599_600, punitiveFen: 1_199_700, summary: '商家为投诉人退货退款并三倍赔偿。' });
  await supervisor.act(closedId, 'approve', { comment: '同意' });
  issued.push({ ...(await investigator.must('notices.issue', { caseId: closedId, type: 'outcome' })), type: 'outcome' });
  await investigator.act(closedId, 'notify');
  on('2026-10-14');
  await investigator.act(closedId, 'followUp', { satisfaction: 5, note: '满意' });
  await investigator.act(closedId, 'followUp', { satisfaction: 5, note: '冰箱已退' });
  await investigator.act(closedId, 'close');
  on('2026-11-02');
}, 240_000);
afterAll(async () => {
  reg?.close();
  await printer.close();
});

describe('dossier.make', () => {
  it('is refused in Chinese for a case not yet closed, and to a user who neither handled it nor supervises, changing nothing', async () => {
    const open = await staff.supervisor.call('dossier.make', { caseId: openId });
    expect(open).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: expect.stringContaining('只有已结案或不予受理的案件才能生成卷宗（本案现为“') } });
    const clerk = await staff.clerk.call('dossier.make', { caseId: closedId });
    expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('只有本案承办人、负责人或管理员可以生成卷宗') } });
    const other = await staff.investigator2.call('dossier.make', { caseId: closedId });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await staff.clerk.call('dossier.make', { caseId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await staff.clerk.call('dossier.make', { caseId: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(reg.core.db.prepare('SELECT COUNT(*) FROM dossiers').pluck().get()).toBe(0);
    expect(await staff.investigator.must('dossier.list', { caseId: closedId })).toEqual({ versions: [], canMake: true, reason: null });
    expect(await staff.clerk.must('dossier.list', { caseId: closedId })).toMatchObject({ canMake: false, reason: expect.stringContaining('承办人') });
  });

  it("binds the worked case in the archive's order: contents' page numbers = the file's pages, every notice's text, every evidence hash, fonts embedded", async () => {
    const made = await staff.investigator.must<{ id: number; version: number; sha256: string; pages: number; fileName: string }>('dossier.make', { caseId: closedId });
    expect(made).toMatchObject({ version: 1, fileName: expect.stringMatching(/^卷宗-.+-第1版\.pdf$/) });
    const file = pdfPath(reg.core, made.sha256);
    keepPdf(file, 'dossier');
    const info = await pdfInfo(file);
    expect(info).toMatchObject({ pages: made.pages, pageSize: expect.stringContaining('A4') });
    const pages = await pdfPages(file);
    expect(pages).toHaveLength(made.pages);
    for (let p = 1; p <= made.pages; p++) keepPng(file, `dossier-${p}`, p);

    // Numbered through: each page carries its own number, and the 卷内目录's ranges cover the file
    // without a gap, its last entry (备考表) on the last page.
    pages.forEach((text, i) => expect(text.split('\n').slice(0, 3).join(' '), `page ${i + 1}`).toMatch(new RegExp(`(^|\\s)${i + 1}(\\s|$)`)));
    const contents = flat(pages[1]!);
    expect(contents).toContain('卷内目录');
    const c = await staff.investigator.get(closedId);
    expect(flat(pages[0]!)).toContain('卷宗');
    for (const field of [c.caseNo, '欧阳娜娜', '杭州美家电器有限公司', '家用电子电器', '2026年10月8日', '2026年10月14日', '赵调查', '定期30年', '2026年11月2日']) expect(flat(pages[0]!), field).toContain(flat(field));
    const ranges = [...pages[1]!.matchAll(/(\d+)\s*[–-]\s*(\d+)\s*$|(?<!\d)(\d+)\s*$/gm)].map((m) => (m[3] ? [Number(m[3]), Number(m[3])] : [Number(m[1]), Number(m[2])]));
    const listed = ['投诉登记表', noticeTitle.receipt, noticeTitle.acceptance, noticeTitle.outcome, '案件经过', '调查清单', '证据清单', '证据照片', '备考表'];
    for (const title of listed) expect(contents, title).toContain(title);
    const row = ranges.slice(-listed.length);
    expect(row[0]![0]).toBe(3);
    for (let i = 1; i < row.length; i++) expect(row[i]![0], `entry ${i + 1} starts after entry ${i}`).toBe(row[i - 1]![1]! + 1);
    expect(row.at(-1)).toEqual([made.pages, made.pages]);
    // In that order, each where the contents say.
    const pageOf = (title: string) => pages.findIndex((t, i) => i > 1 && flat(t).includes(title)) + 1;
    expect(pageOf('投诉登记表')).toBe(row[0]![0]);
    expect(pageOf('案件经过')).toBe(row[4]![0]);
    expect(pageOf('备考表')).toBe(made.pages);

    // The stored notice PDFs, bound as issued: every notice's text.
    // (Each page's text after the number stamped at its head.)
    const bodies = pages.map((p) => flat(p).replace(/^\d+/, ''));
    for (const n of issued) {
      const own = await pdfPages(pdfPath(reg.core, n.sha256));
      for (const [i, page] of own.entries()) expect(bodies.some((b) => b.includes(flat(page))), `${n.type}, its page ${i + 1}`).toBe(true);
      expect(bodies.join(''), n.type).toContain(flat(n.number));
    }
    const text = bodies.join('\n');
    // Every evidence item with its SHA-256; the photos printed, the video and recording listed.
    for (const e of evidence) {
      expect(text, e.name).toContain(e.sha256);
      expect(text, e.name).toContain(e.name);
    }
    expect(text).toContain('照片3张印于卷内，其余2项');
    // The history in words, the checklist, and the 备考表 with who compiled it and the audit head.
    expect(text).toContain('提出处理意见');
    expect(text).toContain('回访');
    const last = flat(pages.at(-1)!);
    expect(last).toContain(`本卷共${made.pages}页`);
    expect(last).toContain('赵调查');
    expect(last).toMatch(/校验：存证\d+-[0-9a-f]{16}/);
    // Fonts embedded, every one.
    const fonts = await pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);

    // On the record: the row, the case's timeline, the audit log.
    const after = await staff.investigator.get(closedId);
    expect(after.events.at(-1)).toMatchObject({ type: 'dossierMade', data: { version: 1, sha256: made.sha256, pages: made.pages, retention: '定期30年' } });
    expect(reg.core.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'dossier.make'").pluck().get()).toBe(1);
    expect(await staff.supervisor.must('dossier.file', { id: made.id })).toMatchObject({ sha256: made.sha256, version: 1 });
  }, 240_000);

  it('binds a refused case too, its cover dated by the refusal and the 不予受理通知书 inside', async () => {
    const { clerk, supervisor } = staff;
    const { id } = await clerk.must<{ id: number }>('cases.register', minimalComplaint({ complainant: { name: '李四', phone: '13900002222' } }));
    await clerk.act(id, 'refuse', { grounds: ['3', 'A1'], reason: '投诉人购买电视机用于经营活动，系经营者之间的争议。' });
    await supervisor.act(id, 'approve', { comment: '同意不予受理' });
    const refusal = await clerk.must<{ number: string }>('notices.issue', { caseId: id, type: 'refusal' });
    // Nobody handled it: the supervisor who approved the refusal compiles it.
    expect(await clerk.call('dossier.make', { caseId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const made = await supervisor.must<{ sha256: string; pages: number }>('dossier.make', { caseId: id });
    const pages = (await pdfPages(pdfPath(reg.core, made.sha256))).map(flat);
    expect(pages[0]).toContain('不予受理日期2026年11月2日');
    expect(pages.join('')).toContain(flat(refusal.number));
    expect(pages.join('')).toContain('本案无证据');
    expect(pages.at(-1)).toContain('孙主任');
  }, 120_000);

  it('made again is version 2, version 1 kept as it was and still served, the new one with the 保管期限 the setting now gives', async () => {
    const [v1] = (await staff.supervisor.must('dossier.list', { caseId: closedId })).versions;
    reg.core.services.settings.set('archive.retention', '永久');
    const made = await staff.supervisor.must<{ version: number; sha256: string; pages: number }>('dossier.make', { caseId: closedId });
    expect(made.version).toBe(2);
    const list = await staff.supervisor.must('dossier.list', { caseId: closedId });
    expect(list.versions.map((v: { version: number; retention: string }) => [v.version, v.retention])).toEqual([
      [2, '永久'],
      [1, '定期30年'],
    ]);
    expect(list.versions[1]).toEqual(v1);
    expect(await reg.core.vault.check(v1.sha256)).toBe('ok');
    expect(await staff.clerk.must('dossier.file', { id: v1.id })).toMatchObject({ version: 1, sha256: v1.sha256 });
    const cover = flat((await pdfPages(pdfPath(reg.core, made.sha256)))[0]!);
    expect(cover).toContain('永久');
    expect(cover).toContain('第2版');
    reg.core.services.settings.set('archive.retention', '定期30年');
  }, 240_000);

  it('is not made when an evidence file is altered or missing: it names the file, and nothing is stored', async () => {
    const before = { rows: reg.core.db.prepare('SELECT COUNT(*) FROM dossiers').pluck().get(), files: vaultFiles(reg.dir) };
    const photo = evidence[1]!;
    const path = reg.core.vault.pathOf(photo.sha256);
    const original = readFileSync(path);
    writeFileSync(path, Buffer.concat([original, Buffer.from('x')]));
    try {
      const altered = await staff.supervisor.call('dossier.make', { caseId: closedId });
      expect(altered).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(`证据 ${photo.id}（订单截图.png）的文件与登记时的 SHA-256 不符`) } });
      expect(altered.ok || altered.error.message).toContain('卷宗未生成');
    } finally {
      writeFileSync(path, original);
    }
    const video = evidence[3]!;
    const videoPath = reg.core.vault.pathOf(video.sha256);
    const kept = readFileSync(videoPath);
    const { rmSync } = await import('node:fs');
    rmSync(videoPath);
    try {
      const missing = await staff.supervisor.call('dossier.make', { caseId: closedId });
      expect(missing).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(`证据 ${video.id}（不制冷视频.mp4）的文件在证据库中缺失`) } });
    } finally {
      writeFileSync(videoPath, kept);
    }
    expect(reg.core.db.prepare('SELECT COUNT(*) FROM dossiers').pluck().get()).toBe(before.rows);
    expect(vaultFiles(reg.dir)).toBe(before.files);
  }, 120_000);
});
