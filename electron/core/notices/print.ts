import { DomainError } from '../../../shared/api/errors';
import type { NoticeDocument } from '../../../shared/notices/model';
import { NOTICE_LINES } from '../../../shared/notices/styles';
import type { PdfPrinter } from '../ports';
import { noticeHtml, type HtmlOptions } from './html';

/** Pages of a PDF from Chromium's print engine: the /Count of its page tree. */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  if (counts.length === 0) throw new Error('the print engine returned no PDF page tree');
  return Math.max(...counts);
}

/**
 * Prints a notice to PDF, as an office sets it:
 * - A notice that spills onto a second page only because its last lines and sign block do not fit
 *   is closed up to as few more lines a page as keep it on one, at most 26 (GB/T 9704 7.3.5.4:
 *   当公文排版后所剩空白处不能容下印章…时，可以采取调整行距、字距的措施解决); the returned document
 *   says so (`lines`), and its snapshot keeps it, so the page prints the same.
 * - Page numbers go only on notices of more than one page (7.5), and the verification line on the
 *   last page: a notice that runs over is printed again knowing its pages — the layout does not
 *   change, only the page's margin boxes are drawn.
 */
export async function printNotice(
  printer: PdfPrinter | undefined,
  doc: NoticeDocument,
  options: Omit<HtmlOptions, 'pages'>,
): Promise<{ pdf: Buffer; pages: number; doc: NoticeDocument }> {
  if (!printer) throw new DomainError('INTERNAL', '本机未配置文书打印引擎，无法生成PDF；请联系管理员');
  const print = async (d: NoticeDocument, pages: number | null) => {
    const pdf = await printer.printToPdf(await noticeHtml(d, { ...options, pages }), { pageSize: 'A4' });
    return { doc: d, pdf, pages: pdfPageCount(pdf) };
  };
  let printed = await print(doc, null);
  if (printed.pages === 2) printed = (await closedUp(doc, print)) ?? printed;
  if (printed.pages > 1) {
    const counted = printed.pages;
    printed = await print(printed.doc, counted);
    if (printed.pages !== counted) throw new Error(`a notice printed on ${counted} pages came out on ${printed.pages} the second time`);
  }
  const { pdf } = printed;
  return { pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), pages: printed.pages, doc: printed.doc };
}

/**
 * The loosest closer spacing that keeps the notice on one page, or null: the closest first (one
 * print more for a notice it cannot save), then halving the rest (two more at most).
 */
async function closedUp<P extends { doc: NoticeDocument; pages: number }>(doc: NoticeDocument, print: (d: NoticeDocument, pages: null) => Promise<P>): Promise<P | null> {
  let candidates: number[] = NOTICE_LINES.slice(1);
  let best = await print({ ...doc, lines: candidates.at(-1)! }, null);
  if (best.pages !== 1) return null;
  candidates = candidates.slice(0, -1);
  while (candidates.length > 0) {
    const middle = candidates[Math.floor((candidates.length - 1) / 2)]!;
    const tried = await print({ ...doc, lines: middle }, null);
    if (tried.pages === 1) {
      best = tried;
      candidates = candidates.filter((n) => n < middle);
    } else candidates = candidates.filter((n) => n > middle);
  }
  return best;
}
