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
interface PdfPageProxy {
  view: number[];
  getTextContent(): Promise<{ items: { str?: string; hasEOL?: boolean }[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  commonObjs: { get(id: string): unknown; has(id: string): boolean };
}

const root = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
let lib: Promise<PdfJs> | null = null;
const load = () => (lib ??= import(pathToFileURL(join(root, 'legacy/build/pdf.mjs')).href) as Promise<PdfJs>);

export async function readPdf(data: Uint8Array): Promise<PdfReport> {
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
