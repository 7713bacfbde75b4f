/**
 * The page of GB/T 9704-2012 as CSS, one text for the PDF (the core's HTML) and the page (preview
 * and printing in browser mode):
 * - A4; 版心 156 × 225 mm: top margin 37 mm, left (binding) 28 mm, so right 26 mm, bottom 35 mm (5.2).
 * - Body 3号 (16 pt), 22 lines of 28 characters filling the text block (5.2.1, 7.3.3): letters
 *   are drawn 0.22 pt closer so that exactly 28 fit in 156 mm, and each line is 225 mm / 22,
 *   rounded down to Chromium's layout unit (1/64 px) so that 22 lines, not 21, fit a page.
 * - Nothing is ever wider than the text block: Chromium's print engine shrinks the whole page to
 *   fit anything that sticks out (a long issuer centred on the date did: the body came out at
 *   15.6 pt), so nothing unbreakable is long, the sign block stays inside, and the notice clips
 *   sideways as the last guard.
 * - Title 2号 (22 pt) bold; the office's name in red over a red rule (7.2.2, 7.2.5).
 * - Page numbers 4号 (14 pt) "— 1 —", 7 mm below the text block, odd pages right and even pages
 *   left, one character in (7.5); only on notices of more than one page.
 * - Breaks where a person would make them: the sign block (issuer, date, seal, 附注) is one
 *   unbreakable block that takes the last paragraph with it (whole, or its last two lines when it
 *   is longer than a third of a page), a heading stays with what follows it.
 *   Where the sign block would spill a notice onto a second page, the printing page closes up the
 *   lines (7.3.5.4: 可以采取调整行距的措施解决) to as few more a page as keep it on one, at most 26.
 * - No synthetic bold or italic anywhere: bold comes from real 700-weight font files (a faked bold
 *   prints as Type 3 glyphs).
 */

/** The A4 page's margins (5.2.1): 版心 156 × 225 mm from 37 mm top and 28 mm left. */
export const NOTICE_MARGINS_MM = { top: 37, right: 26, bottom: 35, left: 28 } as const;
const margins = `${NOTICE_MARGINS_MM.top}mm ${NOTICE_MARGINS_MM.right}mm ${NOTICE_MARGINS_MM.bottom}mm ${NOTICE_MARGINS_MM.left}mm`;

/** The verification line's foot above the paper's bottom edge, in the bottom margin, clear of the page number 7 mm under the block. */
export const NOTICE_ANCHOR_FROM_BOTTOM_MM = 12;

/** A last paragraph of up to this many lines goes whole with the sign block; of a longer one, its last NOTICE_TAIL_LINES do. */
export const NOTICE_WHOLE_UP_TO = 8;
export const NOTICE_TAIL_LINES = 2;

/**
 * Lines a page: 22 by the standard; 23 to 26 where a notice is closed up to stay on one page
 * (7.3.5.4; printPage.ts). At 26 the pitch is still half again the type's size (24.5 pt for 16 pt).
 */
export const NOTICE_LINES = [22, 23, 24, 25, 26] as const;

/** The 225 mm text block in CSS pixels, rounded down to Chromium's layout unit (1/64 px). */
const BLOCK_PX = Math.floor(((225 * 96) / 25.4) * 64) / 64;

/** The line pitch in CSS pixels for `lines` lines in the text block, rounded down to the layout unit so they all fit. */
export function noticeLinePitch(lines: number): number {
  return Math.floor((BLOCK_PX / lines) * 64) / 64;
}

/** Font families of the notices; the body may be an office's own licensed 仿宋 (a setting). */
export const NOTICE_SERIF = 'Noto Serif SC';
export const NOTICE_OFFICE_FONT = 'Office Body Face';

/**
 * The seal's box (42 mm, a common round seal) and where the issuer's line starts inside it: its
 * top at the foot of the body (GB/T 9704 7.3.5.1: 印章顶端上距正文一行之内), the issuer and the date
 * a little below its centre (署名和成文日期居印章中心偏下位置).
 */
