import { closeUpToOnePage, keepTailWithSign } from '../../../shared/notices/printPage';
import { NOTICE_LINES, NOTICE_TAIL_LINES, NOTICE_WHOLE_UP_TO, noticeLinePitch } from '../../../shared/notices/styles';

/** The closer line pitches a notice may be set at to stay on one page, loosest first. */
const closer = NOTICE_LINES.slice(1).map(noticeLinePitch);

/**
 * Run in the print engine's page before it prints (electron/main/pdfPrinter.ts, the host's
 * electron/host/chromiumPrinter.ts), as one script:
 * - Loads every face the notice's HTML declares — only the subsets its characters need are inside
 *   it (./fonts.ts) — and fails when one does not load, so a PDF is never printed in a stand-in
 *   face. `document.fonts.ready` alone is not enough: it resolves as soon as no load is pending,
 *   which can be before layout has asked for a face at all.
 * - Then, with the lines where they will print, closes up a notice that would spill onto a second
 *   page only by its sign block, and cuts a long last paragraph so that its last lines go with the
 *   sign block (shared/notices/printPage.ts).
 */
export const PREPARE_FOR_PRINT = `(async () => {
  document.body.getBoundingClientRect();
  const faces = [...document.fonts];
  await Promise.all(faces.map((face) => face.load()));
  await document.fonts.ready;
  const missing = faces.filter((face) => face.status !== 'loaded');
  if (missing.length > 0) throw new Error('notice faces did not load: ' + missing.map((face) => face.family).join(', '));
  const closedUp = (${closeUpToOnePage.toString()})(document, ${JSON.stringify(closer)});
  const cut = (${keepTailWithSign.toString()})(document, ${NOTICE_WHOLE_UP_TO}, ${NOTICE_TAIL_LINES});
  return { closedUp, cut };
})()`;
