/**
 * Office-local time. Legal deadlines are calendar dates in the office's zone (DESIGN.md "Data"),
 * whatever zone the PC or the test runner happens to be set to.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl formatter costs more than a whole registration's SQL, so there is one per zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalParts { readonly y: string; readonly m: string; readonly d: string; readonly h: string; readonly mi: string; readonly s: string }

/** What the zone's formatter reads at an instant, to the second. */
function formatted(ms: number, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  // Years before 1000 come back with fewer digits; ISO-8601 wants four.
  return { y: get('year').padStart(4, '0'), m: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second') };
}

/** The zone's offset at an instant, in ms (whole seconds: the formatter reads seconds). */
function offsetAt(ms: number, timeZone: string): number {
  const p = formatted(ms, timeZone);
  return Date.UTC(+p.y, +p.m - 1, +p.d, +p.h, +p.mi, +p.s) - Math.floor(ms / 1000) * 1000;
}

/**
 * The zone's offset is read once per quarter of an hour, at its first and last second: formatToParts
 * (9 µs) was the dearest call of a step's own code, read for every instant a step writes. A zone's
 * offset changes at most once in a quarter of an hour (tzdb has no two changes that close, and each
 * at a whole second), so the same offset at both ends means none falls inside; where they differ,
 * every instant of that quarter is formatted.
 * The last quarters read are kept (a registration reads now and the receipt time, often days apart).
 */
const SPAN_MS = 15 * 60_000;
const SPANS_KEPT = 256;
const spans = new Map<string, Map<number, number | null>>();

function offsetOfSpan(start: number, timeZone: string): number | null {
  let zone = spans.get(timeZone);
  if (!zone) spans.set(timeZone, (zone = new Map()));
  let offset = zone.get(start);
  if (offset === undefined) {
    const first = offsetAt(start, timeZone);
    offset = first === offsetAt(start + SPAN_MS - 1000, timeZone) ? first : null;
    if (zone.size >= SPANS_KEPT) zone.delete(zone.keys().next().value!);
    zone.set(start, offset);
  }
  return offset;
}

function localParts(instant: Date, timeZone: string): LocalParts {
  const ms = instant.getTime();
  const offset = offsetOfSpan(Math.floor(ms / SPAN_MS) * SPAN_MS, timeZone);
  if (offset === null) return formatted(ms, timeZone);
  const wall = new Date(Math.floor(ms / 1000) * 1000 + offset);
  const two = (n: number) => String(n).padStart(2, '0');
  return { y: String(wall.getUTCFullYear()).padStart(4, '0'), m: two(wall.getUTCMonth() + 1), d: two(wall.getUTCDate()), h: two(wall.getUTCHours()), mi: two(wall.getUTCMinutes()), s: two(wall.getUTCSeconds()) };
}

/** The calendar date of an instant in the office's zone, YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.y}-${p.m}-${p.d}`;
}

/** ISO-8601 with the office's offset, e.g. 2026-11-23T09:30:00+08:00. */
export function isoLocal(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(+p.y, +p.m - 1, +p.d, +p.h, +p.mi, +p.s);
  const offsetMin = Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const off = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.y}-${p.m}-${p.d}T${p.h}:${p.mi}:${p.s}${off}`;
}

/** The instant a wall-clock time reads in the zone: the zone's offset found by looking at what a guess reads there (twice, for DST edges). */
function instantOfWallTime(y: number, mo: number, d: number, h: number, mi: number, s: number, timeZone: string): Date {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), timeZone);
    guess += asUtc - Date.UTC(+p.y, +p.m - 1, +p.d, +p.h, +p.mi, +p.s);
  }
  return new Date(guess);
}

/**
 * A wall-clock time with no zone (a camera's "2026:11:20 14:03:05", as YYYY-MM-DDTHH:mm:ss) read
 * as office time, → ISO-8601 with the office's offset.
 */
export function isoFromWallTime(wall: string, timeZone: string): string {
  const [y, mo, d, h, mi, s] = wall.split(/[-T:]/).map(Number) as [number, number, number, number, number, number];
  return isoLocal(instantOfWallTime(y, mo, d, h, mi, s, timeZone), timeZone);
}

/** The instant at a wall-clock time (HH:MM) of an office date in the office's zone. */
export function zonedInstant(date: string, hhmm: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  return instantOfWallTime(y, m, d, h, mi, 0, timeZone);
}

/** An office-local stamp for file names, e.g. 20261123-173000. */
export function fileStamp(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.y}${p.m}${p.d}-${p.h}${p.mi}${p.s}`;
}
