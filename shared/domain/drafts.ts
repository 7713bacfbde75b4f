/**
 * 草稿: the forms whose half-typed input is kept as a draft, and how much of it. A fixed list, so a
 * draft names a form the app has (not any string a caller sends); 'correct' (更正登记信息) is next.
 */
export const draftForms = ['register'] as const;
export type DraftForm = (typeof draftForms)[number];

export const draftFormLabel: Record<DraftForm, string> = { register: '登记投诉' };

/**
 * A draft's values as JSON, in UTF-8 bytes. The registration form at its longest (5,000 characters
 * of facts, 2,000 of request, the rest) is about 25 KB; 64 KB leaves room without letting a caller
 * park megabytes in the register one keystroke at a time.
 */
export const DRAFT_MAX_BYTES = 64 * 1024;

/** Nesting deeper than any form has (the registration form is two levels deep). */
export const DRAFT_MAX_DEPTH = 8;

/**
 * Bytes of a text in UTF-8, counted by hand: shared/ has neither Node's Buffer nor the DOM's
 * TextEncoder. A lone surrogate counts 3, as its replacement character would.
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * How deep a JSON value nests, walked without recursion so a hostile value thousands of levels
 * deep is measured, not a stack overflow. Stops counting once past `limit`.
 */
export function nestingDepth(value: unknown, limit = DRAFT_MAX_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Object.values(v as object)) stack.push([child, level]);
  }
  return deepest;
}
