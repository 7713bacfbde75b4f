import type { Migration } from './types';

/**
 * 咨询登记 (issue [B]): an enquiry answered at the desk that is not a complaint, logged in one line.
 * Enquiries are what the published 接待来访和咨询（人次） counts (domain.md "Headline statistics"), so
 * 统计 reads a period's count from the receipt-date index alone, and the day's list pages through the
 * same index newest first. `case_id` is set, once, when the enquiry is turned into a complaint
 * (cases.register `fromEnquiryId`); the unique index makes one enquiry one case and finds a case's enquiry.
 */
export const enquiries: Migration = {
  version: 10,
  name: 'enquiries',
  up(db) {
    db.exec(`CREATE TABLE enquiries (
  id INTEGER PRIMARY KEY,
  received_at TEXT NOT NULL,
  received_on TEXT NOT NULL,
  channel TEXT NOT NULL,
  topic TEXT NOT NULL CHECK (length(topic) BETWEEN 1 AND 500),
  answer TEXT NOT NULL CHECK (length(answer) BETWEEN 1 AND 2000),
  name TEXT CHECK (name IS NULL OR length(name) BETWEEN 1 AND 50),
  phone TEXT CHECK (phone IS NULL OR length(phone) BETWEEN 1 AND 30),
  logged_by INTEGER NOT NULL REFERENCES users(id),
  at TEXT NOT NULL,
  case_id INTEGER REFERENCES cases(id)
) STRICT`);
    db.exec('CREATE INDEX enquiries_received_on ON enquiries(received_on, received_at)');
    db.exec('CREATE UNIQUE INDEX enquiries_case ON enquiries(case_id) WHERE case_id IS NOT NULL');
  },
};
