import { localDate, zonedInstant } from '../time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The latest daily slot (HH:MM, office time) at or before `now`. */
export function lastSlot(now: Date, dailyAt: string, zone: string): Date {
  const today = zonedInstant(localDate(now, zone), dailyAt, zone);
  return today.getTime() <= now.getTime() ? today : zonedInstant(localDate(new Date(now.getTime() - DAY_MS), zone), dailyAt, zone);
}

export function nextSlot(now: Date, dailyAt: string, zone: string): Date {
  const today = zonedInstant(localDate(now, zone), dailyAt, zone);
  return today.getTime() > now.getTime() ? today : zonedInstant(localDate(new Date(now.getTime() + DAY_MS), zone), dailyAt, zone);
}

export interface ScheduleFacts {
  now: Date;
  dailyAt: string | null;
  zone: string;
  /** When the schedule was last set: slots before it were never promised. */
  since: string | null;
  lastGoodAt: string | null;
  lastScheduledAttemptAt: string | null;
  /** The first look after the app started: a slot missed while it was closed, or failed, is caught up now. */
  atStart: boolean;
}

/**
 * Whether the daily backup is due now (its rule in one place): the latest slot has passed since
 * the schedule was set, and no good backup was made since; while running, one attempt per slot
 * (a stick left out is not retried every minute); at the next start, once more.
 */
export function backupDue(f: ScheduleFacts): boolean {
  if (!f.dailyAt) return false;
  // Stamps are compared as instants: older rows were written in UTC, newer ones with the office's offset.
  const slot = lastSlot(f.now, f.dailyAt, f.zone).getTime();
  const at = (stamp: string | null) => (stamp === null ? null : Date.parse(stamp));
  if (f.since && slot < at(f.since)!) return false;
  if (f.lastGoodAt && at(f.lastGoodAt)! >= slot) return false;
  if (!f.atStart && f.lastScheduledAttemptAt && at(f.lastScheduledAttemptAt)! >= slot) return false;
  return true;
}
