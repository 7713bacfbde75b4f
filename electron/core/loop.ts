/** One turn of the event loop: the page's calls waiting to be answered go before the next piece of a long job. */
export const yieldToLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The size of a long job's next piece after one that took `tookMs`: twice as large while a piece is
 * quicker than `quickMs`, half after one four times as slow, within `least` and `most`. The pieces
 * of a register are not alike (a list's cases thin out along an order, a day holds more than
 * another), so the size follows what each piece took rather than a guess made once.
 */
export function resized(size: number, tookMs: number, quickMs: number, least = 1, most = Number.POSITIVE_INFINITY): number {
  if (tookMs < quickMs) return Math.min(most, size * 2);
  return tookMs > 4 * quickMs ? Math.max(least, Math.floor(size / 2)) : size;
}
