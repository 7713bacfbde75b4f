import type { Statement } from 'better-sqlite3';
import type { EnquiryView } from '../../../shared/api/schemas/enquiries';
import type { Db } from '../db/open';

/** An enquiry as the register stores it (enquiries.log, after its checks). */
export interface NewEnquiry {
  /** ISO-8601 with the office's offset. */
  receivedAt: string;
  /** The office date of receipt. */
  receivedOn: string;
  channel: string;
  topic: string;
  answer: string;
  name: string | null;
  /** Normalised (shared/domain/validators.ts normalisePhone), as a complainant's is. */
  phone: string | null;
  loggedBy: number;
  at: string;
}

/** The statements of the enquiry log (the plan tests EXPLAIN these very strings). */
export const ENQUIRY_SQL = {
  insert: `INSERT INTO enquiries (received_at, received_on, channel, topic, answer, name, phone, logged_by, at)
           VALUES (@receivedAt, @receivedOn, @channel, @topic, @answer, @name, @phone, @loggedBy, @at)`,
  // Newest first by the receipt-date index; the time orders a day's within it.
  page: `SELECT e.id, e.received_at, e.received_on, e.channel, ch.name AS channel_name, e.topic, e.answer, e.name, e.phone,
                e.logged_by, u.display_name AS logged_by_name, e.at, e.case_id, c.case_no
           FROM enquiries e
           JOIN users u ON u.id = e.logged_by
           LEFT JOIN catalog_items ch ON ch.kind = 'channel' AND ch.code = e.channel
           LEFT JOIN cases c ON c.id = e.case_id
          WHERE e.received_on BETWEEN ? AND ?
          ORDER BY e.received_on DESC, e.received_at DESC, e.id DESC
          LIMIT ? OFFSET ?`,
  // A row a day (migration 0026), kept with each enquiry logged.
  count: 'SELECT COALESCE(SUM(n), 0) FROM enquiry_days WHERE day BETWEEN ? AND ?',
  countDay: 'INSERT INTO enquiry_days (day, n) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET n = n + 1',
  /** A register opened read-only from before 0026 has no daily counts: its enquiries are counted. */
  countRows: 'SELECT COUNT(*) FROM enquiries WHERE received_on BETWEEN ? AND ?',
  one: 'SELECT id, case_id, received_at, topic FROM enquiries WHERE id = ?',
  link: 'UPDATE enquiries SET case_id = ? WHERE id = ? AND case_id IS NULL',
} as const;

interface PageRow {
  id: number;
  received_at: string;
  received_on: string;
  channel: string;
  channel_name: string | null;
  topic: string;
  answer: string;
  name: string | null;
  phone: string | null;
  logged_by: number;
  logged_by_name: string;
  at: string;
  case_id: number | null;
  case_no: string | null;
}

const toView = (r: PageRow): EnquiryView => ({
  id: r.id,
  receivedAt: r.received_at,
  receivedOn: r.received_on,
  channel: { code: r.channel, name: r.channel_name ?? r.channel },
  topic: r.topic,
  answer: r.answer,
  name: r.name,
  phone: r.phone,
  loggedBy: { id: r.logged_by, displayName: r.logged_by_name },
  loggedAt: r.at,
  case: r.case_id !== null && r.case_no !== null ? { id: r.case_id, caseNo: r.case_no } : null,
});

/**
 * The enquiry log's SQL (咨询登记, migration 0010). Statements are prepared on first use: a damaged
 * register from before 0010 opens read-only without the table, and then has no enquiries to show.
 */
export function createEnquiryStore(db: Db) {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'enquiries'").pluck();
  const daysExist = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'enquiry_days'").pluck();
  let present = false;
  const prepared = new Map<keyof typeof ENQUIRY_SQL, Statement>();
  const statement = (key: keyof typeof ENQUIRY_SQL): Statement | null => {
    if (!present) present = exists.get() !== undefined;
    if (!present) return null;
    let s = prepared.get(key);
    if (!s) prepared.set(key, (s = db.prepare(ENQUIRY_SQL[key])));
    return s;
  };
  const must = (key: keyof typeof ENQUIRY_SQL): Statement => {
    const s = statement(key);
    if (!s) throw new Error('the enquiry log (migration 0010) is missing from this register');
    return s;
  };

  return {
    read: {
      /** One page of a period, newest first, and how many the period holds. */
      page(from: string, to: string, page: number, pageSize: number): { rows: EnquiryView[]; total: number } {
        const rows = statement('page')?.all(from, to, pageSize, (page - 1) * pageSize) as PageRow[] | undefined;
        const count = statement(daysExist.get() === undefined ? 'countRows' : 'count');
        return { rows: (rows ?? []).map(toView), total: (count?.pluck().get(from, to) as number | undefined) ?? 0 };
      },
      one(id: number): { id: number; caseId: number | null; receivedAt: string; topic: string } | null {
        const row = must('one').get(id) as { id: number; case_id: number | null; received_at: string; topic: string } | undefined;
        return row ? { id: row.id, caseId: row.case_id, receivedAt: row.received_at, topic: row.topic } : null;
      },
    },
    write: {
      /** Logs an enquiry and counts it on its date; call inside a transaction. */
      insert(e: NewEnquiry): number {
        const id = Number(must('insert').run(e).lastInsertRowid);
        must('countDay').run(e.receivedOn);
        return id;
      },
      /** Records the complaint an enquiry became; false when it had already become one. Call inside the registering transaction. */
      link(id: number, caseId: number): boolean {
        return must('link').run(caseId, id).changes === 1;
      },
    },
  };
}
export type EnquiryStore = ReturnType<typeof createEnquiryStore>;
