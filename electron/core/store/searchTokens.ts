import { isAsciiRun, runsOf, shortFieldsOnly, wordsOf } from '../../../shared/domain/searchWords';

/**
 * The register's words as search tokens (DESIGN.md "Data": Chinese has no spaces). SQLite's FTS5
 * indexes what this module writes, with its plain `unicode61` tokenizer splitting on the spaces:
 *
 * - Chinese (and other non-ASCII letters) in runs: a token at every character of a run, the two
 *   characters from there (the last character alone), so a word of two characters is one token
 *   and a longer word is a phrase of consecutive tokens;
 * - ASCII letters and digits (phones, ID numbers, credit codes, case numbers): four characters from
 *   every position, since digit pairs are far too common to find anything quickly (three are a
 *   prefix of a token);
 * - before every run of a field but its first, the boundary: a token of the last character before it
 *   and its first (and, before a run of letters and digits, one of its first two and one of its first
 *   three), so a word typed in several runs whose last is shorter than a token ("TS2026-1", "2025-10",
 *   "2025-301", "退款，商") ends on a whole token instead of a prefix, and no phrase runs across two
 *   fields, where no boundary stands (migrations 0031, 0032 and 0049, below);
 * - in the short fields only, after their tokens: each distinct one-character key of the case (a
 *   Chinese character, one or two letters or digits), so a word that short is found by one token.
 *
 * One index then answers every length of fragment exactly, without a second copy of the text: a
 * word is found where it stands in a field, and nowhere else.
 */

/**
 * What stood between runs and fields before migration 0031: one token in every case, many times (44
 * a case at a million cases), which every word of several runs read; a phrase went through it from
 * one field into the next. Kept only to find the cases not yet indexed afresh (`matchExpression`,
 * `current` false); never written.
 */
const LEGACY_SEPARATOR = 'zzzzz';

/**
 * A run's boundary (private use, so no text or typed word makes them): the last character before it
 * and its first, and before a run of letters and digits its first two. A phrase needs no separator
 * between runs: a run's grams end on its last character alone (`gramsOf`), so what follows is
 * another run's boundary. A word typed in runs ending on a short one named it by a prefix of every
 * token beginning so: "TS2025-1" read the doclist of every token beginning with 1 (4.5 s at a million
 * cases, the page's calls waiting), "2025-10" 560 ms, "退款，商" 600 ms; by the run's start alone
 * (migration 0031) it was one token, but one in most cases (a 1 after 2025年 in every date), so
 * FTS5 checked the positions of "2025 025 25 5 ·1" in nearly every case it walked ("2025-1" 55 ms
 * for its page alone). With the character before (migration 0032) the token names the boundary
 * itself (5 then 1), in few cases.
 *
 * A last run of three letters or digits was still a prefix (2025-301: `"2025 025 25 5 ·53 ··530
 * 301"*`), and FTS5 merges the doclist of every token beginning so before it checks the phrase; the
 * tokens beginning 301 are in most ID numbers here (330106…), so the statement took 90–108 ms at a
 * million cases, read on the merge worker's thread so as not to hold the page (store/textWalk.ts).
 * The run's first three after the character before (migration 0049) end such a word on a token too:
 * one more token a run of three or more letters or digits after another run.
 */
const START_1 = '\uE001';
const START_2 = '\uE002';
const START_3 = '\uE003';

/** The last character of a run (beyond the BMP, both halves). */
function lastCharOf(run: string): string {
  const low = run.charCodeAt(run.length - 1);
  return low >= 0xdc00 && low <= 0xdfff ? run.slice(-2) : run.slice(-1);
}

/**
 * What stood between a field's runs, by the rules a case was indexed with: the boundary with the
 * first three (0049, today's), without them (0032), the run's start alone (0031), one separator (before).
 */
type Between = 'threes' | 'boundaries' | 'starts' | 'separator';

/** The boundary tokens of a run after the run before it, as `between` wrote them (not 'separator'). */
function startsOf(before: string, run: string, between: Between = 'threes'): string[] {
  const b = between === 'starts' ? '' : lastCharOf(before);
  if (!isAsciiRun(run)) return [START_1 + b + String.fromCodePoint(run.codePointAt(0)!)];
  const starts = [START_1 + b + run[0]];
  if (run.length >= 2) starts.push(START_2 + b + run.slice(0, 2));
  if (run.length >= 3 && between === 'threes') starts.push(START_3 + b + run.slice(0, 3));
  return starts;
}

