import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NoticeDocument } from '../../shared/notices/model';
import { NOTICE_LINES, noticeLinePitch } from '../../shared/notices/styles';
import { readPdfLayout, type PdfLayoutPage } from '../support/pdf';
import { openRegister, type Register } from './harness';
import { checkNotice, isFurniture, linePitch, near, PAGE_NUMBER, STANDARD_PITCH } from './noticeChecks';
import { BLOCK, keepPng, MM, newPrinter, noticeText, pdfLines, pdfPath, pdfText } from './noticeKit';
import { caseReadyFor } from './noticePath';
import { withStaff, type Staff } from './staff';

/**
 * The page of GB/T 9704-2012 measured on the stored PDF: the text block (156 × 225 mm from 28 mm
 * left and 37 mm top), 22 lines of 28 characters at 16 pt, the title at 22 pt, page numbers under
 * the block on notices of more than one page, the verification line in the bottom margin of the
 * last page, the sign block and seal whole — and long text flowing on with nothing cut.
 */
// Every issue prints a PDF or two in Chromium: the time a busy office PC needs, not a quiet one's.
vi.setConfig({ testTimeout: 180_000 });
const printer = newPrinter();
let reg: Register;
let staff: Staff;
const SEAL_PNG = readFileSync(join(__dirname, '../fixtures/seal.png')).toString('base64');

beforeAll(async () => {
  reg = await openRegister(undefined, { pdf: printer });
  staff = await withStaff(reg);
  await staff.admin.must('office.update', { phone: '0571-85150315', numberPrefix: '杭消协' });
  await staff.admin.must('office.setSeal', { png: SEAL_PNG });
}, 60_000);
afterAll(async () => {
  reg.close();
  await printer.close();
});

/** An issued notice: its snapshot, and its stored PDF as drawn. */
async function issued(caseId: number, type: string, overrides?: Record<string, string>): Promise<{ doc: NoticeDocument; layout: PdfLayoutPage[]; file: string; pages: number }> {
  const { id, sha256 } = await staff.clerk.must<{ id: number; sha256: string }>('notices.issue', { caseId, type, overrides });
  const got = await staff.clerk.must<{ document: NoticeDocument; notice: { pages: number } }>('notices.get', { id });
  const file = pdfPath(reg.core, sha256);
  const { pages: layout } = await readPdfLayout(readFileSync(file));
  expect(got.notice.pages).toBe(layout.length);
  return { doc: got.document, layout, file, pages: layout.length };
}

/** The verification line is on the last page only, small, in the bottom margin under the page number. */
function expectAnchorOnLastPage(layout: PdfLayoutPage[], anchor: string) {
  const found = layout.map((p) => p.lines.filter((l) => l.text.startsWith('校验：')));
  expect(found.map((f) => f.length)).toEqual(layout.map((_, i) => (i === layout.length - 1 ? 1 : 0)));
  const line = found.at(-1)![0]!;
  expect(line.text).toBe(`校验：${anchor.replace(/\s+/g, '')}`);
  expect(line.fontSize).toBeCloseTo(7, 1);
  expect(line.yMin).toBeGreaterThan(BLOCK.bottom + 12 * MM);
  expect(line.yMax).toBeLessThan(297 * MM);
}

/** 5,000 characters of facts: sentences of plain Chinese, as a long letter reads. */
function longFacts(): string {
  const sentence = '购买的电视机屏幕出现竖线后多次报修商家均以人为损坏为由拒绝退换并要求我方承担检测费用';
  let facts = '';
  while (facts.length < 4990) facts += `${sentence}。`;
  return facts.slice(0, 4999) + '。';
}

