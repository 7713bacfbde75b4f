/**
 * The page of GB/T 9704-2012 as CSS, one text for the PDF (the core's HTML) and the page (preview
 * and printing in browser mode):
 * - A4; 版心 156 × 225 mm: top margin 37 mm, left (binding) 28 mm, so right 26 mm, bottom 35 mm (5.2).
 * - Body 3号 (16 pt), 22 lines of 28 characters filling the text block (5.2.1, 7.3.3): letters
 *   are drawn 0.22 pt closer so that exactly 28 fit in 156 mm, and each line is 225 mm / 22,
 *   rounded down to Chromium's layout unit (1/64 px) so that 22 lines, not 21, fit a page.
 * - Title 2号 (22 pt) bold; the office's name in red over a red rule (7.2.2, 7.2.5).
 * - Page numbers 4号 (14 pt) "— 1 —", 7 mm below the text block, odd pages right and even pages
 *   left, one character in (7.5); only on notices of more than one page.
 * - No synthetic bold or italic anywhere: bold comes from real 700-weight font files (a faked bold
 *   prints as Type 3 glyphs).
 */

/** Font families of the notices; the body may be an office's own licensed 仿宋 (a setting). */
export const NOTICE_SERIF = 'Noto Serif SC';
export const NOTICE_OFFICE_FONT = 'Office Body Face';

export const noticeCss = `
.cd-notice {
  --cd-line: 38.64px;
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
  /* Numbers and Latin words stay whole; Chinese breaks anywhere; no line starts with a closing mark. */
  word-break: normal;
  overflow-wrap: anywhere;
  line-break: strict;
  /* Full-width punctuation keeps its full width, as on the standard's grid. */
  text-spacing-trim: space-all;
}
.cd-notice * { box-sizing: border-box; font-synthesis: none; }
.cd-notice p { margin: 0; text-indent: 2em; orphans: 2; widows: 2; }
.cd-notice p.cd-flush { text-indent: 0; }
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
.cd-notice .cd-close { break-inside: avoid; break-before: avoid; }
.cd-notice .cd-sign {
  margin-top: calc(var(--cd-line) * 3);
  display: flex;
  justify-content: flex-end;
  padding-right: 4em;
}
/* The date fixes the position; the issuer is centred on it, however long either is. */
.cd-notice .cd-sign-inner { position: relative; white-space: nowrap; text-indent: 0; }
.cd-notice .cd-issuer { position: absolute; bottom: 100%; left: 50%; transform: translateX(-50%); white-space: nowrap; }
/*
 * The seal (42 mm, a common round seal) centred on the issuer and date, its centre a little above
 * the line between them. Laid out ending at the date's foot, so it never pushes a page break, and
 * moved down into place by a transform, which only paints.
 */
.cd-notice .cd-seal {
  position: absolute;
  left: 50%;
  bottom: 0;
  width: 42mm;
  height: 42mm;
  object-fit: contain;
  transform: translate(-50%, calc(42mm * 0.44 - var(--cd-line)));
  mix-blend-mode: multiply;
  pointer-events: none;
}
.cd-notice .cd-remark { text-indent: 2em; margin-top: 0; }
.cd-notice .cd-signatures { break-inside: avoid; break-before: avoid; margin-top: var(--cd-line); }
.cd-notice .cd-signatures .cd-row { display: flex; justify-content: space-between; }
.cd-notice .cd-signatures .cd-cell { width: 50%; text-indent: 0; text-align: left; white-space: nowrap; }
.cd-notice .cd-anchor {
  margin-top: calc(var(--cd-line) * 0.5);
  font-size: 7pt;
  line-height: 1.4;
  letter-spacing: 0;
  color: #555;
  text-indent: 0;
  text-align: left;
}
`;

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

/** The A4 page itself; with page numbers for notices of more than one page. */
export function noticePageCss(pageNumbers: boolean): string {
  return `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
${pageNumbers ? `@page :right {${pageNumberBox('right')}\n}\n@page :left {${pageNumberBox('left')}\n}` : ''}
`;
}
