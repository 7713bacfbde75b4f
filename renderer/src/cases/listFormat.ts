import { percentDone } from '../../../shared/percentDone';

/**
 * Small formatting for the register's list (kept here rather than in format.ts, which the whole app
 * shares). The core writes times with the office's own offset, so their wall-clock part is office
 * time, shown as written.
 */
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

/** "2026-11-23T09:30:00+08:00" → { day: "2026-11-23", time: "09:30" }. */
export function dayAndTime(iso: string): { day: string; time: string } {
  const m = WITH_OFFSET.exec(iso);
  return m ? { day: m[1]!, time: m[2]! } : { day: iso, time: '' };
}

/** The count above the list: the core stops counting at its cap and says there are more. */
export function countText(total: number, more: boolean): string {
  return more ? `${total}+` : String(total);
}

/**
 * The note beside the count while the core rewrites the search index after an upgrade (cases.search
 * `indexing`): the matches are all there, a search is only slower; never 100 % before it ends.
 */
export function indexingNote(p: { done: number; total: number } | undefined): string | null {
  if (!p) return null;
  return `升级后正在更新搜索索引，已完成 ${percentDone(p.done, p.total)}%：结果齐全，部分搜索稍慢`;
}
