import type { ParsedCaseAct } from '../../../../../shared/api/schemas/workflow';
import type { UserView } from '../../../../../shared/api/schemas/common';
import type { WorkingDayCalendar } from '../../../../../shared/domain/calendar';
import type { RuleSet } from '../../../../../shared/domain/ruleSets';
import type { CaseAction, WorkflowState } from '../../../../../shared/domain/workflow';
import type { Db } from '../../../db/open';
import { caseWorkOf } from '../../../store/caseWork';
import type { CatalogService } from '../../catalog';
import type { Deadlines } from '../../deadlines';
import type { CaseRecord } from '../caseState';

/** Columns a step may set on its case (a fixed list: names never come from input). */
const WRITABLE = [
  'handler_id',
  'accepted_on',
  'paused',
  'materials',
  'proposal',
  'refusal',
  'referral',
  'mediation',
  'outcome',
  'recovered_fen',
  'punitive_fen',
  'resolved',
  'notified_at',
  'closed_on',
  'voided',
] as const;
export type WritableColumn = (typeof WRITABLE)[number];

/** Everything a step of the workflow needs, inside the transaction that takes it. */
export interface StepContext {
  db: Db;
  c: CaseRecord;
  /** The case as the workflow table sees it, before this step. */
  state: WorkflowState;
  user: UserView;
  /** Now, ISO-8601 with the office's offset. */
  now: string;
  /** Any instant as the register stores it (ISO-8601 with the office's offset). */
  iso(instant: Date): string;
  /** The office date today. */
  today: string;
  /** The rules in force on the case's receipt date. */
  rules: RuleSet;
  calendar: WorkingDayCalendar;
  deadlines: Deadlines;
  catalog: CatalogService;
  /** Sets columns of the case; objects are stored as JSON, null clears. */
  write(columns: Partial<Record<WritableColumn, unknown>>): void;
}

export type StepInput<A extends CaseAction> = Extract<ParsedCaseAct, { action: A }>;

export interface Step<A extends CaseAction> {
  /** Field → Chinese message for input the case makes wrong (a past date, a code not in the rules); checked before anything else. */
  check?(ctx: StepContext, input: StepInput<A>): Partial<Record<string, string>>;
  /** Does the step's writes; returns what the timeline event records besides the status change. */
  apply(ctx: StepContext, input: StepInput<A>): Record<string, unknown>;
}

export type StepTable<K extends CaseAction> = { [A in K]: Step<A> };

export function caseWriter(db: Db, caseId: number): StepContext['write'] {
  return (columns) => {
    const entries = Object.entries(columns).filter(([k]) => (WRITABLE as readonly string[]).includes(k));
    if (entries.length === 0) return;
    caseWorkOf(db).update(
      caseId,
      entries.map(([k, v]) => [k, v !== null && typeof v === 'object' ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v]),
    );
  };
}

/** A due date a person typed: not before today (API.md "Bad input": a due date in the past). */
export function notBeforeToday(fields: Record<string, string>, field: string, date: string | undefined, today: string, label: string): void {
  if (date !== undefined && date < today) fields[field] = `${label}不能早于今天`;
}
