import type { Migration } from './types';

/**
 * Regions by receipt time. A region had no index: a list of one region's cases (or of those with no
 * region, 无地区) sorted by anything but receipt was read by checking every case of the register or
 * of its dates, and a region of few cases was passed over whole: at a million cases 无地区's 1,456
 * sorted by complainant took 0.1–1.3 s, the page's other calls waiting as long. Listed from this
 * index, a small region's cases are read alone and sorted; a large one's still walk the sort's index
 * (its count decides, store/sortWalk.ts).
 */
export const regionReceived: Migration = {
  version: 37,
  name: 'region-received',
  indexOnly: true,
  up(db) {
    db.exec('CREATE INDEX cases_region_received ON cases(region, received_at)');
  },
};
