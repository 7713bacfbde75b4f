/**
 * The register's words as search tokens (DESIGN.md "Data": Chinese has no spaces). SQLite's FTS5
 * indexes what this module writes, with its plain `unicode61` tokenizer splitting on the spaces:
 *
 * - Chinese (and other non-ASCII letters) in runs: a token at every character of a run, the two
 *   characters from there (the last character alone), so a word of two characters is one token,
 *   one character is a token prefix, and a longer word is a phrase of consecutive tokens;
 * - ASCII letters and digits (phones, ID numbers, credit codes, case numbers): four characters from
 *   every position, since digit pairs are far too common to find anything quickly;
 * - a separator token between runs and fields, so no phrase runs across a comma or two fields.
 *
 * One index then answers every length of fragment exactly, without a second copy of the text: a
 * word is found where it stands in a field, and nowhere else.
 */

/** Never a token of any text: runs give tokens of one to four letters or digits. */
export const SEPARATOR = 'zzzzz';

/**
 * The mark of a voided case, in its short column: five letters, so no text or typed word makes it.
 * A search counts its matches within the token index alone (`withVoided`), where reading
 * each match's case to leave the voided out costs a lookup per match (36 ms at 10,000 of them).
 */
export const VOIDED_MARK = 'zzzzv';

/** The text's matches that are voided (`true`) or not (`false`), as a MATCH expression. */
export function withVoided(expr: string, voided: boolean): string {
  return `(${expr}) ${voided ? 'AND' : 'NOT'} ({short} : ${VOIDED_MARK})`;
}

const RUN = /[a-z0-9]+|[\p{L}\p{N}]+/gu;
const ASCII = /^[a-z0-9]+$/;

/** NFKC first, so full-width digits typed on a Chinese keyboard (１３８…) read as 138…. */
const normalise = (text: string) => text.normalize('NFKC').toLowerCase();

function runsOf(text: string): string[] {
  return normalise(text).match(RUN) ?? [];
}

const widthOf = (run: string) => (ASCII.test(run) ? 4 : 2);

// Called for every run of every text a case is indexed with (each note re-indexes the whole case):
// plain string slices and pairs, not an array slice and join per token.
function gramsOf(run: string): string[] {
  if (widthOf(run) === 4) {
    // ASCII: one code unit a character.
    const out = new Array<string>(run.length);
    for (let i = 0; i < run.length; i++) out[i] = run.slice(i, i + 4);
    return out;
  }
  const chars = Array.from(run);
  const last = chars.length - 1;
  const out = new Array<string>(chars.length);
  for (let i = 0; i < last; i++) out[i] = chars[i]! + chars[i + 1]!;
  if (last >= 0) out[last] = chars[last]!;
  return out;
}

/** The tokens of some fields, as the text of one FTS5 column. */
export function tokensOf(fields: readonly (string | null | undefined)[]): string {
  const parts: string[] = [];
  for (const field of fields) {
    if (!field) continue;
    for (const run of runsOf(field)) {
      if (parts.length) parts.push(SEPARATOR);
      parts.push(...gramsOf(run));
    }
  }
  return parts.join(' ');
}

/** The tokens of fields tokenised in two parts (`tokensOf(a)`, `tokensOf(b)`), as `tokensOf([...a, ...b])` gives them. */
export const joinTokens = (a: string, b: string): string => (a && b ? `${a} ${SEPARATOR} ${b}` : a || b);

/**
 * One word of a query, as FTS5 MATCH syntax over the tokens above; null when it has nothing to find.
 * A word of several runs ("TS2026-00042") is one phrase through the separators between them: every
 * run but the last is a whole run of the text (the first may start inside one), so its tokens are
 * all there, tail included; the last run may go on in the text, so only its leading tokens are.
 */
function wordQuery(word: string): string | null {
  const runs = runsOf(word);
  if (runs.length === 0) return null;
  const tokens: string[] = [];
  let prefix = '';
  runs.forEach((run, i) => {
    const grams = gramsOf(run);
    if (i < runs.length - 1) {
      tokens.push(...grams, SEPARATOR);
      return;
    }
    const length = Array.from(run).length;
    const n = widthOf(run);
    // Shorter than a token: the tokens that begin with it.
    if (length < n) prefix = run;
    else tokens.push(...grams.slice(0, length - n + 1));
  });
  const phrase = `"${[...tokens, ...(prefix ? [prefix] : [])].join(' ')}"${prefix ? '*' : ''}`;
  // One character alone is looked for in the short fields only.
  return runs.length === 1 && prefix && Array.from(prefix).length === 1 ? `{short} : ${phrase}` : phrase;
}

/**
 * What a page marks in its rows for the words typed: each word's runs of letters and digits, as the
 * index reads them ("/有限公司" → 有限公司, "138-1234" → 138, 1234), each once.
 */
export function shownRunsOf(words: readonly string[]): string[] {
  return [...new Set(words.flatMap(runsOf))];
}

/** Words typed into the search box; control characters part words as spaces do. */
export function wordsOf(text: string): string[] {
  return text.split(/[\s\p{Cc}]+/u).filter(Boolean).slice(0, 8);
}

/**
 * A MATCH expression for every word of the text (all must be found); null when there is no word
 * (no text condition) or some word has no letter or digit (nothing can match: the caller finds no case).
 */
export function matchExpression(text: string): { expr: string | null; words: string[] } {
  const words = wordsOf(text);
  if (words.length === 0) return { expr: null, words };
  const exprs = words.map(wordQuery);
  if (exprs.some((e) => e === null)) return { expr: null, words };
  return { expr: exprs.map((e) => `(${e})`).join(' AND '), words };
}
