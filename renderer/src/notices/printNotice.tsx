import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { NoticeView } from '../../../shared/notices/components/NoticeView';
import type { NoticeDocument } from '../../../shared/notices/model';
import { noticeCss, noticePageCss } from '../../../shared/notices/styles';

/**
 * Printing on paper from the page (browser mode; window.print opens the system dialog under
 * Electron too): the notice goes into its own root under <body>, and a print stylesheet hides
 * everything else — the app bar, the menu, any open dialog — so the sheet that comes out is the
 * page of the PDF: same component, same CSS, same @page margins and page numbers.
 */
const PRINT_ROOT = 'cd-print-root';
const ONLY_THE_NOTICE = `
@media screen { #${PRINT_ROOT} { display: none; } }
@media print {
  html, body { background: #fff !important; margin: 0 !important; padding: 0 !important; }
  body.cd-printing > *:not(#${PRINT_ROOT}) { display: none !important; }
}`;

export interface PrintJob {
  doc: NoticeDocument;
  seal: string | null;
  /** Notices of more than one page carry page numbers, as in the PDF. */
  pages: number;
}

async function imagesLoaded(root: HTMLElement): Promise<void> {
  await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
}

/** Returns `print(job)`, resolving once the print dialog has closed, and the element to render once. */
export function usePrintNotice() {
  const [job, setJob] = useState<(PrintJob & { done: () => void }) | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);

  const print = useCallback((next: PrintJob) => new Promise<void>((resolve) => setJob({ ...next, done: resolve })), []);

  useEffect(() => {
    if (!job) return;
    let cancelled = false;
    void (async () => {
      await document.fonts.ready;
      if (rootRef.current) await imagesLoaded(rootRef.current);
      if (cancelled) return;
      const finish = () => {
        document.body.classList.remove('cd-printing');
        setJob(null);
        job.done();
      };
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
        if (!started || ended) finish();
        else window.addEventListener('afterprint', finish, { once: true });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [job]);

  const element = job
    ? createPortal(
        <div id={PRINT_ROOT} ref={rootRef} data-testid="notice-print-root">
          <style>{`${noticePageCss(job.pages > 1)}${noticeCss}${ONLY_THE_NOTICE}`}</style>
          <NoticeView doc={job.doc} sealSrc={job.seal} />
        </div>,
        document.body,
      )
    : null;

  return { print, element, printing: job !== null };
}