/**
 * The mark of a voided case, in its short column (migration 0019): five letters, so no text or typed
 * word makes it. Counts no longer read it (`textCount`): the voided cases have an index of their own.
 */
export const VOIDED_MARK = 'zzzzv';

/**
 * A text's matches counted in the token indexes alone, up to one past `cap`: all of them, the voided
 * (`true`), or the others (`false`: the register's index less the voided cases' own, migration 0025).
 * Reading each match's case to leave the voided out cost a look-up per match (36 ms at 10,000 of
 * them); FTS5's NOT of the voided mark read every match's tokens against the mark's (a business
 * name's fragment 3.3–5.3 ms at 500,000 cases, against 1.6 for its matches alone).
 */
export function textCount(match: string, voided: boolean | 'any', cap: number): { sql: string; params: string[] } {
  if (voided === 'any') return { sql: `SELECT COUNT(*) FROM (SELECT 1 FROM case_index WHERE case_index MATCH ? LIMIT ${cap + 1})`, params: [match] };
  if (voided) return { sql: `SELECT COUNT(*) FROM (SELECT 1 FROM case_index_voided WHERE case_index_voided MATCH ? LIMIT ${cap + 1})`, params: [match] };
  // All the matches up to the cap and past it by the voided ones, less those: exact below the cap.
  // The voided ones are counted once (a CTE kept as it is): written twice, SQLite counted them twice,
  // ≈ 1 ms of 有限公司's 4.3 at a million cases (7,041 voided matches).
  return {
    sql: `WITH voided(n) AS MATERIALIZED (SELECT COUNT(*) FROM case_index_voided WHERE case_index_voided MATCH ?)
          SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM case_index WHERE case_index MATCH ? LIMIT ${cap + 1} + (SELECT n FROM voided))) - (SELECT n FROM voided)`,
    params: [match, match],
  };
}

/**
 * The mark that makes a key (U+E000, private use): FTS5's unicode61 counts it a token character, and
 * no run of text or typed word holds it (runs are letters and digits), so only keys are such tokens.
 */
const KEY_MARK = '\uE000';

const widthOf = (run: string) => (isAsciiRun(run) ? 4 : 2);

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
    const runs = runsOf(field);
    for (let i = 0; i < runs.length; i++) {
      if (i > 0) parts.push(...startsOf(runs[i - 1]!, runs[i]!));
      parts.push(...gramsOf(runs[i]!));
    }
  }
  return parts.join(' ');
}

/**
 * A word shorter than a token of its kind (shared/domain/searchWords.ts `shortFieldsOnly`) is looked
 * for in the short fields by its key. As a prefix of every token that begins with it, it read the
 * doclist of each in the whole index: "诉" (found in no short field) 11.5 ms, "5" 105 ms, "13" 28 ms
 * at 200,000 cases, growing with the register; a key reads its own cases alone.
 */
function keysOf(run: string, into: Set<string>): void {
  if (isAsciiRun(run)) {
    for (let i = 0; i < run.length; i++) {
      into.add(run[i]! + KEY_MARK);
      if (i + 1 < run.length) into.add(run.slice(i, i + 2) + KEY_MARK);
    }
    return;
  }
  for (const char of run) into.add(char + KEY_MARK);
}

/** The short fields' keys: each once (a key is looked for alone, so where it stands does not matter). */
export function keysOfFields(fields: readonly (string | null | undefined)[]): string {
  const keys = new Set<string>();
  for (const field of fields) if (field) for (const run of runsOf(field)) keysOf(run, keys);
  return [...keys].join(' ');
}

/** The tokens of fields tokenised in two parts (`tokensOf(a)`, `tokensOf(b)`), as `tokensOf([...a, ...b])` gives them. */
export const joinTokens = (a: string, b: string): string => (a && b ? `${a} ${b}` : a || b);

/**
 * One word of a query, as FTS5 MATCH syntax over the tokens above; null when it has nothing to find.
 * A word of several runs ("TS2026-00042") is one phrase through the boundaries of its runs: every run
 * but the last is a whole run of the text (the first may start inside one: its grams end on its last
 * character alone, so the text's run ends there too), so its tokens are all there, tail included;
 * the last run may go on in the text, so only its boundary and leading tokens are (a last run of up
 * to three letters or digits: the boundary's own token). A word of three alone is the 37 tokens that
 * begin with it (`tokensBeginning`).
 *
 * `current` false: some cases are still indexed by older rules (before 0049, 0032, 0031 or 0021): a
 * short word by the prefix of its tokens, a word of several runs each way.
 */
