import { PDF_NOT_READ } from '../../../../shared/domain/evidenceText';
import type { Migration } from './types';

/**
 * A PDF's own text layer is read now (issue [H]): the PDFs an older version listed as not read
 * (migration 0014's note) go back into the reading queue; voided ones stay as they were. No column
 * changes: the queue is the table's text_state.
 */
export const pdfText: Migration = {
  version: 18,
  name: 'pdf-text',
  up(db) {
    db.prepare("UPDATE evidence SET text_state = 'pending', text_note = NULL WHERE mime = 'application/pdf' AND text_state = 'skipped' AND text_note = ? AND voided_at IS NULL").run(PDF_NOT_READ);
  },
};
