import type { CaseDetail } from '../../../shared/api/schemas/cases';
import type { CaseStatus, IdType } from '../../../shared/domain/caseStatus';
import { purchaseOverLimitation } from '../../../shared/domain/intake';
import { orderedRequestTypes, requestTypeName } from '../../../shared/domain/requestTypes';
import type { Db } from '../db/open';

/** The columns of a case as registered, as the cases table stores them. */
interface RegisteredRow {
  id: number;
  case_no: string;
  received_at: string;
  received_on: string;
  channel: string;
  channel_name: string | null;
  region: string | null;
  region_name: string | null;
  category: string;
  category_name: string | null;
  category_group: string | null;
  status: CaseStatus;
  complainant_name: string;
  complainant_id_type: IdType;
  complainant_id_number: string | null;
  complainant_phone: string;
  complainant_address: string | null;
  respondent_id: number;
  subject: string;
  purchased_on: string | null;
  amount_paid_fen: number | null;
  facts: string;
  request: string;
  amount_claimed_fen: number | null;
  consent_mediation: 0 | 1;
  consent_publication: 0 | 1 | null;
  request_types: string;
  agent_name: string | null;
  agent_phone: string | null;
  agent_relation: string | null;
  agent_authorized: 0 | 1 | null;
  purchase_shop: string | null;
  purchase_platform: string | null;
  order_no: string | null;
  registered_by: number;
  registered_by_name: string;
  created_at: string;
}

/** A case as registered: the part of `cases.get` that the counter wrote. */
export type RegisteredCase = Pick<
  CaseDetail,
  | 'id'
  | 'caseNo'
  | 'receivedAt'
  | 'channel'
  | 'region'
  | 'status'
  | 'category'
  | 'natures'
  | 'complainant'
  | 'subject'
  | 'purchasedOn'
  | 'amountPaidFen'
  | 'facts'
  | 'request'
  | 'amountClaimedFen'
  | 'requestTypes'
  | 'agent'
  | 'purchasePlace'
  | 'purchaseOverLimitation'
  | 'consentMediation'
  | 'consentPublication'
  | 'registeredBy'
  | 'createdAt'
> & { respondentId: number; receivedOn: string };

const toRegistered = (c: RegisteredRow, natures: { code: string; name: string }[]): RegisteredCase => ({
  id: c.id,
  caseNo: c.case_no,
  receivedAt: c.received_at,
  receivedOn: c.received_on,
  channel: { code: c.channel, name: c.channel_name ?? c.channel },
  region: c.region === null ? null : { code: c.region, name: c.region_name ?? c.region },
  status: c.status,
  category: { code: c.category, name: c.category_name ?? c.category, group: c.category_group ?? '' },
  natures,
  complainant: {
    name: c.complainant_name,
    idType: c.complainant_id_type,
    idNumber: c.complainant_id_number,
    phone: c.complainant_phone,
    address: c.complainant_address,
  },
  respondentId: c.respondent_id,
  subject: c.subject,
  purchasedOn: c.purchased_on,
  amountPaidFen: c.amount_paid_fen,
  facts: c.facts,
  request: c.request,
  amountClaimedFen: c.amount_claimed_fen,
  requestTypes: orderedRequestTypes(JSON.parse(c.request_types) as string[]).map((code) => ({ code, name: requestTypeName(code) })),
  agent:
    c.agent_name === null
      ? null
      : { name: c.agent_name, phone: c.agent_phone ?? '', relation: c.agent_relation, authorizationReceived: c.agent_authorized === 1 },
  purchasePlace: { shop: c.purchase_shop, platform: c.purchase_platform, orderNo: c.order_no },
  purchaseOverLimitation: purchaseOverLimitation(c.purchased_on, c.received_on),
  consentMediation: c.consent_mediation === 1,
  consentPublication: c.consent_publication === null ? null : c.consent_publication === 1,
  registeredBy: { id: c.registered_by, displayName: c.registered_by_name },
  createdAt: c.created_at,
});

/** Reads of one case's registered part, typed from the row to the API's shape. */
export function createCaseReads(db: Db) {
  const caseRow = db.prepare(
    `SELECT c.id, c.case_no, c.received_at, c.received_on, c.channel, ch.name AS channel_name, c.region, rg.name AS region_name,
            c.category, cat.name AS category_name, cat.grp AS category_group, c.status,
            c.complainant_name, c.complainant_id_type, c.complainant_id_number, c.complainant_phone, c.complainant_address,
            c.respondent_id, c.subject, c.purchased_on, c.amount_paid_fen, c.facts, c.request, c.amount_claimed_fen,
            c.consent_mediation, c.consent_publication, c.request_types, c.agent_name, c.agent_phone, c.agent_relation, c.agent_authorized,
            c.purchase_shop, c.purchase_platform, c.order_no, c.registered_by, u.display_name AS registered_by_name, c.created_at
       FROM cases c
       LEFT JOIN catalog_items ch ON ch.kind = 'channel' AND ch.code = c.channel
       LEFT JOIN catalog_items rg ON rg.kind = 'region' AND rg.code = c.region
       LEFT JOIN catalog_items cat ON cat.kind = 'category' AND cat.code = c.category
       JOIN users u ON u.id = c.registered_by
      WHERE c.id = ?`,
  );
  const natures = db.prepare(
    `SELECT n.nature AS code, COALESCE(k.name, n.nature) AS name FROM case_natures n
       LEFT JOIN catalog_items k ON k.kind = 'nature' AND k.code = n.nature
      WHERE n.case_id = ? ORDER BY k.sort`,
  );
  const idsAfter = db.prepare('SELECT id FROM cases WHERE id > ? AND id <= ? ORDER BY id LIMIT ?').pluck();
  return {
    /** Up to `limit` case ids with `after` < id ≤ `through`, in order (a background walk of the register). */
    idsAfter: (after: number, through: number, limit: number) => idsAfter.all(after, through, limit) as number[],
    /** The case as registered, or undefined when there is none with this id. */
    registered(id: number): RegisteredCase | undefined {
      const row = caseRow.get(id) as RegisteredRow | undefined;
      return row && toRegistered(row, natures.all(id) as { code: string; name: string }[]);
    },
  };
}
export type CaseReads = ReturnType<typeof createCaseReads>;
