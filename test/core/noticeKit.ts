import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChromiumPrinter } from '../../electron/host/chromiumPrinter';
import type { Core } from '../../electron/core';
import { readPdfLayout, type PdfLayout } from '../support/pdf';
import { quietLog } from './harness';

/**
 * What the tests of printed notices share: one warm print engine per file, and a reader for the
 * PDFs — poppler where it is installed (its own layout analysis), pdf.js from the npm registry
 * where it is not (a fresh machine; NOTICE_PDF_READER=pdfjs forces it), the same answers from both.
 */
export const NOTICE_PNGS = join(__dirname, '../../test-output/notices');

export const newPrinter = (prefer: 'system' | 'bundled' = 'system') => createChromiumPrinter({ log: quietLog, prefer });

/** The stored PDF of an issued notice, from the vault, by its SHA-256. */
export const pdfPath = (core: Core, sha256: string) => core.vault.pathOf(sha256);

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const has = (cmd: string) => {
  try {
    execFileSync(cmd, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const poppler = process.env.NOTICE_PDF_READER !== 'pdfjs' && has('pdftotext');
const layouts = new Map<string, Promise<PdfLayout>>();
const layout = (file: string) => {
  if (!layouts.has(file)) layouts.set(file, readPdfLayout(readFileSync(file)));
  return layouts.get(file)!;
};

export interface Line {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** The text of a PDF, page by page. */
export async function pdfPages(file: string): Promise<string[]> {
  if (poppler) return run('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
  return (await layout(file)).pages.map((p) => p.lines.map((l) => l.text).join('\n'));
}

/** The text of a PDF with nothing between the characters of a line but what was printed. */
export async function pdfText(file: string): Promise<string> {
  if (poppler) return run('pdftotext', [file, '-']);
  return (await pdfPages(file)).join('\n');
}

export async function pdfInfo(file: string): Promise<{ pages: number; pageSize: string }> {
  if (poppler) {
    const out = run('pdfinfo', [file]);
    return { pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]), pageSize: /Page size:\s+(.+)/.exec(out)?.[1]?.trim() ?? '' };
  }
  const { pages } = await layout(file);
  const { width, height } = pages[0]!;
  // Named as pdfinfo names it: A4 is 595.28 × 841.89 pt, within a point.
  const a4 = Math.abs(width - 595.28) < 2 && Math.abs(height - 841.89) < 2;
  return { pages: pages.length, pageSize: `${width} x ${height} pts${a4 ? ' (A4)' : ''}` };
}

/** The fonts (name, type as pdffonts writes it, embedded). */
export async function pdfFonts(file: string): Promise<{ name: string; type: string; embedded: boolean }[]> {
  if (poppler) {
    const [, dashes, ...rows] = run('pdffonts', [file]).split('\n');
    const cols: [number, number][] = [...dashes!.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length]);
    const cell = (row: string, i: number) => row.slice(cols[i]![0], cols[i]![1]).trim();
    return rows.filter((r) => r.trim()).map((r) => ({ name: cell(r, 0), type: cell(r, 1), embedded: cell(r, 3) === 'yes' }));
  }
  return (await layout(file)).fonts.map((f) => ({ name: f.name, type: f.type, embedded: f.embedded }));
}

/** Line boxes of a page in points from the top left. */
export async function pdfLines(file: string, page: number): Promise<Line[]> {
  if (poppler) {
    const xml = run('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), file, '-']);
    return [...xml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
    }));
  }
  return (await layout(file)).pages[page - 1]!.lines;
}

/** How many images the PDF draws (pdfimages -list). */
export async function pdfImages(file: string): Promise<number> {
  if (poppler) return run('pdfimages', ['-list', file]).split('\n').slice(2).filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l)).length;
  return (await layout(file)).pages.reduce((n, p) => n + p.images, 0);
}

/** Keeps page `page` of a notice as a PNG in test-output/notices for a person to look at (where pdftoppm is). */
export function keepPng(file: string, name: string, page = 1, dir = NOTICE_PNGS): string | null {
  if (!has('pdftoppm')) return null;
  mkdirSync(dir, { recursive: true });
  const base = join(dir, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, base]);
  return `${base}.png`;
}

/** Keeps the PDF itself beside the PNGs. */
export function keepPdf(file: string, name: string): void {
  mkdirSync(NOTICE_PNGS, { recursive: true });
  copyFileSync(file, join(NOTICE_PNGS, `${name}.pdf`));
}

export const bytes = (file: string) => readFileSync(file);
