import { describe, expect, it } from 'vitest';
import { isoFromWallTime, isoLocal, localDate } from '../../electron/core/time';

/**
 * Office time read from the zone's offset per quarter of an hour (core/time.ts), against what the
 * zone's own formatter reads at each instant: in zones with summer time, half-hour and 45-minute
 * offsets and changes, at every minute around each change and at random instants over the years.
 */
const reference = (ms: number, timeZone: string): string => {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset' });
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : p.timeZoneName!.slice(3);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
};

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'];

/** Instants a change of offset falls between: found by halving the span between two readings that differ. */
function changesIn(timeZone: string, from: number, to: number): number[] {
  const found: number[] = [];
  const day = 86_400_000;
  for (let t = from; t < to; t += day) {
    if (reference(t, timeZone).slice(19) === reference(t + day, timeZone).slice(19)) continue;
    let lo = t;
    let hi = t + day;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (reference(mid, timeZone).slice(19) === reference(lo, timeZone).slice(19)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

describe('office time', () => {
  it('reads every instant as the zone’s own formatter does, at its changes of offset too', () => {
    const from = Date.UTC(2024, 0, 1);
    const to = Date.UTC(2027, 0, 1);
    for (const zone of ZONES) {
      const changes = changesIn(zone, from, to);
      if (zone !== 'Asia/Shanghai' && zone !== 'Asia/Kathmandu') expect(changes.length, zone).toBeGreaterThanOrEqual(6);
      for (const change of changes) {
        for (let t = change - 20 * 60_000; t <= change + 20 * 60_000; t += 59_000) {
          expect(isoLocal(new Date(t), zone), `${zone} ${new Date(t).toISOString()}`).toBe(reference(t, zone));
        }
        expect(isoLocal(new Date(change - 1), zone)).toBe(reference(change - 1, zone));
        expect(isoLocal(new Date(change), zone)).toBe(reference(change, zone));
      }
      let seed = 7;
      for (let i = 0; i < 2000; i++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const t = from + Math.floor((seed / 2 ** 31) * (to - from));
        expect(isoLocal(new Date(t), zone)).toBe(reference(t, zone));
        expect(localDate(new Date(t), zone)).toBe(reference(t, zone).slice(0, 10));
      }
    }
  });

  it('reads the wall clock right where a change falls inside a quarter of an hour (Shanghai leaving its local mean time, +08:05:43, in 1901)', () => {
    const [change] = changesIn('Asia/Shanghai', Date.UTC(1900, 11, 30), Date.UTC(1901, 0, 2));
    expect(new Date(change!).toISOString()).toBe('1900-12-31T15:54:17.000Z');
    for (let t = change! - 15 * 60_000; t <= change! + 15 * 60_000; t += 7_000) {
      expect(isoLocal(new Date(t), 'Asia/Shanghai').slice(0, 19), new Date(t).toISOString()).toBe(reference(t, 'Asia/Shanghai').slice(0, 19));
    }
  });

  it('reads a wall-clock time of the office as its instant, on a day the clocks change too', () => {
    expect(isoFromWallTime('2026-11-20T14:03:05', 'Asia/Shanghai')).toBe('2026-11-20T14:03:05+08:00');
    expect(isoFromWallTime('2026-03-08T12:00:00', 'America/New_York')).toBe('2026-03-08T12:00:00-04:00');
    expect(isoFromWallTime('2026-03-07T12:00:00', 'America/New_York')).toBe('2026-03-07T12:00:00-05:00');
  });
});
