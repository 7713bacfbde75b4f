import { planReindex } from '../../services/searchReindex';
import type { Migration } from './types';

/**
 * The short fields' one-character keys (store/searchTokens.ts `keysOfFields`): a surname, one or two
 * digits found by a token of their own, not by the prefix of every token in the index. Every case
 * registered so far is indexed afresh in the background (services/searchReindex.ts): done here, it
 * would hold the start for minutes at a million cases.
 */
export const shortKeys: Migration = {
  version: 21,
  name: 'short-keys',
  up(db) {
    planReindex(db, 'migration 21: the short fields\' keys');
  },
};
