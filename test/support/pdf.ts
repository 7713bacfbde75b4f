import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

/**
 * Reads a PDF in tests with pdf.js (pdfjs-dist), so notice tests need no poppler on a fresh
 * machine: each page's text and size, the page count, and the fonts with whether each is embedded
 * and whether it is a Type 3 font (as `pdffonts` shows them).
 */
export interface PdfPage {
  /** The page's text, lines joined by \n as pdf.js finds them. */
  text: string;
  /** In PostScript points, to 0.01 (Chromium’s A4 is 595.92 × 842.88). */
  width: number;
  height: number;
}

export interface PdfFont {
  name: string;
  embedded: boolean;
  type3: boolean;
}

export interface PdfReport {
  pageCount: number;
  pages: PdfPage[];
  fonts: PdfFont[];
}

interface PdfJs {
  getDocument(src: { data: Uint8Array; fontExtraProperties: boolean; standardFontDataUrl: string; cMapUrl: string; cMapPacked: boolean; useSystemFonts: boolean; isEvalSupported: boolean }): {
    promise: Promise<PdfDocument>;
  };
  OPS: Record<string, number>;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
  destroy(): Promise<void>;
}
interface TextItem {
  str?: string;
  hasEOL?: boolean;
  /** [a, b, c, d, x, y]: y is the baseline, from the bottom of the page. */
  transform?: number[];
  width?: number;
  height?: number;
}
interface PdfPageProxy {
  view: number[];
  getTextContent(): Promise<{ items: TextItem[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  commonObjs: { get(id: string): unknown; has(id: string): boolean };
}

const root = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
let lib: Promise<PdfJs> | null = null;
const load = () => (lib ??= import(pathToFileURL(join(root, 'legacy/build/pdf.mjs')).href) as Promise<PdfJs>);

/** A PDF opened with pdf.js: its fonts' details kept, the CJK maps and standard fonts from the package. */
async function open(data: Uint8Array): Promise<{ pdfjs: PdfJs; doc: PdfDocument }> {
  const pdfjs = await load();
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(data),
    fontExtraProperties: true,
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  return { pdfjs, doc };
}

export async function readPdf(data: Uint8Array): Promise<PdfReport> {
  const { pdfjs, doc } = await open(data);
  try {
    const pages: PdfPage[] = [];
    const fonts = new Map<string, PdfFont>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((i) => (i.str ?? '') + (i.hasEOL ? '\n' : '')).join('');
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      pages.push({ text, width: Math.round((x1 - x0) * 100) / 100, height: Math.round((y1 - y0) * 100) / 100 });
      // Fonts are loaded as the page's operators are read; setFont names each one.
      const ops = await page.getOperatorList();
      ops.fnArray.forEach((fn, i) => {
        if (fn !== pdfjs.OPS.setFont) return;
        const id = ops.argsArray[i]![0] as string;
        if (!page.commonObjs.has(id)) return;
        const f = page.commonObjs.get(id) as { name?: string; loadedName?: string; missingFile?: boolean; isType3Font?: boolean };
        const name = f.name ?? f.loadedName ?? id;
        fonts.set(name, { name, embedded: f.missingFile !== true, type3: f.isType3Font === true });
      });
    }
    return { pageCount: doc.numPages, pages, fonts: [...fonts.values()] };
  } finally {
    await doc.destroy();
  }
}

/** A box on a page in points, from the top left. */
export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** A line of text: its box, its text, and the largest font size on it in points as drawn (the text matrix times the font size). */
export type PdfLine = Box & { text: string; fontSize: number };

/**
 * A page as the layout tests read it: its size, its lines boxed from the top left, the images it
 * draws, and where it draws each of them (the unit square under the transformation in force when
 * the image is painted, forms included) — what a printer puts on paper, not what the text says.
 */
export interface PdfLayoutPage {
  width: number;
  height: number;
  lines: PdfLine[];
  images: number;
  imageBoxes: Box[];
}

export interface PdfLayout {
  pages: PdfLayoutPage[];
  /** With the font type as pdffonts names it (CID TrueType, Type 3 …). */
  fonts: { name: string; type: string; embedded: boolean }[];
}

const FONT_TYPE: Record<string, string> = {
  CIDFontType2: 'CID TrueType',
  CIDFontType0: 'CID Type 0',
  CIDFontType0C: 'CID Type 0C',
  TrueType: 'TrueType',
  Type1: 'Type 1',
  Type1C: 'Type 1C',
  Type3: 'Type 3',
};

/**
 * Lines as pdftotext -bbox-layout boxes them, near enough for layout tests: text runs on one
 * baseline make a line, boxed by the em square of their glyphs (top = baseline − font size).
 */
function linesOf(items: TextItem[], pageHeight: number): PdfLine[] {
  const runs = items.filter((i) => (i.str ?? '').trim() !== '' && i.transform);
  const lines: { baseline: number; runs: TextItem[] }[] = [];
  for (const r of runs) {
    const baseline = r.transform![5]!;
    const line = lines.find((l) => Math.abs(l.baseline - baseline) < 1);
    if (line) line.runs.push(r);
    else lines.push({ baseline, runs: [r] });
  }
  return lines
    .sort((a, b) => b.baseline - a.baseline)
    .map(({ baseline, runs: rs }) => {
      rs.sort((a, b) => a.transform![4]! - b.transform![4]!);
      const size = Math.max(...rs.map((r) => r.height ?? 0));
      return {
        xMin: Math.min(...rs.map((r) => r.transform![4]!)),
        xMax: Math.max(...rs.map((r) => r.transform![4]! + (r.width ?? 0))),
        yMin: pageHeight - baseline - size,
        yMax: pageHeight - baseline,
        text: rs.map((r) => r.str!.replace(/\s+/g, '')).join(''),
        fontSize: Math.round(Math.max(...rs.map((r) => Math.hypot(r.transform![0]!, r.transform![1]!))) * 1000) / 1000,
      };
    });
}

type Matrix = [number, number, number, number, number, number];
const times = (m: Matrix, t: Matrix): Matrix => [
  m[0] * t[0] + m[2] * t[1],
  m[1] * t[0] + m[3] * t[1],
  m[0] * t[2] + m[2] * t[3],
  m[1] * t[2] + m[3] * t[3],
  m[0] * t[4] + m[2] * t[5] + m[4],
  m[1] * t[4] + m[3] * t[5] + m[5],
];

/** Where each image lands: the unit square through the current transformation, followed through save/restore and forms. */
function imageBoxesOf(pdfjs: PdfJs, ops: { fnArray: number[]; argsArray: unknown[][] }, pageHeight: number): Box[] {
  const { OPS } = pdfjs;
  const boxes: Box[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] ?? [];
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) stack.push(ctm);
    if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    if (fn === OPS.transform) ctm = times(ctm, args as Matrix);
    if (fn === OPS.paintFormXObjectBegin && Array.isArray(args[0]) && args[0].length === 6) ctm = times(ctm, args[0] as Matrix);
    if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject) {
      const corners = [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ].map(([u, v]) => [ctm[0] * u! + ctm[2] * v! + ctm[4], ctm[1] * u! + ctm[3] * v! + ctm[5]] as const);
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => pageHeight - c[1]);
      boxes.push({ xMin: Math.min(...xs), xMax: Math.max(...xs), yMin: Math.min(...ys), yMax: Math.max(...ys) });
    }
  });
  return boxes;
}

