import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledFontCss } from '../../electron/core/notices/fonts';
import { NoticeView } from '../../shared/notices/components/NoticeView';
import type { NoticeDocument } from '../../shared/notices/model';
import { noticeCss, noticePageCss } from '../../shared/notices/styles';
import { noticeTypes } from '../../shared/notices/types';
import { readPdfLayout, type PdfLayoutPage } from '../support/pdf';
import { checkNotice, linePitch, near, SEAL, STANDARD_PITCH } from './noticeChecks';
import { BLOCK, MAX_LINES, MM, newPrinter, withLines } from './noticeKit';

/**
 * Where a notice breaks, for every type and every length of text from one line to three pages
 * (or as far as the type's boxes reach): the sign block (issuer, date, seal, 附注) is never
 * alone on a page nor cut, it takes the last paragraph with it (whole, unless that is longer than a
 * third of a page), a notice whose text fits one page is one page, the seal lies wholly
 * inside the text block, over the issuer and date, clear of the 附注 — read off the drawing
 * positions in the PDF, not only its text. Sizes are measured too: body 16 pt, title 22 pt.
 *
 * Every length of every type is several hundred notices; to print them in a reasonable time each
 * type's lengths go to the print engine as one document, each notice starting a fresh page of
 * the same @page (the layout of a notice does not depend on what was printed before it). The
 * verification line, which lives in the page's margin box, and the other page furniture are
 * checked on notices issued one by one in noticeLayout.test.ts.
 */
const printer = newPrinter();
afterAll(() => printer.close());

/** Notices per document: small enough that a busy PC lays one out well inside the engine's time limits. */
const CHUNK = 12;

/** Many notices as documents of a dozen, each notice from the top of a fresh page. */
async function printBatch(docs: NoticeDocument[], pageSize = 'A4'): Promise<PdfLayoutPage[]> {
  const pages: PdfLayoutPage[] = [];
  for (let i = 0; i < docs.length; i += CHUNK) {
    const markup = docs
      .slice(i, i + CHUNK)
      .map((doc) => renderToStaticMarkup(createElement(NoticeView, { doc, sealSrc: SEAL })))
      .join('');
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
${bundledFontCss(markup.replace(/<[^>]*>/g, ''))}
${noticePageCss({ pages: null, anchor: null }).replace('size: A4', `size: ${pageSize}`)}
html,body{margin:0;padding:0;background:#fff;}
${noticeCss}
.cd-notice + .cd-notice { break-before: page; }
${pageSize === 'A4' ? '' : '.cd-notice { --cd-fit-height: none; }'}
</style></head><body>${markup}</body></html>`;
    pages.push(...(await readPdfLayout(await printer.printToPdf(html, { pageSize: 'A4' }))).pages);
  }
  return pages;
}

/** Splits a batch's pages by notice: each starts with its title (22 pt). */
function byNotice(pages: PdfLayoutPage[]): PdfLayoutPage[][] {
  const out: PdfLayoutPage[][] = [];
  for (const p of pages) {
    if (p.lines.some((l) => near(l.fontSize, 22))) out.push([p]);
    else out.at(-1)!.push(p);
  }
  return out;
}

/** How far down the notice's flow reaches when nothing breaks it, in points below the text block's top. */
function flowDepth(page: PdfLayoutPage): number {
  const bottoms = [...page.lines.map((l) => l.yMax + (l.fontSize * 0.2)), ...page.imageBoxes.map((b) => b.yMax + 2.5 * MM)];
  return Math.max(...bottoms) - BLOCK.top;
}

describe('breaks of every notice type, every length from one line to three pages', () => {
  it.each(noticeTypes)('%s', async (type) => {
    const made: { doc: NoticeDocument; lines: number }[] = [];
    for (let lines = 1; lines <= MAX_LINES; lines++) {
      const doc = withLines(type, lines);
      if (!doc) break;
      made.push({ doc, lines });
    }
    expect(made.length).toBeGreaterThanOrEqual(50);
    const notices = byNotice(await printBatch(made.map((d) => d.doc)));
    expect(notices).toHaveLength(made.length);
    const closedUp = notices.map((pages) => pages.length === 1 && linePitch(pages[0]!) < STANDARD_PITCH - 0.6);
    // Those on two pages or closed up to one, printed at the standard pitch on one endless page: how deep each reaches unbroken.
    const close = made.map((_, i) => i).filter((i) => notices[i]!.length === 2 || closedUp[i]);
    const unbroken = byNotice(await printBatch(close.map((i) => made[i]!.doc), '210mm 2000mm'));
    expect(unbroken).toHaveLength(close.length);
    let longest = 0;
    made.forEach(({ doc, lines }, i) => {
      const label = `${type}, ${lines} lines${closedUp[i] ? ' closed up' : ''}`;
      const { pages } = checkNotice(doc, notices[i]!, label);
      // 附件说明 is one list on the sign page, never its last line alone with the sign block.
      const attachmentPages = notices[i]!.map((p, n) => (p.lines.some((l) => l.text.startsWith('附件：')) ? n : -1)).filter((n) => n >= 0);
      if (type === 'referral' && doc.text.attachments) expect(attachmentPages, `${label}: 附件 on the sign page`).toEqual([pages - 1]);
      longest = Math.max(longest, pages);
      // A notice whose text fits one page is one page, at the standard pitch (within a millimetre, left to the engine).
      const k = close.indexOf(i);
      const depth = k < 0 ? null : flowDepth(unbroken[k]![0]!);
      if (depth !== null && depth < 224 * MM) {
        expect(pages, `${label}: fits one page (${(depth / MM).toFixed(1)} mm) but printed on ${pages}`).toBe(1);
        expect(closedUp[i], `${label}: fits one page (${(depth / MM).toFixed(1)} mm) but was closed up`).toBe(false);
      }
      // Closed up only where the standard pitch would have spilt it.
      if (closedUp[i] && depth !== null) expect(depth, `${label}: closed up though it fits`).toBeGreaterThan(224 * MM);
    });
    expect(longest, `${type}: the texts reach over two pages`).toBeGreaterThanOrEqual(type === 'mediationNotice' ? 2 : 3);
    // Some spill only by their sign block, and are closed up to one page.
    if (type === 'receipt' || type === 'acceptance') expect(closedUp.some(Boolean)).toBe(true);
  }, 600_000);
});
