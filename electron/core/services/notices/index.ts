import type { UserView } from '../../../../shared/api/schemas/common';
import { createNoticeIssuer, type IssueDeps } from './issue';
import { fileNameOf, toListItem } from './records';

/** Printed notices: issue and preview (./issue.ts), read back, the file for the host, each print logged. */
export function createNotices(deps: IssueDeps) {
  const { db, clock, audit, events, records, office } = deps;
  const insertPrint = db.prepare('INSERT INTO notice_prints (notice_id, at, user_id, how) VALUES (?, ?, ?, ?)');
  const printCount = db.prepare('SELECT COUNT(*) FROM notice_prints WHERE notice_id = ?').pluck();
  const issuer = createNoticeIssuer(deps);

  return {
    ...issuer,

    /** An issued notice as printed: its snapshot, and its seal image when it had one. */
    get(id: number) {
      const r = records.row(id);
      const document = records.snapshot(r);
      return { notice: toListItem(r), caseId: r.case_id, document, seal: office.sealSrc(document.seal) };
    },

    /** What the host streams for `GET /files/notices/<id>.pdf`. */
    file(id: number) {
      const r = records.row(id);
      return { id: r.id, number: r.number, fileName: fileNameOf(r), sha256: r.sha256, size: r.size };
    },

    /** Every print and save as PDF is on the record: a row, a case event, an audit entry. */
    logPrint(input: { id: number; how: 'print' | 'pdf' }, user: UserView): { prints: number } {
      return db
        .transaction(() => {
          const r = records.row(input.id);
          const at = clock.now();
          insertPrint.run(r.id, at, user.id, input.how);
          const prints = printCount.get(r.id) as number;
          events.record({ caseId: r.case_id, at, userId: user.id, type: 'noticePrinted', data: { noticeId: r.id, type: r.type, number: r.number, how: input.how, copy: prints } });
          audit.append({ at, userId: user.id, action: 'notices.logPrint', entity: 'notice', entityId: r.id, data: { number: r.number, how: input.how } });
          return { prints };
        })
        .immediate();
    },
  };
}
export type Notices = ReturnType<typeof createNotices>;
