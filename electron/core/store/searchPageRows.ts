import type { CaseRow } from '../../../shared/api/schemas/cases';
import type { WorkingDayCalendar } from '../../../shared/domain/calendar';
import { stateOn, timeLeft, workingDaysLeft, type DeadlineKind, type LimitUnit, type StoredDeadlineState } from '../../../shared/domain/deadlines';
import type { Db } from '../db/open';
import { casesByIdsNamed } from './caseLabels';
import { createCaseNotes, createEvidenceTexts } from './caseText';
import { snippetOf, type SnippetSource } from './snippets';

/** A case of the register's page as read for its row (cases.search). */
export interface PageRow extends TextColumns {
  id: number;
  case_no: string;
  received_at: string;
  created_at: string;
  status: CaseRow['status'];
  complainant_name: string;
  complainant_phone: string;
  subject: string;
  respondent_name: string;
  category_name: string;
  channel_name: string;
  region_name: string | null;
  handler_name: string | null;
  acceptance_due_on: string;
  next_kind: DeadlineKind | null;
  next_due_on: string | null;
  next_state: StoredDeadlineState | null;
  next_unit: LimitUnit | null;
}
/** Read only for a text search, to show where the words matched. */
type TextColumns = Partial<Record<'complainant_id_number' | 'credit_code' | 'complainant_address' | 'facts' | 'request' | 'agent_name' | 'order_no' | 'purchase_shop' | 'purchase_platform', string | null>>;

/** The rows of a page of cases.search, read for the page's cases alone, and where a match is shown from. */
export function createSearchPageRows(db: Db) {
  const notesOf = createCaseNotes(db);
  const evidenceTextsOf = createEvidenceTexts(db);
  // The page's cases with their names and the next deadline their row shows (running before paused,
  // then the nearest), in one statement; the texts a match is shown from only for a text search
  // (at 500,000 cases 0.41 ms for 50 rows, against 1.04 with the texts and a statement a row).
  const detailsSql = (withTexts: boolean) =>
    `SELECT c.id, c.case_no, c.received_at, c.created_at, c.status, c.complainant_name, c.complainant_phone, c.subject,
            r.name AS respondent_name, COALESCE(k.name, c.category) AS category_name, COALESCE(ch.name, c.channel) AS channel_name,
            rg.name AS region_name, h.display_name AS handler_name,
            (SELECT d.due_on FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'acceptance' ORDER BY d.id DESC LIMIT 1) AS acceptance_due_on,
            nd.kind AS next_kind, nd.due_on AS next_due_on, nd.state AS next_state, nd.limit_unit AS next_unit
            ${withTexts ? ', c.complainant_id_number, r.credit_code, c.complainant_address, c.facts, c.request, c.agent_name, c.order_no, c.purchase_shop, c.purchase_platform' : ''}
       ${casesByIdsNamed(
         `LEFT JOIN case_deadlines nd ON nd.id = (SELECT d.id FROM case_deadlines d WHERE d.case_id = c.id AND d.state IN ('running', 'paused')
                                                  ORDER BY d.state = 'paused', d.due_on, d.id LIMIT 1)`,
       )}`;
  const details = db.prepare(detailsSql(false));
  const detailsWithTexts = db.prepare(detailsSql(true));

  /** The page's cases (in no order); `withTexts` for a text search, whose rows show where the words matched. */
  const read = (ids: number[], withTexts: boolean): PageRow[] => (withTexts ? detailsWithTexts : details).all(JSON.stringify(ids)) as PageRow[];

  /** Where a text search's words are looked for in a row, to show the match (only a text search reads the texts). */
  const snippetSource = (r: PageRow): SnippetSource => ({
    shown: [r.case_no, r.complainant_name, r.complainant_phone, r.respondent_name, r.subject],
    hidden: [
      ['证件号码', r.complainant_id_number ?? null],
      ['信用代码', r.credit_code ?? null],
      ['地址', r.complainant_address ?? null],
      ['代理人', r.agent_name ?? null],
      ['订单号', r.order_no ?? null],
      ['购买店铺', r.purchase_shop ?? null],
      ['购买平台', r.purchase_platform ?? null],
      ['事实', r.facts ?? null],
      ['请求', r.request ?? null],
    ],
    notes: () => notesOf(r.id),
    evidence: () => evidenceTextsOf(r.id),
  });

  /** A row of the grid as the page shows it: its next deadline as it stands today, and where a text search's words matched. */
  const rowOf = (r: PageRow, today: string, cal: WorkingDayCalendar, words: string[]): CaseRow => ({
    id: r.id,
    caseNo: r.case_no,
    receivedAt: r.received_at,
    registeredAt: r.created_at,
    status: r.status,
    complainantName: r.complainant_name,
    complainantPhone: r.complainant_phone,
    respondentName: r.respondent_name,
    categoryName: r.category_name,
    channelName: r.channel_name,
    regionName: r.region_name,
    subject: r.subject,
    acceptanceDueOn: r.acceptance_due_on,
    handlerName: r.handler_name,
    nextDeadline:
      r.next_kind && r.next_due_on && r.next_state
        ? {
            kind: r.next_kind,
            dueOn: r.next_due_on,
            state: stateOn(r.next_state, r.next_due_on, today),
            workingDaysLeft: workingDaysLeft(r.next_state, r.next_due_on, today, cal),
            left: timeLeft(r.next_state, r.next_unit, r.next_due_on, today, cal),
          }
        : null,
    match: words.length ? snippetOf(words, snippetSource(r)) : null,
  });

  return { read, rowOf };
}
