import type { Db } from '../db/open';

/**
 * The planner chooses between the register's indexes by their statistics (without them, status and
 * date once took the wrong one). Sampled, so it costs milliseconds at any size; it writes, so it runs
 * once writing is allowed.
 */
export function refreshPlannerStatistics(db: Db): void {
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize = 0x10002');
}
