import holidays from '../../resources/calendar/cn-public-holidays.json';
import { WorkingDayCalendar, type DayKind } from '../../shared/domain/calendar';

/**
 * The shipped holiday data as a calendar, built the way the register does: the first migration
 * seeds calendar_days / calendar_years from this file and electron/core/services/calendar.ts turns
 * the rows into a Map of day → kind and a Set of known years.
 */
export function shippedCalendar(entered?: { year: number; holidays: string[]; workdays: string[] }): WorkingDayCalendar {
  const days = new Map<string, DayKind>();
  const years = new Set<number>();
  const specs = Object.entries(holidays.years).map(([year, spec]) => ({ year: Number(year), holidays: Object.values(spec.holidays).flat(), workdays: spec.workdays }));
  // A year an administrator entered later (calendar.saveYear), as the register would then count.
  for (const spec of entered ? [...specs, entered] : specs) {
    years.add(spec.year);
    for (const d of spec.holidays) days.set(d, 'holiday');
    for (const d of spec.workdays) days.set(d, 'workday');
  }
  return new WorkingDayCalendar(days, years);
}
