import { planReindex } from '../../services/searchReindex';
import type { Migration } from './types';

/**
 * The search index without its separator, each run's start in its place (store/searchTokens.ts
 * `startsOf`): a word typed in several runs whose last is short ("TS2025-1", "2025-10", "138-1") is
 * found by whole tokens, not by the prefix of every token beginning so (4.5 s at a million cases for
 * "TS2025-1", the page's calls waiting behind it), and no term is in every case many times over (the
 * separator: 44 million positions at a million cases, a merge step of 200-300 ms wherever it met it).
 * Every case registered so far is indexed afresh in the background (services/searchReindex.ts); until
 * the last is, such a word is looked for both ways.
 */
export const runStarts: Migration = {
  version: 31,
  name: 'run-starts',
  up(db) {
    planReindex(db, 'migration 31: each run\'s start instead of the separator');
  },
};