export async function readPdfLayout(data: Uint8Array): Promise<PdfLayout> {
  const { pdfjs, doc } = await open(data);
  try {
    const pages: PdfLayoutPage[] = [];
    const fonts = new Map<string, PdfLayout['fonts'][number]>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const height = y1 - y0;
      const ops = await page.getOperatorList();
      let images = 0;
      ops.fnArray.forEach((fn, i) => {
        if (fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintInlineImageXObject) images++;
        if (fn !== pdfjs.OPS.setFont) return;
        const id = ops.argsArray[i]![0] as string;
        if (!page.commonObjs.has(id)) return;
        const f = page.commonObjs.get(id) as { name?: string; loadedName?: string; missingFile?: boolean; isType3Font?: boolean; type?: string };
        const name = f.name ?? f.loadedName ?? id;
        const type = f.isType3Font ? 'Type 3' : (FONT_TYPE[f.type ?? ''] ?? f.type ?? '');
        fonts.set(name, { name, type, embedded: f.missingFile !== true });
      });
      pages.push({
        width: Math.round((x1 - x0) * 100) / 100,
        height: Math.round(height * 100) / 100,
        lines: linesOf((await page.getTextContent()).items, height),
        images,
        imageBoxes: imageBoxesOf(pdfjs, ops, height),
      });
    }
    return { pages, fonts: [...fonts.values()] };
  } finally {
    await doc.destroy();
  }
}
