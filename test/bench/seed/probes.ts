import { shortFieldsOnly } from '../../../shared/domain/searchWords';
import type { Draft } from './complaints';
import { RARE_NAME_CHARS } from './people';
import { RARE_PHRASES } from './facts';

/**
 * Search terms the bench times, counted as the register is made: for each length (one, two, three
 * or more characters) frequent and rare ones, with the number of cases whose searchable text
 * holds each (`seed.json`), so the bench picks terms by what the register really contains.
 */
export const PROBE_TERMS: readonly string[] = [
  // one character: a common surname, a character in most facts, rare name characters
  '王', '退', '诉', ...RARE_NAME_CHARS,
  // two characters: common words and a common name, a rare word
  '退款', '商家', '王芳', '李娜', '砍单', '甲醛',
  // three or more: common phrases, trade words, rare phrases
  '质量问题', '有限公司', '预付卡', '健身卡', '消保委', ...RARE_PHRASES.map((p) => p.term),
];

export class ProbeCounter {
  readonly counts: Record<string, number> = Object.fromEntries(PROBE_TERMS.map((t) => [t, 0]));

  /**
   * One case's searchable text. A word the search box looks for in the short fields only (one
   * Chinese character: shared/domain/searchWords.ts) is counted there: counted in the facts too,
   * 诉 stood at a million cases and the bench timed a search that finds none.
   */
  add(text: SearchableText): void {
    for (const t of PROBE_TERMS) if ((shortFieldsOnly(t) ? text.short : `${text.short}\n${text.long}`).includes(t)) this.counts[t]!++;
  }
}

/** A case's text as the search looks in it: the short fields, and the long ones (the facts, the request). */
export interface SearchableText {
  short: string;
  long: string;
}

/** The searchable text of a registered complaint, as a clerk would find it. */
export function searchableText(d: Draft, caseNo: string): SearchableText {
  const c = d.input.complainant;
  const r = d.input.respondent as { name?: string; creditCode?: string };
  return {
    short: [caseNo, c.name, c.phone, c.idNumber ?? '', d.business.name, r.creditCode ?? d.business.creditCode ?? '', d.input.subject].join('\n'),
    long: [d.input.facts, d.input.request].join('\n'),
  };
}
