import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPause } from '../../electron/core/afterPause';

/** The timing rule of the work kept out of a burst of writes (the WAL's checkpoint, the search index's merges). */
describe('afterPause', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once the pokes pause, not between them', () => {
    const task = vi.fn();
    const p = afterPause(task, 100);
    for (let i = 0; i < 10; i++) {
      p.poke();
      vi.advanceTimersByTime(60);
    }
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(40);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs at the latest the longest wait after the first poke of an unbroken burst, then waits again', () => {
    const task = vi.fn();
    const p = afterPause(task, 100, 1000);
    // Pokes every 50 ms from 0 to 900: never a pause of 100 ms.
    for (let t = 0; t <= 900; t += 50) {
      p.poke();
      vi.advanceTimersByTime(t < 900 ? 50 : 99);
    }
    expect(task).not.toHaveBeenCalled();
    p.poke();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    p.poke();
    vi.advanceTimersByTime(99);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('runs nothing once cancelled', () => {
    const task = vi.fn();
    const p = afterPause(task, 100);
    p.poke();
    p.cancel();
    vi.advanceTimersByTime(1000);
    expect(task).not.toHaveBeenCalled();
  });
});