const SEAL = '42mm';
const ISSUER_TOP = `calc(${SEAL} * 0.42)`;
/** Below the seal and before the 附注: a seal never covers the line beneath it. */
const SEAL_CLEARANCE = '2.5mm';

/**
 * The 投诉登记表 (components/RegistrationFormView.tsx) on the same A4 page and 版心: a form, not a
 * 公文 body, so 小四 (12 pt) at 1.25 times, the size of the office's paper forms — at 3号 the
 * 156 mm block holds a label and some 9 characters a cell, and an address, an ID number or an
 * order number would wrap in every row; at 12 pt a two-pair row reads as one line. Title 2号 bold
 * as on the notices. Rows never break inside, except the long ones (facts, request), which run on
 * line by line; the consents, declaration and signatures are one unbreakable block.
 */
const registrationFormCss = `
.cd-form {
  width: 156mm;
  box-sizing: border-box;
  color: #000;
  font-family: '${NOTICE_SERIF}', serif;
  font-size: 12pt;
  font-weight: 400;
  font-synthesis: none;
  line-height: 1.25;
  text-align: left;
  word-break: normal;
  overflow-wrap: anywhere;
  line-break: strict;
  overflow-x: clip;
}
.cd-form * { box-sizing: border-box; font-synthesis: none; }
.cd-form-attachment { break-before: page; }
/* On screen (the preview's one long sheet) the 附件 is set apart where paper starts a new page. */
@media screen { .cd-form-attachment { margin-top: 24mm; padding-top: 12mm; border-top: 1px dashed #999; } }
.cd-form .cd-code { word-break: break-all; }
.cd-form p { margin: 0; }
.cd-form .cd-form-annex { font-weight: 700; font-size: 16pt; }
.cd-form .cd-form-office { text-align: center; font-size: 14pt; line-height: 1.3; }
.cd-form h1 { margin: 1mm 0 0 0; font-size: 22pt; font-weight: 700; line-height: 1.45; letter-spacing: 0.3em; text-align: center; }
.cd-form .cd-form-caseno { text-align: right; margin: 1mm 0 1mm 0; }
.cd-form table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.cd-form table + table, .cd-form table + .cd-form-close { margin-top: -0.75pt; }
.cd-form col.cd-form-groupcol { width: 5.5%; }
.cd-form col.cd-form-label { width: 18%; }
/* The group's name down the left edge, one character under another, as on paper forms. */
.cd-form th.cd-form-group { writing-mode: vertical-rl; text-align: center; vertical-align: middle; letter-spacing: 0; background: #eee; padding: 0.5mm 0; }
.cd-form th, .cd-form td { border: 0.75pt solid #000; padding: 0.5mm 1.2mm; vertical-align: top; }
.cd-form th { font-weight: 700; text-align: left; font-size: 11pt; }
.cd-form th.cd-form-group { font-size: 12pt; }
.cd-form tr { break-inside: avoid; }
.cd-form tr.cd-form-long { break-inside: auto; }
.cd-form tr.cd-form-long p { text-indent: 2em; text-align: justify; orphans: 2; widows: 2; }
/* The consents, declaration and signatures: one piece that takes the request's row with it, never a page of its own. */
.cd-form-close { break-inside: avoid; break-before: avoid; }
.cd-form tr.cd-form-sign td { padding: 1.5mm 3mm 2.5mm 3mm; }
.cd-form .cd-form-signline { display: flex; justify-content: space-between; margin-top: 3mm; }
.cd-form .cd-form-fill { display: inline-block; width: 40mm; border-bottom: 0.75pt solid #000; height: 1.2em; vertical-align: bottom; }
.cd-form .cd-form-fill-short { width: 30mm; }
`;

