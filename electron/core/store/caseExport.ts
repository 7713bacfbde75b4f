import { SEARCH_COUNT_CAP } from '../../../shared/api/schemas/cases';
import type { UserView } from '../../../shared/api/schemas/common';
import type { CaseStatus } from '../../../shared/domain/caseStatus';
import { orderedRequestTypes } from '../../../shared/domain/requestTypes';
import type { Db } from '../db/open';
import { casesByIdsNamed } from './caseLabels';
import type { SearchInput } from './caseSearch';
import type { SearchPlan } from './searchPlan';
import { encodeCursor } from './searchOrders';

/** A case as the register's spreadsheet lists it (one row, every column a person filters or adds up). */
export interface ExportRow {
  caseNo: string;
  receivedAt: string;
  registeredAt: string;
  status: CaseStatus;
  complainantName: string;
  complainantPhone: string;
  complainantIdNumber: string | null;
  complainantAddress: string | null;
  /** 代理人 (issue [B]): null for a case without one. */
  agentName: string | null;
  agentPhone: string | null;
  agentRelation: string | null;
  agentAuthorized: boolean | null;
  respondentName: string;
  respondentCreditCode: string | null;
  categoryName: string;
  natureNames: string;
  channelName: string;
  regionName: string | null;
  subject: string;
  purchasedOn: string | null;
  amountPaidFen: number | null;
  purchaseShop: string | null;
  purchasePlatform: string | null;
  orderNo: string | null;
  facts: string;
  /** 请求类型 codes, in the list's order. */
  requestTypes: string[];
  request: string;
  amountClaimedFen: number | null;
  handlerName: string | null;
  acceptedOn: string | null;
  closedOn: string | null;
  resolved: boolean | null;
  recoveredFen: number | null;
  punitiveFen: number | null;
  nextDueOn: string | null;
}

interface Row {
  id: number;
  case_no: string;
  received_at: string;
  created_at: string;
  status: CaseStatus;
  complainant_name: string;
  complainant_phone: string;
  complainant_id_number: string | null;
  complainant_address: string | null;
  agent_name: string | null;
  agent_phone: string | null;
  agent_relation: string | null;
  agent_authorized: number | null;
  respondent_name: string;
  credit_code: string | null;
  category_name: string;
  nature_names: string | null;
  channel_name: string;
  region_name: string | null;
  subject: string;
  purchased_on: string | null;
  amount_paid_fen: number | null;
  purchase_shop: string | null;
  purchase_platform: string | null;
  order_no: string | null;
  facts: string;
  request_types: string;
  request: string;
  amount_claimed_fen: number | null;
  handler_name: string | null;
  accepted_on: string | null;
  closed_on: string | null;
  resolved: number | null;
  recovered_fen: number | null;
  punitive_fen: number | null;
  next_due_on: string | null;
}

/**
 * Read on the page's thread: 500 cases held it 12–15 ms at 100,000 cases, and up to 57 ms on a busy
 * machine. At a million (packed), 250 cases of one category in a year read in 9.5–9.8 ms at the
 * median and up to 47.6 ms, and a call beside that export waited up to 45.9 ms at p99; in chunks
 * of 100, 18–28 ms.
 */
const CHUNK = 100;

/**
 * The filtered register read in chunks for its spreadsheet, on a connection of its own inside one
 * read transaction: a consistent snapshot however long the export takes, while the page's own
 * connection goes on answering and writing. The ids come from the search's own statements, so
 * the spreadsheet holds exactly the cases the register lists.
 */
