import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';

const pdfjs = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));
const ORIGIN = 'http://pdf-pages.test';

/**
 * Draws each page of a PDF to a PNG with pdf.js inside the test's Chromium (its fonts are embedded,
 * so what is drawn is what prints), for a person to look at: no poppler needed on a fresh machine.
 */
export async function pdfToPngs(browser: Browser, pdf: Uint8Array, pathOf: (page: number) => string, scale = 1.5): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const files: Record<string, { body: Buffer | string; type: string }> = {
      '/': { body: '<!doctype html><meta charset="utf-8"><body style="margin:0;background:#888"><script type="module" src="/pdf.mjs"></script></body>', type: 'text/html' },
      '/pdf.mjs': { body: readFileSync(join(pdfjs, 'legacy/build/pdf.min.mjs')), type: 'text/javascript' },
      '/pdf.worker.mjs': { body: readFileSync(join(pdfjs, 'legacy/build/pdf.worker.min.mjs')), type: 'text/javascript' },
      '/doc.pdf': { body: Buffer.from(pdf), type: 'application/pdf' },
    };
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = files[path];
      if (file) return route.fulfill({ status: 200, body: file.body, contentType: file.type });
      if (path.startsWith('/cmaps/') || path.startsWith('/standard_fonts/')) return route.fulfill({ status: 200, body: readFileSync(join(pdfjs, path)) });
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'pdfjsLib' in globalThis);
    const pages = await page.evaluate(async (s) => {
      const lib = (globalThis as unknown as { pdfjsLib: any }).pdfjsLib;
      lib.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
      const doc = await lib.getDocument({ url: '/doc.pdf', cMapUrl: '/cmaps/', cMapPacked: true, standardFontDataUrl: '/standard_fonts/' }).promise;
      for (let n = 1; n <= doc.numPages; n++) {
        const p = await doc.getPage(n);
        const viewport = p.getViewport({ scale: s });
        const canvas = document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.id = `page-${n}`;
        canvas.style.display = 'block';
        canvas.style.marginBottom = '8px';
        document.body.appendChild(canvas);
        await p.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
      }
      return doc.numPages as number;
    }, scale);
    for (let n = 1; n <= pages; n++) writeFileSync(pathOf(n), await page.locator(`#page-${n}`).screenshot());
    return pages;
  } finally {
    await context.close();
  }
}
