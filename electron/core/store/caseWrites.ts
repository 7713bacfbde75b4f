import type { IdType } from '../../../shared/domain/caseStatus';
import type { Db } from '../db/open';
import { caseNumberOf } from '../../../shared/domain/caseNumber';

/** 代理人 as the register stores it (the four agent_* columns, written together). */
export interface CaseAgent {
  name: string;
  phone: string;
  relation: string | null;
  authorizationReceived: boolean;
}

/** A new case as the register stores it (cases.register, after its checks). */
export interface NewCase {
  receivedAt: string;
  receivedOn: string;
  channel: string;
  category: string;
  region: string | null;
  natures: readonly string[];
  complainant: { name: string; idType: IdType; idNumber: string | null; phone: string; address: string | null };
  respondentId: number;
  subject: string;
  purchasedOn: string | null;
  amountPaidFen: number | null;
  facts: string;
  request: string;
  amountClaimedFen: number | null;
  requestTypes: readonly string[];
  agent: CaseAgent | null;
  purchasePlace: { shop: string | null; platform: string | null; orderNo: string | null };
  consentMediation: boolean;
  consentPublication: boolean | null;
  ruleSet: string;
  registeredBy: number;
  /** ISO-8601 with the office's offset. */
  at: string;
}

/**
 * The registration's columns a correction may set (cases.correct), by the column's name; a value of
 * null clears an optional one. The case number is not among them: it never changes.
 */
export interface CorrectedColumns {
  received_at?: string;
  received_on?: string;
  rule_set?: string;
  channel?: string;
  region?: string | null;
  category?: string;
  complainant_name?: string;
  complainant_id_type?: IdType;
  complainant_id_number?: string | null;
  complainant_phone?: string;
  complainant_address?: string | null;
  respondent_id?: number;
  subject?: string;
  purchased_on?: string | null;
  amount_paid_fen?: number | null;
  facts?: string;
  request?: string;
  amount_claimed_fen?: number | null;
  purchase_shop?: string | null;
  purchase_platform?: string | null;
  order_no?: string | null;
  /** JSON array of request type codes. */
  request_types?: string;
  consent_mediation?: 0 | 1;
  consent_publication?: 0 | 1 | null;
}
const CORRECTABLE_COLUMNS: readonly (keyof CorrectedColumns)[] = [
  'received_at',
  'received_on',
  'rule_set',
  'channel',
  'region',
  'category',
  'complainant_name',
  'complainant_id_type',
  'complainant_id_number',
  'complainant_phone',
  'complainant_address',
  'respondent_id',
  'subject',
  'purchased_on',
  'amount_paid_fen',
  'facts',
  'request',
  'amount_claimed_fen',
  'purchase_shop',
  'purchase_platform',
  'order_no',
  'request_types',
  'consent_mediation',
  'consent_publication',
];

const agentParams = (a: CaseAgent | null) => ({
  agentName: a?.name ?? null,
  agentPhone: a?.phone ?? null,
  agentRelation: a?.relation ?? null,
  agentAuthorized: a === null ? null : a.authorizationReceived ? 1 : 0,
});

