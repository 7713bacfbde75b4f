import type { Clock } from './ports';
import { isoLocal, localDate } from './time';

/** The zone a new register starts with (migration 0001); an office elsewhere changes the setting. */
export const DEFAULT_OFFICE_ZONE = 'Asia/Shanghai';

/**
 * The office's one clock (DESIGN.md "The case and its clock"): "today" is the office date of the
 * core's clock, and every timestamp the register keeps is ISO-8601 with the office's offset, so a
 * record reads the same wall time the clerk saw. Services take this instead of reading the zone
 * setting and formatting dates themselves.
 */
export interface OfficeClock {
  /** The core's instant (the host's `--now` clock in tests). */
  instant(): Date;
  /** The office's IANA time zone. */
  zone(): string;
  /** Now, as the register stores it: 2026-11-23T09:30:00+08:00. */
  now(): string;
  /** The office date now: 2026-11-23. */
  today(): string;
  /** Any instant as the register stores it. */
  iso(instant: Date): string;
  /** The office date of any instant. */
  dateOf(instant: Date): string;
}

export function createOfficeClock(clock: Clock, zoneSetting: () => string): OfficeClock {
  return {
    instant: () => clock.now(),
    zone: zoneSetting,
    now: () => isoLocal(clock.now(), zoneSetting()),
    today: () => localDate(clock.now(), zoneSetting()),
    iso: (instant) => isoLocal(instant, zoneSetting()),
    dateOf: (instant) => localDate(instant, zoneSetting()),
  };
}
