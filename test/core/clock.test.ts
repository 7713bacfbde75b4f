import { describe, expect, it } from 'vitest';
import { clockStartingAt } from '../../electron/core/ports';

describe('clockStartingAt (the host\'s --now)', () => {
  it('starts at the given instant and runs on with the real clock', () => {
    let real = Date.parse('2031-05-05T00:00:00Z');
    const clock = clockStartingAt(new Date('2026-09-24T09:00:00+08:00'), { now: () => new Date(real) });
    expect(clock.now().toISOString()).toBe('2026-09-24T01:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2026-09-24T01:01:30.000Z');
  });
});
