import { numberOrderOf } from './0038-number-order';
import type { Migration } from './types';

/**
 * One status's cases in the register's order of case numbers (0038), as 0048 keeps one category's:
 * the list of a status sorted by case number (案件's grid: 状态 and a click on 案件编号) is read as a
 * range of it. Without it the list walked the whole register's order of numbers for the status's
 * cases (sortWalk.ts), and a status's cases stand together in that order, its newest or its oldest:
 * at 120,000 cases 新登记 by case number passed the 117,000 older cases before its first (370 ms
 * through the host), 已结案 newest first the open cases (33–52 ms), and 不予受理's 5,780 were read and
 * sorted (35 ms). The category, channel, region and handler are there, as in cases_category_number,
 * so those filters are checked in the index. About 60 MB per million cases.
 */
export const statusNumber: Migration = {
  version: 51,
  name: 'status-number',
  indexOnly: true,
  up(db) {
    db.exec(`CREATE INDEX cases_status_number ON cases(status, ${numberOrderOf('case_no')}, category, channel, region, handler_id)`);
  },
};
