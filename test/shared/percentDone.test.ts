import { describe, expect, it } from 'vitest';
import { percentDone } from '../../shared/percentDone';

describe('percentDone: how far a job under way is, as every progress bar and figure shows it', () => {
  it('rounds down to a whole percent', () => {
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(2, 3)).toBe(66);
    expect(percentDone(499, 1000)).toBe(49);
  });

  it('never says 100 before the job has ended, even with every item written', () => {
    expect(percentDone(996, 1000)).toBe(99);
    expect(percentDone(1000, 1000)).toBe(99);
    // A count that overtook its estimate (rows added meanwhile) does not pass it either.
    expect(percentDone(1200, 1000)).toBe(99);
  });

  it('is 0 before anything is counted, and for a job of unknown size', () => {
    expect(percentDone(0, 1000)).toBe(0);
    expect(percentDone(5, 0)).toBe(0);
  });
});
