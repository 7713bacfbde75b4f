import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledFontCss } from '../../electron/core/notices/fonts';
import { NoticeView } from '../../shared/notices/components/NoticeView';
import type { NoticeDocument } from '../../shared/notices/model';
import { NOTICE_LINES, noticeCss, noticePageCss } from '../../shared/notices/styles';
import { noticeTypes } from '../../shared/notices/types';
import { readPdfLayout, type PdfLayoutPage } from '../support/pdf';
import { checkNotice, near, SEAL } from './noticeChecks';
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

/**
 * The spacing the core's print chooses (electron/core/notices/print.ts): a notice on two pages is
 * closed up to the fewest more lines a page, up to 26, that keep it on one. Done here for the whole
 * batch at once: print, see which came out on two pages, print those closer, one step at a time.
 */
async function asPrinted(docs: NoticeDocument[]): Promise<{ docs: NoticeDocument[]; pages: PdfLayoutPage[][]; spilt: number[] }> {
  const current = [...docs];
  const pages = byNotice(await printBatch(current));
  const spilt = current.map((_, i) => i).filter((i) => pages[i]!.length === 2);
  for (const lines of NOTICE_LINES.slice(1)) {
    const still = spilt.filter((i) => pages[i]!.length === 2);
    if (still.length === 0) break;
    const closer = still.map((i) => ({ ...current[i]!, lines }));
    const tried = byNotice(await printBatch(closer));
    still.forEach((i, k) => {
      if (tried[k]!.length !== 1) return;
      current[i] = closer[k]!;
      pages[i] = tried[k]!;
    });
  }
  return { docs: current, pages, spilt };
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
    const { docs, pages: notices, spilt } = await asPrinted(made.map((d) => d.doc));
    // Those that came out on two pages at 22 lines, on one endless page: how deep each reaches when nothing breaks it.
    const unbroken = byNotice(await printBatch(spilt.map((i) => made[i]!.doc), '210mm 2000mm'));
    expect(unbroken).toHaveLength(spilt.length);
    let longest = 0;
    let closedUp = 0;
    made.forEach(({ lines }, i) => {
      const doc = docs[i]!;
      const label = `${type}, ${lines} lines${doc.lines ? ` set ${doc.lines} a page` : ''}`;
      const { pages } = checkNotice(doc, notices[i]!, label);
      longest = Math.max(longest, pages);
      if (doc.lines) closedUp++;
      // A notice whose text fits one page is one page (within a millimetre, left to the engine).
      const k = spilt.indexOf(i);
      const depth = k < 0 ? null : flowDepth(unbroken[k]![0]!);
      if (depth !== null && depth < 224 * MM) expect(pages, `${label}: fits one page (${(depth / MM).toFixed(1)} mm) but printed on ${pages}`).toBe(1);
    });
    expect(longest, `${type}: the texts reach over two pages`).toBeGreaterThanOrEqual(type === 'mediationNotice' ? 2 : 3);
    // Some spill only by their sign block, and are closed up to one page.
    if (type === 'receipt' || type === 'acceptance') expect(closedUp).toBeGreaterThan(0);
  }, 600_000);
});
