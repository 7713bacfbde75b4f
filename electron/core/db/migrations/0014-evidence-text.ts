import type { Migration } from './types';

/**
 * The text read from evidence (issue [H]): OCR of photos, screenshots and scans, kept with the item.
 * - text: what was found (null while it is read, and when nothing was); text_from: 'ocr' or 'pdf';
 * - text_state: the item's place in the reading (shared/domain/evidenceText.ts). The queue is this
 *   column: the items 'pending' are read one by one in the background, and what a restart cut off is
 *   still 'pending' at the next start; text_note: why nothing was found (图片过大，未识别…).
 * Evidence already on the register is queued too (pictures), or listed as not read (PDFs); voided
 * items are not read.
 */
const schema = `
ALTER TABLE evidence ADD COLUMN text TEXT CHECK (text IS NULL OR length(text) <= 20000);
ALTER TABLE evidence ADD COLUMN text_from TEXT CHECK (text_from IN ('ocr', 'pdf'));
ALTER TABLE evidence ADD COLUMN text_state TEXT CHECK (text_state IN ('pending', 'done', 'empty', 'failed', 'skipped', 'cancelled'));
ALTER TABLE evidence ADD COLUMN text_note TEXT CHECK (text_note IS NULL OR length(text_note) <= 200);
CREATE INDEX evidence_text_pending ON evidence(id) WHERE text_state = 'pending';
`;

export const evidenceText: Migration = {
  version: 14,
  name: 'evidence-text',
  up(db) {
    db.exec(schema);
    db.exec(`UPDATE evidence SET text_state = CASE WHEN voided_at IS NULL THEN 'pending' ELSE 'cancelled' END
              WHERE mime IN ('image/jpeg', 'image/png', 'image/webp', 'image/bmp', 'image/tiff', 'image/gif')`);
    db.prepare("UPDATE evidence SET text_state = 'skipped', text_note = ? WHERE mime = 'application/pdf'").run(
      'PDF 文件的文字未读取（本版本不读取 PDF 文字层，也不识别其页面）',
    );
  },
};
