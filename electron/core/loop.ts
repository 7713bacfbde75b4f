/**
 * One turn of the event loop: the page's calls waiting to be answered go before the next piece of a
 * long job. Two immediates, because one set while the loop is handling a request (its poll phase)
 * runs in the same turn's check phase, before any request that came meanwhile is read: a job that
 * began in a call let the calls through only at every other yield, so they waited for two pieces
 * (a server doing 30 ms, a yield, 30 ms, a yield, 30 ms: a ping every 2 ms waited 61 ms in five
 * calls of eight with one immediate, 31–32 ms in all eight with two).
 */
export const yieldToLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * The size of a long job's next piece after one that took `tookMs`: twice as large while a piece is
 * quicker than `quickMs`, kept up to four times that, and past it cut to what would take about twice
 * `quickMs` at the pace just seen (at most half), within `least` and `most`. The pieces of a register
 * are not alike (a list's cases thin out along an order, a day holds more than another), so the size
 * follows what each piece took rather than a guess made once. The cut is in proportion because a
 * register read cold from the disk is a hundred times slower than warm: a count's slice of 4,000
 * cases held the page's calls 531 ms at a million cases, and halving alone took five more slices
 * over 50 ms to come down.
 */
export function resized(size: number, tookMs: number, quickMs: number, least = 1, most = Number.POSITIVE_INFINITY): number {
  if (tookMs < quickMs) return Math.min(most, size * 2);
  if (tookMs <= 4 * quickMs) return size;
  return Math.max(least, Math.min(Math.floor(size / 2), Math.floor((size * 2 * quickMs) / tookMs)));
}
