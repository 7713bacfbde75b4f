import { measureColumns } from '../../store/caseFacts';
import type { Migration } from './types';

const RECEIVED = measureColumns.indexOf('received');
const FINISHED = measureColumns.indexOf('finished');
const REPEATS = measureColumns.indexOf('repeats');

/**
 * Respondents as a register of their own (issue [B]): 被投诉方 listed with their counts, merged when
 * two rows are the same business.
 * - respondent_stats: each business's cases (voided left out), open cases and repeat complaints, and
 *   its latest receipt date, kept in step by the store with each case's statistics (store/caseFacts.ts
 *   `refresh`), so the list reads 50 rows of a table instead of counting every case of every business;
 * - case_stats.respondent_id: the business a case's counted contribution went to, so a case that
 *   moves (a merge, a correction) takes its counts away from the old row whatever moved it;
 * - respondents.merged_into: a merged row is kept (nothing is lost), hidden from the list and the
 *   registration's look-up, and a name or credit code typed later links to the row it went into;
 *   respondents.version: an edit made on a stale view is refused.
 */
const schema = `
ALTER TABLE respondents ADD COLUMN merged_into INTEGER REFERENCES respondents(id);
ALTER TABLE respondents ADD COLUMN merged_at TEXT;
ALTER TABLE respondents ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX respondents_merged_into ON respondents(merged_into) WHERE merged_into IS NOT NULL;

ALTER TABLE case_stats ADD COLUMN respondent_id INTEGER;

CREATE TABLE respondent_stats (
  respondent_id INTEGER PRIMARY KEY REFERENCES respondents(id),
  cases INTEGER NOT NULL DEFAULT 0,
  open_cases INTEGER NOT NULL DEFAULT 0,
  repeats INTEGER NOT NULL DEFAULT 0,
  last_received_on TEXT
) STRICT;
CREATE INDEX respondent_stats_cases ON respondent_stats(cases DESC, respondent_id);
CREATE INDEX respondent_stats_recent ON respondent_stats(last_received_on DESC, respondent_id);
`;

/** Cases counted per step: a few milliseconds of set-based SQL, so the start answers between steps. */
const STEP = 500;

export const respondentStats: Migration = {
  version: 12,
  name: 'respondent-stats',
  *up(db) {
    db.exec(schema);
    db.exec('INSERT INTO respondent_stats (respondent_id) SELECT id FROM respondents');
    const max = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM cases').pluck().get() as number) ?? 0;
    const link = db.prepare('UPDATE case_stats SET respondent_id = (SELECT respondent_id FROM cases WHERE id = case_id) WHERE case_id BETWEEN ? AND ?');
    const add = db.prepare(
      `INSERT INTO respondent_stats (respondent_id, cases, open_cases, repeats, last_received_on)
       SELECT respondent_id, SUM(received), SUM(received - finished), SUM(repeats), MAX(CASE WHEN received > 0 THEN day END)
         FROM (SELECT respondent_id, day,
                      json_extract(measures, '$[${RECEIVED}]') AS received,
                      json_extract(measures, '$[${FINISHED}]') AS finished,
                      json_extract(measures, '$[${REPEATS}]') AS repeats
                 FROM case_stats WHERE case_id BETWEEN ? AND ?)
        GROUP BY respondent_id
       ON CONFLICT(respondent_id) DO UPDATE SET
         cases = cases + excluded.cases, open_cases = open_cases + excluded.open_cases, repeats = repeats + excluded.repeats,
         last_received_on = CASE WHEN last_received_on IS NULL OR excluded.last_received_on > last_received_on THEN excluded.last_received_on ELSE last_received_on END`,
    );
    for (let lo = 1; lo <= max; lo += STEP) {
      const hi = Math.min(max, lo + STEP - 1);
      link.run(lo, hi);
      add.run(lo, hi);
      yield { done: hi, total: max };
    }
  },
};
