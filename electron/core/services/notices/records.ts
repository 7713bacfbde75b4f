import { DomainError } from '../../../../shared/api/errors';
import type { NoticeListItem } from '../../../../shared/api/schemas/notices';
import { noticeDocument, type NoticeDocument } from '../../../../shared/notices/model';
import { noticeTitle, type NoticeType } from '../../../../shared/notices/types';
import type { Db } from '../../db/open';

export interface NoticeRow {
  id: number;
  case_id: number;
  type: NoticeType;
  year: number;
  seq: number;
  number: string;
  issued_at: string;
  issued_by: number;
  issued_by_name: string;
  snapshot: string;
  sha256: string;
  size: number;
  pages: number;
  supersedes: number | null;
  supersedes_number: string | null;
  superseded_by: number | null;
  superseded_by_number: string | null;
  correction_reason: string | null;
  prints: number;
  last_printed_at: string | null;
}

const SELECT = `
  SELECT n.id, n.case_id, n.type, n.year, n.seq, n.number, n.issued_at, n.issued_by, u.display_name AS issued_by_name,
         n.snapshot, n.sha256, n.size, n.pages, n.supersedes, old.number AS supersedes_number,
         newer.id AS superseded_by, newer.number AS superseded_by_number, n.correction_reason,
         (SELECT COUNT(*) FROM notice_prints p WHERE p.notice_id = n.id) AS prints,
         (SELECT MAX(p.at) FROM notice_prints p WHERE p.notice_id = n.id) AS last_printed_at
    FROM notices n
    JOIN users u ON u.id = n.issued_by
    LEFT JOIN notices old ON old.id = n.supersedes
    LEFT JOIN notices newer ON newer.supersedes = n.id`;

export const toListItem = (r: NoticeRow): NoticeListItem => ({
  id: r.id,
  type: r.type,
  number: r.number,
  issuedAt: r.issued_at,
  issuedBy: { id: r.issued_by, displayName: r.issued_by_name },
  sha256: r.sha256,
  size: r.size,
  pages: r.pages,
  supersedes: r.supersedes === null ? null : { id: r.supersedes, number: r.supersedes_number ?? '' },
  supersededBy: r.superseded_by === null ? null : { id: r.superseded_by, number: r.superseded_by_number ?? '' },
  correctionReason: r.correction_reason,
  prints: r.prints,
  lastPrintedAt: r.last_printed_at,
});

/** A file name a clerk recognises, safe on every file system: 受理通知书-杭消协受〔2026〕12号.pdf. */
export const fileNameOf = (r: Pick<NoticeRow, 'type' | 'number'>) => `${noticeTitle[r.type]}-${r.number}.pdf`.replace(/[\\/:*?"<>|]/g, '_');

/** The issued notices as stored: read-only (the table refuses updates and deletes). */
export function createNoticeRecords(db: Db) {
  const one = db.prepare(`${SELECT} WHERE n.id = ?`);
  const ofCase = db.prepare(`${SELECT} WHERE n.case_id = ? ORDER BY n.id`);
  const lastSeq = db.prepare('SELECT last FROM notice_numbers WHERE type = ? AND year = ?').pluck();
  const takeSeq = db
    .prepare('INSERT INTO notice_numbers (type, year, last) VALUES (?, ?, 1) ON CONFLICT(type, year) DO UPDATE SET last = last + 1 RETURNING last')
    .pluck();

  function row(id: number): NoticeRow {
    const r = one.get(id) as NoticeRow | undefined;
    if (!r) throw new DomainError('NOT_FOUND', `未找到编号为 ${id} 的文书`);
    return r;
  }

  return {
    row,
    list: (caseId: number): NoticeListItem[] => (ofCase.all(caseId) as NoticeRow[]).map(toListItem),
    /** The data the notice was printed with, checked against the model on every read. */
    snapshot: (r: NoticeRow): NoticeDocument => noticeDocument.parse(JSON.parse(r.snapshot)),
    /** The sequence the next notice of this type and year would get; nothing is taken. */
    peekSeq: (type: NoticeType, year: number): number => ((lastSeq.get(type, year) as number | undefined) ?? 0) + 1,
    /** Takes the next sequence; call only inside the issuing transaction. */
    takeSeq: (type: NoticeType, year: number): number => takeSeq.get(type, year) as number,
  };
}
export type NoticeRecords = ReturnType<typeof createNoticeRecords>;
