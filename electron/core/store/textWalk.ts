import type { Db } from '../db/open';
import { createKeptUntilWrite } from './writeGeneration';

/**
 * What a text search learnt from its walk: every match newest first, and their number; past `atMost`
 * (the cap, but for tests) no list, and the number only if it is the cap's (one past it).
 */
export interface TextWalked {
  newestFirst: number[] | null;
  counted: number | null;
}

/** The walk's statements: what the plan tests EXPLAIN, and what runs. */
export const TEXT_WALK_SQL = {
  /** Only the voided cases (their own index), or all. */
  ofTable: (table: 'case_index' | 'case_index_voided') =>
    `SELECT COUNT(*), group_concat(rowid), 0 FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid LIMIT ?)`,
  /**
   * The others: a voided case keeps its tokens in the register's index too (searchTokens.ts
   * `textCount`), so the walk goes past the cap by the voided matches, which are left out.
   */
  notVoided: `WITH gone(n) AS MATERIALIZED (SELECT COUNT(*) FROM case_index_voided WHERE case_index_voided MATCH ?)
    SELECT COUNT(*), group_concat(rowid), (SELECT n FROM gone)
      FROM (SELECT rowid FROM case_index WHERE case_index MATCH ? ORDER BY rowid LIMIT ? + (SELECT n FROM gone))`,
  /** The voided matches, read only when the walk saw every match (fewer than they: at a million cases 有限公司 has 7,041). */
  voided: 'SELECT group_concat(rowid) FROM case_index_voided WHERE case_index_voided MATCH ?',
};

type WalkRow = [matches: number, ids: string | null, voided: number];

const idsOf = (joined: string | null): number[] => (joined ? joined.split(',').map(Number) : []);

/** Walks kept for the pages that follow (a walk past the cap keeps only its number). */
const KEPT_WALKS = 16;

/**
 * A phrase whose last token is a prefix (a word of several runs whose last is three letters or
 * digits, as older cases are indexed until the re-index after migration 0049 reaches them:
 * searchTokens.ts `phraseOf`): FTS5 merges the doclist of every token beginning so before it checks
 * the phrase, whatever the phrase's other tokens. Tokens beginning 301 are in most ID numbers of 杭州
 * (330106…): 2025-301 held the page's thread 90–108 ms at a million cases.
 */
export const PREFIX_AFTER_TOKENS = /"[^"]* [^"]*"\*/;

/** One row of a read on another thread (services/mergeWorker.ts `read`), or why not. */
export type ReadOffThread = (sql: string, params: unknown[]) => Promise<{ ok: true; row: unknown[] | null } | { ok: false; detail: string }>;

/**
 * A text alone ([F] #11, cases.search), walked once, oldest first, up to the cap. FTS5 walks a posting
 * list backwards at half the speed it walks it forwards, and a phrase of several runs checks the
 * positions of every case that holds all its tokens, so a page read newest first and then counted
 * walked the same matches twice, the first time slowly: at a million cases "2025-12345" (11 matches)
 * 7.5 ms newest first against 2.6 oldest first, "2025-123" (1,100) 8.7 + 6.6 ms, "1999元" (80) 4.7 + 4.0.
 * The walk is the count, with its ids joined in SQLite (0.1–0.35 ms more than COUNT(*) for 10,001
 * matches; read out row by row, 0.5–0.8); when it saw every match, every page is cut from it, and
 * only past the cap is a page read newest first from the index.
 */
export function createTextWalk(db: Db, cap: number, atMost = cap, offThread: ReadOffThread | null = null) {
  const sqlOf = { case_index: TEXT_WALK_SQL.ofTable('case_index'), case_index_voided: TEXT_WALK_SQL.ofTable('case_index_voided'), notVoided: TEXT_WALK_SQL.notVoided };
  const walks = { case_index: db.prepare(sqlOf.case_index).raw(), case_index_voided: db.prepare(sqlOf.case_index_voided).raw(), notVoided: db.prepare(sqlOf.notVoided).raw() };
  const voidedIds = db.prepare(TEXT_WALK_SQL.voided).pluck();
  const past: TextWalked = { newestFirst: null, counted: atMost >= cap ? cap + 1 : null };
  // Anything written since (writeGeneration.ts): the walks kept may be stale, and are dropped.
  const kept = createKeptUntilWrite<TextWalked>(db, KEPT_WALKS);

  /**
   * `voided`: only the voided cases (`true`), all (`'any'`), or the others (`false`). A page that
   * follows (`next`: by cursor or a number past the first) of the same words, while nothing was
   * written, is cut from the walk its first page made: each 下一页 of a common word walked its
   * 10,001 matches again for the count (12元: 10 ms at a million cases). A first page walks afresh,
   * unless `knownPastCap` says, from another index, that its matches are more than `atMost`.
   */
  async function walk(match: string, voided: boolean | 'any', next: boolean, knownPastCap?: () => boolean): Promise<TextWalked> {
    const begun = kept.begin();
    const key = `${String(voided)} ${match}`;
    const known = next ? kept.get(key) : undefined;
    if (known) return known;
    const walked = knownPastCap?.() ? past : await walkAfresh(match, voided);
    // A write while the walk was read elsewhere: the next page walks again.
    kept.keep(key, walked, begun);
    return walked;
  }

  /** The walk's row: on another thread where FTS5 would merge a prefix first, else here. */
  async function walkRow(match: string, voided: boolean | 'any'): Promise<WalkRow> {
    const which = voided === false ? 'notVoided' : voided === true ? 'case_index_voided' : 'case_index';
    const params = voided === false ? [match, match, atMost + 1] : [match, atMost + 1];
    if (offThread && PREFIX_AFTER_TOKENS.test(match)) {
      const out = await offThread(sqlOf[which], params);
      if (out.ok && out.row) return out.row as WalkRow;
    }
    return walks[which].get(...params) as WalkRow;
  }

  async function walkAfresh(match: string, voided: boolean | 'any'): Promise<TextWalked> {
    const [matches, joined, voidedCount] = await walkRow(match, voided);
    if (matches > atMost + voidedCount) return past;
    const gone = new Set(voidedCount ? idsOf(voidedIds.get(match) as string | null) : []);
    const ids = idsOf(joined).filter((id) => !gone.has(id));
    // SQLite joins the rows in the order the walk gives them, oldest first; its documentation leaves
    // that order open, so it is checked rather than trusted.
    const newestFirst = ids.every((id, i) => i === 0 || ids[i - 1]! < id) ? ids.reverse() : ids.sort((a, b) => b - a);
    return { newestFirst, counted: newestFirst.length };
  }

  return { walk };
}

/** Where the ids after a cursor's begin in a list of ids newest first (a walk's whole list, cut into pages). */
export function placeBelow(newestFirst: number[], after: unknown): number {
  const at = newestFirst.findIndex((id) => id < Number(after));
  return at < 0 ? newestFirst.length : at;
}
