import type { UserView } from '../../../../shared/api/schemas/common';
import { createNoticeIssuer, type IssueDeps } from './issue';
import { fileNameOf, toListItem } from './records';
import { printRegistrationForm } from '../../notices/print';
import { integrityAnchor } from './anchor';
import { registrationFormOf } from './registrationForm';

/** Printed notices: issue and preview (./issue.ts), read back, the file for the host, each print logged. */
export function createNotices(deps: IssueDeps) {
  const { db, clock, audit, events, records, office, vault } = deps;
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

    /**
     * 投诉登记表 (issue [B]): printed from the case as it stands, through the notices' engine and
     * page, stored frozen in the vault (SHA-256) and named on the case's timeline and the audit log,
     * so the 卷宗 can bind the very PDF the complainant signed. It is the record, not a decision:
     * no 文号 is taken, and anyone who may read the case may print it. The event is written only
     * once the PDF is stored; a PDF whose event never came is only an unused file.
     */
    async printRegistrationForm(input: { caseId: number }, user: UserView) {
      const c = deps.getCase(input.caseId, user);
      const today = clock.today();
      const doc = registrationFormOf(c, { office: office.get().name, today, anchor: integrityAnchor(audit) });
      const printed = await printRegistrationForm(deps.pdf, doc, { bodyFont: null });
      const stored = await vault.putBuffer(printed.pdf);
      const fileName = `投诉登记表-${c.caseNo}.pdf`;
      return db
        .transaction(() => {
          const at = clock.now();
          events.record({ caseId: c.id, at, userId: user.id, type: 'registrationFormPrinted', data: { sha256: stored.sha256, size: stored.size, pages: printed.pages, fileName } });
          audit.append({ at, userId: user.id, action: 'notices.printRegistrationForm', entity: 'case', entityId: c.id, data: { caseNo: c.caseNo, sha256: stored.sha256 } });
          return { sha256: stored.sha256, size: stored.size, pages: printed.pages, fileName, printedAt: at, document: doc };
        })
        .immediate();
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