describe('GB/T 9704 page of a long notice', () => {
  it('flows 5,000 characters of facts over pages, inside the text block, 22 lines of 28, numbered, the verification line on the last page', async () => {
    const facts = longFacts();
    expect(facts.length).toBe(5000);
    const id = await caseReadyFor(reg, staff, 'outcome', { facts });
    const { doc, layout, file, pages } = await issued(id, 'outcome');
    expect(pages).toBeGreaterThanOrEqual(9);
    keepPng(file, 'long-facts-p1', 1);
    keepPng(file, 'long-facts-p2', 2);
    keepPng(file, `long-facts-p${pages}`, pages);

    // Nothing cut: every character of the facts is there, in order, once the page numbers and the verification line are taken out.
    const text = (await pdfText(file)).replace(/校验：存证[\s\S]*$/, '').replace(/\s+/g, '').replace(/—\d+—/g, '');
    expect(text).toContain(facts);

    checkNotice(doc, layout, 'long facts');
    expectAnchorOnLastPage(layout, doc.anchor!);
    for (let p = 1; p <= pages; p++) {
      const lines = await pdfLines(file, p);
      const numbers = lines.filter((l) => PAGE_NUMBER.test(l.text));
      // — N —, 7 mm under the block: odd pages on the right, even pages on the left.
      expect(numbers.map((n) => n.text)).toEqual([`—${p}—`]);
      expect(numbers[0]!.yMin).toBeGreaterThan(BLOCK.bottom + 5 * MM);
      if (p % 2) expect(numbers[0]!.xMax).toBeGreaterThan(BLOCK.right - 20 * MM);
      else expect(numbers[0]!.xMin).toBeLessThan(BLOCK.left + 20 * MM);
    }

    // A page wholly of facts: 22 lines, each full line 28 characters and as wide as the block.
    const full = layout[2]!.lines.filter((l) => !isFurniture(l));
    expect(full).toHaveLength(22);
    const whole = full.filter((l) => l.text.length === 28);
    expect(whole.length).toBeGreaterThanOrEqual(20);
    for (const l of whole) {
      expect(l.xMin).toBeCloseTo(BLOCK.left, 0);
      expect(l.xMax - l.xMin).toBeGreaterThan(155.5 * MM);
      expect(l.xMax).toBeLessThanOrEqual(BLOCK.right + 0.5);
    }
    expect(full.every((l) => l.text.length <= 28)).toBe(true);
  });

  it('flows edited text too long for a page onto the next ones, and prints no page number on a one-page notice', async () => {
    const id = await caseReadyFor(reg, staff, 'acceptance');
    const short = await issued(id, 'acceptance');
    expect(short.pages).toBe(1);
    expect(await pdfText(short.file)).not.toMatch(/—\s*1\s*—/);
    expectAnchorOnLastPage(short.layout, short.doc.anchor!);
    const note = '请于收到本通知书之日起保持电话畅通配合调查。'.repeat(90);
    const long = await issued(id, 'acceptance', { note });
    expect(long.pages).toBeGreaterThanOrEqual(3);
    expect((await pdfText(long.file)).replace(/校验：存证[\s\S]*$/, '').replace(/\s+/g, '').replace(/—\d+—/g, '')).toContain(note);
    checkNotice(long.doc, long.layout, 'long note');
    expectAnchorOnLastPage(long.layout, long.doc.anchor!);
  });
});

describe('sizes as the standard gives them, measured on the PDF', () => {
  // An issuer centred on the date stuck out past the block, and Chromium shrank the whole page to fit it (15.6 pt).
  it.each([
    ['an issuer as long as the date and its margins', '杭州市西湖区消费者权益保护委员会'],
    ['an issuer longer than that', '杭州市西湖区消费者权益保护委员会投诉调解中心'],
  ])('body 16 pt, title 22 pt, 28 characters across 156 mm, with %s', async (_what, issuerName) => {
    await staff.admin.must('office.update', { issuer: issuerName });
    try {
      const id = await caseReadyFor(reg, staff, 'acceptance');
      const { doc, layout, file } = await issued(id, 'acceptance', { note: noticeText(28 * 6 - 3) });
      keepPng(file, `issuer-${issuerName.length}`, layout.length);
      checkNotice(doc, layout, issuerName);
      const body = layout.flatMap((p) => p.lines).filter((l) => !isFurniture(l) && l !== layout[0]!.lines[0]);
      expect(body.every((l) => near(l.fontSize, 16) || near(l.fontSize, 22))).toBe(true);
      expect(body.filter((l) => near(l.fontSize, 22))).toHaveLength(1);
      const title = body.find((l) => near(l.fontSize, 22))!;
      expect(title.text).toBe('受理通知书');
      const issuerLine = layout.at(-1)!.lines.find((l) => l.text === issuerName)!;
      expect(issuerLine.xMax).toBeLessThanOrEqual(BLOCK.right + 0.5);
      // A full line of the note: 28 characters from the block's left edge to its right.
      const full = body.filter((l) => l.text.length === 28 && /^[\u3000-\u9fff\uff00-\uffef]+$/.test(l.text) && Math.abs(l.xMin - BLOCK.left) < 1);
      expect(full.length).toBeGreaterThanOrEqual(4);
      for (const l of full) {
        expect(l.xMax).toBeGreaterThan(BLOCK.right - 0.6 * MM);
        expect(l.xMax).toBeLessThanOrEqual(BLOCK.right + 0.5);
      }
    } finally {
      await staff.admin.must('office.update', { issuer: '杭州市消费者协会' });
    }
  });
});

describe('a long number that does not fit the rest of a line', () => {
  it('breaks across it, and the line before is not stretched into spaced-out characters', async () => {
    // Names of every length up to six, so that the ID number and the credit code fall at a line's end in some.
    for (const name of ['欧阳', '欧阳晓', '欧阳晓明', '欧阳晓明月', '欧阳晓明月华']) {
      const id = await caseReadyFor(reg, staff, 'mediationAgreement', {
        complainant: { name, idType: 'resident', idNumber: '11010519491231002X', phone: '13812345678', address: '杭州市西湖区文三路1号' },
        respondent: { name: `${name}电器有限公司`, creditCode: '91350100M000100Y43', address: '杭州市上城区' },
      });
      const { doc, layout, file } = await issued(id, 'mediationAgreement');
      keepPng(file, `long-numbers-${name.length}`);
      checkNotice(doc, layout, `parties named ${name}`);
      const text = layout.flatMap((p) => p.lines.map((l) => l.text)).join('');
      expect(text).toContain('11010519491231002X');
      expect(text).toContain('91350100M000100Y43');
    }
  });
});

