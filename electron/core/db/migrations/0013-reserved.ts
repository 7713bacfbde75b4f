import type { Migration } from './types';

/**
 * A place held for migration 0013, which another branch (registration fields, issue [G]) writes at
 * the same time as 0014 here: versions equal their position in the list, so 0014 needs a 13 before
 * it. At the merge this file goes and that branch's 0013 takes its place (the schema snapshot is then
 * regenerated). It changes nothing.
 */
export const reserved0013: Migration = {
  version: 13,
  name: 'reserved-0013',
  up() {},
};
