import type { Migration } from './types';
import { captureTimeProblem } from '../../../../shared/domain/evidence';

/**
 * The capture time a file states when it is no real time (issue [J]: EXIF 2026-02-30T25:61:61+99:99,
 * 0001-01-01 and 9999-12-31 were stored as capture times). Such a value is no longer taken as the
 * time; its text is kept here, beside the empty capture time, for whoever weighs the evidence.
 * Rows already holding such a time read from a file (never one a clerk typed) move it here, as it was.
 */
export const evidenceRawCapture: Migration = {
  version: 8,
  name: 'evidence-raw-capture',
  up(db) {
    db.exec('ALTER TABLE evidence ADD COLUMN captured_at_raw TEXT CHECK (captured_at_raw IS NULL OR length(captured_at_raw) <= 200)');
    const read = db.prepare("SELECT id, captured_at FROM evidence WHERE captured_at IS NOT NULL AND captured_at_from IN ('exif', 'media')");
    const move = db.prepare('UPDATE evidence SET captured_at_raw = captured_at, captured_at = NULL, captured_at_from = NULL WHERE id = ?');
    for (const row of read.all() as { id: number; captured_at: string }[]) {
      if (captureTimeProblem(row.captured_at) !== null) move.run(row.id);
    }
  },
};
