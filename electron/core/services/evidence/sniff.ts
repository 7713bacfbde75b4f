import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../../../../shared/api/errors';
import { allowedTypes } from '../../../../shared/domain/evidence';

/** A head with no NUL byte that decodes as UTF-8 (a cut last character allowed) is plain text: a chat export, a note. */
function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  // Up to 3 bytes of a character cut off at the end of the head.
  for (let cut = 0; cut <= Math.min(3, head.length); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {}
  }
  return false;
}

/** What a refused type is, in the clerk's words, so the message says why. */
function refusedAs(mime: string): string {
  if (/x-msdownload|x-elf|x-mach-binary|x-executable|x-sh|x-msi/.test(mime)) return '可执行程序';
  if (/zip|x-rar|x-7z|x-tar|gzip|x-bzip2|x-xz/.test(mime)) return '压缩包';
  return `“${mime}”类型的文件`;
}

/**
 * The type of a file from its first bytes (file-type), never from its name, against the allow-list
 * of shared/domain/evidence. An executable renamed photo.jpg is refused here (415), before any of
 * it is kept.
 */
export async function sniffAllowed(head: Buffer, name: string): Promise<{ mime: string; ext: string }> {
  if (head.length === 0) throw new DomainError('VALIDATION', `文件“${name}”是空的（0 字节），未保存；请确认选对了文件`);
  const found = await fileTypeFromBuffer(head);
  if (found && allowedTypes[found.mime]) return { mime: found.mime, ext: found.ext };
  if (!found && looksLikeText(head)) return { mime: 'text/plain', ext: 'txt' };
  const what = found ? refusedAs(found.mime) : '无法识别类型的文件';
  throw new DomainError(
    'UNSUPPORTED_TYPE',
    `“${name}”实际是${what}，不能作为证据保存（按文件内容判断，与扩展名无关）；可添加照片、视频、录音、PDF、扫描件、Office 文档或文本`,
  );
}