describe('a notice whose sign block would spill onto a second page', () => {
  it('is closed up to as few more lines a page as keep it on one (GB/T 9704 7.3.5.4)', async () => {
    const id = await caseReadyFor(reg, staff, 'receipt');
    const pitches = NOTICE_LINES.map((n) => (noticeLinePitch(n) * 72) / 96);
    let closed: Awaited<ReturnType<typeof issued>> | null = null;
    // A receipt with a growing note: on one page at 22 lines, then closed up, never spilt by its sign block alone.
    for (let lines = 0; lines <= 8 && !closed; lines++) {
      const n = await issued(id, 'receipt', lines ? { note: noticeText(28 * lines - 3) } : undefined);
      checkNotice(n.doc, n.layout, `receipt with ${lines} lines of note`);
      expect(n.pages, `a receipt with ${lines} lines of note spilt onto a second page`).toBe(1);
      const pitch = linePitch(n.layout[0]!);
      if (pitch < STANDARD_PITCH - 0.6) closed = n;
      else expect(Math.abs(pitch - STANDARD_PITCH), `pitch ${pitch}`).toBeLessThan(0.3);
    }
    expect(closed, 'no receipt needed closing up').not.toBeNull();
    const { doc, layout, file } = closed!;
    keepPng(file, 'receipt-closed-up');
    // At one of the closer pitches, 23 to 26 lines a page.
    const pitch = linePitch(layout[0]!);
    expect(pitches.slice(1).some((p) => Math.abs(p - pitch) < 0.3), `pitch ${pitch}`).toBe(true);
    expectAnchorOnLastPage(layout, doc.anchor!);
  });
});

describe('seal images of other shapes', () => {
  /** A red ring of the given size, as a scanned seal might be cropped. */
  const ring = async (width: number, height: number) =>
    (
      await sharp(
        Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><ellipse cx="${width / 2}" cy="${height / 2}" rx="${width / 2 - 6}" ry="${height / 2 - 6}" fill="none" stroke="#d40000" stroke-width="10"/></svg>`,
        ),
      )
        .png()
        .toBuffer()
    ).toString('base64');

  it.each([
    ['taller than wide', 200, 400],
    ['wider than tall', 400, 200],
  ])('a seal %s stays inside the sign block, over the issuer and date, clear of the contact line', async (what, width, height) => {
    await staff.admin.must('office.setSeal', { png: await ring(width, height) });
    try {
      const id = await caseReadyFor(reg, staff, 'acceptance');
      for (const lines of [1, 9]) {
        const { doc, layout, file } = await issued(id, 'acceptance', { note: noticeText(28 * lines - 3) });
        keepPng(file, `seal-${width}x${height}-${lines}`, layout.length);
        checkNotice(doc, layout, `a seal ${what}, ${lines} lines`);
        const seal = layout.at(-1)!.imageBoxes[0]!;
        expect((seal.xMax - seal.xMin) / (seal.yMax - seal.yMin)).toBeCloseTo(width / height, 1);
      }
    } finally {
      await staff.admin.must('office.setSeal', { png: SEAL_PNG });
    }
  });
});

describe('bad input', () => {
  it('an override longer than three pages prints as correct pages, numbered once; one over the limit is refused and stores nothing', async () => {
    const id = await caseReadyFor(reg, staff, 'acceptance');
    const note = noticeText(2000);
    const long = await issued(id, 'acceptance', { note });
    expect(long.pages).toBeGreaterThan(3);
    checkNotice(long.doc, long.layout, 'note of 2000 characters');
    expectAnchorOnLastPage(long.layout, long.doc.anchor!);
    expect(long.doc.text.note).toBe(note);

    const count = (sql: string) => reg.core.db.prepare(sql).pluck().get() as number;
    const before = { notices: count('SELECT COUNT(*) FROM notices'), last: count("SELECT last FROM notice_numbers WHERE type = 'acceptance'"), events: count('SELECT COUNT(*) FROM case_events') };
    const files = readdirSync(join(reg.dir, 'vault'), { recursive: true }).length;
    const refused = await staff.clerk.call('notices.issue', { caseId: id, type: 'acceptance', overrides: { note: `${note}。` } });
    expect(refused.ok || refused.error).toMatchObject({ code: 'VALIDATION', fields: { 'overrides.note': '说明不能超过2000个字' } });
    expect({ notices: count('SELECT COUNT(*) FROM notices'), last: count("SELECT last FROM notice_numbers WHERE type = 'acceptance'"), events: count('SELECT COUNT(*) FROM case_events') }).toEqual(before);
    expect(readdirSync(join(reg.dir, 'vault'), { recursive: true }).length).toBe(files);
  });
});
