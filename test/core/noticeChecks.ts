import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect } from 'vitest';
import { NoticeView } from '../../shared/notices/components/NoticeView';
import { cnDate } from '../../shared/notices/format';
import type { NoticeDocument } from '../../shared/notices/model';
import { NOTICE_TAIL_LINES, NOTICE_WHOLE_UP_TO, noticeLinePitch } from '../../shared/notices/styles';
import type { PdfLayoutPage, PdfLine } from '../support/pdf';
import { BLOCK, MM } from './noticeKit';

/**
 * The rules of a printed notice's pages, checked on the PDF's drawing positions (test/support/pdf.ts):
 * sizes, the text block, the sign block whole and never alone, the seal inside the block over the
 * issuer and date and clear of the 附注, the last paragraph with the sign block.
 */

/** The seal of the tests (test/fixtures/seal.png, 400 × 400) as the core inlines it. */
export const SEAL = `data:image/png;base64,${readFileSync(join(__dirname, '../fixtures/seal.png')).toString('base64')}`;

export const near = (a: number, b: number, tolerance = 0.02) => Math.abs(a - b) <= tolerance;
export const centre = (b: { xMin: number; xMax: number }) => (b.xMin + b.xMax) / 2;

/** The last paragraph of the body as written: the text of the last <p> before the sign block. */
function lastParagraph(doc: NoticeDocument): string {
  const markup = renderToStaticMarkup(createElement(NoticeView, { doc, sealSrc: null }));
  const body = markup.slice(0, markup.indexOf('<div class="cd-close">'));
  const last = [...body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].at(-1)!;
  return last[1]!.replace(/<[^>]*>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, '');
}

/** The standard line pitch in points (22 lines in the block). */
export const STANDARD_PITCH = (noticeLinePitch(22) * 72) / 96;

/**
 * The line pitch a page was set at, in points: the mean step from one line of body text to the
 * next where nothing stands between them (Chromium puts each baseline on a whole pixel, so single
 * steps alternate around the pitch).
 */
export function linePitch(page: PdfLayoutPage): number {
  const body = page.lines.filter((l) => near(l.fontSize, 16) && !isFurniture(l));
  const steps = body.slice(1).map((l, i) => l.yMax - body[i]!.yMax).filter((step) => step < STANDARD_PITCH * 1.2);
  return steps.reduce((a, b) => a + b, 0) / steps.length;
}

/** Page furniture outside the text block: page numbers, the verification line. */
export const PAGE_NUMBER = /^—\d+—$/;
export const isFurniture = (l: PdfLine) => PAGE_NUMBER.test(l.text) || l.text.startsWith('校验：');

export interface Checked {
  pages: number;
  /** Lines of text between the head and the sign block on the sign page. */
  withSign: number;
}

/**
 * Every rule of a notice's pages, on its drawing positions; `sealed`: a seal image was printed.
 * Page numbers and the verification line are left to the caller (they live in the margins).
 */
