import type { DaySlice } from './dayMerge';
import type { StateNewest } from './stateNewest';
import type { WalkChunk } from './walkChunks';

/** The statements a search runs (store/caseSearch.ts), and how a list is read: the shapes the store's readers and tests share. */

/** The statement a search runs, with its parameters: what the tests EXPLAIN, and what runs. */
export interface SearchPlan {
  page: { sql: string; params: unknown[] };
  count: { sql: string; params: unknown[] };
  /** The count as read in slices of receipt days (countSlices.ts), for a list counted case by case in the register; else null. */
  countSliced: { sql: string; params: unknown[] } | null;
  /** With text (or a case number's beginning) sorted other than by registration: counts its matches up to one past the cap. */
  textBeyondCap: { sql: string; params: unknown[] } | null;
  /**
   * Text alone, newest first, with the voided rule only: walked and counted at once (textWalk.ts); the
   * page and count above are read only past the walk's limit (the cap; less in tests).
   */
  textAlone: { match: string; voided: boolean | 'any'; /** The one word typed, if one. */ word: string | null } | null;
  /** A deadline state alone, newest received first: its page read from the state's index by case id (stateNewest.ts). */
  stateNewest: StateNewest | null;
  /** Filtered and sorted other than by receipt: its page may walk the sort's index instead (sortWalk.ts). */
  walkable: boolean;
  /** A status is the list's one filter: walked by case number, the walk passes the list's own cases (sortWalk.ts `numberWalkWithin`). */
  statusAlone: boolean;
  /** Walked, the walk's statements chunk by chunk of the index (walkChunks.ts), where its keys are never NULL and every filter is hidden. */
  walkChunk: WalkChunk | null;
  /** Dated and sorted by case number, registration or next deadline: its page may be read in slices of its receipt days instead (dayMerge.ts). */
  dayMerged: DaySlice | null;
  /** Listed, its page reads the cases that may match from their own index (加倍赔偿's), not every case of its dates. */
  candidatesListed: boolean;
  /** The sort keys of a row, read back from the page's extra columns to make the next cursor. */
  cursorColumns: number;
  words: string[];
  /** Nothing can match (a word without a letter or digit). */
  empty: boolean;
}

/** How a list is read (sortWalk.ts): by walking its sort's index or not, its count where that was read to decide, and its page-by-number step. */
export interface Reading {
  walk: boolean;
  /** Read in slices of receipt days (dayMerge.ts). */
  merge: boolean;
  /** A merged list's cases over its dates' (dayMerge.ts `firstSlice`). */
  share?: number;
  counted: number | null;
  step: number;
}
