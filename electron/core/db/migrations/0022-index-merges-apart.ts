import type { Migration } from './types';

/**
 * The search index's merges leave the register's writes (services/searchUpkeep.ts): FTS5's
 * `automerge` merged inside the write that came next, and its `deletemerge` (10 %) rewrote a whole
 * segment once a tenth of its rows were re-indexed — 1.6–3.5 s in one transaction during the
 * re-index of migration 21 at 200,000 cases. Both are off; the upkeep merges in small steps between
 * calls. The values are integers: FTS5 takes no other (a bound JS number is a REAL to SQLite).
 */
export const indexMergesApart: Migration = {
  version: 22,
  name: 'index-merges-apart',
  up(db) {
    db.exec("INSERT INTO case_index (case_index, rank) VALUES ('automerge', 0)");
    db.exec("INSERT INTO case_index (case_index, rank) VALUES ('deletemerge', 0)");
  },
};
