import type { Migration } from './types';

/**
 * 统计's day counts by breakdown key, then day (the table's own key is breakdown, day, key). A deep
 * page by number of one category, channel, region or handler is placed from that key's days
 * (store/dayCounts.ts) instead of walking the list to it: at a million cases page 1,000 of one
 * category walked 49,950 entries of its index, each case's row read for its status (112 ms through
 * the host, in steps). The counts are not in this index, so updating them (every change of a case)
 * writes no entry of it: a row's entry is written once, with the first case of its key that day.
 */
export const dayCountsByKey: Migration = {
  version: 35,
  name: 'day-counts-by-key',
  indexOnly: true,
  up(db) {
    db.exec('CREATE INDEX stats_daily_key_day ON stats_daily(dim, key, day)');
  },
};
