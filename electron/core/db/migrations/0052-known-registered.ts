import { loadCalendar } from '../../services/calendar';
import { createCaseFacts, measureColumns, savedRepeatWindowDays } from '../../store/caseFacts';
import type { Migration } from './types';

/**
 * 上年同期 as it stood, for 收到 and 重复投诉 and for the cases voided since (store/knownDays.ts): until
 * this version a case counted in the year earlier from its receipt day whenever it was registered,
 * and a voided case was taken out of every day, also of the days it had counted in. Each case's
 * registration is now a part of what it adds, known on the day it was registered (case_stats.known
 * gains a fourth day), and a voided case's parts are put back on the days they became known, taken
 * away again on the day it was voided.
 *
 * What this cannot put back: a change before this version other than a void (an amount corrected, a
 * case reopened, a receipt date moved) was written on the day the part first became known; it stays so.
 */
const schema = `
ALTER TABLE stats_known ADD COLUMN received INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stats_known ADD COLUMN repeats INTEGER NOT NULL DEFAULT 0;
`;

const measure = (column: (typeof measureColumns)[number]) => `json_extract(s.measures, '$[${measureColumns.indexOf(column)}]')`;

/** Cases per step: set-based SQL of a few milliseconds. */
const STEP = 2000;

export const knownRegistered: Migration = {
  version: 52,
  name: 'known-registered',
  *up(db) {
    db.exec(schema);
    const max = db.prepare('SELECT COALESCE(MAX(case_id), 0) FROM case_stats').pluck().get() as number;
    // Office dates: created_at carries the office's offset (time.ts isoLocal), so its first ten characters are its date.
    const mark = db.prepare(
      `UPDATE case_stats SET known = CASE WHEN keys = 'null' THEN json_array(NULL, NULL, NULL, NULL)
         ELSE json_insert(COALESCE(known, json_array(NULL, NULL, NULL)), '$[#]', (SELECT substr(c.created_at, 1, 10) FROM cases c WHERE c.id = case_stats.case_id)) END
       WHERE case_id BETWEEN @lo AND @hi`,
    );
    const sum = db.prepare(
      `INSERT INTO stats_known (day, known_on, received, repeats)
       SELECT s.day, substr(c.created_at, 1, 10), SUM(${measure('received')}), SUM(${measure('repeats')})
         FROM case_stats s JOIN cases c ON c.id = s.case_id
        WHERE s.case_id BETWEEN @lo AND @hi AND s.keys <> 'null'
        GROUP BY 1, 2
       ON CONFLICT(day, known_on) DO UPDATE SET received = received + excluded.received, repeats = repeats + excluded.repeats`,
    );
    // A few in a hundred cases: read once, from the voided cases' own index, not a status range per step.
    const voided = db.prepare("SELECT id FROM cases WHERE status = 'voided' ORDER BY id").pluck().all() as number[];
    let v = 0;
    const windowDays = savedRepeatWindowDays(db);
    const facts = createCaseFacts(db, { calendar: () => loadCalendar(db), repeatWindowDays: () => windowDays });
    for (let lo = 1; lo <= max; lo += STEP) {
      const hi = Math.min(max, lo + STEP - 1);
      mark.run({ lo, hi });
      sum.run({ lo, hi });
      for (; v < voided.length && voided[v]! <= hi; v++) facts.voidedHistory(voided[v]!);
      yield { done: hi, total: max };
    }
  },
};