export function createCaseExportReader(db: Db, plan: (input: SearchInput, user: UserView) => SearchPlan) {
  const details = db.prepare(
    `SELECT c.id, c.case_no, c.received_at, c.created_at, c.status, c.complainant_name, c.complainant_phone, c.complainant_id_number, c.complainant_address,
            c.agent_name, c.agent_phone, c.agent_relation, c.agent_authorized,
            r.name AS respondent_name, r.credit_code, COALESCE(k.name, c.category) AS category_name,
            (SELECT group_concat(COALESCE(nk.name, n.nature), '、') FROM case_natures n LEFT JOIN catalog_items nk ON nk.kind = 'nature' AND nk.code = n.nature WHERE n.case_id = c.id) AS nature_names,
            COALESCE(ch.name, c.channel) AS channel_name, rg.name AS region_name, c.subject, c.purchased_on, c.amount_paid_fen,
            c.purchase_shop, c.purchase_platform, c.order_no, c.facts, c.request_types, c.request, c.amount_claimed_fen, h.display_name AS handler_name, c.accepted_on, c.closed_on, c.resolved,
            c.recovered_fen, c.punitive_fen, c.next_due_on
       ${casesByIdsNamed()}`,
  );

  const toExport = (r: Row): ExportRow => ({
    caseNo: r.case_no,
    receivedAt: r.received_at,
    registeredAt: r.created_at,
    status: r.status,
    complainantName: r.complainant_name,
    complainantPhone: r.complainant_phone,
    complainantIdNumber: r.complainant_id_number,
    complainantAddress: r.complainant_address,
    agentName: r.agent_name,
    agentPhone: r.agent_phone,
    agentRelation: r.agent_relation,
    agentAuthorized: r.agent_authorized === null ? null : r.agent_authorized === 1,
    respondentName: r.respondent_name,
    respondentCreditCode: r.credit_code,
    categoryName: r.category_name,
    natureNames: r.nature_names ?? '',
    channelName: r.channel_name,
    regionName: r.region_name,
    subject: r.subject,
    purchasedOn: r.purchased_on,
    amountPaidFen: r.amount_paid_fen,
    purchaseShop: r.purchase_shop,
    purchasePlatform: r.purchase_platform,
    orderNo: r.order_no,
    facts: r.facts,
    requestTypes: orderedRequestTypes(JSON.parse(r.request_types) as string[]),
    request: r.request,
    amountClaimedFen: r.amount_claimed_fen,
    handlerName: r.handler_name,
    acceptedOn: r.accepted_on,
    closedOn: r.closed_on,
    resolved: r.resolved === null ? null : r.resolved === 1,
    recoveredFen: r.recovered_fen,
    punitiveFen: r.punitive_fen,
    nextDueOn: r.next_due_on,
  });

  return {
    /** The matching cases in the register's order, a chunk at a time; the caller yields between chunks. */
    async *chunks(input: Omit<SearchInput, 'page' | 'pageSize' | 'after'>, user: UserView): AsyncGenerator<ExportRow[]> {
      let after: string | undefined;
      for (;;) {
        const p = plan({ ...input, page: 1, pageSize: CHUNK, ...(after ? { after } : {}) }, user);
        if (p.empty) return;
        const keys = db.prepare(p.page.sql).all(...p.page.params) as ({ id: number } & Record<string, string | number | null>)[];
        const page = keys.slice(0, CHUNK);
        if (page.length === 0) return;
        const byId = new Map((details.all(JSON.stringify(page.map((k) => k.id))) as Row[]).map((r) => [r.id, r]));
        yield page.map((k) => toExport(byId.get(k.id)!));
        if (keys.length <= CHUNK) return;
        const last = page[page.length - 1]!;
        after = encodeCursor(Array.from({ length: p.cursorColumns }, (_, i) => last[`k${i}`] ?? null));
      }
    },
    /**
     * The filters the file is read by. A text (or a number's beginning) sorted other than by
     * registration lists only its newest matches up to the search's cap, sorted (caseSearch.ts); past
     * the cap a file in that order would leave the older matches out without a word, so it holds every
     * match in the register's own order instead, and says so (`registerOrder`).
     */
    order(input: Omit<SearchInput, 'page' | 'pageSize' | 'after'>, user: UserView): { filters: Omit<SearchInput, 'page' | 'pageSize' | 'after'>; registerOrder: boolean } {
      const beyond = plan({ ...input, page: 1, pageSize: CHUNK }, user).textBeyondCap;
      const past = beyond !== null && (db.prepare(beyond.sql).pluck().get(...beyond.params) as number) > SEARCH_COUNT_CAP;
      return past ? { filters: { ...input, sort: 'registeredAt:desc' }, registerOrder: true } : { filters: input, registerOrder: false };
    },
    /** Matches, counted up to the search's cap (a progress figure, not a statistic). */
    count(input: Omit<SearchInput, 'page' | 'pageSize' | 'after'>, user: UserView): number {
      const p = plan({ ...input, page: 1, pageSize: CHUNK }, user);
      return p.empty ? 0 : (db.prepare(p.count.sql).pluck().get(...p.count.params) as number);
    },
  };
}
