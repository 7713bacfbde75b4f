import type { CaseRow } from '../../../shared/api/schemas/cases';
import type { WorkingDayCalendar } from '../../../shared/domain/calendar';
import { stateOn, timeLeft, workingDaysLeft, type DeadlineKind, type LimitUnit, type StoredDeadlineState } from '../../../shared/domain/deadlines';
import type { Db } from '../db/open';
import { casesByIdsNamed } from './caseLabels';
import { createCaseNotes, createEvidenceTexts, LONG_FIELDS, SHORT_FIELDS } from './caseText';
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
type TextColumns = Partial<Record<(typeof SHORT_FIELDS)[number][0] | (typeof LONG_FIELDS)[number][0], string | null>>;

/** The indexed fields the register's columns show: a word found there needs no snippet. */
const SHOWN = ['case_no', 'complainant_name', 'complainant_phone', 'respondent_name', 'subject'] as const;
/** Every other field the index holds, with its label, in the index's order, then the long texts. */
const HIDDEN = [...SHORT_FIELDS, ...LONG_FIELDS].filter(([field]) => !(SHOWN as readonly string[]).includes(field));

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
            ${withTexts ? ', c.complainant_id_number, c.complainant_address, r.credit_code, r.phone AS respondent_phone, r.contact_person, c.agent_name, c.agent_phone, c.order_no, c.purchase_shop, c.purchase_platform, c.facts, c.request' : ''}
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
    shown: SHOWN.map((field) => r[field]),
    hidden: HIDDEN.map(([field, label]) => [label, r[field] ?? null]),
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
