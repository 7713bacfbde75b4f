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

/**
 * What becomes of a new item's text: a picture is read by OCR, a PDF gives the text of its own text
 * layer (no OCR: an invoice or a contract exported to PDF carries its words), anything else has none
 * (video, audio, Office files, text).
 */
export function textStateAtImport(mime: string): { state: 'pending' | 'skipped'; note: string | null } | null {
  if (READ_BY_OCR.has(mime) || mime === 'application/pdf') return { state: 'pending', note: null };
  return null;
}

/** What versions before the PDF text layer was read said of PDFs (migration 0014); migration pdf-text queues them again. */
export const PDF_NOT_READ = 'PDF 文件的文字未读取（本版本不读取 PDF 文字层，也不识别其页面）';

/** A PDF's text is read from at most this many pages: a 300-page scan of a contract is not held whole. */
export const PDF_MAX_PAGES = 100;
/** A PDF larger than this is not opened for its text (it is read into memory whole). */
export const PDF_MAX_BYTES = 200 * 1024 * 1024;

/** Why a PDF gave less than all its text. */
export const pdfNotes = {
  noTextLayer: 'PDF 没有文字层（可能是扫描件），未读取到文字',
  firstPages: (read: number, total: number) => `PDF 共 ${total} 页，只读取了前 ${read} 页的文字`,
} as const;

/** The Chinese reasons a reading ends without text. */
export const textReasons = {
  tooLarge: '图片过大，未识别',
  corrupt: '图片已损坏或格式无法识别，未识别',
  missing: '证据文件在证据库中缺失，未识别',
  crashed: '识别程序异常退出，未识别',
  unavailable: '本机无法运行文字识别组件，未识别',
  locked: 'PDF 有密码保护，未读取文字',
  pdfCorrupt: 'PDF 已损坏或无法打开，未读取文字',
  pdfTooLarge: 'PDF 文件过大（超过 200 MB），未读取文字',
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
