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

/**
 * The last instant read per zone: a step of the workflow reads the same instant as a time and as a
 * date (and its deadlines again), and formatToParts is the dearest call of a step's own code.
 */
const lastRead = new Map<string, { ms: number; parts: LocalParts }>();

function localParts(instant: Date, timeZone: string): LocalParts {
  const ms = instant.getTime();
  const hit = lastRead.get(timeZone);
  if (hit && hit.ms === ms) return hit.parts;
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  // Years before 1000 come back with fewer digits; ISO-8601 wants four.
  const read = Object.freeze({ y: get('year').padStart(4, '0'), m: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second') });
  lastRead.set(timeZone, { ms, parts: read });
  return read;
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
