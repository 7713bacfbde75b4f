import type { Migration } from './types';

/**
 * How many enquiries each office date received (store/enquiries.ts keeps it with each one logged;
 * an enquiry's date never changes and none is deleted), so 统计's 咨询 人次 and the log's count read
 * a row a day instead of every enquiry of the period: a year's count took 5–6 ms at 500,000 cases
 * (183,000 enquiries), twice for the year and the year before, and grows with the office's work.
 */
export const enquiryDays: Migration = {
  version: 26,
  name: 'enquiry-days',
  up(db) {
    db.exec('CREATE TABLE enquiry_days (day TEXT PRIMARY KEY, n INTEGER NOT NULL CHECK (n >= 0)) WITHOUT ROWID, STRICT');
    db.exec('INSERT INTO enquiry_days (day, n) SELECT received_on, COUNT(*) FROM enquiries GROUP BY received_on');
  },
};
