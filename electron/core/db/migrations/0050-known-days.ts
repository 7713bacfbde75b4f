import { measureColumns } from '../../store/caseFacts';
import type { Migration } from './types';

/**
 * 上年同期 as it stood a year before today (store/knownDays.ts): each case's contribution gains the
 * days its acceptance, its outcome and its end became known (case_stats.known), and stats_known
 * sums those parts by receipt day and day known. Filled here for every case from the columns the
 * store reads them from (store/caseFacts.ts `factsOf`), in steps of case ids so the start answers
 * between them; the same statements give what the store writes case by case (a test compares).
 */
/**
 * The parts as this version knew them: the store's list (store/knownDays.ts) has grown since (0052),
 * and a migration makes what it made when it ran.
 */
const KNOWN_PARTS = [
  { columns: ['accepted'] },
  { columns: ['resolved', 'recovered_fen', 'punitive_cases', 'punitive_fen', 'lawsuit'] },
  { columns: ['finished', 'handling_days', 'in_time'] },
] as const;
const knownColumns: readonly string[] = KNOWN_PARTS.flatMap((p) => p.columns);

const schema = `
ALTER TABLE case_stats ADD COLUMN known TEXT;
CREATE TABLE stats_known (
  day TEXT NOT NULL,
  known_on TEXT NOT NULL,
  ${knownColumns.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n  ')},
  PRIMARY KEY (day, known_on)
) STRICT, WITHOUT ROWID;
`;

/** The days as factsOf gives them: none for a voided case (it counts in nothing). */
const knownOf = `CASE WHEN case_stats.keys = 'null' THEN json_array(NULL, NULL, NULL) ELSE json_array(
    c.accepted_on,
    substr(json_extract(c.outcome, '$.approval.at'), 1, 10),
    CASE WHEN c.status = 'closed' THEN c.closed_on
         WHEN c.status = 'refused' AND c.refusal IS NOT NULL THEN substr(json_extract(c.refusal, '$.approval.at'), 1, 10) END) END`;

const measure = (column: string) => `json_extract(measures, '$[${measureColumns.indexOf(column as (typeof measureColumns)[number])}]')`;

/** Each part of each case as a row of its own (its columns, zeros elsewhere), on the day it became known; parts with nothing in them left out. */
const parts = KNOWN_PARTS.map(
  ({ columns }, i) =>
    `SELECT day, json_extract(known, '$[${i}]') AS known_on, ${knownColumns.map((c) => `${(columns as readonly string[]).includes(c) ? measure(c) : '0'} AS ${c}`).join(', ')}
       FROM case_stats WHERE case_id BETWEEN @lo AND @hi AND keys <> 'null' AND (${columns.map((c) => `${measure(c)} <> 0`).join(' OR ')})`,
).join('\n     UNION ALL ');

/** Cases per step: set-based SQL of a few milliseconds. */
const STEP = 2000;

export const knownDays: Migration = {
  version: 50,
  name: 'known-days',
  *up(db) {
    db.exec(schema);
    const max = db.prepare('SELECT COALESCE(MAX(case_id), 0) FROM case_stats').pluck().get() as number;
    const mark = db.prepare(`UPDATE case_stats SET known = (SELECT ${knownOf} FROM cases c WHERE c.id = case_stats.case_id) WHERE case_id BETWEEN @lo AND @hi`);
    const sum = db.prepare(
      `INSERT INTO stats_known (day, known_on, ${knownColumns.join(', ')})
       SELECT day, known_on, ${knownColumns.map((c) => `SUM(${c})`).join(', ')} FROM (${parts}) WHERE known_on IS NOT NULL GROUP BY day, known_on
       ON CONFLICT(day, known_on) DO UPDATE SET ${knownColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
    );
    for (let lo = 1; lo <= max; lo += STEP) {
      const hi = Math.min(max, lo + STEP - 1);
      mark.run({ lo, hi });
      sum.run({ lo, hi });
      yield { done: hi, total: max };
    }
  },
};
