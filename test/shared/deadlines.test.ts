import { describe, expect, it } from 'vitest';
import presets from '../../resources/rules/rule-sets.json';
import { WorkingDayCalendar } from '../../shared/domain/calendar';
import { dueOf, pauseSpan, stateOn, workingDaysLeft, type Clock } from '../../shared/domain/deadlines';
import { ruleSetOn } from '../../shared/domain/ruleSets';
import { shippedCalendar } from '../support/shippedCalendar';

const cal = shippedCalendar();
const clock = (over: Partial<Clock>): Clock => ({ startOn: '2026-09-21', limit: null, fixedDueOn: null, pausedDays: 0, pausedWorkingDays: 0, ...over });

describe('dueOf: a clock counted by a limit', () => {
  it('counts 7 工作日 of acceptance across 中秋 and 国庆 2026 with their 调休 days', () => {
    // Received Wednesday 09-23: 09-24 (1); 09-25..27 中秋 off; 09-28 (2), 09-29 (3), 09-30 (4);
    // 10-01..07 国庆 off; 10-08 (5), 10-09 (6), 10-10 Saturday 调休 (7).
    expect(dueOf(clock({ startOn: '2026-09-23', limit: { amount: 7, unit: 'workingDays' } }), cal)).toEqual({ date: '2026-10-10', provisional: false });
    // Received Friday 09-18: 09-20 is a 调休 Sunday and counts.
    // 09-20 (1), 09-21 (2), 09-22 (3), 09-23 (4), 09-24 (5), 09-28 (6), 09-29 (7).
    expect(dueOf(clock({ startOn: '2026-09-18', limit: { amount: 7, unit: 'workingDays' } }), cal).date).toBe('2026-09-29');
  });

  it('counts 60 日 of mediation in calendar days, ending on the next working day after a holiday', () => {
    // Accepted 2026-08-02: the 60th day is 10-01 (国庆节), so the limit runs to Thursday 10-08.
    expect(dueOf(clock({ startOn: '2026-08-02', limit: { amount: 60, unit: 'calendarDays' } }), cal)).toEqual({ date: '2026-10-08', provisional: false });
  });

  it('crosses month and year ends, and is provisional when it runs into a year the calendar does not know', () => {
    // 45 工作日 from 2026-11-02 runs into 2027: provisional.
    const intoNextYear = dueOf(clock({ startOn: '2026-11-02', limit: { amount: 45, unit: 'workingDays' } }), cal);
    expect(intoNextYear.provisional).toBe(true);
    expect(intoNextYear.date.startsWith('2027-01')).toBe(true);
    // From 2026-01-30, 7 工作日: 02-02 … 02-10 (Feb has no holiday before the 15th).
    expect(dueOf(clock({ startOn: '2026-01-30', limit: { amount: 7, unit: 'workingDays' } }), cal)).toEqual({ date: '2026-02-10', provisional: false });
  });

  it('gives the date a person set, for a clock without a limit', () => {
    expect(dueOf(clock({ fixedDueOn: '2026-10-30' }), cal)).toEqual({ date: '2026-10-30', provisional: false });
  });

  it('moves the due date by the time the clock stood still', () => {
    const limit = { amount: 60, unit: 'calendarDays' as const };
    // Paused from 09-24 to 10-09 (15 calendar days, 中秋 and 国庆 inside): 09-21 + 75 = 12-05 (Saturday) → Monday 12-07.
    const span = pauseSpan('2026-09-24', '2026-10-09', cal);
    expect(span).toEqual({ days: 15, workingDays: 5 }); // 09-28, 09-29, 09-30, 10-08, 10-09
    expect(dueOf(clock({ limit, pausedDays: span.days }), cal)).toEqual({ date: '2026-12-07', provisional: false });
  });

  it('moves a working-day limit by the working days inside the pause only', () => {
    // 7 工作日 from Wednesday 09-23 end on 10-10; a pause from 09-24 to 10-09 holds 09-28, 09-29, 09-30, 10-08, 10-09.
    const span = pauseSpan('2026-09-24', '2026-10-09', cal);
    const due = dueOf(clock({ startOn: '2026-09-23', limit: { amount: 7, unit: 'workingDays' }, pausedWorkingDays: span.workingDays }), cal);
    expect(due.date).toBe(cal.addWorkingDays('2026-09-23', 7 + span.workingDays).date);
  });
});