export const noticeCss = `
.cd-notice {
  --cd-line: ${noticeLinePitch(22)}px;
  /* How tall the notice may be to stay on one page (printPage.ts closes it up to fit). */
  --cd-fit-height: ${BLOCK_PX}px;
  width: 156mm;
  box-sizing: border-box;
  color: #000;
  font-family: var(--cd-body-font, '${NOTICE_SERIF}'), '${NOTICE_SERIF}', serif;
  font-size: 16pt;
  font-weight: 400;
  font-style: normal;
  font-synthesis: none;
  line-height: var(--cd-line);
  letter-spacing: -0.22pt;
  text-align: justify;
  /*
   * Chinese breaks anywhere; short numbers and words stay whole; a long one (ID number, credit
   * code, phone number: .cd-code, marked in parts.tsx) breaks anywhere, as an office's word
   * processor sets a 公文 (允许西文在单词中间换行), so the line before it is filled instead of
   * stretched into spaced-out characters. No line starts with a closing mark.
   */
  word-break: normal;
  overflow-wrap: anywhere;
  line-break: strict;
  /* Full-width punctuation keeps its full width, as on the standard's grid. */
  text-spacing-trim: space-all;
  overflow-x: clip;
}
.cd-notice * { box-sizing: border-box; font-synthesis: none; }
.cd-notice p { margin: 0; text-indent: 2em; orphans: 2; widows: 2; }
.cd-notice p.cd-flush { text-indent: 0; }
.cd-notice .cd-code { word-break: break-all; }
.cd-notice .cd-strong { font-family: '${NOTICE_SERIF}', serif; font-weight: 700; }
.cd-notice .cd-office {
  color: #d40000;
  font-family: '${NOTICE_SERIF}', serif;
  font-weight: 700;
  text-align: center;
  letter-spacing: 0.05em;
  line-height: 1.3;
  text-indent: 0;
}
.cd-notice .cd-number { text-align: center; text-indent: 0; margin-top: calc(var(--cd-line) * 0.5); }
.cd-notice .cd-number-blank { display: inline-block; min-width: 2em; color: #888; }
.cd-notice .cd-rule { border: 0; border-top: 1.2pt solid #d40000; margin: 4mm 0 0 0; height: 0; }
.cd-notice h1 {
  margin: calc(var(--cd-line) * 2) 0 0 0;
  font-family: '${NOTICE_SERIF}', serif;
  font-size: 22pt;
  font-weight: 700;
  line-height: 1.45;
  letter-spacing: 0.05em;
  text-align: center;
  text-indent: 0;
}
.cd-notice .cd-addressee { margin-top: var(--cd-line); text-indent: 0; }
.cd-notice .cd-list { margin: 0; padding: 0; list-style: none; }
.cd-notice .cd-list li { text-indent: 2em; }
.cd-notice .cd-gap { margin-top: var(--cd-line); }
.cd-notice .cd-parties p { text-indent: 0; padding-left: 2em; }
/* The sign block: one piece, never at the top of a page without the text before it. */
.cd-notice .cd-close { break-inside: avoid; break-before: avoid; }
/*
 * The last paragraph goes with it, whole when it is up to a third of a page (NOTICE_WHOLE_UP_TO
 * lines); a longer one is cut before printing into its lines but the last two and those two
 * (printPage.ts), which print the same and go with the sign block.
 */
.cd-notice > p:has(+ .cd-close), .cd-notice > :has(+ .cd-close) > p:last-child { break-inside: avoid; }
.cd-notice p.cd-head { text-align-last: justify; }
.cd-notice p.cd-tail { text-indent: 0; }
.cd-notice .cd-heading { break-after: avoid; }
/* 附件说明 (GB/T 9704 7.3.3) is one list at the head of the sign block (NoticeView): never split over two pages. */
.cd-notice .cd-attachments { break-inside: avoid; }
.cd-notice .cd-sign { display: flex; justify-content: flex-end; text-indent: 0; }
/*
 * 署名 and 成文日期 (7.3.5.1): the date four characters in from the right, the issuer centred on
 * it; an issuer longer than the date and its margins ends at the block's right edge, with the date
 * centred under it, so the block is never overrun (one longer than the block wraps). The box is as tall as the seal, so a break
 * never cuts the seal and the 附注 starts below it.
 */
.cd-notice .cd-sign-inner {
  /* A plain block as wide as its widest line (a grid here let Chromium break inside the sign block). */
  position: relative;
  width: fit-content;
  max-width: 100%;
  text-align: center;
  min-height: calc(${SEAL} + ${SEAL_CLEARANCE});
  padding-top: ${ISSUER_TOP};
}
.cd-notice .cd-date { padding: 0 4em; white-space: nowrap; }
.cd-notice .cd-seal {
  position: absolute;
  top: 0;
  left: 50%;
  width: ${SEAL};
  height: ${SEAL};
  object-fit: contain;
  transform: translateX(-50%);
  mix-blend-mode: multiply;
  pointer-events: none;
}
.cd-notice .cd-remark { text-indent: 2em; margin-top: 0; }
.cd-notice .cd-signatures { margin-top: var(--cd-line); }
.cd-notice .cd-signatures .cd-row { display: flex; justify-content: space-between; }
.cd-notice .cd-signatures .cd-cell { width: 50%; text-indent: 0; text-align: left; }
${registrationFormCss}`;

