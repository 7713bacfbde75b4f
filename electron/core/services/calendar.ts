import type { Statement } from 'better-sqlite3';
import { WorkingDayCalendar, type DayKind } from '../../../shared/domain/calendar';
import type { Db } from '../db/open';

const REVISION = 'calendar.revision';
const cache = new WeakMap<Db, { revision: string; calendar: WorkingDayCalendar }>();

/**
 * The holiday calendar an administrator keeps (domain.md "Counting"). Every deadline, list and
 * case page reads it, so it is kept per database and read again only after it changed
 * (`calendarChanged`, in the transaction that changes it).
 */
const revisionOf = new WeakMap<Db, Statement>();

export function loadCalendar(db: Db): WorkingDayCalendar {
  let read = revisionOf.get(db);
  // Read on every step of the workflow: the statement is prepared once per connection.
  if (!read) revisionOf.set(db, (read = db.prepare('SELECT value FROM settings WHERE key = ?').pluck()));
  const revision = (read.get(REVISION) as string | undefined) ?? '0';
  const hit = cache.get(db);
  if (hit && hit.revision === revision) return hit.calendar;
  const days = db.prepare('SELECT day, kind FROM calendar_days').all() as { day: string; kind: DayKind }[];
  const years = db.prepare('SELECT year FROM calendar_years').pluck().all() as number[];
  const calendar = new WorkingDayCalendar(new Map(days.map((d) => [d.day, d.kind])), new Set(years));
  cache.set(db, { revision, calendar });
  return calendar;
}

/** Marks the calendar as changed, so the next loadCalendar reads it afresh (also in another process on the same file). */
export function calendarChanged(db: Db): void {
  db.prepare(
    "INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
  ).run(REVISION);
}
