import type { z } from 'zod';
import type { casesSearch } from '../../../shared/api/schemas/cases';
import { type WorkingDayCalendar } from '../../../shared/domain/calendar';
import type { DeadlineStateCondition, createDeadlineStates } from './deadlineStates';
import { LATE_DEADLINE } from './deadlineStates';

type SearchInput = z.output<typeof casesSearch.input>;

/** Adds one condition of the list and its values. */
export type AddFilter = (sql: string, ...values: unknown[]) => void;

/**
 * The list's deadline filters (API.md `cases.search`: dueWithinWorkingDays, overdue, deadlineState,
 * each of one kind or any): `today` and the working days are the core's (domain.md "Time limits").
 * Returns the deadline state's condition, whose own index may count the list alone.
 */
export function addDeadlineFilters(
  input: SearchInput,
  filter: AddFilter,
  today: string,
  calendar: () => WorkingDayCalendar,
  deadlineState: ReturnType<typeof createDeadlineStates>,
): DeadlineStateCondition | null {
  const kind = input.deadlineKind ? ' AND d.kind = ?' : '';
  const kindParam = input.deadlineKind ? [input.deadlineKind] : [];
  // Open clocks are few beside the register: the set of cases with one is listed once.
  const running = (cond: string) => `c.id IN (SELECT d.case_id FROM case_deadlines d WHERE d.state = 'running' AND ${cond}${kind})`;
  if (input.dueWithinWorkingDays !== undefined) {
    const until = input.dueWithinWorkingDays === 0 ? today : calendar().addWorkingDays(today, input.dueWithinWorkingDays).date;
    if (input.deadlineKind) {
      if (input.dueWithinWorkingDays === 0) filter(running('d.due_on = ?'), today, ...kindParam);
      else filter(running('d.due_on > ? AND d.due_on <= ?'), today, until, ...kindParam);
    }
    // Of any kind: the case's next deadline, the one its row shows, as overdue below. A case whose
    // earlier clock is late is overdue, not also due soon on a later one (the three lists of 今日
    // part the running cases), and the list is a range of the partial index of running clocks
    // (cases_running_due) with no look-up of each case (at 500,000 cases, due within 3 working
    // days: the page 2.1 → 0.4 ms, its count 1.3 → 0.2 ms; 121 of 2,957 cases were overdue).
    else if (input.dueWithinWorkingDays === 0) filter('c.next_due_on IS NOT NULL AND c.next_due_on = ?', today);
    else filter('c.next_due_on IS NOT NULL AND c.next_due_on > ? AND c.next_due_on <= ?', today, until);
  }
  if (input.overdue !== undefined) {
    if (input.deadlineKind) filter(input.overdue ? running('d.due_on < ?') : `NOT ${running('d.due_on < ?')}`, today, ...kindParam);
    // Some running clock is late exactly when the earliest one is. "IS NOT NULL" spelled out, so
    // SQLite reads the partial index of running clocks (cases_running_due) alone.
    else filter(input.overdue ? 'c.next_due_on IS NOT NULL AND c.next_due_on < ?' : '(c.next_due_on IS NULL OR c.next_due_on >= ?)', today);
  }
  const state = input.deadlineState ? deadlineState(input.deadlineState, input.deadlineKind) : null;
  if (state) filter(state.sql, ...state.params);
  return state;
}

// A measure is in the outcome's text wherever it is in its list: that test first, so the list is
// read only for the cases that may hold it (a year's 330,000 cases each read as JSON: 0.5 s).
const measure = (name: string) => `(c.outcome IS NOT NULL AND instr(c.outcome, '"${name}"') > 0 AND EXISTS (SELECT 1 FROM json_each(c.outcome, '$.measures') WHERE value = '${name}'))`;

// The status hidden from the planner (+): two statuses and a range of dates made it list every
// finished case of a year from the status index and sort them (按时办结 否 for 2025: 1.1 s), where
// the receipt order's own index is walked.
const FINISHED = "+c.status IN ('closed', 'refused') AND (c.status = 'closed' OR c.refusal IS NOT NULL)";

const flag = (sql: string) => (value: boolean) => (value ? `(${sql})` : `NOT (${sql})`);

/**
 * The figures of 统计 as filters (the page opens the cases behind a figure), each by the same rule
 * as it is counted by (store/caseFacts.ts, dayCounts.ts; domain.md "Headline statistics"): a list
 * always holds the cases its figure counts.
 */
const FIGURES: [keyof SearchInput, (value: boolean) => string][] = [
  ['accepted', flag('c.accepted_on IS NOT NULL')],
  // IS, not =: no outcome yet (NULL) is not resolved, as counted (received − resolved, dayCounts.ts).
  ['resolved', flag('c.resolved IS 1')],
  ['punitive', flag(`COALESCE(c.punitive_fen, 0) > 0 OR ${measure('punitive')}`)],
  ['lawsuitSupport', flag(measure('lawsuitSupport'))],
  ['finished', flag(FINISHED)],
  // 按期办结: finished with no deadline met late.
  ['inTime', (inTime) => `(${FINISHED}) AND ${inTime ? 'NOT ' : ''}${LATE_DEADLINE}`],
  ['repeat', flag("(SELECT json_extract(s.measures, '$[10]') FROM case_stats s WHERE s.case_id = c.id) IS 1")],
];

/**
 * The cases that may count as 加倍赔偿, as their index by receipt day holds them (migration 0047, its
 * condition word for word, which SQLite needs to see to read it): the figure's rule above implies it.
 */
export const PUNITIVE_CANDIDATES = { index: 'cases_punitive_days', term: `(c.punitive_fen > 0 OR instr(c.outcome, '"punitive"') > 0)` };

export function addFigureFilters(input: SearchInput, filter: AddFilter): void {
  for (const [name, condition] of FIGURES) {
    const value = input[name];
    if (typeof value === 'boolean') filter(condition(value));
  }
}