const pageNumberBox = (side: 'left' | 'right') => `
  @bottom-${side} {
    content: "\\2014  " counter(page) "  \\2014";
    font-family: '${NOTICE_SERIF}', serif;
    font-size: 14pt;
    font-weight: 400;
    vertical-align: top;
    text-align: ${side};
    padding-top: 7mm;
    padding-${side}: 14pt;
  }`;

/** A CSS string: quotes and backslashes escaped, line breaks and other controls dropped. */
const cssString = (s: string) => `"${[...s].filter((c) => c >= ' ' && c !== '\u007f').join('').replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** The verification line's text, as printed. */
export const anchorLine = (anchor: string) => `校验：${anchor}`;

export interface NoticePageOptions {
  /** The number of pages, where known (the second print, a print from the page); null: not yet. */
  pages: number | null;
  /** The integrity anchor of shared/notices/model.ts, or null. */
  anchor: string | null;
}

/**
 * The A4 page itself: page numbers on notices of more than one page, and the verification line
 * ("校验：存证…") in the bottom margin of the last page, small and grey, where it takes no line
 * from the text and can never make a page of its own. CSS cannot name the last page, so a counter
 * style draws the line on page N alone (`system: fixed N`), and nothing on the others; before the
 * pages are counted it goes on page 1, which is the last page of a one-page notice.
 */
export function noticePageCss({ pages, anchor }: NoticePageOptions): string {
  const numbers = pages !== null && pages > 1;
  const last = pages ?? 1;
  const verification = anchor
    ? `
@counter-style cd-nothing { system: cyclic; symbols: ""; }
@counter-style cd-anchor { system: fixed ${last}; symbols: ${cssString(anchorLine(anchor))}; fallback: cd-nothing; }`
    : '';
  const anchorBox = anchor
    ? `
  @bottom-center {
    content: counter(page, cd-anchor);
    font-family: '${NOTICE_SERIF}', serif;
    font-size: 7pt;
    font-weight: 400;
    letter-spacing: 0;
    color: #555;
    vertical-align: bottom;
    text-align: center;
    padding-bottom: ${NOTICE_ANCHOR_FROM_BOTTOM_MM}mm;
  }`
    : '';
  return `
@page { size: A4; margin: ${margins};${anchorBox}
}
${numbers ? `@page :right {${pageNumberBox('right')}\n}\n@page :left {${pageNumberBox('left')}\n}` : ''}${verification}
`;
}
