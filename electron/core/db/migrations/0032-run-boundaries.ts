import { planReindex } from '../../services/searchReindex';
import type { Migration } from './types';

/**
 * Each run's start in the search index with the character before it (store/searchTokens.ts
 * `startsOf`): the start alone (migration 0031) was in most cases for a common first character (the 1
 * after 2025年 in nearly every date), so a word typed in runs of common characters ("2025-1",
 * "2025-10") had FTS5 check the positions of its phrase in nearly every case it walked (≈ 60 ms at a
 * million cases, over the 50 a call may hold the page); the boundary (5 then 1) is in few. The same
 * number of tokens, more distinct ones. Every case registered so far is indexed afresh in the
 * background (services/searchReindex.ts); until the last is, such a word is looked for every way.
 */
export const runBoundaries: Migration = {
  version: 32,
  name: 'run-boundaries',
  up(db) {
    planReindex(db, 'migration 32: each run\'s start with the character before it');
  },
};
