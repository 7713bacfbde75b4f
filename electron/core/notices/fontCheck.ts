import { open, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Font } from 'fontkit';
import { DomainError } from '../../../shared/api/errors';
import { noticeCharacters } from './sample';

const MAX_FONT_BYTES = 64 * 1024 * 1024;
const FIELD = 'bodyFontPath';
const refuse = (message: string): never => {
  throw new DomainError('VALIDATION', `正文字体：${message}`, { [FIELD]: message });
};

/**
 * An office's own 仿宋 is checked when it is set, so a notice never prints with boxes for missing
 * characters or as Type 3 glyphs: an absolute path to a readable TrueType file (not a collection;
 * not CFF outlines, which Chromium's PDF backend can only draw as Type 3), that parses as a font
 * and has a glyph for every character the notices print besides the case's own words (those fall
 * back to the bundled face, character by character).
 */
export async function checkBodyFont(path: string): Promise<{ path: string; family: string; glyphs: number }> {
  if (!isAbsolute(path)) refuse('请填写字体文件的完整路径，如 C:\\Windows\\Fonts\\simfang.ttf');
  const s = await stat(path).catch(() => null);
  if (!s) return refuse(`找不到文件“${path}”，请核对路径`);
  if (!s.isFile()) refuse('该路径不是文件');
  if (s.size > MAX_FONT_BYTES) refuse('字体文件超过64 MB，不像是单个字体');
  const head = Buffer.alloc(8);
  const handle = await open(path, 'r');
  try {
    await handle.read(head, 0, 8, 0);
  } finally {
    await handle.close();
  }
  const signature = head.toString('latin1', 0, 4);
  // A WOFF or WOFF2 wrapper names the outlines it carries in its flavor field.
  const outlines = signature === 'wOFF' || signature === 'wOF2' ? head.toString('latin1', 4, 8) : signature;
  if (signature === 'ttcf') refuse('这是字体集合（.ttc），请选择单个字体文件（.ttf），如 simfang.ttf');
  if (outlines === 'OTTO') refuse('该字体是 CFF（PostScript）轮廓的 OpenType 字体，打印成PDF时会变成图形字（Type 3），请选择 TrueType 字体（.ttf），如 simfang.ttf');
  if (!['\u0000\u0001\u0000\u0000', 'true'].includes(outlines)) refuse('该文件不是 TrueType 字体');
  let font: Font;
  try {
    // Only when an office installs its own face: not on every start.
    const fontkit = await import('fontkit');
    const opened = await fontkit.open(path);
    if (!('hasGlyphForCodePoint' in opened)) return refuse('该文件不是单个字体');
    font = opened;
  } catch {
    return refuse('该文件无法作为字体读取，可能已损坏');
  }
  // Chinese characters and full-width marks; Latin letters and digits may come from the bundled face.
  const missing = [...(await noticeCharacters())].filter((c) => c.codePointAt(0)! >= 0x2e80 && !font.hasGlyphForCodePoint(c.codePointAt(0)!));
  if (missing.length > 0) {
    refuse(`该字体缺少文书用字（${missing.slice(0, 12).join('')}${missing.length > 12 ? ` 等${missing.length}个字` : ''}），请选择完整的中文仿宋字体`);
  }
  return { path, family: font.familyName, glyphs: font.characterSet.length };
}
