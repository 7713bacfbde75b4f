import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChromiumPrinter } from '../../electron/host/chromiumPrinter';
import type { Core } from '../../electron/core';
import { quietLog } from './harness';

/** What the tests of printed notices share: one warm print engine per file, and poppler to read the PDFs. */
export const NOTICE_PNGS = join(__dirname, '../../test-output/notices');

export const newPrinter = (prefer: 'system' | 'bundled' = 'system') => createChromiumPrinter({ log: quietLog, prefer });

/** The stored PDF of an issued notice, from the vault, by its SHA-256. */
export const pdfPath = (core: Core, sha256: string) => core.vault.pathOf(sha256);

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The text of a PDF, page by page (pdftotext; pages split at form feeds). */
export function pdfPages(file: string): string[] {
  return run('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
}

/** The text of a PDF with nothing between the characters of a line but what was printed. */
export const pdfText = (file: string) => run('pdftotext', [file, '-']);

export function pdfInfo(file: string): { pages: number; pageSize: string } {
  const out = run('pdfinfo', [file]);
  return { pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]), pageSize: /Page size:\s+(.+)/.exec(out)?.[1]?.trim() ?? '' };
}

/** pdffonts rows (name, type, embedded), cut at the columns its header's dashes mark. */
export function pdfFonts(file: string): { name: string; type: string; embedded: boolean }[] {
  const [, dashes, ...rows] = run('pdffonts', [file]).split('\n');
  const cols: [number, number][] = [...dashes!.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length]);
  const cell = (row: string, i: number) => row.slice(cols[i]![0], cols[i]![1]).trim();
  return rows.filter((r) => r.trim()).map((r) => ({ name: cell(r, 0), type: cell(r, 1), embedded: cell(r, 3) === 'yes' }));
}

/** Line boxes of a page in points, from pdftotext -bbox-layout. */
export function pdfLines(file: string, page: number): { xMin: number; yMin: number; xMax: number; yMax: number; text: string }[] {
  const xml = run('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), file, '-']);
  return [...xml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
  }));
}

/** Keeps page `page` of a notice as a PNG in test-output/notices for a person to look at. */
export function keepPng(file: string, name: string, page = 1): string {
  mkdirSync(NOTICE_PNGS, { recursive: true });
  const base = join(NOTICE_PNGS, name);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', file, base]);
  return `${base}.png`;
}

/** Keeps the PDF itself beside the PNGs. */
export function keepPdf(file: string, name: string): void {
  mkdirSync(NOTICE_PNGS, { recursive: true });
  copyFileSync(file, join(NOTICE_PNGS, `${name}.pdf`));
}

export const bytes = (file: string) => readFileSync(file);
