/**
 * Office time for the generator: Hangzhou keeps UTC+8 all year (no daylight saving), so the
 * simulation counts in milliseconds and reads dates and wall times at a fixed offset. The core
 * itself reads its zone from the register; the seed only has to put events at believable hours.
 */
const OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

/** The office date (YYYY-MM-DD) of an instant. */
export const officeDate = (ms: number): string => new Date(ms + OFFSET_MS).toISOString().slice(0, 10);

/** An instant as the register writes it: 2026-03-12T09:31:00+08:00. */
export const officeIso = (ms: number): string => `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;

/** The instant of a wall time on an office date. */
export const atOffice = (date: string, minuteOfDay: number): number => Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + minuteOfDay * 60_000;

/** Minutes since office midnight. */
export const minuteOf = (ms: number): number => Math.floor(((ms + OFFSET_MS) % DAY_MS) / 60_000);

export const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
