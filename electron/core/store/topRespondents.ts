import { yieldToLoop } from '../loop';
import { daysOf, monthsOf, partialRuns, wholeMonths } from './periods';
import type { SnapshotConnection } from './snapshots';

/** A business's cases in a period (voided ones left out) and how many of them were 解决. */
export interface BusinessCount {
  received: number;
  resolved: number;
}

/** The statements of the businesses complained about most (the plan tests EXPLAIN these very strings). */
export const TOP_SQL = {
  /** One month's businesses, busiest first, read in order from respondent_months_rank (no sort). */
  ranked: 'SELECT respondent_id AS id, received FROM respondent_months WHERE month = ? ORDER BY received DESC, respondent_id LIMIT ? OFFSET ?',
  /** One business's counts over a run of whole months, from its own rows (the primary key). */
  total: 'SELECT COALESCE(SUM(received), 0) AS received, COALESCE(SUM(resolved), 0) AS resolved FROM respondent_months WHERE respondent_id = ? AND month BETWEEN ? AND ?',
  /** Every business of one month (respondent_months_rank covers it). */
  month: 'SELECT respondent_id AS id, received, resolved FROM respondent_months WHERE month = ?',
  /**
   * One day of a part-month, counted from the cases: its slice of cases_received_on holds every
   * column read, in business order, so the counts stream out without a sort. Read only when the
   * ranking gives way to adding up every row (`everyRow`).
   */
  day: `SELECT respondent_id AS id, COUNT(*) AS received, COALESCE(SUM(resolved = 1), 0) AS resolved FROM cases
          WHERE received_on = ? AND status <> 'voided'
          GROUP BY respondent_id`,
  /**
   * One business's cases on the days of a part-month: a seek of cases_received_on per day (the day
   * and the business lead it), its entries covering the rest. Counting every case of the part-months
   * instead (≈ 33,000 for the two ends of a year at a million cases) took ≈ 45 ms of a 95 ms 统计.
   */
  piece: (days: number) => `SELECT COUNT(*) AS received, COALESCE(SUM(resolved = 1), 0) AS resolved FROM cases
          WHERE received_on IN (${Array.from({ length: days }, () => '?').join(', ')}) AND respondent_id = ? AND status <> 'voided'`,
} as const;

/**
 * Businesses ranked before the exact ranking gives way to adding up every row of the period: the
 * early stop pays off when a few businesses stand out (complaints are Zipf-like: a year at a million
 * cases stops after a few dozen rows a month); when none does, reading every row once is cheaper than
 * a look-up per business.
 */
const CANDIDATE_CAP = 1_000;
/** Rows read between two turns of the event loop. */
const ROWS_PER_TURN = 2_000;

/**
 * The `k` businesses complained about most in a period, with their counts, busiest first and by id
 * among equals (domain.md "Headline statistics").
 *
 * Fagin's threshold algorithm over one ranked list per whole month (respondent_months, kept by the
 * store with each case's statistics) and per part-month at the period's ends (its month's list, an
 * upper bound of what a business has on some of its days): the lists are read a row at a time in turn, each business seen is counted exactly over the
 * whole period, and the reading stops once the k-th best count is above what any business not yet
 * seen can have (the sum of the last count read from each list). What it reads depends on how
 * the complaints spread over businesses, not on the register's size.
 */
