import type { Migration } from './types';

/**
 * The case numbers by their length, then as text: within one prefix and one year (what a typed
 * beginning such as TS2025-1 fixes), a longer number was given later, and numbers of one length go
 * as text as they were given. So a beginning's cases are read in the register's order with the
 * lengths they can have as an `IN` list, SQLite walking each length's range in turn, no sort
 * (store/caseNumberWords.ts). Read as a range of the numbers' text they came mixed once a year passed
 * 99,999: TS2025-19999 (January) between TS2025-199990 and TS2025-199989 (August). Migration 0038's
 * key (the year, the sequence padded) holds the same order, but a beginning is a range of it for each
 * length, with the year's other numbers between them (on the million, a walk of it and a filter took
 * 3.3 s for page 1).
 */
export const numberLength: Migration = {
  version: 43,
  name: 'number-length',
  indexOnly: true,
  up(db) {
    db.exec('CREATE INDEX cases_number_length ON cases(length(case_no), case_no)');
  },
};
