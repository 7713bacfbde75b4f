/**
 * How far a job under way is, in whole percent, never 100 before it has ended: a rewrite of the
 * search index at 99.6 % still finds some cases the slower way, a recount's figure is not yet right,
 * and an upgrade, a backup, an export or the start's check at 100 % would say "done" while its last
 * step (a fold, a checkpoint, the check that lets writes through) still runs. Every progress bar
 * and figure the app shows rounds this one way.
 */
export const percentDone = (done: number, total: number): number => (total > 0 ? Math.min(99, Math.floor((done / total) * 100)) : 0);
