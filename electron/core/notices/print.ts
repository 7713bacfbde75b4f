import { DomainError } from '../../../shared/api/errors';
import type { NoticeDocument } from '../../../shared/notices/model';
import type { PdfPrinter } from '../ports';
import type { RegistrationFormDocument } from '../../../shared/notices/registrationForm';
import { noticeHtml, registrationFormHtml, type HtmlOptions } from './html';

/** Pages of a PDF from Chromium's print engine: the /Count of its page tree. */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  if (counts.length === 0) throw new Error('the print engine returned no PDF page tree');
  return Math.max(...counts);
}

/**
 * Prints a notice to PDF. Page numbers go only on notices of more than one page (GB/T 9704 7.5
 * numbers the pages of a document; a one-page notice has none), and the verification line on the
 * last page: a notice that runs over is printed a second time, knowing its pages — the layout does
 * not change, only the page's margin boxes are drawn. (A notice that would spill onto a second
 * page only by its sign block is closed up by the printing page itself: shared/notices/printPage.ts.)
 */
export async function printNotice(printer: PdfPrinter | undefined, doc: NoticeDocument, options: Omit<HtmlOptions, 'pages'>): Promise<{ pdf: Buffer; pages: number }> {
  return printCounted(printer, (pages) => noticeHtml(doc, { ...options, pages }));
}

/** The 投诉登记表 to PDF, as a notice: page numbers when it runs over, the verification line on its last page. */
export async function printRegistrationForm(printer: PdfPrinter | undefined, doc: RegistrationFormDocument, options: Omit<HtmlOptions, 'pages' | 'sealSrc'>): Promise<{ pdf: Buffer; pages: number }> {
  return printCounted(printer, (pages) => registrationFormHtml(doc, { ...options, pages }));
}

async function printCounted(printer: PdfPrinter | undefined, html: (pages: number | null) => Promise<string>): Promise<{ pdf: Buffer; pages: number }> {
  if (!printer) throw new DomainError('INTERNAL', '本机未配置文书打印引擎，无法生成PDF；请联系管理员');
  let pdf = await printer.printToPdf(await html(null), { pageSize: 'A4' });
  let pages = pdfPageCount(pdf);
  if (pages > 1) {
    const counted = pages;
    pdf = await printer.printToPdf(await html(counted), { pageSize: 'A4' });
    pages = pdfPageCount(pdf);
    if (pages !== counted) throw new Error(`a notice printed on ${counted} pages came out on ${pages} the second time`);
  }
  return { pdf: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), pages };
}
