import { WorkingDayCalendar, type DayKind } from '../../../shared/domain/calendar';
import type { Db } from '../db/open';

/** Loads the holiday calendar an administrator keeps (domain.md "Counting"). */
export function loadCalendar(db: Db): WorkingDayCalendar {
  const days = db.prepare('SELECT day, kind FROM calendar_days').all() as { day: string; kind: DayKind }[];
  const years = db.prepare('SELECT year FROM calendar_years').pluck().all() as number[];
  return new WorkingDayCalendar(new Map(days.map((d) => [d.day, d.kind])), new Set(years));
}
