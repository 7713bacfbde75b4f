/**
 * The text read from evidence (issue [H], "evidence that reads itself"): which files are read, the
 * states an item's text passes through, and the words the page shows for each. One place, for the
 * core (which decides) and the renderer (which shows).
 */

/** pending: in the queue; done: text found; empty: read, no text; failed: could not be read (note says why); skipped: not read by this version; cancelled: voided before it was read. */
export const evidenceTextStates = ['pending', 'done', 'empty', 'failed', 'skipped', 'cancelled'] as const;
export type EvidenceTextState = (typeof evidenceTextStates)[number];

/** Where found text came from: OCR of the picture, or a PDF's own text layer. */
export type EvidenceTextFrom = 'ocr' | 'pdf';

/** Pictures the OCR reads: what phones, screenshots and scanners give. GIF is read as its first frame. */
const READ_BY_OCR = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/bmp', 'image/tiff', 'image/gif']);

/** What becomes of a new item's text: read by OCR, listed as not read (a PDF: no PDF text reader ships with the app), or nothing (video, audio, Office files, text). */
export function textStateAtImport(mime: string): { state: 'pending' | 'skipped'; note: string | null } | null {
  if (READ_BY_OCR.has(mime)) return { state: 'pending', note: null };
  if (mime === 'application/pdf') return { state: 'skipped', note: PDF_NOT_READ };
  return null;
}

export const PDF_NOT_READ = 'PDF 文件的文字未读取（本版本不读取 PDF 文字层，也不识别其页面）';

/** The Chinese reasons a reading ends without text. */
export const textReasons = {
  tooLarge: '图片过大，未识别',
  corrupt: '图片已损坏或格式无法识别，未识别',
  missing: '证据文件在证据库中缺失，未识别',
  crashed: '识别程序异常退出，未识别',
  unavailable: '本机无法运行文字识别组件，未识别',
} as const;

/** Pictures above this many pixels are refused before they are decoded (a 20000×20000 image would need 1.6 GB as RGBA). */
export const OCR_MAX_PIXELS = 50_000_000;

/** Found text longer than this is cut (a page of dense print is about 3000 characters). */
export const OCR_MAX_TEXT = 20_000;

/** What the evidence list says beside an item's text, by state. */
export const textStateLabel: Record<EvidenceTextState, string> = {
  pending: '正在识别文字…',
  done: '识别出的文字',
  empty: '未识别到文字',
  failed: '未识别',
  skipped: '未读取文字',
  cancelled: '已作废，未识别',
};

/** The label a search result carries when the word was found in evidence text. */
export const FOUND_IN_EVIDENCE = '在证据中找到';
