import holidays from '../../resources/calendar/cn-public-holidays.json';
import { WorkingDayCalendar, type DayKind } from '../../shared/domain/calendar';

/**
 * The shipped holiday data as a calendar, built the way the register does: the first migration
 * seeds calendar_days / calendar_years from this file and electron/core/services/calendar.ts turns
 * the rows into a Map of day → kind and a Set of known years.
 */
export function shippedCalendar(): WorkingDayCalendar {
  const days = new Map<string, DayKind>();
  const years = new Set<number>();
  for (const [year, spec] of Object.entries(holidays.years)) {
    years.add(Number(year));
    for (const list of Object.values(spec.holidays)) for (const d of list) days.set(d, 'holiday');
    for (const d of spec.workdays) days.set(d, 'workday');
  }
  return new WorkingDayCalendar(days, years);
}
