import { createElement } from 'react';
import { NoticeView } from '../../../shared/notices/components/NoticeView';
import { RegistrationFormView } from '../../../shared/notices/components/RegistrationFormView';
import { DossierPartView, dossierCss } from '../../../shared/notices/components/DossierView';
import { dossierPartTitle, type DossierPart } from '../../../shared/notices/dossier';
import { REGISTRATION_FORM_TITLE, type RegistrationFormDocument } from '../../../shared/notices/registrationForm';
import type { NoticeDocument } from '../../../shared/notices/model';
import { anchorLine, NOTICE_OFFICE_FONT, NOTICE_SERIF, noticeCss, noticePageCss } from '../../../shared/notices/styles';
import { noticeTitle } from '../../../shared/notices/types';
import { bundledFontCss, officeFontCss } from './fonts';

export interface HtmlOptions {
  /** The seal image as a data: URL, or null. */
  sealSrc: string | null;
  /** The office's licensed body font file, or null for the bundled face. */
  bodyFont: Buffer | null;
  /** The notice's pages once counted (page numbers, the verification line on the last), else null. */
  pages: number | null;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The characters a page shows: the notice's text, the verification line, and the page numbers' digits and dashes. */
const textOf = (markup: string, doc: { anchor: string | null }) =>
  `${markup.replace(/<[^>]*>/g, '').replace(/&[a-z#0-9]+;/gi, ' ')}${doc.anchor ? anchorLine(doc.anchor) : ''}0123456789—`;

/**
 * The notice as one self-contained HTML page for Chromium's print engine: the same component the
 * page previews (one source), rendered to static markup, with its fonts and seal inside so that
 * no printer (playwright-core, Electron's printToPDF) needs a file or a network.
 */
export async function noticeHtml(doc: NoticeDocument, options: HtmlOptions): Promise<string> {
  // Loaded at the first notice, not at every start: react-dom/server is ~0.15 s of the start's CPU.
  const { renderToStaticMarkup } = await import('react-dom/server');
  const markup = renderToStaticMarkup(createElement(NoticeView, { doc, sealSrc: options.sealSrc }));
  return page(markup, doc.anchor, `${noticeTitle[doc.type]} ${doc.number.head}${doc.number.seq ?? ''}号`, options);
}

/** The 投诉登记表 as one page for the same print engine, on the same A4 page and faces (no seal: it is the record, not a decision). */
export async function registrationFormHtml(doc: RegistrationFormDocument, options: Omit<HtmlOptions, 'sealSrc'>): Promise<string> {
  const { renderToStaticMarkup } = await import('react-dom/server');
  const markup = renderToStaticMarkup(createElement(RegistrationFormView, { doc }));
  return page(markup, doc.anchor, `${REGISTRATION_FORM_TITLE} ${doc.caseNo}`, options);
}

/**
 * A part of a 卷宗 the core prints itself (cover, contents, history, checklist, evidence list and
 * photos, 备考表: shared/notices/components/DossierView.tsx) for the same engine, page and faces.
 * No page numbers of its own: the whole file is numbered through once bound (core/services/dossier).
 */
export async function dossierPartHtml(part: DossierPart, caseNo: string): Promise<string> {
  const { renderToStaticMarkup } = await import('react-dom/server');
  const markup = renderToStaticMarkup(createElement(DossierPartView, { part }));
  return page(markup, null, `${dossierPartTitle[part.kind]} ${caseNo}`, { bodyFont: null, pages: null }, dossierCss);
}

/**
 * The page numbers of a bound 卷宗, alone on `pages` blank A4 pages, to be laid over its pages:
 * in the upper right corner, where an archive numbers the sheets of a file (the documents' own
 * page numbers at the foot stay as they were printed).
 */
export function pageNumbersHtml(pages: number): string {
  const numbers = Array.from({ length: pages }, (_, i) => String(i + 1));
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页号</title><style>
${bundledFontCss('0123456789')}
@page { size: A4; margin: 0; }
html,body{margin:0;padding:0;background:transparent;}
.n{position:relative;width:210mm;height:297mm;break-after:page;overflow:hidden;}
.n:last-child{break-after:auto;}
.n span{position:absolute;top:10mm;right:14mm;font-family:'${NOTICE_SERIF}',serif;font-size:14pt;font-weight:400;}
</style></head><body>${numbers.map((n) => `<div class="n"><span>${n}</span></div>`).join('')}</body></html>`;
}

async function page(markup: string, anchor: string | null, title: string, options: Omit<HtmlOptions, 'sealSrc'>, extraCss = ''): Promise<string> {
  const text = textOf(markup, { anchor });
  const fonts = [bundledFontCss(text)];
  if (options.bodyFont) fonts.push(await officeFontCss(options.bodyFont, text));
  const body = options.bodyFont ? `.cd-notice{--cd-body-font:'${NOTICE_OFFICE_FONT}';}` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
${fonts.join('\n')}
${noticePageCss({ pages: options.pages, anchor })}
html,body{margin:0;padding:0;background:#fff;}
${noticeCss}
${extraCss}
${body}
</style></head><body>${markup}</body></html>`;
}
