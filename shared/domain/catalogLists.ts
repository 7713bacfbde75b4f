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
 * Whether a category is what the clerk is typing: its name contains the text, or one of its
 * everyday words does (typing 手机 finds 家用电子电器), or the text names a word outright (typing
 * "买的手机坏了" still finds it by 手机). The registration form's picker filters with this.
 */
export function categoryMatches(category: { name: string; words?: readonly string[] }, typed: string): boolean {
  const q = fold(typed);
  if (!q) return true;
  if (fold(category.name).includes(q)) return true;
  return (category.words ?? []).some((w) => {
    const word = fold(w);
    return word.length > 0 && (word.includes(q) || q.includes(word));
  });
}
