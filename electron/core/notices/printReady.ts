import { keepTailWithSign } from '../../../shared/notices/keepTail';
import { NOTICE_TAIL_LINES, NOTICE_WHOLE_UP_TO } from '../../../shared/notices/styles';

/**
 * Run in the print engine's page before it prints (electron/main/pdfPrinter.ts, the host's
 * electron/host/chromiumPrinter.ts), as one script:
 * - Loads every face the notice's HTML declares — only the subsets its characters need are inside
 *   it (./fonts.ts) — and fails when one does not load, so a PDF is never printed in a stand-in
 *   face. `document.fonts.ready` alone is not enough: it resolves as soon as no load is pending,
 *   which can be before layout has asked for a face at all.
 * - Then, with the lines where they will print, cuts a long last paragraph so that its last lines
 *   go with the sign block (shared/notices/keepTail.ts).
 */
export const PREPARE_FOR_PRINT = `(async () => {
  document.body.getBoundingClientRect();
  const faces = [...document.fonts];
  await Promise.all(faces.map((face) => face.load()));
  await document.fonts.ready;
  const missing = faces.filter((face) => face.status !== 'loaded');
  if (missing.length > 0) throw new Error('notice faces did not load: ' + missing.map((face) => face.family).join(', '));
  return (${keepTailWithSign.toString()})(document, ${NOTICE_WHOLE_UP_TO}, ${NOTICE_TAIL_LINES});
})()`;
