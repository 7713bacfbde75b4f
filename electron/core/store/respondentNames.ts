import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

/**
 * The businesses' names in pieces (migration 0028), so a fragment typed into the registration's
 * look-up or the 被投诉方 list is found among a few candidates instead of by `LIKE '%…%'` over every
 * business: at a million cases (49,684 businesses) a rare fragment walked them all by case count,
 * 25 / 30 ms (p50 / p95) with one 103 ms wait of the event loop.
 *
 * The pieces only narrow: `LIKE` on the name stays the rule of what matches, so a fragment finds the
 * same businesses whichever way it is read. A name containing the fragment contains each of its
 * pieces, so the candidates of any one piece hold every match.
 */

/** LIKE ignores the case of ASCII letters (and only theirs); the pieces are kept as it compares. */
const folded = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Each character and each pair of neighbours, once. */
export function namePieces(name: string): string[] {
  const chars = Array.from(folded(name));
  const pieces = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) pieces.add(chars[i]! + chars[i + 1]!);
  return [...pieces];
}

/** The pieces a typed fragment is looked for by: its characters if it is one, else its pairs. */
export function fragmentPieces(fragment: string): string[] {
  const chars = Array.from(folded(fragment));
  if (chars.length <= 1) return chars;
  return [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))];
}

/**
 * Past this many candidates a fragment's matches are common (one business in 25 at 50,000), so
 * walking the businesses in the list's own order finds a page of them within a few hundred rows:
 * cheaper than reading and sorting thousands of candidates.
 */
export const NARROW_BELOW = 2_000;

/**
 * Statements are prepared on first use, as the enquiry log's are: a damaged register from before
 * migration 0028 opens read-only without the table, and its look-up then reads every name.
 */
export function createRespondentNames(db: Db, narrowBelow = NARROW_BELOW) {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'respondent_names'").pluck();
  let statements: { put: Statement; drop: Statement; countUpTo: Statement } | null = null;
  const table = () => {
    if (!statements && exists.get() !== undefined) {
      statements = {
        put: db.prepare('INSERT OR IGNORE INTO respondent_names (piece, respondent_id) VALUES (?, ?)'),
        drop: db.prepare('DELETE FROM respondent_names WHERE piece = ? AND respondent_id = ?'),
        countUpTo: db.prepare('SELECT COUNT(*) FROM (SELECT 1 FROM respondent_names WHERE piece = ? LIMIT ?)').pluck(),
      };
    }
    return statements;
  };
  /** A register that is written to has been upgraded: a missing table there is a fault, not a fallback. */
  const writable = () => {
    const t = table();
    if (!t) throw new Error('the businesses’ name pieces (migration 0028) are missing from this register');
    return t;
  };

  return {
    add(respondentId: number, name: string): void {
      const { put } = writable();
      for (const piece of namePieces(name)) put.run(piece, respondentId);
    },
    /** The old name's pieces the new one lacks go, the new one's come (each found by its key, no scan). */
    rename(respondentId: number, before: string, after: string): void {
      const { put, drop } = writable();
      const keep = new Set(namePieces(after));
      for (const piece of namePieces(before)) if (!keep.has(piece)) drop.run(piece, respondentId);
      for (const piece of keep) put.run(piece, respondentId);
    },
    /**
     * The fragment's rarest piece when it has fewer than `narrowBelow` businesses, else null (walk
     * the list instead, as also without the table). Each piece is counted no further than the rarest so far.
     */
    narrowest(fragment: string): string | null {
      const t = table();
      if (!t) return null;
      let best: string | null = null;
      let fewest = narrowBelow;
      for (const piece of fragmentPieces(fragment)) {
        const n = t.countUpTo.get(piece, fewest) as number;
        if (n < fewest) {
          best = piece;
          fewest = n;
          if (n === 0) break;
        }
      }
      return best;
    },
  };
}
export type RespondentNames = ReturnType<typeof createRespondentNames>;
