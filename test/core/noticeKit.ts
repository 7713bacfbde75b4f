import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChromiumPrinter } from '../../electron/host/chromiumPrinter';
import type { Core } from '../../electron/core';
import { sampleNotice } from '../../electron/core/notices/sample';
import type { NoticeDocument } from '../../shared/notices/model';
import type { NoticeType } from '../../shared/notices/types';
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

/** Millimetres in PDF points. */
export const MM = 72 / 25.4;
/** The GB/T 9704 text block on an A4 page, in points from the top left: 156 × 225 mm from 28 mm left and 37 mm top. */
export const BLOCK = { left: 28 * MM, right: (28 + 156) * MM, top: 37 * MM, bottom: (37 + 225) * MM };

const SENTENCES = [
  '经营者应当保证其提供的商品或者服务符合保障人身财产安全的要求',
  '消费者在购买使用商品时享有人身财产安全不受损害的权利',
  '本会将依法对投诉事项进行调查并组织双方当事人进行调解',
  '请当事人如实陈述事实并提供与投诉有关的证据材料',
  '经营者提供商品或者服务有欺诈行为的应当按照消费者的要求增加赔偿其受到的损失',
];

/** Exactly `chars` characters of plain Chinese (every one a full em wide), in sentences ending with 。. */
export function noticeText(chars: number, seed = 0): string {
  let text = '';
  for (let i = seed; text.length < chars; i++) text += `${SENTENCES[i % SENTENCES.length]}，`;
  return `${text.slice(0, Math.max(chars - 1, 0))}。`;
}

/** The free-text boxes a type's body grows by, in the order they are filled, with their limits (shared/notices/fields.ts). */
const growing: Record<NoticeType, [string, number][]> = {
  receipt: [
    ['note', 1000],
    ['matter', 1000],
  ],
  acceptance: [['note', 2000]],
  refusal: [['reason', 5000]],
  materials: [
    ['consequence', 500],
    ['items', 2000],
  ],
  referral: [
    ['reason', 2000],
    ['attachments', 500],
  ],
  mediationNotice: [
    ['bring', 1000],
    ['consequence', 500],
  ],
  mediationAgreement: [
    ['terms', 10000],
    ['complaint', 10000],
  ],
  mediationEnded: [['detail', 2000]],
  outcome: [
    ['feedback', 1000],
    ['handling', 5000],
  ],
};

const LINE = 28;
/** Three pages of body text. */
export const MAX_LINES = 66;
/** Paragraph lengths in lines, in turn, so the last paragraph is short in some texts and long in others. */
const SHAPES = [3, 1, 7, 2, 5, 9, 1, 4];

/** `lines` lines of Chinese text as paragraphs of varied length; the first holds the remainder. */
function generated(lines: number): string {
  const parts: number[] = [];
  let left = lines;
  for (let i = 0; left > 0; i++) {
    const n = Math.min(SHAPES[i % SHAPES.length]!, left);
    parts.unshift(n);
    left -= n;
  }
  return parts.map((n, i) => noticeText(n * LINE - 3, i)).join('\n');
}

/** The type's sample with `lines` lines of generated text spread over its boxes; null once the boxes are full. */
export function withLines(type: NoticeType, lines: number): NoticeDocument | null {
  const text = generated(lines);
  const doc = { ...sampleNotice(type), anchor: '存证 42-0123456789abcdef', text: { ...sampleNotice(type).text } } as NoticeDocument;
  // The 调解书 is signed by the parties, not sent with a contact line.
  if (type === 'mediationAgreement') delete doc.text.contact;
  let rest = text;
  for (const [key, max] of growing[type]) {
    if (!rest) break;
    const cut = rest.length <= max ? rest.length : rest.lastIndexOf('\n', max);
    if (cut <= 0) return null;
    doc.text[key] = rest.slice(0, cut);
    rest = rest.slice(cut + 1);
  }
  return rest ? null : doc;
}
