/**
 * The open register's timings and sizes (start/openState.ts): when the rest of the start check runs,
 * when the WAL is folded in, when the audit head is marked, when the planner's statistics are taken.
 */

/** How long after writes are let through the rest of the check (the whole chain, the seal's sums) starts. */
export const BACKGROUND_DELAY_MS = 3000;
/** A register this small is checked before the first answer, in less time than a worker takes to start. */
export const INLINE_CHECK_BYTES = 16 * 1024 * 1024;
/**
 * A WAL past this size is folded into the file once the writes pause (SQLite's own default is 1000
 * pages). The checkpoint costs about 30 µs a page here: 25–30 ms for 4 MB, 9–11 ms for 1 MB (a
 * 25,000-case register, synchronous=FULL); 15–132 ms (p99 37) for 4 MB at a million cases while a
 * re-index wrote. It runs on the search index's worker (services/walFold.ts), but holds the page's
 * writes: run right after the call that grew the WAL past the mark, one registration in seven to
 * twenty took twice as long. Writes at a desk are seconds apart, so it waits for a pause instead.
 */
export const CHECKPOINT_WAL_BYTES = 1024 * 1024;
/** How long writes must pause before the WAL is folded into the file. */
export const CHECKPOINT_PAUSE_MS = 200;
/** A WAL that grew past this size in a burst of writes with no pause is folded in right after the call that grew it (its answer first). */
export const CHECKPOINT_WAL_MAX_BYTES = 4 * 1024 * 1024;
/** How soon after a write the audit head is kept beside the key: a crash loses at most this much of it. */
export const MARK_EVERY_MS = 1000;
/**
 * The planner's statistics are taken at each start; an app left running for weeks takes them again
 * after this many writes (SQLite's advice for long-lived connections: PRAGMA optimize now and then).
 * Under statistics of an empty register, FTS5's own DELETE of a merged segment scanned its whole
 * table: 31 ms a write at 25,000 cases against 0.11 (the seed, which never restarts, found it).
 */
export const STATISTICS_EVERY_WRITES = 1000;
