/**
 * The last paragraph before the sign block, when it is long, cut where a line starts into all its
 * lines but the last ones, and those: run in the printing page (the core's print engine, the page
 * printing on paper) once the faces have loaded, so that lines are where they will be printed.
 *
 * Why: the sign block takes the last paragraph with it (styles.ts). A short one goes whole; a long
 * one must break and leave its last lines with the sign block — and Chromium's print engine will
 * not move lines of a paragraph that began on an earlier page to keep a block company (it honours
 * `break-before: avoid` only by breaking between blocks, or between lines of a paragraph begun on
 * the same page): a five-page note put the sign block alone on page 5, its seal cut in half.
 * Cut into two blocks, the same lines print the same — the first part keeps its indent and
 * justifies its last line as every full line is justified, the second goes on without an indent —
 * and the short second part goes with the sign block whole.
 *
 * Self-contained, with its numbers passed in: the core sends its source to the print engine's
 * page. Returns how many paragraphs it cut. (shared/ has no DOM types: the page's own objects.)
 */
export function keepTailWithSign(root: any, wholeUpTo: number, tailLines: number): number {
  let cut = 0;
  for (const notice of Array.from(root.querySelectorAll('.cd-notice')) as any[]) {
    const close = notice.querySelector(':scope > .cd-close');
    let last = close ? close.previousElementSibling : null;
    if (last && last.tagName !== 'P') last = last.querySelector(':scope > p:last-child');
    if (!last || last.tagName !== 'P' || last.classList.contains('cd-tail')) continue;
    const doc = last.ownerDocument;
    const range = doc.createRange();
    // Where each printed line starts: the first character whose box is lower than the line before.
    const starts: { node: any; offset: number }[] = [];
    let lineTop = -Infinity;
    const texts = doc.createTreeWalker(last, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const text: string = node.data;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0xdc00 && code <= 0xdfff) continue;
        range.setStart(node, i);
        range.setEnd(node, i + (code >= 0xd800 && code <= 0xdbff ? 2 : 1));
        const box = range.getClientRects()[0];
        if (!box || box.height === 0) continue;
        if (box.top > lineTop + box.height / 2) {
          starts.push({ node, offset: i });
          lineTop = box.top;
        }
      }
    }
    if (starts.length <= wholeUpTo) continue;
    const from = starts[starts.length - tailLines]!;
    range.setStart(from.node, from.offset);
    range.setEnd(last, last.childNodes.length);
    const tail = last.cloneNode(false);
    tail.classList.add('cd-tail');
    tail.appendChild(range.extractContents());
    last.classList.add('cd-head');
    last.after(tail);
    cut++;
  }
  return cut;
}