describe('pauseSpan', () => {
  it('counts the days after the pause began up to the day it ended', () => {
    expect(pauseSpan('2026-11-23', '2026-11-23', cal)).toEqual({ days: 0, workingDays: 0 });
    expect(pauseSpan('2026-11-20', '2026-11-23', cal)).toEqual({ days: 3, workingDays: 1 }); // Fri → Mon
    expect(pauseSpan('2026-09-30', '2026-10-08', cal)).toEqual({ days: 8, workingDays: 1 }); // 国庆 inside
    expect(pauseSpan('2026-11-23', '2026-11-20', cal)).toEqual({ days: 0, workingDays: 0 });
  });
});

describe('the state of a clock and the working days it has left', () => {
  it('reads overdue off a running clock past its date, and nothing else', () => {
    expect(stateOn('running', '2026-11-20', '2026-11-23')).toBe('overdue');
    expect(stateOn('running', '2026-11-23', '2026-11-23')).toBe('running');
    expect(stateOn('paused', '2026-11-20', '2026-11-23')).toBe('paused');
    expect(stateOn('met', '2026-11-20', '2026-11-23')).toBe('met');
  });

  it('counts working days left on the calendar, 0 on the day, negative when late, null when not running', () => {
    expect(workingDaysLeft('running', '2026-11-23', '2026-11-23', cal)).toBe(0);
    expect(workingDaysLeft('running', '2026-11-30', '2026-11-27', cal)).toBe(1); // Friday → Monday
    expect(workingDaysLeft('running', '2026-10-08', '2026-09-30', cal)).toBe(1); // across 国庆
    expect(workingDaysLeft('running', '2026-11-20', '2026-11-24', cal)).toBe(-2);
    expect(workingDaysLeft('paused', '2026-11-30', '2026-11-23', cal)).toBeNull();
  });
});

describe('rule sets by receipt date', () => {
  const sets = presets.ruleSets;

  it('applies order 20 to a complaint received before 2026-04-15 and order 121 from that day', () => {
    expect(ruleSetOn(sets, '2026-04-14')?.code).toBe('order20');
    expect(ruleSetOn(sets, '2026-04-15')?.code).toBe('order121');
    expect(ruleSetOn(sets, '2025-06-01')?.code).toBe('order20');
    expect(ruleSetOn(sets, '1999-12-31')).toBeUndefined();
  });

  it('gives each set its own mediation limit (45 工作日 under order 20, 60 日 under order 121)', () => {
    expect(ruleSetOn(sets, '2026-04-14')?.limits.mediation).toEqual({ amount: 45, unit: 'workingDays' });
    expect(ruleSetOn(sets, '2026-04-15')?.limits.mediation).toEqual({ amount: 60, unit: 'calendarDays' });
  });

  it('takes the latest set that has come into force, in any order given', () => {
    const extra = [...sets, { code: 'later', effectiveFrom: '2027-01-01' }].reverse();
    expect(ruleSetOn(extra, '2027-03-01')?.code).toBe('later');
    expect(ruleSetOn(extra, '2026-12-31')?.code).toBe('order121');
  });
});

describe('a year without calendar data, then entered', () => {
  it('is provisional until the year is known, and then counts its holidays', () => {
    const start = '2026-12-30';
    const limit = { amount: 7, unit: 'workingDays' as const };
    const before = dueOf(clock({ startOn: start, limit }), cal);
    expect(before).toEqual({ date: '2027-01-08', provisional: true }); // 12-31, 01-01 (unknown: a weekday), 01-04…01-08
    // Say 2027's 元旦 is 01-01 to 01-03 and Monday 01-04 is off too:
    // 12-31 (1), 01-05 (2), 01-06 (3), 01-07 (4), 01-08 (5), 01-11 (6), 01-12 (7).
    const days = new Map(shippedCalendarDays());
    for (const d of ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04']) days.set(d, 'holiday');
    const known = new WorkingDayCalendar(days, new Set([2025, 2026, 2027]));
    expect(dueOf(clock({ startOn: start, limit }), known)).toEqual({ date: '2027-01-12', provisional: false });
  });
});

function shippedCalendarDays(): [string, 'holiday' | 'workday'][] {
  const out: [string, 'holiday' | 'workday'][] = [];
  for (let d = new Date(Date.UTC(2025, 0, 1)); d.getUTCFullYear() < 2027; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
    const working = cal.isWorkingDay(iso);
    if (working === weekend) out.push([iso, working ? 'workday' : 'holiday']);
  }
  return out;
}
