import { percentDone } from '../percentDone';

/**
 * 重复投诉: the same complainant (the same ID number, or the same phone) against the same business
 * again within the office's window of days (API.md `cases.repeats`: "a number of days set by the
 * office (default 90)"). One rule for the statistics' repeat count (store/caseFacts.ts) and for the
 * warning at registration (store/complainants.ts), so the two never disagree on the edge.
 *
 * The window counts calendar days back from the new complaint's receipt date: an earlier complaint
 * received on day −90 is a repeat, one of day −91 is not.
 */
export function repeatWindowStart(receivedOn: string, windowDays: number): string {
  const t = Date.parse(`${receivedOn}T00:00:00Z`) - windowDays * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Said beside 重复投诉率 (on the screen, the printed report and the Excel report) while the core
 * counts the repeat flags again under a window the office has just changed (stats.summary
 * `repeatRecount`): until then the figure mixes the old window and the new.
 */
export function repeatRecountNote(p: { windowDays: number; done: number; total: number } | null): string | null {
  if (!p) return null;
  return `正在按新的 ${p.windowDays} 天期限重新统计，已完成 ${percentDone(p.done, p.total)}%，此数字暂不准确`;
}
