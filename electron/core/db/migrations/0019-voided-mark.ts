import { createCaseText } from '../../store/caseText';
import type { Migration } from './types';

/**
 * Voided cases carry the voided mark in the token index (store/searchTokens.ts VOIDED_MARK), so a
 * text search counts its matches in the index alone. Voided cases are few: each is indexed afresh.
 */
export const voidedMark: Migration = {
  version: 19,
  name: 'voided-mark',
  up(db) {
    const text = createCaseText(db);
    for (const id of db.prepare("SELECT id FROM cases WHERE status = 'voided'").pluck().all() as number[]) text.index(id);
  },
};
