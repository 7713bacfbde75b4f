import type { IdType } from '../../../shared/domain/caseStatus';
import type { Db } from '../db/open';

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
  consentMediation: boolean;
  consentPublication: boolean | null;
  ruleSet: string;
  registeredBy: number;
  /** ISO-8601 with the office's offset. */
  at: string;
}

/** Writes of the cases table that are not a workflow step's own columns. */
export function createCaseWrites(db: Db) {
  const insertCase = db.prepare(
    `INSERT INTO cases (case_no, received_at, received_on, channel, category, region, status,
       complainant_name, complainant_id_type, complainant_id_number, complainant_phone, complainant_address,
       respondent_id, subject, purchased_on, amount_paid_fen, facts, request, amount_claimed_fen,
       consent_mediation, consent_publication, rule_set, version,
       registered_by, created_at, updated_at)
     VALUES (@caseNo, @receivedAt, @receivedOn, @channel, @category, @region, 'registered',
       @name, @idType, @idNumber, @phone, @address,
       @respondentId, @subject, @purchasedOn, @amountPaidFen, @facts, @request, @amountClaimedFen,
       @consentMediation, @consentPublication, @ruleSet, 0,
       @registeredBy, @at, @at)`,
  );
  const insertNature = db.prepare('INSERT OR IGNORE INTO case_natures (case_id, nature) VALUES (?, ?)');
  const takeNumber = db.prepare('INSERT INTO case_numbers (year, last) VALUES (?, 1) ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last').pluck();

  return {
    /** Next number in the year, e.g. TS2026-00042; taken inside the registering transaction so none repeats. */
    nextCaseNo(prefix: string, receivedOn: string): string {
      // The receipt date was checked against the contract's bounds; a year that still is not four
      // digits is a fault here, never a number like TSNaN-00001 (the table refuses it too, 0002).
      const year = Number(/^(\d{4})-\d{2}-\d{2}$/.exec(receivedOn)?.[1]);
      if (!Number.isInteger(year)) throw new Error(`receipt date without a four-digit year: ${receivedOn}`);
      return `${prefix}${year}-${String(takeNumber.get(year) as number).padStart(5, '0')}`;
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
        }).lastInsertRowid,
      );
      for (const n of c.natures) insertNature.run(id, n);
      return id;
    },
  };
}
export type CaseWrites = ReturnType<typeof createCaseWrites>;
