/**
 * How the search box's text is read as words (DESIGN.md "案件"): the rules the core's token index
 * (electron/core/store/searchTokens.ts) and the register's hint both follow.
 */

// ASCII letters and digits always a run of their own, also where they stand against Chinese without a
// space (花了1999元, 订单号202503150001, 编号TS2026-00011): inside a Chinese run they were indexed as
// pairs of characters, so the number was not found by its digits (migration 0031 re-indexes).
const RUN = /[a-z0-9]+|(?:(?![a-z0-9])[\p{L}\p{N}])+/gu;
const ASCII = /^[a-z0-9]+$/;

/** NFKC first, so full-width digits typed on a Chinese keyboard (１３８…) read as 138…. */
const normalise = (text: string) => text.normalize('NFKC').toLowerCase();

/** A text's runs of letters and digits, as the index reads them: ASCII ones apart from the rest. */
export function runsOf(text: string): string[] {
  return normalise(text).match(RUN) ?? [];
}

/** Whether a run is of ASCII letters and digits (phones, ID numbers, codes), indexed four characters at a time. */
export const isAsciiRun = (run: string): boolean => ASCII.test(run);

/** Words typed into the search box; control characters part words as spaces do. */
export function wordsOf(text: string): string[] {
  return text.split(/[\s\p{Cc}]+/u).filter(Boolean).slice(0, 8);
}

/**
 * A word of one Chinese character, or of one or two letters or digits, is looked for in the short
 * fields only (names, phones and numbers, the business, the subject, the purchase), by a key of its
 * own there ([F] #11): in the facts such a word is in nearly every case, so it would find them all.
 * Returns the word's one run when it is such a word, else null.
 */
export function shortFieldsOnly(word: string): string | null {
  const runs = runsOf(word);
  if (runs.length !== 1) return null;
  const only = runs[0]!;
  return Array.from(only).length <= (isAsciiRun(only) ? 2 : 1) ? only : null;
}
