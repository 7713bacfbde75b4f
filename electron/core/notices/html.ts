import { createElement } from 'react';
import { NoticeView } from '../../../shared/notices/components/NoticeView';
import { RegistrationFormView } from '../../../shared/notices/components/RegistrationFormView';
import { REGISTRATION_FORM_TITLE, type RegistrationFormDocument } from '../../../shared/notices/registrationForm';
import type { NoticeDocument } from '../../../shared/notices/model';
import { anchorLine, NOTICE_OFFICE_FONT, noticeCss, noticePageCss } from '../../../shared/notices/styles';
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

async function page(markup: string, anchor: string | null, title: string, options: Omit<HtmlOptions, 'sealSrc'>): Promise<string> {
  const text = textOf(markup, { anchor });
  const fonts = [bundledFontCss(text)];
  if (options.bodyFont) fonts.push(await officeFontCss(options.bodyFont, text));
  const body = options.bodyFont ? `.cd-notice{--cd-body-font:'${NOTICE_OFFICE_FONT}';}` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
${fonts.join('\n')}
${noticePageCss({ pages: options.pages, anchor })}
html,body{margin:0;padding:0;background:#fff;}
${noticeCss}
${body}
</style></head><body>${markup}</body></html>`;
}
