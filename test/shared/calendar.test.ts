import { describe, expect, it } from 'vitest';
import holidays from '../../resources/calendar/cn-public-holidays.json';
import { addDays } from '../../shared/domain/calendar';
import { shippedCalendar } from '../support/shippedCalendar';


const cal = shippedCalendar();

describe('the shipped holiday data', () => {
  it('knows 2025 and 2026 and nothing else', () => {
    expect(cal.knowsYear(2025)).toBe(true);
    expect(cal.knowsYear(2026)).toBe(true);
    expect(cal.knowsYear(2024)).toBe(false);
    expect(cal.knowsYear(2027)).toBe(false);
  });

  it('has the 2026 make-up working days of domain.md, all on weekends', () => {
    expect(holidays.years['2026'].workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    for (const d of holidays.years['2026'].workdays) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      expect([0, 6], d).toContain(weekday);
      expect(cal.isWorkingDay(d), d).toBe(true);
    }
  });
});

describe('isWorkingDay', () => {
  it('follows weekdays, weekends, holidays and make-up days', () => {
    expect(cal.isWorkingDay('2026-11-23')).toBe(true); // Monday
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-11-29')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // 国庆节, Thursday
    expect(cal.isWorkingDay('2026-02-23')).toBe(false); // 春节, Monday
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // 调休, Saturday
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // 调休, Sunday
  });
});

describe('addWorkingDays', () => {
  it('7 working days from Monday 2026-11-23 end on Wednesday 2026-12-02', () => {
    // 24, 25, 26, 27 Nov; (28, 29 weekend); 30 Nov, 1, 2 Dec.
    expect(cal.addWorkingDays('2026-11-23', 7)).toEqual({ date: '2026-12-02', provisional: false });
  });

  it('skips the National Day holiday and counts the make-up Saturday 2026-10-10', () => {
    // From Wednesday 09-30: 10-01..10-07 off; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat 调休 (3),
    // 10-11 Sun off, 10-12 (4), 10-13 (5), 10-14 (6), 10-15 (7).
    expect(cal.addWorkingDays('2026-09-30', 7)).toEqual({ date: '2026-10-15', provisional: false });
    expect(cal.addWorkingDays('2026-09-30', 3)).toEqual({ date: '2026-10-10', provisional: false });
  });

  it('skips Spring Festival and counts the working Saturdays 2026-02-14 and 2026-02-28', () => {
    // From Friday 02-13: 02-14 Sat 调休 (1); 02-15..02-23 off; 02-24 (2), 02-25 (3), 02-26 (4),
    // 02-27 (5), 02-28 Sat 调休 (6); 03-01 Sun off; 03-02 Mon (7).
    expect(cal.addWorkingDays('2026-02-13', 1)).toEqual({ date: '2026-02-14', provisional: false });
    expect(cal.addWorkingDays('2026-02-13', 2)).toEqual({ date: '2026-02-24', provisional: false });
    expect(cal.addWorkingDays('2026-02-13', 6)).toEqual({ date: '2026-02-28', provisional: false });
    expect(cal.addWorkingDays('2026-02-13', 7)).toEqual({ date: '2026-03-02', provisional: false });
  });

  it('never counts the day of receipt, whatever kind of day it is', () => {
    expect(cal.addWorkingDays('2026-11-23', 1).date).toBe('2026-11-24'); // received on a working day
    expect(cal.addWorkingDays('2026-10-10', 1).date).toBe('2026-10-12'); // received on a make-up Saturday
    expect(cal.addWorkingDays('2026-11-21', 1).date).toBe('2026-11-23'); // received on a Saturday
    expect(cal.addWorkingDays('2026-10-03', 1).date).toBe('2026-10-08'); // received during National Day
  });

  it('crosses from 2025 into 2026 over 元旦 and the make-up Sunday 2026-01-04, still not provisional', () => {
    // From Monday 2025-12-29: 12-30 (1), 12-31 (2); 01-01..01-03 off; 01-04 Sun 调休 (3), 01-05 (4), 01-06 (5).
    expect(cal.addWorkingDays('2025-12-29', 5)).toEqual({ date: '2026-01-06', provisional: false });
  });

  it('marks a count that runs into 2027, whose holidays are unknown, as provisional', () => {
    // From Monday 2026-12-28: 12-29 (1), 12-30 (2), 12-31 (3), 2027-01-01 Fri taken as a plain weekday (4),
    // (01-02, 01-03 weekend), 01-04 (5), 01-05 (6), 01-06 (7).
    expect(cal.addWorkingDays('2026-12-28', 7)).toEqual({ date: '2027-01-06', provisional: true });
    // A count that stays within 2026 is not provisional even when it starts late in December.
    expect(cal.addWorkingDays('2026-12-28', 3)).toEqual({ date: '2026-12-31', provisional: false });
  });

  it('marks a count that starts in an unknown year as provisional', () => {
    expect(cal.addWorkingDays('2027-03-01', 1)).toEqual({ date: '2027-03-02', provisional: true });
    expect(cal.addWorkingDays('2024-12-31', 1)).toEqual({ date: '2025-01-02', provisional: true });
  });
});

