import type { EarlierCaseRow, ReturningComplainant } from '../../../shared/api/schemas/repeats';
import type { CaseStatus, IdType } from '../../../shared/domain/caseStatus';
import { repeatWindowStart } from '../../../shared/domain/repeats';
import type { Db } from '../db/open';

/** How many earlier complaints a repeat warning lists (a person rarely has more against one business). */
export const REPEATS_LIMIT = 20;
/** How many of a person's complaints a look-up reads (newest first), and how many people it offers. */
const LOOKUP_CASES = 50;
const LOOKUP_PEOPLE = 5;
const CASES_PER_PERSON = 8;

interface EarlierRow {
  id: number;
  case_no: string;
  received_at: string;
  received_on: string;
  status: CaseStatus;
  subject: string;
  complainant_name: string;
  complainant_id_type: IdType;
  complainant_id_number: string | null;
  complainant_phone: string;
  complainant_address: string | null;
  respondent_id: number;
  respondent_name: string;
}

const COLUMNS = `c.id, c.case_no, c.received_at, c.received_on, c.status, c.subject, c.complainant_name, c.complainant_id_type,
  c.complainant_id_number, c.complainant_phone, c.complainant_address, c.respondent_id, r.name AS respondent_name`;

const toRow = (r: EarlierRow): EarlierCaseRow => ({
  id: r.id,
  caseNo: r.case_no,
  receivedAt: r.received_at,
  status: r.status,
  subject: r.subject,
  complainantName: r.complainant_name,
  respondentName: r.respondent_name,
});

export interface RepeatQuery {
  /** Stored form: normalised phone, upper-case ID number (as registration stores them). */
  phone: string;
  idNumber: string | null;
  respondentId: number;
  /** The new complaint's receipt date: the window ends on it and starts `windowDays` before. */
  on: string;
  windowDays: number;
  /** A case being checked against the ones before it (leaves itself out); absent for a case not yet registered. */
  exceptId?: number;
}

/**
 * The register read by complainant: earlier complaints of the same person against the same business
 * (重复投诉, shared/domain/repeats.ts), and a returning complainant's details (回头投诉人). Every
 * statement starts from the complainant's phone or ID number index, so it costs what one person's
 * complaints cost, never a popular business's thousands (`+respondent_id` keeps the planner off
 * the respondent's index; test/core/storePlans.test.ts holds the plans).
 */
export function createComplainantReads(db: Db) {
  const byPhone = `SELECT ${COLUMNS} FROM cases c JOIN respondents r ON r.id = c.respondent_id
     WHERE c.complainant_phone = @phone AND +c.respondent_id = @respondent AND c.status <> 'voided'
       AND c.received_on >= @since AND c.received_on <= @on AND c.id <> @except`;
  const byId = byPhone.replace('c.complainant_phone = @phone', 'c.complainant_id_number = @idNumber');
  const repeatsByPhone = db.prepare(`${byPhone} ORDER BY c.id DESC LIMIT ${REPEATS_LIMIT}`);
  const repeatsByEither = db.prepare(`SELECT * FROM (${byPhone} UNION ${byId}) ORDER BY id DESC LIMIT ${REPEATS_LIMIT}`);
  // The same rule asked of one earlier case (a link is checked however many complaints came between).
  const oneByPhone = db.prepare(`${byPhone} AND c.id = @only`);
  const oneByEither = db.prepare(`SELECT * FROM (${byPhone} AND c.id = @only UNION ${byId} AND c.id = @only)`);

  const personByPhone = db.prepare(
    `SELECT ${COLUMNS} FROM cases c JOIN respondents r ON r.id = c.respondent_id
      WHERE c.complainant_phone = ? AND c.status <> 'voided' ORDER BY c.id DESC LIMIT ${LOOKUP_CASES}`,
  );
  const personById = db.prepare(
    `SELECT ${COLUMNS} FROM cases c JOIN respondents r ON r.id = c.respondent_id
      WHERE c.complainant_id_number = ? AND c.status <> 'voided' ORDER BY c.id DESC LIMIT ${LOOKUP_CASES}`,
  );

  const paramsOf = (q: RepeatQuery) => ({
    phone: q.phone,
    idNumber: q.idNumber,
    respondent: q.respondentId,
    since: repeatWindowStart(q.on, q.windowDays),
    on: q.on,
    except: q.exceptId ?? 0,
  });

  return {
    /** The plain SQL of the statements, for EXPLAIN QUERY PLAN in the tests. */
    sql: { repeatsByPhone: repeatsByPhone.source, repeatsByEither: repeatsByEither.source, personByPhone: personByPhone.source, personById: personById.source },

    /** Earlier complaints (not voided) by the same ID number or phone against the same business within the window, newest first. */
    repeats(q: RepeatQuery): EarlierCaseRow[] {
      const rows = (q.idNumber ? repeatsByEither.all(paramsOf(q)) : repeatsByPhone.all(paramsOf(q))) as EarlierRow[];
      return rows.map(toRow);
    },

    /** Whether one earlier case is a repeat's earlier complaint by the rule above. */
    isRepeatOf(q: RepeatQuery, earlierId: number): boolean {
      const params = { ...paramsOf(q), only: earlierId };
      return (q.idNumber ? oneByEither.get(params) : oneByPhone.get(params)) !== undefined;
    },

    /**
     * The people on the register under this phone or ID number, each as their latest complaint gave
     * them. One person is one name and ID number; a complaint without an ID number joins the
     * person of the same name when there is exactly one such.
     */
    lookup(q: { phone?: string; idNumber?: string }): ReturningComplainant[] {
      const seen = new Map<number, EarlierRow>();
      for (const r of [
        ...(q.idNumber ? (personById.all(q.idNumber) as EarlierRow[]) : []),
        ...(q.phone ? (personByPhone.all(q.phone) as EarlierRow[]) : []),
      ]) {
        seen.set(r.id, r);
      }
      const newestFirst = [...seen.values()].sort((a, b) => b.id - a.id);
      const people = new Map<string, EarlierRow[]>();
      const keyOf = (r: EarlierRow) => `${r.complainant_name}\u0000${r.complainant_id_number ?? ''}`;
      for (const r of newestFirst) {
        if (r.complainant_id_number) people.set(keyOf(r), [...(people.get(keyOf(r)) ?? []), r]);
      }
      for (const r of newestFirst) {
        if (r.complainant_id_number) continue;
        const sameName = [...people.keys()].filter((k) => k.startsWith(`${r.complainant_name}\u0000`) && !k.endsWith('\u0000'));
        const key = sameName.length === 1 ? sameName[0]! : keyOf(r);
        people.set(key, [...(people.get(key) ?? []), r]);
      }
      return [...people.values()]
        .map((rows) => rows.sort((a, b) => b.id - a.id))
        .sort((a, b) => b[0]!.id - a[0]!.id)
        .slice(0, LOOKUP_PEOPLE)
        .map((rows) => {
          const latest = rows[0]!;
          // The ID number given once stays the person's, even when the latest complaint left it out.
          const withId = rows.find((r) => r.complainant_id_number);
          return {
            name: latest.complainant_name,
            idType: withId?.complainant_id_type ?? latest.complainant_id_type,
            idNumber: withId?.complainant_id_number ?? null,
            phone: latest.complainant_phone,
            address: rows.find((r) => r.complainant_address)?.complainant_address ?? null,
            caseCount: rows.length,
            cases: rows.slice(0, CASES_PER_PERSON).map(toRow),
          };
        });
    },
  };
}
export type ComplainantReads = ReturnType<typeof createComplainantReads>;
