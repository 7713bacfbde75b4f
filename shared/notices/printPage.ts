/**
 * What the printing page does to a notice before it prints — in the core's print engine
 * (electron/core/notices/printReady.ts sends this source) and in the page that prints on paper
 * (renderer/src/notices/printNotice.tsx) alike, once the faces have loaded, so that lines are
 * where they will print. Self-contained, every number passed in; shared/ has no DOM types, so the
 * page's own objects come in untyped.
 */

/**
 * A notice that would spill onto a second page only by its last lines and sign block is closed up
 * (GB/T 9704 7.3.5.4: 当公文排版后所剩空白处不能容下印章…时，可以采取调整行距、字距的措施解决): its
 * height laid out as one column is its height on paper, so each closer line pitch is tried, loosest
 * first, until it fits the text block (`--cd-fit-height`, styles.ts); none fitting, it keeps the
 * standard pitch and runs on. The same notice, fonts and CSS give the same choice wherever it
 * prints. Returns how many notices it closed up.
 */
export function closeUpToOnePage(root: any, closerPitches: number[]): number {
  let closed = 0;
  for (const notice of Array.from(root.querySelectorAll('.cd-notice')) as any[]) {
    const view = notice.ownerDocument.defaultView;
    const fit = parseFloat(view.getComputedStyle(notice).getPropertyValue('--cd-fit-height'));
    if (!(fit > 0) || notice.getBoundingClientRect().height <= fit) continue;
    let fitted = false;
    for (const pitch of closerPitches) {
      notice.style.setProperty('--cd-line', `${pitch}px`);
      if (notice.getBoundingClientRect().height <= fit) {
        fitted = true;
        break;
      }
    }
    if (fitted) {
      notice.classList.add('cd-closed-up');
      closed++;
    } else notice.style.removeProperty('--cd-line');
  }
  return closed;
}

/**
 * The last paragraph before the sign block, when it is long, cut where a line starts into all its
 * lines but the last ones, and those.
 *
 * Why: the sign block takes the last paragraph with it (styles.ts). A short one goes whole; a long
 * one must break and leave its last lines with the sign block — and Chromium's print engine will
 * not move lines of a paragraph that began on an earlier page to keep a block company (it honours
 * `break-before: avoid` only by breaking between blocks, or between lines of a paragraph begun on
 * the same page): a five-page note put the sign block alone on page 5, its seal cut in half.
 * Cut into two blocks, the same lines print the same — the first part keeps its indent and
 * justifies its last line as every full line is justified, the second goes on without an indent —
 * and the short second part goes with the sign block whole. Returns how many paragraphs it cut.
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