export async function topBusinesses(conn: SnapshotConnection, from: string, to: string, k: number, candidateCap = CANDIDATE_CAP): Promise<[number, BusinessCount][]> {
  const ranked = conn.prepare(TOP_SQL.ranked).raw();
  const total = conn.prepare(TOP_SQL.total);
  const monthRows = conn.prepare(TOP_SQL.month).raw();

  const whole = wholeMonths(from, to);
  const months = whole ? monthsOf(`${whole.first}-01`, `${whole.last}-01`) : [];
  // The days outside the whole months, a piece per calendar month (a run with no whole month can span two).
  const pieces = partialRuns(from, to).flatMap((run) => piecesOf(daysOf(run.from, run.to)));
  const pieceCounts = pieces.map((p) => conn.prepare(TOP_SQL.piece(p.days.length)));

  const countOf = (id: number): BusinessCount => {
    const c: BusinessCount = whole ? { ...(total.get(id, whole.first, whole.last) as BusinessCount) } : { received: 0, resolved: 0 };
    pieces.forEach((p, i) => {
      const part = pieceCounts[i]!.get(...p.days, id) as BusinessCount;
      c.received += part.received;
      c.resolved += part.resolved;
    });
    return c;
  };

  // A piece's list is its whole month's ranking: no business has more cases on some days of a month
  // than in the month, so the month's counts bound what a business not yet seen can have there, and
  // each business seen is counted exactly over its days (countOf).
  const rankedMonth = (month: string) => monthList((limit, offset) => ranked.all(month, limit, offset) as [number, number][]);
  const lists: RankedList[] = [...months.map(rankedMonth), ...pieces.map((p) => rankedMonth(p.month))];
  const seen = new Map<number, BusinessCount>();
  /** The k largest counts seen so far, smallest first. */
  const best: number[] = [];
  const lastRead = lists.map(() => Number.POSITIVE_INFINITY);
  let rows = 0;
  for (;;) {
    let more = false;
    for (let i = 0; i < lists.length; i++) {
      const row = lists[i]!.next();
      if (!row) {
        lastRead[i] = 0;
        continue;
      }
      more = true;
      lastRead[i] = row[1];
      rows++;
      if (seen.has(row[0])) continue;
      const c = countOf(row[0]);
      seen.set(row[0], c);
      keepLargest(best, c.received, k);
    }
    if (!more) break;
    if (seen.size > candidateCap) return everyRow(conn, pieces, months, monthRows, k);
    const threshold = lastRead.reduce((a, b) => a + b, 0);
    // Strictly above: a business not yet seen with the same count and a smaller id would rank first.
    if (best.length === k && best[0]! > threshold) break;
    if (rows >= ROWS_PER_TURN) {
      rows = 0;
      await yieldToLoop();
    }
  }
  return ranking(seen, k);
}

interface Piece {
  month: string;
  days: string[];
}

/** Consecutive days cut at the month's end. */
function piecesOf(days: string[]): Piece[] {
  const out: Piece[] = [];
  for (const day of days) {
    const month = day.slice(0, 7);
    const last = out.at(-1);
    if (last?.month === month) last.days.push(day);
    else out.push({ month, days: [day] });
  }
  return out;
}

type Row = [id: number, received: number];
interface RankedList {
  next(): Row | undefined;
}

/** A month's ranked rows, fetched in pages that double (16, 32, … 1,024), so an early stop reads little and a long read few statements. */
function monthList(page: (limit: number, offset: number) => Row[]): RankedList {
  let buffer: Row[] = [];
  let at = 0;
  let offset = 0;
  let done = false;
  return {
    next() {
      if (at === buffer.length) {
        if (done) return undefined;
        const limit = Math.min(1_024, Math.max(16, offset));
        buffer = page(limit, offset);
        at = 0;
        offset += buffer.length;
        done = buffer.length < limit;
        if (buffer.length === 0) return undefined;
      }
      return buffer[at++];
    },
  };
}

function keepLargest(best: number[], value: number, k: number): void {
  if (best.length === k && value <= best[0]!) return;
  let i = best.findIndex((v) => v >= value);
  if (i < 0) i = best.length;
  best.splice(i, 0, value);
  if (best.length > k) best.shift();
}

/** Adds up every row of the period: the rows of its whole months and every case of its part-months, a day at a time. */
async function everyRow(conn: SnapshotConnection, pieces: Piece[], months: string[], monthRows: { all(month: string): unknown[] }, k: number): Promise<[number, BusinessCount][]> {
  const day = conn.prepare(TOP_SQL.day).raw();
  const counts = new Map<number, BusinessCount>();
  let rows = 0;
  for (const date of pieces.flatMap((p) => p.days)) {
    const dayRows = day.all(date) as [number, number, number][];
    for (const [id, received, resolved] of dayRows) addInto(counts, id, received, resolved);
    rows += dayRows.length;
    if (rows >= ROWS_PER_TURN) {
      rows = 0;
      await yieldToLoop();
    }
  }
  for (const month of months) {
    for (const [id, received, resolved] of monthRows.all(month) as [number, number, number][]) addInto(counts, id, received, resolved);
    await yieldToLoop();
  }
  return ranking(counts, k);
}

function addInto(counts: Map<number, BusinessCount>, id: number, received: number, resolved: number): void {
  const c = counts.get(id);
  if (c) {
    c.received += received;
    c.resolved += resolved;
  } else counts.set(id, { received, resolved });
}

const ranking = (counts: Map<number, BusinessCount>, k: number): [number, BusinessCount][] =>
  [...counts]
    .filter(([, c]) => c.received > 0)
    .sort(([ia, a], [ib, b]) => b.received - a.received || ia - ib)
    .slice(0, k);
