import { numberOrderOf } from './0038-number-order';
import type { Migration } from './types';

/**
 * One category's cases in the register's order of case numbers (0038): the list
 * of a category sorted by case number (案件's grid, a category's figure of 统计 opened and sorted) is
 * read as a range of it. Without it the list walked the whole register's order of numbers for the
 * category's cases (sortWalk.ts): page 20 of a category holding 2 % of a million cases passed 50,000
 * entries, 70–110 ms through the host, in steps. The status, channel, region and handler are there,
 * as in cases_category_received (0040), so the voided rule and those filters are checked in the
 * index, not in each case's row. About 60 MB per million cases.
 */
export const categoryNumber: Migration = {
  version: 48,
  name: 'category-number',
  indexOnly: true,
  up(db) {
    db.exec(`CREATE INDEX cases_category_number ON cases(category, ${numberOrderOf('case_no')}, status, channel, region, handler_id)`);
  },
};