/** Writes of the cases table that are not a workflow step's own columns. */
export function createCaseWrites(db: Db) {
  const insertCase = db.prepare(
    `INSERT INTO cases (case_no, received_at, received_on, channel, category, region, status,
       complainant_name, complainant_id_type, complainant_id_number, complainant_phone, complainant_address,
       respondent_id, subject, purchased_on, amount_paid_fen, facts, request, amount_claimed_fen,
       consent_mediation, consent_publication, rule_set, version,
       registered_by, created_at, updated_at,
       request_types, agent_name, agent_phone, agent_relation, agent_authorized, purchase_shop, purchase_platform, order_no)
     VALUES (@caseNo, @receivedAt, @receivedOn, @channel, @category, @region, 'registered',
       @name, @idType, @idNumber, @phone, @address,
       @respondentId, @subject, @purchasedOn, @amountPaidFen, @facts, @request, @amountClaimedFen,
       @consentMediation, @consentPublication, @ruleSet, 0,
       @registeredBy, @at, @at,
       @requestTypes, @agentName, @agentPhone, @agentRelation, @agentAuthorized, @purchaseShop, @purchasePlatform, @orderNo)`,
  );
  const insertNature = db.prepare('INSERT OR IGNORE INTO case_natures (case_id, nature) VALUES (?, ?)');
  const deleteNatures = db.prepare('DELETE FROM case_natures WHERE case_id = ?');
  // One statement per column, prepared once: the columns come from the list above, never from input.
  const setColumn = Object.fromEntries(CORRECTABLE_COLUMNS.map((col) => [col, db.prepare(`UPDATE cases SET ${col} = ? WHERE id = ?`)]));
  const setAgent = db.prepare(
    'UPDATE cases SET agent_name = @agentName, agent_phone = @agentPhone, agent_relation = @agentRelation, agent_authorized = @agentAuthorized WHERE id = @id',
  );
  const takeNumber = db.prepare('INSERT INTO case_numbers (year, last) VALUES (?, 1) ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last').pluck();

  return {
    /** Next number in the year, e.g. TS2026-00042; taken inside the registering transaction so none repeats. */
    nextCaseNo(prefix: string, receivedOn: string): string {
      // The receipt date was checked against the contract's bounds; a year that still is not four
      // digits is a fault here, never a number like TSNaN-00001 (the table refuses it too, 0002).
      const year = Number(/^(\d{4})-\d{2}-\d{2}$/.exec(receivedOn)?.[1]);
      if (!Number.isInteger(year)) throw new Error(`receipt date without a four-digit year: ${receivedOn}`);
      return caseNumberOf(prefix, year, takeNumber.get(year) as number);
    },
    /** Inserts the case and its natures; returns its id. Its event, deadlines and index follow in the same transaction. */
    insert(caseNo: string, c: NewCase): number {
      const id = Number(
        insertCase.run({
          caseNo,
          receivedAt: c.receivedAt,
          receivedOn: c.receivedOn,
          channel: c.channel,
          category: c.category,
          region: c.region,
          name: c.complainant.name,
          idType: c.complainant.idType,
          idNumber: c.complainant.idNumber,
          phone: c.complainant.phone,
          address: c.complainant.address,
          respondentId: c.respondentId,
          subject: c.subject,
          purchasedOn: c.purchasedOn,
          amountPaidFen: c.amountPaidFen,
          facts: c.facts,
          request: c.request,
          amountClaimedFen: c.amountClaimedFen,
          consentMediation: c.consentMediation ? 1 : 0,
          consentPublication: c.consentPublication === null ? null : c.consentPublication ? 1 : 0,
          ruleSet: c.ruleSet,
          registeredBy: c.registeredBy,
          at: c.at,
          requestTypes: JSON.stringify(c.requestTypes),
          ...agentParams(c.agent),
          purchaseShop: c.purchasePlace.shop,
          purchasePlatform: c.purchasePlace.platform,
          orderNo: c.purchasePlace.orderNo,
        }).lastInsertRowid,
      );
      for (const n of c.natures) insertNature.run(id, n);
      return id;
    },
    /**
     * A correction of the registration (cases.correct): the given columns, and the natures when
     * given. Its event (which moves the version and the statistics) and the search index follow in
     * the same transaction.
     */
    correct(caseId: number, columns: CorrectedColumns, natures?: readonly string[], agent?: CaseAgent | null): void {
      for (const [col, value] of Object.entries(columns) as [keyof CorrectedColumns, unknown][]) {
        const statement = setColumn[col];
        if (!statement) throw new Error(`not a correctable column: ${col}`);
        statement.run(value, caseId);
      }
      // The agent's columns are checked together (0013), so they are written in one statement.
      if (agent !== undefined) setAgent.run({ id: caseId, ...agentParams(agent) });
      if (natures) {
        deleteNatures.run(caseId);
        for (const n of natures) insertNature.run(caseId, n);
      }
    },
  };
}
export type CaseWrites = ReturnType<typeof createCaseWrites>;
