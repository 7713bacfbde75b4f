import { caseStatuses, finalStatuses, type CaseStatus } from '../../../shared/domain/caseStatus';
import { deadlineKinds } from '../../../shared/domain/deadlines';
import type { Db } from '../db/open';

/** The few columns a service checks before it acts on a case: where it stands and who handles it. */
export interface CaseHead {
  id: number;
  caseNo: string;
  status: CaseStatus;
  category: string;
  handlerId: number | null;
  version: number;
}

/** An open deadline counted on a provisional calendar (a year whose holidays are not yet entered). */
export interface ProvisionalSpan {
  startOn: string;
  dueOn: string;
}

const OPEN = caseStatuses.filter((s) => !finalStatuses.includes(s)).map((s) => `'${s}'`).join(', ');

/**
 * The small reads of the case register that other services make before they act (the issuer of a
 * notice, the evidence export, the repeat link, the rule sets, the holiday calendar, the list of
 * handlers): here, so that the cases and deadlines tables are read by the store alone ([F] #11).
 */
export function createCaseHeads(db: Db) {
  const one = db.prepare('SELECT id, case_no AS caseNo, status, category, handler_id AS handlerId, version FROM cases WHERE id = ?');
  const ruleSetUsed = db.prepare('SELECT 1 FROM cases WHERE rule_set = ? LIMIT 1').pluck();
  // From the open deadlines' own indexes (the running ones' partial index, the paused ones by kind and
  // state): a plain WHERE on state read every deadline the register ever had.
  const kinds = deadlineKinds.map((k) => `'${k}'`).join(', ');
  const provisional = db.prepare(
    `SELECT start_on AS startOn, due_on AS dueOn FROM case_deadlines INDEXED BY case_deadlines_open WHERE state = 'running' AND provisional = 1
     UNION ALL
     SELECT start_on, due_on FROM case_deadlines WHERE kind IN (${kinds}) AND state = 'paused' AND provisional = 1`,
  );
  const openOf = db.prepare(`SELECT COUNT(*) FROM cases WHERE handler_id = ? AND status IN (${OPEN})`).pluck();
  return {
    head: (caseId: number): CaseHead | null => (one.get(caseId) as CaseHead | undefined) ?? null,
    /** Whether any case was received under a rule set (its effective date is then fixed). */
    ruleSetUsed: (code: string): boolean => ruleSetUsed.get(code) !== undefined,
    provisionalSpans: (): ProvisionalSpan[] => provisional.all() as ProvisionalSpan[],
    /** A handler's cases not yet finished (the workload shown when assigning). */
    openCasesOf: (handlerId: number): number => openOf.get(handlerId) as number,
    /** The statements above (for EXPLAIN QUERY PLAN in the tests). */
    sql: { head: one.source, ruleSetUsed: ruleSetUsed.source, provisional: provisional.source, openOf: openOf.source },
  };
}
