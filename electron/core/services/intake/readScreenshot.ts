import { DomainError } from '../../../../shared/api/errors';
import type { ScreenshotReading } from '../../../../shared/api/schemas/screenshot';
import type { TextReader } from '../evidence/textWorker';
import { screenshotFields } from './screenshotFields';

/** Pictures a phone, a screen or a scanner gives, as the evidence's OCR reads them (shared/domain/evidenceText.ts). */
const PICTURES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/bmp', 'image/tiff', 'image/gif']);

/**
 * 从截图识别 (issue [H]): the picture is read by the evidence's own OCR worker, one picture at a time
 * with the evidence queue (never on the thread that answers the page), and nothing is stored — the
 * picture is the clerk's to add as evidence once the case exists. The fields are offered, never
 * filled: the form shows each with the line it came from for the clerk to take or change.
 */
export function createScreenshotReader(reader: TextReader) {
  return {
    async read(input: { image: string }): Promise<ScreenshotReading> {
      const bytes = Buffer.from(input.image, 'base64');
      const { fileTypeFromBuffer } = await import('file-type');
      const type = await fileTypeFromBuffer(bytes);
      if (!type || !PICTURES.has(type.mime)) {
        throw new DomainError('VALIDATION', '这不是一张图片，请拖入订单、小票或发票的截图或照片', { image: '请选择 JPG、PNG 等格式的图片' });
      }
      const read = await reader.read(bytes);
      if (read.state === 'failed') return { state: 'failed', note: read.note, text: '', fields: {} };
      if (read.state === 'empty') return { state: 'empty', note: '图中没有识别到文字', text: '', fields: {} };
      return { state: 'done', note: null, text: read.text, fields: screenshotFields(read.text) };
    },
  };
}
export type ScreenshotReader = ReturnType<typeof createScreenshotReader>;
