import type { z } from 'zod';
import { DomainError } from '../../../../shared/api/errors';
import type { UserView } from '../../../../shared/api/schemas/common';
import type { evidenceReportMedia } from '../../../../shared/api/schemas/evidence';
import { previewOf } from '../../../../shared/domain/evidence';
import type { Db } from '../../db/open';
import type { OfficeClock } from '../../officeClock';
import type { Audit } from '../audit';
import type { createEvidenceReader } from './read';

type Input = z.output<typeof evidenceReportMedia.input>;
type Filled = z.output<typeof evidenceReportMedia.output>['filled'];

/**
 * `evidence.reportMedia`: where no ffprobe read a video or recording at import, the page reports
 * what Chromium's decoder found when it loaded the file (duration; a video's picture size). Facts
 * of the file itself, not a person's statement: they fill empty values only — never one already
 * recorded — and go on the audit log, not the case's timeline.
 */
export function createMediaReport(db: Db, clock: OfficeClock, audit: Audit, reader: ReturnType<typeof createEvidenceReader>) {
  const fill = db.prepare(
    `UPDATE evidence SET duration_seconds = COALESCE(duration_seconds, @duration),
            width = COALESCE(width, @width), height = COALESCE(height, @height) WHERE id = @id`,
  );
  return function reportMedia(input: Input, user: UserView): { filled: Filled } {
    return db
      .transaction(() => {
        const r = reader.row(input.id);
        const kind = previewOf(r.mime);
        if (kind !== 'video' && kind !== 'audio') {
          throw new DomainError('VALIDATION', `证据 ${r.id}（${r.original_name}）不是视频或录音，没有时长可记录`, { id: '只有视频和录音有时长' });
        }
        if (kind === 'audio' && input.width !== undefined) {
          throw new DomainError('VALIDATION', '录音没有画面尺寸', { width: '录音没有画面尺寸' });
        }
        const filled: Filled = [];
        if (r.duration_seconds === null) filled.push('durationSeconds');
        if (input.width !== undefined && r.width === null && r.height === null) filled.push('width', 'height');
        if (filled.length === 0) return { filled };
        fill.run({
          id: r.id,
          duration: filled.includes('durationSeconds') ? input.durationSeconds : null,
          width: filled.includes('width') ? input.width : null,
          height: filled.includes('height') ? input.height : null,
        });
        const data = { evidenceId: r.id, caseId: r.case_id, from: 'browser', durationSeconds: input.durationSeconds, width: input.width ?? null, height: input.height ?? null, filled };
        audit.append({ at: clock.now(), userId: user.id, action: 'evidence.reportMedia', entity: 'evidence', entityId: r.id, data });
        return { filled };
      })
      .immediate();
  };
}
