import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { NOTICE_OFFICE_FONT, NOTICE_SERIF } from '../../../shared/notices/styles';

/**
 * Fonts travel inside each notice's HTML, so a notice prints the same on every PC, offline, with
 * no tofu (domain.md "Documents the office prints"): Noto Serif SC (SIL OFL, @fontsource) in real
 * 400 and 700 weights, only the unicode-range subsets the document uses; and, where the office
 * set one, its own licensed 仿宋 cut down to the document's characters.
 */

interface Face {
  weight: 400 | 700;
  file: string;
  ranges: [number, number][];
}

const WEIGHTS = [400, 700] as const;

function parseRanges(list: string): [number, number][] {
  return list.split(',').map((part) => {
    const r = part.trim().replace(/^U\+/i, '');
    if (r.includes('?')) return [parseInt(r.replace(/\?/g, '0'), 16), parseInt(r.replace(/\?/g, 'f'), 16)];
    const [a, b] = r.split('-');
    return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
  });
}

let faces: Face[] | null = null;
let fontDir = '';

/** The @font-face rules of @fontsource/noto-serif-sc, read once: file and unicode-range per subset. */
function bundledFaces(): Face[] {
  if (faces) return faces;
  const require = createRequire(__filename);
  fontDir = dirname(require.resolve('@fontsource/noto-serif-sc/400.css'));
  faces = WEIGHTS.flatMap((weight) => {
    const css = readFileSync(join(fontDir, `${weight}.css`), 'utf8');
    return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => {
      const block = m[1]!;
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      if (!file || !range) throw new Error(`unexpected @font-face in @fontsource/noto-serif-sc/${weight}.css`);
      return { weight, file, ranges: parseRanges(range) };
    });
  });
  return faces;
}

const base64Cache = new Map<string, string>();
function woff2(file: string): string {
  let data = base64Cache.get(file);
  if (!data) {
    data = readFileSync(join(fontDir, 'files', file)).toString('base64');
    base64Cache.set(file, data);
  }
  return data;
}

const codePoints = (text: string) => new Set([...text].map((c) => c.codePointAt(0)!));

/**
 * @font-face rules for the bundled face, both weights, with only the subsets whose ranges hold a
 * character of `text` (as a browser would fetch by unicode-range), embedded as data: URLs.
 */
export function bundledFontCss(text: string): string {
  const used = codePoints(text);
  return bundledFaces()
    .filter((f) => f.ranges.some(([a, b]) => [...used].some((c) => c >= a && c <= b)))
    .map(
      (f) =>
        `@font-face{font-family:'${NOTICE_SERIF}';font-style:normal;font-weight:${f.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${woff2(f.file)}) format('woff2');unicode-range:${f.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',')};}`,
    )
    .join('\n');
}

/** Resolves once the bundled faces are known (cheap after the first call). */
export function warmBundledFonts(): void {
  bundledFaces();
}

interface Cached {
  key: string;
  data: Buffer;
}
let officeCache: Cached | null = null;

/** The office's font file, read once per change of the file. */
export async function readOfficeFont(path: string): Promise<Buffer> {
  const s = await stat(path);
  const key = `${path}|${s.size}|${s.mtimeMs}`;
  if (officeCache?.key !== key) officeCache = { key, data: await readFile(path) };
  return officeCache.data;
}

/** The office's 仿宋 cut down to the document's characters, as a TrueType @font-face (weight 400 only). */
export async function officeFontCss(font: Buffer, text: string): Promise<string> {
  // subset-font (harfbuzz hb-subset) keeps cmap and metrics, so the browser draws it like the whole font.
  const { default: subsetFont } = await import('subset-font');
  const subset = await subsetFont(font, [...codePoints(text)].map((c) => String.fromCodePoint(c)).join(''), { targetFormat: 'truetype' });
  return `@font-face{font-family:'${NOTICE_OFFICE_FONT}';font-style:normal;font-weight:400;font-display:block;src:url(data:font/ttf;base64,${subset.toString('base64')}) format('truetype');}`;
}
