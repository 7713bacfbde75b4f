import type { DeadlineView } from '../../../shared/api/schemas/workflow';
import type { WorkingDayCalendar } from '../../../shared/domain/calendar';
import {
  dueOf,
  limitText,
  pauseSpan,
  stateOn,
  timeLeft,
  workingDaysLeft,
  type Clock,
  type DeadlineKind,
  type Limit,
} from '../../../shared/domain/deadlines';
import type { Db } from '../db/open';
import { createCaseDeadlines, type DeadlineRow } from '../store/caseDeadlines';
import { loadCalendar } from './calendar';

const clockOf = (r: DeadlineRow): Clock => ({
  startOn: r.start_on,
  limit: r.limit_amount && r.limit_unit ? { amount: r.limit_amount, unit: r.limit_unit } : null,
  fixedDueOn: r.fixed_due_on,
  pausedDays: r.paused_days,
  pausedWorkingDays: r.paused_working_days,
});

export interface StartClock {
  startOn: string;
  /** Counted by a limit of a rule set … */
  limit?: Limit;
  ruleSet?: string;
  /** … or a date a person set. */
  dueOn?: string;
}

/**
 * Deadlines are rows the core computes and stores, of any kind (DESIGN.md "The case and its
 * clock"): started, paused, resumed and ended by the workflow's steps inside their transactions,
 * recomputed when the holiday calendar changes.
 */
export function createDeadlines(db: Db) {
  const rows = createCaseDeadlines(db);
  /** Keeps cases.next_due_on (the register's "due first" order and overdue filter) in step with the clocks. */
  const touched = <T>(caseId: number, result: T): T => {
    rows.refreshNextDue(caseId);
    return result;
  };

  const open = rows.open;

  return {
    /** Starts a clock; returns its due date. */
    start(caseId: number, kind: DeadlineKind, spec: StartClock, createdAt: string, calendar = loadCalendar(db)): { dueOn: string; provisional: boolean } {
      const clock: Clock = { startOn: spec.startOn, limit: spec.limit ?? null, fixedDueOn: spec.dueOn ?? null, pausedDays: 0, pausedWorkingDays: 0 };
      const due = dueOf(clock, calendar);
      rows.insert({ caseId, kind, startOn: spec.startOn, limit: spec.limit ?? null, fixedDueOn: spec.dueOn ?? null, ruleSet: spec.ruleSet ?? null, dueOn: due.date, provisional: due.provisional, createdAt });
      return touched(caseId, { dueOn: due.date, provisional: due.provisional });
    },

    /** Stops the running clocks of these kinds on `on`; returns which were stopped. */
    pause(caseId: number, kinds: readonly DeadlineKind[], on: string): { kind: DeadlineKind; dueOn: string }[] {
      const paused = open(caseId, kinds)
        .filter((r) => r.state === 'running')
        .map((r) => {
          rows.pause(r.id, on);
          return { kind: r.kind, dueOn: r.due_on };
        });
      return touched(caseId, paused);
    },

    /** Runs paused clocks again; each due date moves by the time it stood still. */
    resume(caseId: number, kinds: readonly DeadlineKind[], on: string, calendar = loadCalendar(db)): { kind: DeadlineKind; before: string; after: string }[] {
      const resumed = open(caseId, kinds)
        .filter((r) => r.state === 'paused' && r.paused_since)
        .map((r) => {
          const span = pauseSpan(r.paused_since!, on, calendar);
          const clock = { ...clockOf(r), pausedDays: r.paused_days + span.days, pausedWorkingDays: r.paused_working_days + span.workingDays };
          const due = dueOf(clock, calendar);
          rows.resume(r.id, { days: clock.pausedDays, workingDays: clock.pausedWorkingDays }, due.date, due.provisional);
          return { kind: r.kind, before: r.due_on, after: due.date };
        });
      return touched(caseId, resumed);
    },

    /** Ends the open clocks of these kinds: met (the step was taken) or cancelled (no longer owed). */
    end(caseId: number, kinds: readonly DeadlineKind[], state: 'met' | 'cancelled', on: string): { kind: DeadlineKind; dueOn: string; late: boolean }[] {
      const ended = open(caseId, kinds).map((r) => {
        rows.end(r.id, state, on);
        return { kind: r.kind, dueOn: r.due_on, late: state === 'met' && on > r.due_on };
      });
      return touched(caseId, ended);
    },

    /**
     * An open clock counted again from another start (a corrected receipt date), its pauses kept,
     * under its own limit unless another rule set's is given; returns how its due date moved, or
     * null when none of this kind is open.
     */
    restart(caseId: number, kind: DeadlineKind, spec: { startOn: string; limit?: Limit; ruleSet?: string }, calendar = loadCalendar(db)): { kind: DeadlineKind; before: string; after: string; provisional: boolean } | null {
      const r = open(caseId, [kind])[0];
      if (!r) return null;
      const clock = clockOf(r);
      const limit = spec.limit ?? clock.limit;
      if (!limit) throw new Error(`deadline ${r.id} has no limit to count again`);
      const due = dueOf({ ...clock, startOn: spec.startOn, limit, fixedDueOn: null }, calendar);
      rows.restart(r.id, spec.startOn, limit, spec.ruleSet ?? r.rule_set, due.date, due.provisional);
      return touched(caseId, { kind, before: r.due_on, after: due.date, provisional: due.provisional });
    },

    isOpen(caseId: number, kind: DeadlineKind): boolean {
      return open(caseId, [kind]).length > 0;
    },

    /** The case's clocks as the API gives them, with today's state and working days left. */
    view(caseId: number, today: string, calendar = loadCalendar(db)): DeadlineView[] {
      return rows.ofCase(caseId).map((r) => ({
        id: r.id,
        kind: r.kind,
        startOn: r.start_on,
        dueOn: r.due_on,
        pausedDays: r.paused_days + (r.paused_since ? pauseSpan(r.paused_since, today, calendar).days : 0),
        provisional: r.provisional === 1,
        state: stateOn(r.state, r.due_on, today),
        workingDaysLeft: workingDaysLeft(r.state, r.due_on, today, calendar),
        left: timeLeft(r.state, r.limit_unit, r.due_on, today, calendar),
        limit: r.limit_amount && r.limit_unit ? limitText({ amount: r.limit_amount, unit: r.limit_unit }) : null,
        ruleSet: r.rule_set,
        endedOn: r.ended_on,
      }));
    },

    /**
     * After the holiday calendar changed: every open clock counted by a limit is counted again,
     * so a provisional date becomes a real one as soon as its year is entered.
     */
    recomputeOpen(calendar: WorkingDayCalendar): { caseId: number; kind: DeadlineKind; before: string; after: string; provisional: boolean }[] {
      const changed: { caseId: number; kind: DeadlineKind; before: string; after: string; provisional: boolean }[] = [];
      for (const r of rows.allOpen()) {
        const due = dueOf(clockOf(r), calendar);
        if (due.date !== r.due_on || due.provisional !== (r.provisional === 1)) {
          rows.setDue(r.id, due.date, due.provisional);
          changed.push({ caseId: r.case_id, kind: r.kind, before: r.due_on, after: due.date, provisional: due.provisional });
        }
      }
      for (const caseId of new Set(changed.map((c) => c.caseId))) rows.refreshNextDue(caseId);
      return changed;
    },
  };
}
export type Deadlines = ReturnType<typeof createDeadlines>;
