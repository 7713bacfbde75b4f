import { DomainError } from '../../../../shared/api/errors';
import { allowedTypes, textMime, type TextCharset } from '../../../../shared/domain/evidence';

/**
 * Characters a text someone wrote does not hold: NUL and the other C0 controls but tab, line
 * breaks, form feed and ESC, and the C1 controls. A binary file read as text is full of them.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_TEXT = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f-\u009f]/;

/** Bytes a character cut off at the end of the head may leave, per encoding. */
const CUT: Record<TextCharset, number> = { 'utf-8': 3, 'utf-16le': 3, 'utf-16be': 3, gb18030: 3 };

/** The head decodes as this encoding without a fault (a character cut off at its end allowed) into readable text. */
function readsAs(head: Buffer, charset: TextCharset): boolean {
  for (let cut = 0; cut <= Math.min(CUT[charset], head.length - 1); cut++) {
    try {
      const text = new TextDecoder(charset, { fatal: true, ignoreBOM: false }).decode(head.subarray(0, head.length - cut));
      return !NOT_TEXT.test(text);
    } catch {}
  }
  return false;
}

/** The encoding a byte-order mark names; UTF-32's marks (FF FE 00 00) are no UTF-16 text. */
function byteOrderMark(head: Buffer): TextCharset | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe && !(head[2] === 0 && head[3] === 0)) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a mark, told by its zero bytes: Latin letters, digits, line breaks and the ASCII
 * punctuation of a chat export have a zero high byte, in the same half of every code unit.
 */
function unmarkedUtf16(head: Buffer): TextCharset | null {
  const units = Math.floor(head.length / 2);
  if (units < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < units * 2; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  if (oddZero >= units / 4 && evenZero === 0) return 'utf-16le';
  if (evenZero >= units / 4 && oddZero === 0) return 'utf-16be';
  return null;
}

/**
 * The encoding of a head that is plain text (a chat export, a note, an SMS dump), or null. Phones and
 * Windows write UTF-8, UTF-16 (WeChat and QQ exports, Notepad's "Unicode") and GBK (older Windows
 * tools): each is tried, strictly, and the decoded text must hold no control characters.
 */
export function textCharset(head: Buffer, { marked }: { marked: boolean }): TextCharset | null {
  if (marked) {
    const bom = byteOrderMark(head);
    return bom && readsAs(head, bom) ? bom : null;
  }
  if (!head.includes(0) && readsAs(head, 'utf-8')) return 'utf-8';
  const utf16 = unmarkedUtf16(head);
  if (utf16) return readsAs(head, utf16) ? utf16 : null;
  // GB18030 reads every GBK file the same, and more.
  if (!head.includes(0) && readsAs(head, 'gb18030')) return 'gb18030';
  return null;
}

/** What a refused type is, in the clerk's words, so the message says why. */
function refusedAs(mime: string): string {
  if (/x-msdownload|x-elf|x-mach-binary|x-executable|x-sh|x-msi/.test(mime)) return '可执行程序';
  if (/zip|x-rar|x-7z|x-tar|gzip|x-bzip2|x-xz/.test(mime)) return '压缩包';
  return `“${mime}”类型的文件`;
}

/**
 * The type of a file from its first bytes, never from its name, against the allow-list of
 * shared/domain/evidence. An executable renamed photo.jpg is refused here (415), before any of it
 * is kept. Text is stored as text/plain with the charset it was found in, so it is shown as written.
 *
 * A byte-order mark is looked at before file-type: FF FE, the mark of UTF-16LE, is also an MPEG
 * audio frame's sync, and a chat export was stored as "MP3 录音". A marked head that does not read
 * as text goes on to file-type (a real MPEG Layer I frame).
 */
export async function sniffAllowed(head: Buffer, name: string): Promise<{ mime: string; ext: string }> {
  if (head.length === 0) throw new DomainError('VALIDATION', `文件“${name}”是空的（0 字节），未保存；请确认选对了文件`);
  const marked = textCharset(head, { marked: true });
  if (marked) return { mime: textMime(marked), ext: 'txt' };
  // Loaded at the first import of evidence, not at every start.
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(head);
  if (found && allowedTypes[found.mime]) return { mime: found.mime, ext: found.ext };
  const charset = found ? null : textCharset(head, { marked: false });
  if (charset) return { mime: textMime(charset), ext: 'txt' };
  const what = found ? refusedAs(found.mime) : '无法识别类型的文件';
  throw new DomainError(
    'UNSUPPORTED_TYPE',
    `“${name}”实际是${what}，不能作为证据保存（按文件内容判断，与扩展名无关）；可添加照片、视频、录音、PDF、扫描件、Office 文档或文本（UTF-8、UTF-16 或 GBK 编码）`,
  );
}
