import type { Migration } from './types';

/**
 * The register's order of case numbers: the year, then the number taken in it, as numbers.
 * A case number is the office's prefix (letters or 汉字, never a digit or a dash), the receipt year,
 * a dash and the year's sequence padded to five digits (store/caseWrites.ts `nextCaseNo`), so sorted
 * as text TS2025-100000 came before TS2025-99999 once a year passed 99,999 cases, and after a change
 * of prefix (officeSettings.ts, TS → 消协) the new prefix's numbers came after every year of the old
 * one. The order's key is the year, the sequence padded to twelve digits, then the number itself:
 * in text order the register's order, and unique because the number is. It is an index of that
 * expression, not a generated column: SQLite reads an indexed expression from the index (a walk of
 * the order, or a chunk's edge, needs no case row), but a generated column's index only for its order.
 * The receipt days' runs (0036) are rebuilt in this order, for the dated lists merged by it.
 */
/** The order's key of the case number `column` (`c.case_no` in a query: the store's sort must be this very expression). */
export const numberOrderOf = (column: string) =>
  `(substr(${column}, instr(${column}, '-') - 4, 4) || printf('%012d', CAST(substr(${column}, instr(${column}, '-') + 1) AS INTEGER)) || ${column})`;

/** A day's bounds widened by another's (`excluded`, the row an upsert would have written). */
const WIDEN = `first_order = min(first_order, excluded.first_order), last_order = max(last_order, excluded.last_order),
    first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id)`;
const COLUMNS = 'day, first_order, last_order, first_id, last_id, cases';
const ONE_CASE = `INSERT INTO receipt_day_bounds (${COLUMNS})
  VALUES (NEW.received_on, ${numberOrderOf('NEW.case_no')}, ${numberOrderOf('NEW.case_no')}, NEW.id, NEW.id, 1)`;

const schema = `
CREATE UNIQUE INDEX cases_number_order ON cases${numberOrderOf('case_no')};
DROP TRIGGER cases_receipt_day_bounds_insert;
DROP TRIGGER cases_receipt_day_bounds_update;
DROP TABLE receipt_day_bounds;
CREATE TABLE receipt_day_bounds (
  day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  first_order TEXT NOT NULL,
  last_order TEXT NOT NULL,
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

export const numberOrder: Migration = {
  version: 38,
  name: 'number-order',
  *up(db) {
    db.exec(schema);
    const max = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM cases').pluck().get() as number) ?? 0;
    const add = db.prepare(
      `INSERT INTO receipt_day_bounds (${COLUMNS})
       SELECT received_on, min(${numberOrderOf('case_no')}), max(${numberOrderOf('case_no')}), min(id), max(id), count(*) FROM cases WHERE id BETWEEN ? AND ? GROUP BY received_on
       ON CONFLICT(day) DO UPDATE SET ${WIDEN}, cases = cases + excluded.cases`,
    );
    for (let lo = 1; lo <= max; lo += STEP) {
      const hi = Math.min(max, lo + STEP - 1);
      add.run(lo, hi);
      yield { done: hi, total: max };
    }
  },
};
