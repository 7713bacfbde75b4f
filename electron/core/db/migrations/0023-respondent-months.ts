import { measureColumns } from '../../store/caseFacts';
import type { Migration } from './types';

const RECEIVED = measureColumns.indexOf('received');
const RESOLVED = measureColumns.indexOf('resolved');

/**
 * 统计's businesses complained about most (domain.md "Headline statistics") from counts kept per
 * business and month of receipt, as stats_daily keeps the rest: a year read every case of the year
 * from the receipt-date index (≈ 330,000 rows at a million cases, 60–70 ms of a year's 86 ms at
 * 200,000). The store moves a case's count with its statistics (store/respondents.ts `follow`), and
 * the read ranks each month's businesses from respondent_months_rank (store/topRespondents.ts).
 * A row holds only counted cases (voided ones left out), so a month lists only its businesses.
 */
const schema = `
CREATE TABLE respondent_months (
  respondent_id INTEGER NOT NULL REFERENCES respondents(id),
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  received INTEGER NOT NULL,
  resolved INTEGER NOT NULL,
  PRIMARY KEY (respondent_id, month)
) STRICT, WITHOUT ROWID;
CREATE INDEX respondent_months_rank ON respondent_months(month, received DESC, respondent_id, resolved);
`;

/** Cases counted per step: a few milliseconds of set-based SQL, so the start answers between steps. */
const STEP = 2_000;

export const respondentMonths: Migration = {
  version: 23,
  name: 'respondent-months',
  *up(db) {
    db.exec(schema);
    const max = (db.prepare('SELECT COALESCE(MAX(case_id), 0) FROM case_stats').pluck().get() as number) ?? 0;
    // case_stats.respondent_id is the business each case's counted contribution went to (0012).
    const add = db.prepare(
      `INSERT INTO respondent_months (respondent_id, month, received, resolved)
       SELECT respondent_id, substr(day, 1, 7), SUM(received), SUM(resolved)
         FROM (SELECT respondent_id, day,
                      json_extract(measures, '$[${RECEIVED}]') AS received,
                      json_extract(measures, '$[${RESOLVED}]') AS resolved
                 FROM case_stats WHERE case_id BETWEEN ? AND ?)
        WHERE received > 0
        GROUP BY 1, 2
       ON CONFLICT(respondent_id, month) DO UPDATE SET received = received + excluded.received, resolved = resolved + excluded.resolved`,
    );
    for (let lo = 1; lo <= max; lo += STEP) {
      const hi = Math.min(max, lo + STEP - 1);
      add.run(lo, hi);
      yield { done: hi, total: max };
    }
  },
};