export function checkNotice(doc: NoticeDocument, layout: PdfLayoutPage[], label: string, sealed = true): Checked {
  const pages = layout.map((p) => ({ ...p, lines: p.lines.filter((l) => !isFurniture(l)) }));
  const issuer = doc.office.issuer;
  const date = cnDate(doc.date);
  // The office's name heads page 1 in its own size (parts.tsx officeSize), and may read as the issuer does.
  const officeLine = pages[0]!.lines[0];
  const isSign = (l: PdfLine) => l !== officeLine && near(l.fontSize, 16) && (l.text === issuer || l.text === date);

  // Sizes as printed: body 16 pt, title 22 pt, the office's name larger; nothing scaled to fit, nothing outside the block.
  for (const [i, p] of pages.entries()) {
    for (const l of p.lines) {
      if (l !== officeLine) expect(near(l.fontSize, 16) || near(l.fontSize, 22), `${label}, page ${i + 1}: ${l.text} at ${l.fontSize} pt`).toBe(true);
      expect(l.xMin, `${label}, page ${i + 1}: ${l.text}`).toBeGreaterThanOrEqual(BLOCK.left - 1);
      expect(l.xMax, `${label}, page ${i + 1}: ${l.text}`).toBeLessThanOrEqual(BLOCK.right + 1);
      expect(l.yMin, `${label}, page ${i + 1}: ${l.text}`).toBeGreaterThanOrEqual(BLOCK.top - 3);
      expect(l.yMax, `${label}, page ${i + 1}: ${l.text}`).toBeLessThanOrEqual(BLOCK.bottom + 3);
    }
    // No line stretched into spaced-out characters: a line as wide as the block is full of characters
    // (full-width ones an em, others about half), not a few words spread over it before a long number.
    // (Lines two characters in, the first of a paragraph or a party's, are 26 characters wide; the
    // 调解书's signature rows are two cells side by side, not a line.)
    const cells = /签字|^年月日/;
    for (const l of p.lines.filter((x) => x.xMax - x.xMin > 140 * MM && !cells.test(x.text))) {
      // Justifying a line after a closing mark kept off the next line's start spreads a character or two; more is a stretch.
      const ems = [...l.text].reduce((w, c) => w + (c.charCodeAt(0) > 0xff ? 1 : 0.55), 0);
      expect(ems, `${label}, page ${i + 1}: "${l.text}" stretched across the block`).toBeGreaterThanOrEqual(22);
    }
    // No page without text of the notice: none of the sign block alone, none of the verification line alone.
    expect(p.lines.filter((l) => near(l.fontSize, 16) && !isSign(l)).length, `${label}: page ${i + 1} has no text`).toBeGreaterThan(0);
  }
  expect(pages[0]!.lines.filter((l) => near(l.fontSize, 22)).length, `${label}: the title at 22 pt`).toBeGreaterThan(0);

  // The sign block is whole on the last page, after text of the notice on the same page.
  const signPages = pages.map((p, i) => (p.lines.some(isSign) ? i : -1)).filter((i) => i >= 0);
  expect(signPages, `${label}: issuer and date on the last page only`).toEqual([pages.length - 1]);
  const last = pages.at(-1)!;
  const issuerLine = last.lines.find((l) => isSign(l) && l.text === issuer);
  const dateLine = last.lines.find((l) => isSign(l) && l.text === date);
  if (!issuerLine || !dateLine) throw new Error(`${label}: no issuer or date line`);
  const above = last.lines.filter((l) => near(l.fontSize, 16) && l.yMax <= issuerLine.yMin + 1);
  expect(above.length, `${label}: the sign block alone on its page`).toBeGreaterThanOrEqual(1);
  expect(Math.abs(centre(issuerLine) - centre(dateLine)), `${label}: issuer centred over the date`).toBeLessThan(1.5);
  const remarks = last.lines.filter((l) => l.yMin > dateLine.yMin && l.text.startsWith('（'));

  // The seal: one image, on the sign page, inside the text block, centred over issuer and date, clear of the 附注.
  const images = pages.flatMap((p, i) => p.imageBoxes.map((b) => ({ b, i })));
  expect(images.map((x) => x.i), `${label}: the seal on the sign page`).toEqual(sealed ? [pages.length - 1] : []);
  if (sealed) {
    const seal = images[0]!.b;
    expect(seal.yMin, `${label}: seal top`).toBeGreaterThanOrEqual(BLOCK.top - 0.5);
    expect(seal.yMax, `${label}: seal bottom`).toBeLessThanOrEqual(BLOCK.bottom + 0.5);
    expect(seal.xMin, `${label}: seal left`).toBeGreaterThanOrEqual(BLOCK.left - 0.5);
    expect(seal.xMax, `${label}: seal right`).toBeLessThanOrEqual(BLOCK.right + 0.5);
    // 42 mm across its longer side, to Chromium's whole pixel.
    expect(Math.abs(Math.max(seal.yMax - seal.yMin, seal.xMax - seal.xMin) - 42 * MM), `${label}: seal size`).toBeLessThan(1);
    expect(Math.abs(centre(seal) - centre(dateLine)), `${label}: seal centred over the date`).toBeLessThan(1.5);
    const round = Math.abs(seal.yMax - seal.yMin - (seal.xMax - seal.xMin)) < 1;
    if (round) {
      // Issuer and date a little below the seal's centre, inside it (GB/T 9704 7.3.5.1: 居印章中心偏下位置).
      expect(issuerLine.yMax, `${label}: issuer below the seal's centre`).toBeGreaterThan((seal.yMin + seal.yMax) / 2);
      expect(dateLine.yMax, `${label}: date inside the seal`).toBeLessThan(seal.yMax);
      // The seal's top within one line of the text above it (印章顶端应当上距正文一行之内).
      const lastText = above.filter((l) => l.yMax <= seal.yMin + 1).at(-1);
      if (lastText) expect(seal.yMin - lastText.yMax, `${label}: seal within a line of the text`).toBeLessThan(225 * MM / 22);
    }
    for (const r of remarks) expect(r.yMin, `${label}: the seal covers ${r.text}`).toBeGreaterThanOrEqual(seal.yMax);
  }

  // The last paragraph goes with the sign block: whole, or, when it is longer than a third of a page, its last two lines.
  const paragraph = lastParagraph(doc);
  const signText = above.map((l) => l.text).join('');
  if (!signText.includes(paragraph)) {
    const own = above.filter((l) => l.text.length > 0 && paragraph.includes(l.text));
    expect(paragraph.length, `${label}: the last paragraph (${paragraph.slice(0, 12)}…) left behind`).toBeGreaterThan(NOTICE_WHOLE_UP_TO * 28 - 30);
    expect(own.length, `${label}: ${own.length} lines of the last paragraph with the sign block`).toBeGreaterThanOrEqual(NOTICE_TAIL_LINES);
    expect(paragraph.endsWith(own.map((l) => l.text).join('')), `${label}: the end of the last paragraph with the sign block`).toBe(true);
  }
  if (doc.type === 'mediationAgreement') expect(signText, `${label}: the parties sign beside the seal`).toContain('投诉人（签字）：');
  return { pages: pages.length, withSign: above.length };
}
