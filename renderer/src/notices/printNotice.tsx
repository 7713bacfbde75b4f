import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { NoticeView } from '../../../shared/notices/components/NoticeView';
import { RegistrationFormView } from '../../../shared/notices/components/RegistrationFormView';
import type { RegistrationFormDocument } from '../../../shared/notices/registrationForm';
import type { NoticeDocument } from '../../../shared/notices/model';
import { closeUpToOnePage, keepTailWithSign } from '../../../shared/notices/printPage';
import { anchorLine, NOTICE_LINES, NOTICE_SERIF, NOTICE_TAIL_LINES, NOTICE_WHOLE_UP_TO, noticeCss, noticeLinePitch, noticePageCss } from '../../../shared/notices/styles';

/**
 * Printing on paper from the page (browser mode; window.print opens the system dialog under
 * Electron too): the notice goes into its own root under <body>, and a print stylesheet hides
 * everything else — the app bar, the menu, any open dialog — so the sheet that comes out is the
 * page of the PDF: same component, same CSS, same @page margins, page numbers and verification line.
 */
const PRINT_ROOT = 'cd-print-root';
// On screen the notice is laid out out of sight, not left out: its lines must be where they will
// print (keepTailWithSign measures them), and its faces asked for.
const ONLY_THE_NOTICE = `
@media screen { #${PRINT_ROOT} { position: fixed; left: -10000px; top: 0; visibility: hidden; pointer-events: none; } }
@media print {
  html, body { background: #fff !important; margin: 0 !important; padding: 0 !important; }
  body.cd-printing > *:not(#${PRINT_ROOT}) { display: none !important; }
}`;

export type PrintJob =
  | {
      doc: NoticeDocument;
      seal: string | null;
      /** Notices of more than one page carry page numbers, as in the PDF; the verification line goes on the last. */
      pages: number;
    }
  /** The 投诉登记表 (no seal, no number): on the same page, as its stored PDF. */
  | { form: RegistrationFormDocument; pages: number };

const anchorOf = (job: PrintJob) => ('form' in job ? job.form.anchor : job.doc.anchor);

/** What the clerk reads when the notice's face could not be loaded: nothing was printed. */
export const FONT_NOT_LOADED = '文书字体未能加载，未打印；请重试，或用“另存为PDF”后打印PDF';

async function imagesLoaded(root: HTMLElement): Promise<void> {
  await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
}

/**
 * The bundled face, in both weights, for exactly the characters of the notice, loaded before the
 * print starts. `document.fonts.ready` alone resolves as soon as no load is pending — before layout
 * has asked for the face at all, when the notice has only just been put in the page (it was, once,
 * left out of the screen's layout entirely): printing then began before the face had come, and a
 * PC without Chinese fonts printed no Chinese at all (a PC with them, a face unlike the PDF's).
 * The face is also imported here, so it is declared even where no preview was ever opened.
 * False when a weight did not load: better no print than a wrong one.
 */
async function noticeFaceLoaded(root: HTMLElement, job: PrintJob): Promise<boolean> {
  // The notice and any form: a referral carries its 附件 (the 投诉登记表) after the notice, a form has no .cd-notice at all.
  const anchor = anchorOf(job);
  const shown = [...root.querySelectorAll('.cd-notice, .cd-form')].map((e) => e.textContent ?? '').join('');
  const text = `${shown}${anchor ? anchorLine(anchor) : ''}0123456789—`;
  try {
    const loaded = await Promise.all([400, 700].map((weight) => document.fonts.load(`${weight} 16pt "${NOTICE_SERIF}"`, text)));
    await document.fonts.ready;
    return loaded.every((faces) => faces.length > 0 && faces.every((f) => f.status === 'loaded'));
  } catch {
    return false;
  }
}

/**
 * Returns `print(job)`, resolving once the print dialog has closed with null, or with the Chinese
 * reason nothing was printed; and the element to render once.
 */
export function usePrintNotice() {
  const [job, setJob] = useState<(PrintJob & { done: (problem: string | null) => void }) | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);

  const print = useCallback((next: PrintJob) => new Promise<string | null>((resolve) => setJob({ ...next, done: resolve })), []);

  useEffect(() => {
    if (!job) return;
    let cancelled = false;
    void (async () => {
      const root = rootRef.current;
      const faceLoaded = root ? await noticeFaceLoaded(root, job) : false;
      if (root) await imagesLoaded(root);
      if (cancelled) return;
      // As the core's print engine does before it prints (electron/core/notices/printReady.ts).
      if (root && faceLoaded) {
        closeUpToOnePage(root, NOTICE_LINES.slice(1).map(noticeLinePitch));
        keepTailWithSign(root, NOTICE_WHOLE_UP_TO, NOTICE_TAIL_LINES);
      }
      const finish = (problem: string | null) => {
        document.body.classList.remove('cd-printing');
        setJob(null);
        job.done(problem);
      };
      if (!faceLoaded) return finish(FONT_NOT_LOADED);
      // Chromium fires beforeprint, shows its dialog, fires afterprint, then returns; a browser
      // whose dialog does not block returns at once and fires afterprint when the sheet is done.
      let started = false;
      let ended = false;
      const onBefore = () => (started = true);
      const onAfter = () => (ended = true);
      window.addEventListener('beforeprint', onBefore);
      window.addEventListener('afterprint', onAfter);
      document.body.classList.add('cd-printing');
      try {
        window.print();
      } finally {
        window.removeEventListener('beforeprint', onBefore);
        window.removeEventListener('afterprint', onAfter);
        if (!started || ended) finish(null);
        else window.addEventListener('afterprint', () => finish(null), { once: true });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [job]);

  const element = job
    ? createPortal(
        <div id={PRINT_ROOT} ref={rootRef} data-testid="notice-print-root">
          <style>{`${noticePageCss({ pages: job.pages, anchor: anchorOf(job) })}${noticeCss}${ONLY_THE_NOTICE}`}</style>
          {'form' in job ? <RegistrationFormView doc={job.form} /> : <NoticeView doc={job.doc} sealSrc={job.seal} />}
        </div>,
        document.body,
      )
    : null;

  return { print, element, printing: job !== null };
}
