import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegister, type Register } from './harness';
import { keepPng, newPrinter, pdfInfo, pdfLines, pdfPath, pdfText } from './noticeKit';
import { caseReadyFor } from './noticePath';
import { withStaff, type Staff } from './staff';

/**
 * The page of GB/T 9704-2012 measured on the stored PDF: the text block (156 × 225 mm from 28 mm
 * left and 37 mm top), 22 lines of 28 characters, page numbers under it on notices of more than
 * one page — and long facts flowing on with nothing cut, nothing outside the block.
 */
const printer = newPrinter();
let reg: Register;
let staff: Staff;

beforeAll(async () => {
  reg = await openRegister(undefined, { pdf: printer });
  staff = await withStaff(reg);
}, 60_000);
afterAll(async () => {
  reg.close();
  await printer.close();
});

const MM = 72 / 25.4;
const BLOCK = { left: 28 * MM, right: (28 + 156) * MM, top: 37 * MM, bottom: (37 + 225) * MM };
const PAGE_NUMBER = /^—\d+—$/;

/** 5,000 characters of facts: sentences of plain Chinese, as a long letter reads. */
function longFacts(): string {
  const sentence = '购买的电视机屏幕出现竖线后多次报修商家均以人为损坏为由拒绝退换并要求我方承担检测费用';
  let facts = '';
  while (facts.length < 4990) facts += `${sentence}。`;
  return facts.slice(0, 4999) + '。';
}

describe('GB/T 9704 page of a long notice', () => {
  it('flows 5,000 characters of facts over pages, inside the text block, 22 lines of 28, numbered', async () => {
    const facts = longFacts();
    expect(facts.length).toBe(5000);
    const id = await caseReadyFor(reg, staff, 'outcome', { facts });
    const { sha256 } = await staff.clerk.must<{ sha256: string }>('notices.issue', { caseId: id, type: 'outcome' });
    const file = pdfPath(reg.core, sha256);
    const { pages } = (await pdfInfo(file));
    expect(pages).toBeGreaterThanOrEqual(9);
    keepPng(file, 'long-facts-p1', 1);
    keepPng(file, 'long-facts-p2', 2);
    keepPng(file, `long-facts-p${pages}`, pages);

    // Nothing cut: every character of the facts is there, in order, once the page numbers are taken out.
    const text = (await pdfText(file)).replace(/\s+/g, '').replace(/—\d+—/g, '');
    expect(text).toContain(facts);

    for (let p = 1; p <= pages; p++) {
      const lines = (await pdfLines(file, p));
      const body = lines.filter((l) => !PAGE_NUMBER.test(l.text));
      const numbers = lines.filter((l) => PAGE_NUMBER.test(l.text));
      // Nothing outside the text block (slack for glyph edges: poppler boxes a line by its font's ascent and descent).
      for (const l of body) {
        expect(l.xMin, `page ${p}: ${l.text}`).toBeGreaterThanOrEqual(BLOCK.left - 1);
        expect(l.xMax, `page ${p}: ${l.text}`).toBeLessThanOrEqual(BLOCK.right + 1);
        expect(l.yMin, `page ${p}: ${l.text}`).toBeGreaterThanOrEqual(BLOCK.top - 3);
        expect(l.yMax, `page ${p}: ${l.text}`).toBeLessThanOrEqual(BLOCK.bottom + 3);
      }
      // — N —, 7 mm under the block: odd pages on the right, even pages on the left.
      expect(numbers.map((n) => n.text)).toEqual([`—${p}—`]);
      expect(numbers[0]!.yMin).toBeGreaterThan(BLOCK.bottom + 5 * MM);
      if (p % 2) expect(numbers[0]!.xMax).toBeGreaterThan(BLOCK.right - 20 * MM);
      else expect(numbers[0]!.xMin).toBeLessThan(BLOCK.left + 20 * MM);
    }

    // A page wholly of facts: 22 lines, each full line 28 characters and as wide as the block.
    const full = (await pdfLines(file, 3)).filter((l) => !PAGE_NUMBER.test(l.text));
    expect(full).toHaveLength(22);
    const whole = full.filter((l) => l.text.length === 28);
    expect(whole.length).toBeGreaterThanOrEqual(20);
    for (const l of whole) expect(l.xMax - l.xMin).toBeGreaterThan(155 * MM);
    expect(full.every((l) => l.text.length <= 28)).toBe(true);
  });

  it('flows edited text too long for a page onto the next ones, and prints no page number on a one-page notice', async () => {
    const id = await caseReadyFor(reg, staff, 'acceptance');
    const short = await staff.clerk.must<{ sha256: string }>('notices.issue', { caseId: id, type: 'acceptance' });
    const one = pdfPath(reg.core, short.sha256);
    expect((await pdfInfo(one)).pages).toBe(1);
    expect((await pdfText(one))).not.toMatch(/—\s*1\s*—/);
    const note = '请于收到本通知书之日起保持电话畅通配合调查。'.repeat(90);
    const long = await staff.clerk.must<{ sha256: string }>('notices.issue', { caseId: id, type: 'acceptance', overrides: { note } });
    const file = pdfPath(reg.core, long.sha256);
    expect((await pdfInfo(file)).pages).toBeGreaterThanOrEqual(3);
    expect((await pdfText(file)).replace(/\s+/g, '').replace(/—\d+—/g, '')).toContain(note);
  });
});
