import type { Migration } from './types';

/**
 * The case numbers and ids received on each day, lowest and highest, for a dated list sorted by case
 * number or registration (store/dayMerge.ts): its page is read from the few receipt days whose cases
 * can come first, not by listing every case of its dates and sorting them (at a million cases, 2025
 * sorted by case number listed 330,000 cases: 390–460 ms, the page's other calls waiting as long).
 * Kept by triggers, so every way a case is written keeps them; a bound only widens (a case whose
 * receipt date is corrected widens its new day and leaves its old one as wide as it was), so a
 * bound may be loose, never wrong. Voided cases count: a list that asks for them is read the same way.
 */
/** A day's bounds widened by another's (`excluded`, the row an upsert would have written). */
const WIDEN = `first_no = min(first_no, excluded.first_no), last_no = max(last_no, excluded.last_no),
    first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id)`;
const COLUMNS = 'day, first_no, last_no, first_id, last_id, cases';
const ONE_CASE = `INSERT INTO receipt_day_bounds (${COLUMNS})
  VALUES (NEW.received_on, NEW.case_no, NEW.case_no, NEW.id, NEW.id, 1)`;

const schema = `
CREATE TABLE receipt_day_bounds (
  day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  first_no TEXT NOT NULL,
  last_no TEXT NOT NULL,
  first_id INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  cases INTEGER NOT NULL CHECK (cases >= 0)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER cases_receipt_day_bounds_insert AFTER INSERT ON cases BEGIN
  ${ONE_CASE}
  ON CONFLICT(day) DO UPDATE SET ${WIDEN}, cases = cases + 1;
END;
CREATE TRIGGER cases_receipt_day_bounds_update AFTER UPDATE OF received_on, case_no ON cases BEGIN
  ${ONE_CASE}
  ON CONFLICT(day) DO UPDATE SET ${WIDEN},
    cases = cases + (NEW.received_on <> OLD.received_on);
  UPDATE receipt_day_bounds SET cases = cases - 1 WHERE day = OLD.received_on AND NEW.received_on <> OLD.received_on;
END;
`;

/** Cases read per step: a rowid range, a few milliseconds, so the upgrade screen moves between steps. */
const STEP = 20_000;

export const receiptDayBounds: Migration = {
  version: 36,
  name: 'receipt-day-bounds',
  *up(db) {
    db.exec(schema);
    const max = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM cases').pluck().get() as number) ?? 0;
    const add = db.prepare(
      `INSERT INTO receipt_day_bounds (${COLUMNS})
       SELECT received_on, min(case_no), max(case_no), min(id), max(id), count(*) FROM cases WHERE id BETWEEN ? AND ? GROUP BY received_on
       ON CONFLICT(day) DO UPDATE SET ${WIDEN}, cases = cases + excluded.cases`,
    );
    for (let lo = 1; lo <= max; lo += STEP) {
      const hi = Math.min(max, lo + STEP - 1);
      add.run(lo, hi);
      yield { done: hi, total: max };
    }
  },
};