function wordQuery(word: string, current: boolean): string | null {
  const runs = runsOf(word);
  if (runs.length === 0) return null;
  const only = shortFieldsOnly(word);
  if (only !== null) {
    // Every case indexed since the keys exist has them; until the last older one is (the background
    // re-index), the tokens that begin with the word find the same cases, slower.
    return current ? `{short} : "${only}${KEY_MARK}"` : `{short} : "${only}"*`;
  }
  const phrase = phraseOf(runs, 'threes');
  if (current) return phrase;
  return [...new Set([phrase, phraseOf(runs, 'boundaries'), phraseOf(runs, 'starts'), phraseOf(runsBefore31(word), 'separator')])].join(' OR ');
}

/** A word's runs as the index read them before migration 0031: letters and digits against Chinese were one run with it. */
const runsBefore31 = (word: string): string[] => word.normalize('NFKC').toLowerCase().match(/[a-z0-9]+|[\p{L}\p{N}]+/gu) ?? [];

const ASCII_NEXT = [...'0123456789abcdefghijklmnopqrstuvwxyz'];

/**
 * Three letters or digits alone as the tokens that begin with them, named one by one: as a prefix
 * ("202"*) FTS5 merged the doclists of all 37 before the first row (2025 and 2026 are in nearly every
 * case: 56 ms for the page at a million cases, 55 for its count); an OR of the tokens is walked
 * newest first and stops at the page (0.2 and 0.9 ms). After other runs the prefix stays: an OR of
 * 37 phrases checked each one's positions apart ("2025-108" 34 → 245 ms).
 */
const tokensBeginning = (run: string): string => [run, ...ASCII_NEXT.map((c) => run + c)].map((t) => `"${t}"`).join(' OR ');

/** How many of a run's first characters its boundary's tokens hold (`startsOf`). */
const boundaryReach = (between: Between, run: string): number => (between === 'separator' ? 0 : between === 'threes' && isAsciiRun(run) ? 3 : 2);

/**
 * The phrase of a word's runs, each but the first after what the index holds between runs (before
 * migration 0031 a short last run was always a prefix).
 */
function phraseOf(runs: readonly string[], between: Between): string {
  const tokens: string[] = [];
  let prefix = '';
  runs.forEach((run, i) => {
    if (i > 0) tokens.push(...(between === 'separator' ? [LEGACY_SEPARATOR] : startsOf(runs[i - 1]!, run, between)));
    const grams = gramsOf(run);
    if (i < runs.length - 1) {
      tokens.push(...grams);
      return;
    }
    const length = Array.from(run).length;
    const n = widthOf(run);
    if (length >= n) tokens.push(...grams.slice(0, length - n + 1));
    // Shorter than a token: after a boundary, its first characters are the boundary's last token;
    // alone, or longer than the boundary's tokens reach, the tokens that begin with it.
    else if (i === 0 || length > boundaryReach(between, run)) prefix = run;
  });
  if (runs.length === 1 && prefix && isAsciiRun(prefix)) return tokensBeginning(prefix);
  return `"${[...tokens, ...(prefix ? [prefix] : [])].join(' ')}"${prefix ? '*' : ''}`;
}

/**
 * What a page marks in its rows for the words typed: each word's runs of letters and digits, as the
 * index reads them ("/有限公司" → 有限公司, "138-1234" → 138, 1234), each once.
 */
export function shownRunsOf(words: readonly string[]): string[] {
  return [...new Set(words.flatMap(runsOf))];
}

/**
 * A MATCH expression for every word of the text (all must be found); null when there is no word
 * (no text condition) or some word has no letter or digit (nothing can match: the caller finds no case).
 * `current`: every case is indexed by today's rules (no re-index of older cases is pending).
 */
export function matchExpression(text: string, current = true): { expr: string | null; words: string[] } {
  const words = wordsOf(text);
  if (words.length === 0) return { expr: null, words };
  const exprs = words.map((word) => wordQuery(word, current));
  if (exprs.some((e) => e === null)) return { expr: null, words };
  return { expr: exprs.map((e) => `(${e})`).join(' AND '), words };
}
