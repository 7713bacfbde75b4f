/**
 * The lists an administrator edits (issue [B] "Lists an administrator edits"; domain.md
 * "Categories (中消协 statistics)": "the list is data an administrator can extend, not an enum in
 * code"). A code once used is never renamed or deleted: an item is retired (no longer offered for
 * new cases) and every case that has it keeps showing its name.
 *
 * The refusal and termination grounds are law (总局令第121号 第十六条、第二十三条) and live in rule
 * sets; they are deliberately not in this list.
 */
export const editableLists = [
  { kind: 'category', label: '投诉类别', prefix: 'K' },
  { kind: 'nature', label: '投诉性质', prefix: 'N' },
  { kind: 'channel', label: '投诉渠道', prefix: 'C' },
  { kind: 'measure', label: '处理结果', prefix: 'M' },
] as const;
export type EditableKind = (typeof editableLists)[number]['kind'];
export const editableKinds = editableLists.map((l) => l.kind) as [EditableKind, ...EditableKind[]];
export const listLabel = (kind: EditableKind): string => editableLists.find((l) => l.kind === kind)!.label;

/**
 * The 中消协 statistics groups (domain.md "Categories"): every category belongs to one, picked from
 * this fixed list, so 统计 keeps adding up by the official groups whatever an office adds.
 */
export const statisticsGroups = ['商品类', '服务类', '其他'] as const;
export type StatisticsGroup = (typeof statisticsGroups)[number];

/** Names and everyday words longest the form and the screen accept. */
export const LIST_NAME_MAX = 30;
export const WORD_MAX = 20;
export const WORDS_MAX = 40;

/** Everyday words as typed by an administrator ("手机 电脑、平板，耳机"): trimmed, each once, in order. */
export function splitWords(text: string): string[] {
  const seen = new Set<string>();
  for (const w of text.split(/[\s,，、;；/]+/)) {
    const word = w.trim();
    if (word) seen.add(word);
  }
  return [...seen];
}

const fold = (s: string) => s.trim().toLowerCase();

/**
 * How well a category answers what the clerk is typing (0: not at all): its name first, then one of
 * its everyday words (typing 手机 finds 家用电子电器), then a word the typed text holds ("买的手机坏了"
 * still finds it by 手机), a longer such word before a shorter one, so 包裹 picks 邮政业 (its word
 * 包裹) before 服装鞋帽 (its word 包). The registration form's picker ranks by this and highlights
 * the best, so Enter takes it.
 */
export function categoryScore(category: { name: string; words?: readonly string[] }, typed: string): number {
  const q = fold(typed);
  if (!q) return 1;
  const name = fold(category.name);
  if (name === q) return 100;
  if (name.startsWith(q)) return 90;
  if (name.includes(q)) return 80;
  let best = 0;
  for (const w of category.words ?? []) {
    const word = fold(w);
    if (!word) continue;
    const score = word === q ? 70 : word.startsWith(q) ? 60 : word.includes(q) ? 50 : q.includes(word) ? 10 + Math.min(word.length, 20) : 0;
    best = Math.max(best, score);
  }
  return best;
}

/** Whether a category is what the clerk is typing (by name or everyday word; see categoryScore). */
export const categoryMatches = (category: { name: string; words?: readonly string[] }, typed: string): boolean => categoryScore(category, typed) > 0;

/** The categories that answer the typed text, best first (ties keep the administrator's order). */
export function rankCategories<T extends { name: string; words?: readonly string[] }>(categories: readonly T[], typed: string): T[] {
  return categories
    .map((c, i) => ({ c, i, score: categoryScore(c, typed) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.c);
}

/** The everyday word of a category that answers the typed text, to show beside its name; none when its name does. */
export function matchingWord(category: { name: string; words?: readonly string[] }, typed: string): string | undefined {
  const q = fold(typed);
  if (!q || fold(category.name).includes(q)) return undefined;
  return [...(category.words ?? [])].sort((a, b) => categoryScore({ name: '', words: [b] }, typed) - categoryScore({ name: '', words: [a] }, typed))[0];
}