describe('addCalendarDays', () => {
  it('moves a period whose last day is a holiday to the next working day', () => {
    // 60 days from 2026-08-02 is 2026-10-01 (国庆节); 10-01..10-07 are off, so it ends on 10-08.
    expect(addDays('2026-08-02', 60)).toBe('2026-10-01');
    expect(cal.addCalendarDays('2026-08-02', 60)).toEqual({ date: '2026-10-08', provisional: false });
  });

  it('keeps a last day that is a working day, including a make-up Saturday', () => {
    expect(cal.addCalendarDays('2026-11-02', 30)).toEqual({ date: '2026-12-02', provisional: false });
    expect(cal.addCalendarDays('2026-09-10', 30)).toEqual({ date: '2026-10-10', provisional: false });
  });

  it('moves a last day on an ordinary weekend to the Monday', () => {
    expect(cal.addCalendarDays('2026-10-29', 30)).toEqual({ date: '2026-11-30', provisional: false }); // 11-28 Sat
  });

  it('is provisional when it ends in 2027', () => {
    // 2026-12-01 + 60 = 2027-01-30, a Saturday → Monday 2027-02-01.
    expect(cal.addCalendarDays('2026-12-01', 60)).toEqual({ date: '2027-02-01', provisional: true });
  });
});

describe('workingDaysBetween', () => {
  it('counts from the day after `from` up to and including `to`', () => {
    expect(cal.workingDaysBetween('2026-11-23', '2026-12-02')).toBe(7);
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-15')).toBe(7);
    expect(cal.workingDaysBetween('2026-02-13', '2026-03-02')).toBe(7);
    expect(cal.workingDaysBetween('2026-11-23', '2026-11-24')).toBe(1);
  });

  it('is zero for the same day and across a run of holidays', () => {
    expect(cal.workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(cal.workingDaysBetween('2026-10-01', '2026-10-07')).toBe(0);
  });

  it('is negative when `to` is earlier', () => {
    expect(cal.workingDaysBetween('2026-12-02', '2026-11-23')).toBe(-7);
  });

  it('agrees with addWorkingDays', () => {
    for (const start of ['2026-01-01', '2026-02-13', '2026-04-30', '2026-09-18', '2026-09-30']) {
      for (const n of [1, 5, 7, 15, 45]) {
        const { date } = cal.addWorkingDays(start, n);
        expect(cal.workingDaysBetween(start, date), `${start} + ${n}`).toBe(n);
      }
    }
  });
});

describe('workingDaysBetween over long spans', () => {
  it('agrees with counting day by day, over every pair of a two-year sample', () => {
    const days: string[] = [];
    for (let d = '2024-12-20'; d <= '2027-01-10'; d = addDays(d, 9)) days.push(d);
    const slow = (from: string, to: string) => {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
      return n;
    };
    for (const from of days) for (const to of days) if (from <= to) expect(cal.workingDaysBetween(from, to), `${from} → ${to}`).toBe(slow(from, to));
  });
});
