import type { Db } from '../db/open';
import { CASE_NO_DIGITS } from '../../../shared/domain/caseNumber';
import { statementCache } from './statementCache';

/**
 * A search word read as a case number (cases.search, [F] #11): a whole number names its case, and its
 * beginning the cases numbered so, both by the numbers' unique index rather than the token index.
 */
export function createCaseNumberWords(db: Db) {
  // A whole case number names one case: read it by its unique key. As a phrase of the index its
  // common tokens (TS20, 2026) would read a posting list as long as the year's register.
  const caseNumbered = db.prepare('SELECT id FROM cases WHERE case_no IN (?, ?)').pluck();
  function caseByNumber(word: string): number | null {
    const typed = word.normalize('NFKC');
    if (!/\d/.test(typed) || typed.length > 40) return null;
    return (caseNumbered.get(typed.toUpperCase(), typed) as number | undefined) ?? null;
  }

  // A case number's beginning as typed before the rest (TS2025-1, TS2025-108): the prefix (capitals or
  // Chinese, officeSettings.ts `caseNoPrefix`), the year, the dash, digits. Such a word names the cases
  // numbered so, as a whole number names its case: a range of the numbers, listed in the register's
  // order by `numberLengths` and counted from the numbers' unique index, read in 0.05 ms at a million
  // cases. As a phrase of the token index its tokens are in every case (ts20, s202) or most (2025,
  // the run's tails), 40-70 ms. A beginning no case has (an order number's, say) is searched as text.
  const CASE_NO_BEGINNING = /^[A-Z\u3400-\u9fff]+\d{4}-\d*$/;
  const numberedFrom = db.prepare('SELECT 1 FROM cases WHERE case_no >= ? AND case_no < ? LIMIT 1').pluck();
  function numberBeginning(word: string): { from: string; to: string } | null {
    const typed = word.normalize('NFKC').toUpperCase();
    if (typed.length > 40 || !CASE_NO_BEGINNING.test(typed)) return null;
    // Past every number that begins so: its last character, a digit or the dash, one up.
    const to = typed.slice(0, -1) + String.fromCharCode(typed.charCodeAt(typed.length - 1) + 1);
    return numberedFrom.get(typed, to) ? { from: typed, to } : null;
  }

  /**
   * The cases numbered from a beginning, less the voided, up to one past `cap`: from the numbers'
   * unique index and the voided cases' own (migration 0033), no case's row read. Counted with the
   * status beside the number, each row was read for it: 11.9 ms for the 10,001 of TS2025-1 at a
   * million cases, against 0.7 for the index alone (the page itself 0.05).
   */
  function numberedCount({ from, to }: { from: string; to: string }, cap: number): { sql: string; params: string[] } {
    return {
      sql: `WITH voided(n) AS MATERIALIZED (SELECT COUNT(*) FROM cases INDEXED BY cases_voided_no WHERE status = 'voided' AND case_no >= ? AND case_no < ?)
            SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM cases WHERE case_no >= ? AND case_no < ? LIMIT ${cap + 1} + (SELECT n FROM voided))) - (SELECT n FROM voided)`,
      params: [from, to, from, to],
    };
  }

  // A case number's beginning typed without its prefix (2025-1, 2025-108): the prefixes the register's
  // numbers begin with, each found by one seek of the numbers' index past the last one's (an office
  // has one, or a few over the years).
  const numberAtOrAfter = db.prepare(NUMBER_AT_OR_AFTER_SQL).pluck();
  function prefixesInUse(): string[] {
    const found: string[] = [];
    for (let from = '', n = 0; n < MOST_PREFIXES; n++) {
      const no = numberAtOrAfter.get(from) as string | undefined;
      const prefix = no?.match(/^\D+(?=\d{4}-)/)?.[0];
      if (!no || !prefix) break;
      found.push(prefix);
      // Past every number with this prefix: after it, the year's first digit, one up from 9.
      from = `${prefix}:`;
    }
    return found;
  }
  const prepare = statementCache(db, 4);
  const countNotVoided = (range: { from: string; to: string }, cap: number) => {
    const { sql, params } = numberedCount(range, cap);
    return prepare(sql).pluck().get(...params) as number;
  };

  /**
   * Whether more than `cap` cases, not voided, are numbered with a beginning typed without its
   * prefix: then its text walk (which finds them among its matches: the number is in the case's
   * tokens) would pass the cap too, and is not needed for its count (textWalk.ts `knownPastCap`).
   * For 2025-1 the walk read 10,001 matches oldest first (5–13 ms at a million cases, more the first
   * time), the numbers' index 0.7.
   */
  function numberedPastCap(word: string, cap: number): boolean {
    const typed = word.normalize('NFKC');
    if (!/^\d{4}-\d*$/.test(typed)) return false;
    let seen = 0;
    for (const prefix of prefixesInUse()) {
      const range = numberBeginning(prefix + typed);
      if (range) seen += countNotVoided(range, cap - seen);
      if (seen > cap) return true;
    }
    return false;
  }

  return { caseByNumber, numberBeginning, numberedCount, numberedPastCap };
}

/** The first case number from a text on, in the numbers' unique index (what the plan tests EXPLAIN). */
export const NUMBER_AT_OR_AFTER_SQL = 'SELECT case_no FROM cases WHERE case_no >= ? ORDER BY case_no LIMIT 1';

/** The most prefixes looked for (an office changes its prefix seldom, if ever). */
const MOST_PREFIXES = 8;

/** The most digits a year's sequence is given here (a billion cases a year). */
const MOST_DIGITS = 9;

/**
 * The cases a beginning names, as the register's order of numbers reads them (migration 0043): the
 * lengths a number so begun can have, and its range as text. Past the padding a number does not
 * begin with 0.
 */
export function numberLengths({ from, to }: { from: string; to: string }): [sql: string, ...params: (string | number)[]] {
  const before = from.indexOf('-') + 1;
  const digits = from.slice(before);
  const lengths: number[] = [];
  for (let n = Math.max(CASE_NO_DIGITS, digits.length); n <= MOST_DIGITS; n++) if (n === CASE_NO_DIGITS || !digits.startsWith('0')) lengths.push(before + n);
  // With 0 (no number's length) the lengths stay a list, walked in order: one alone becomes an
  // equality, and SQLite then sorts the range by its constant length.
  return [`length(c.case_no) IN (0${', ?'.repeat(lengths.length)}) AND c.case_no >= ? AND c.case_no < ?`, ...lengths, from, to];
}

