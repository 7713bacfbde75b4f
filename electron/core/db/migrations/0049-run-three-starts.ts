import type { Migration } from './types';

/**
 * A run of letters or digits after another run begins with a token of its first three, after the
 * character before (store/searchTokens.ts `startsOf`): a word typed in runs whose last is three
 * letters or digits (2025-301, a case number without its prefix) was a prefix of the index, and FTS5
 * merged every token beginning so (in most ID numbers here) before it checked the phrase: 90–108 ms a
 * statement at a million cases. Now it ends on a token. Every case registered so far is indexed afresh
 * in the background (services/searchReindex.ts); until the last is, such a word is looked for every way.
 */
export const runThreeStarts: Migration = {
  version: 49,
  name: 'run-three-starts',
  // No row changed: no copy of the register before it (at a million cases 12 GB, for a plan).
  indexOnly: true,
  reindex: 'migration 49: each run of letters or digits with its first three',
  up() {},
};
