import type { Limit, DeadlineKind, StoredDeadlineState } from '../../../shared/domain/deadlines';
import type { Db } from '../db/open';

/** A deadline as stored (DESIGN.md "The case and its clock"): the core computes it, the row keeps it. */
export interface DeadlineRow {
  id: number;
  case_id: number;
  kind: DeadlineKind;
  start_on: string;
  limit_amount: number | null;
  limit_unit: Limit['unit'] | null;
  fixed_due_on: string | null;
  rule_set: string | null;
  due_on: string;
  provisional: number;
  paused_days: number;
  paused_working_days: number;
  paused_since: string | null;
  state: StoredDeadlineState;
  ended_on: string | null;
}

export interface NewDeadline {
  caseId: number;
  kind: DeadlineKind;
  startOn: string;
  limit: Limit | null;
  fixedDueOn: string | null;
  ruleSet: string | null;
  dueOn: string;
  provisional: boolean;
  createdAt: string;
}

const flag = (b: boolean) => (b ? 1 : 0);

/**
 * The SQL of a case's deadlines. Every change keeps `cases.next_due_on` (the register's "due
 * first" order and its overdue filter) in step with the running clocks, in the same call.
 */
export function createCaseDeadlines(db: Db) {
  const insert = db.prepare(
    `INSERT INTO case_deadlines (case_id, kind, start_on, limit_amount, limit_unit, fixed_due_on, rule_set, due_on, provisional, state, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)`,
  );
  // A case has a handful of clocks: the open ones are read whole and picked by kind here, one statement for every kind.
  const openOfCase = db.prepare("SELECT * FROM case_deadlines WHERE case_id = ? AND state IN ('running', 'paused') ORDER BY id");
  const ofCase = db.prepare('SELECT * FROM case_deadlines WHERE case_id = ? ORDER BY id');
  const allOpen = db.prepare("SELECT * FROM case_deadlines WHERE state IN ('running', 'paused') AND limit_unit IS NOT NULL");
  const setDue = db.prepare('UPDATE case_deadlines SET due_on = ?, provisional = ? WHERE id = ?');
  const setPaused = db.prepare("UPDATE case_deadlines SET state = 'paused', paused_since = ? WHERE id = ?");
  const setResumed = db.prepare(
    "UPDATE case_deadlines SET state = 'running', paused_since = NULL, paused_days = ?, paused_working_days = ?, due_on = ?, provisional = ? WHERE id = ?",
  );
  const setRestarted = db.prepare('UPDATE case_deadlines SET start_on = ?, limit_amount = ?, limit_unit = ?, rule_set = ?, due_on = ?, provisional = ? WHERE id = ?');
  const setEnded = db.prepare('UPDATE case_deadlines SET state = ?, ended_on = ?, paused_since = NULL WHERE id = ?');
  const setNextDue = db.prepare("UPDATE cases SET next_due_on = (SELECT MIN(due_on) FROM case_deadlines WHERE case_id = @id AND state = 'running') WHERE id = @id");

  return {
    insert(d: NewDeadline): void {
      insert.run(d.caseId, d.kind, d.startOn, d.limit?.amount ?? null, d.limit?.unit ?? null, d.fixedDueOn, d.ruleSet, d.dueOn, flag(d.provisional), d.createdAt);
    },
    open(caseId: number, kinds: readonly DeadlineKind[]): DeadlineRow[] {
      return (openOfCase.all(caseId) as DeadlineRow[]).filter((r) => kinds.includes(r.kind));
    },
    ofCase: (caseId: number) => ofCase.all(caseId) as DeadlineRow[],
    /** Every open clock counted by a limit (the whole register's, after a calendar change). */
    allOpen: () => allOpen.all() as DeadlineRow[],
    setDue(id: number, dueOn: string, provisional: boolean): void {
      setDue.run(dueOn, flag(provisional), id);
    },
    pause(id: number, on: string): void {
      setPaused.run(on, id);
    },
    resume(id: number, paused: { days: number; workingDays: number }, dueOn: string, provisional: boolean): void {
      setResumed.run(paused.days, paused.workingDays, dueOn, flag(provisional), id);
    },
    restart(id: number, startOn: string, limit: Limit, ruleSet: string | null, dueOn: string, provisional: boolean): void {
      setRestarted.run(startOn, limit.amount, limit.unit, ruleSet, dueOn, flag(provisional), id);
    },
    end(id: number, state: 'met' | 'cancelled', on: string): void {
      setEnded.run(state, on, id);
    },
    /** The case's nearest running due date, kept on the case for the register's order and filters. */
    refreshNextDue(caseId: number): void {
      setNextDue.run({ id: caseId });
    },
  };
}
export type CaseDeadlines = ReturnType<typeof createCaseDeadlines>;
