import type { Migration } from './types';

/**
 * The cases that may count as 加倍赔偿, by receipt day: those with a punitive amount or a measure of
 * that name in their outcome's text (the figure's exact rule, store/searchFilters.ts, is checked on
 * each). The figure's list (统计 opens it; API.md `cases.search` `punitive`) is read in slices of its
 * receipt days (store/dayMerge.ts), and each day's cases were read whole for the rule: 1.2 % of
 * them are such cases, so 2025's 4,048 by case number read about 4,000 cases' rows a page (15 ms
 * through the host on the million). About 12,000 entries per million cases.
 */
export const punitiveDays: Migration = {
  version: 47,
  name: 'punitive-days',
  indexOnly: true,
  up(db) {
    db.exec(`CREATE INDEX cases_punitive_days ON cases(received_on, received_at) WHERE punitive_fen > 0 OR instr(outcome, '"punitive"') > 0`);
  },
};
