import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { NOTICE_SERIF, noticeCss, noticePageCss } from '../../../shared/notices/styles';
import { FONT_NOT_LOADED } from '../notices/printNotice';

/**
 * The 典型案例 write-up on the notices' A4 page (GB/T 9704 margins, the bundled Song face, 3号 body,
 * 2号 title: shared/notices/styles.ts), printed from the page by Chromium's print engine — the
 * same path the 文书 tab prints paper copies by, and "另存为PDF" in its dialog makes the PDF. A
 * write-up is no official document: no red head, number or seal, only the office and date at its end.
 */
const PRINT_ROOT = 'cd-typical-print-root';
const ONLY_THE_SHEET = `
@media screen { #${PRINT_ROOT} { position: fixed; left: -10000px; top: 0; visibility: hidden; pointer-events: none; } }
@media print {
  html, body { background: #fff !important; margin: 0 !important; padding: 0 !important; }
  body.cd-printing > *:not(#${PRINT_ROOT}) { display: none !important; }
}
.cd-typical h1 { margin-top: 0; margin-bottom: var(--cd-line); }
.cd-typical .cd-section { text-indent: 0; font-weight: 700; margin-top: calc(var(--cd-line) * 0.5); break-after: avoid; }
.cd-typical .cd-sign { margin-top: var(--cd-line); break-inside: avoid; break-before: avoid; text-align: right; text-indent: 0; display: block; padding-right: 2em; }
.cd-typical .cd-sign p { text-indent: 0; }
`;

export interface TypicalPrintJob {
  title: string;
  body: string;
  office: string;
  dateCn: string;
}

/** The write-up as the page prints it: 【…】 lines are section heads, every other line a paragraph. */
export function TypicalSheet({ job }: { job: TypicalPrintJob }) {
  const lines = job.body.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  return (
    <div className="cd-notice cd-typical" data-testid="typical-sheet">
      <h1>{job.title}</h1>
      {lines.map((l, i) =>
        /^【[^】]+】$/.test(l) ? (
          <p key={i} className="cd-section">
            {l}
          </p>
        ) : (
          <p key={i}>{l}</p>
        ),
      )}
      <div className="cd-sign">
        <p>{job.office}</p>
        <p>{job.dateCn}</p>
      </div>
    </div>
  );
}

async function faceLoaded(root: HTMLElement): Promise<boolean> {
  const text = root.textContent ?? '';
  try {
    const loaded = await Promise.all([400, 700].map((weight) => document.fonts.load(`${weight} 16pt "${NOTICE_SERIF}"`, text)));
    await document.fonts.ready;
    return loaded.every((faces) => faces.length > 0 && faces.every((f) => f.status === 'loaded'));
  } catch {
    return false;
  }
}

/** `print(job)` resolves once the print dialog has closed, with null or the Chinese reason nothing was printed. */
export function usePrintTypical() {
  const [job, setJob] = useState<(TypicalPrintJob & { done: (problem: string | null) => void }) | null>(null);
  const rootRef = useRef<HTMLDivElement | null>(null);
  const print = useCallback((next: TypicalPrintJob) => new Promise<string | null>((resolve) => setJob({ ...next, done: resolve })), []);

  useEffect(() => {
    if (!job) return;
    let cancelled = false;
    void (async () => {
      const root = rootRef.current;
      const loaded = root ? await faceLoaded(root) : false;
      if (cancelled) return;
      const finish = (problem: string | null) => {
        document.body.classList.remove('cd-printing');
        setJob(null);
        job.done(problem);
      };
      if (!loaded) return finish(FONT_NOT_LOADED);
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
        <div id={PRINT_ROOT} ref={rootRef} data-testid="typical-print-root">
          <style>{`${noticePageCss({ pages: null, anchor: null })}${noticeCss}${ONLY_THE_SHEET}`}</style>
          <TypicalSheet job={job} />
        </div>,
        document.body,
      )
    : null;
  return { print, element, printing: job !== null };
}
