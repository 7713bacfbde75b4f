/**
 * Office-local time. Legal deadlines are calendar dates in the office's zone (DESIGN.md "Data"),
 * whatever zone the PC or the test runner happens to be set to.
 */
function localParts(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  // Years before 1000 come back with fewer digits; ISO-8601 wants four.
  return { y: get('year').padStart(4, '0'), m: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second') };
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
