import { daysBetween, type Deadline, type IsoDate, type WorkingDayCalendar } from './calendar';
import type { CaseAction } from './workflow';

/**
 * The clocks a case runs on (../shared/domain.md "Time limits"; ../shared/API.md `deadlines[]`),
 * as pure functions over the office's working-day calendar. The core stores one row per clock and
 * recomputes it with these; the renderer only shows what the core says.
 */

export const deadlineKinds = ['acceptance', 'materials', 'referralReport', 'businessReply', 'mediation', 'terminationNotice', 'followUp'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export const deadlineKindLabel: Record<DeadlineKind, string> = {
  acceptance: '受理期限',
  materials: '补正期限',
  referralReport: '转办回复期限',
  businessReply: '经营者答复期限',
  mediation: '调解期限',
  terminationNotice: '终止调解告知期限',
  followUp: '回访期限',
};

/** Stored states; `overdue` is not stored but read off a running clock against today. */
export const storedDeadlineStates = ['running', 'paused', 'met', 'cancelled'] as const;
export type StoredDeadlineState = (typeof storedDeadlineStates)[number];
export const deadlineStates = ['running', 'paused', 'met', 'overdue', 'cancelled'] as const;
export type DeadlineState = (typeof deadlineStates)[number];

export type LimitUnit = 'workingDays' | 'calendarDays';
export interface Limit {
  amount: number;
  unit: LimitUnit;
}

export const limitText = (l: Limit) => `${l.amount} ${l.unit === 'workingDays' ? '个工作日' : '日'}`;

/** A clock as stored: counted from `startOn` by a limit, or a date a person set (`limit` null). */
export interface Clock {
  startOn: IsoDate;
  limit: Limit | null;
  /** The date set by hand, for clocks without a limit (限期补正 to a given day, a reply date). */
  fixedDueOn: IsoDate | null;
  /** Calendar days the clock stood still, in finished pauses. */
  pausedDays: number;
  /** Working days that fell inside finished pauses; a working-day limit moves by these. */
  pausedWorkingDays: number;
}

/**
 * The due date: the day of the start is not counted; a working-day limit counts working days on
 * the office calendar; a calendar-day limit whose last day is not a working day ends on the next
 * working day (民法典 第201、203条, domain.md "Counting"). A pause moves the due date by the time it
 * stood still (order 20 第19、20条: testing, appraisal and recusal do not count).
 */
export function dueOf(clock: Clock, calendar: WorkingDayCalendar): Deadline {
  if (!clock.limit) return { date: clock.fixedDueOn ?? clock.startOn, provisional: false };
  return clock.limit.unit === 'workingDays'
    ? calendar.addWorkingDays(clock.startOn, clock.limit.amount + clock.pausedWorkingDays)
    : calendar.addCalendarDays(clock.startOn, clock.limit.amount + clock.pausedDays);
}

/** What a pause from `from` to `to` adds to a clock: the days after `from` up to and including `to`. */
export function pauseSpan(from: IsoDate, to: IsoDate, calendar: WorkingDayCalendar): { days: number; workingDays: number } {
  if (to <= from) return { days: 0, workingDays: 0 };
  return { days: daysBetween(from, to), workingDays: calendar.workingDaysBetween(from, to) };
}

/** A running clock past its due date is overdue; every other state is as stored. */
export function stateOn(stored: StoredDeadlineState, dueOn: IsoDate, today: IsoDate): DeadlineState {
  return stored === 'running' && dueOn < today ? 'overdue' : stored;
}

/** How a clock's time left is counted and said: in the unit of its limit (a date set by hand: calendar days). */
export type LeftUnit = LimitUnit;
export interface TimeLeft {
  /** Until the due date (0: due today; negative: overdue by that many). */
  amount: number;
  unit: LeftUnit;
}

/**
 * Time left on a running clock in the unit it is counted in: working days for a working-day
 * limit, calendar days for a calendar-day limit or a date set by hand (a 60 日 mediation limit
 * reads "还剩 43 日", not as working days). Null for a clock that is not running. The core gives
 * this; the renderer only words it.
 */
export function timeLeft(stored: StoredDeadlineState, unit: LimitUnit | null, dueOn: IsoDate, today: IsoDate, calendar: WorkingDayCalendar): TimeLeft | null {
  if (unit === 'workingDays') {
    const amount = workingDaysLeft(stored, dueOn, today, calendar);
    return amount === null ? null : { amount, unit };
  }
  return stored === 'running' ? { amount: daysBetween(today, dueOn), unit: 'calendarDays' } : null;
}

/**
 * The step that answers each clock: taking it ends the clock as met (domain.md "Time limits"). The
 * case page offers it where the deadline shows. A 终止调解告知 is answered by issuing its notice
 * (notices.issue), not by a step.
 */
export const answeredBy: Record<DeadlineKind, readonly CaseAction[]> = {
  acceptance: ['accept'],
  materials: ['materialsReceived'],
  referralReport: ['recordReferralReply'],
  businessReply: ['recordBusinessReply'],
  mediation: ['endMediation', 'proposeOutcome'],
  terminationNotice: [],
  followUp: ['followUp'],
};

/**
 * A checklist item that, marked 已完成, is the thing a clock waits for: the investigation's
 * "经营者答复" item is the business's reply (the default checklists of every category carry it).
 */
export function deadlineMetByChecklistItem(text: string): DeadlineKind | null {
  return text.replace(/\s/g, '').includes('经营者答复') ? 'businessReply' : null;
}

/**
 * Working days left until the due date for a running clock (0: due today; negative: working days
 * overdue), null for a clock that is not running. The renderer shows this; it never counts.
 */
export function workingDaysLeft(stored: StoredDeadlineState, dueOn: IsoDate, today: IsoDate, calendar: WorkingDayCalendar): number | null {
  if (stored !== 'running') return null;
  if (dueOn === today) return 0;
  return dueOn > today ? calendar.workingDaysBetween(today, dueOn) : -calendar.workingDaysBetween(dueOn, today);
}
