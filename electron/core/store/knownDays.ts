import type { Db } from '../db/open';

/**
 * 上年同期 as the year earlier stood on the same day a year ago. 统计 counts the cases received in a
 * period (API.md `stats.summary`), each with what has become of it so far: a month just ended holds
 * cases still being handled, and the same month a year earlier had a year longer to be accepted,
 * resolved and closed. Compared as they stand today, November 2026 showed 解决率 18.7 % against 92.0 %
 * (同比 ↓80.7 %) on the day it ended: the comparison of a cohort at two ages. So the register keeps,
 * for each receipt day, what its cases added on each day (stats_known), and the year earlier is read
 * as it stood a year before today: what was added later is taken away.
 *
 * The parts and the day each is known on (store/caseFacts.ts `factsOf`):
 * - accepted: 受理, on the day it was accepted;
 * - outcome: 解决, 挽回经济损失, 加倍赔偿, 支持起诉, on the day the outcome was approved (its measures
 *   are written then: services/workflow/steps/decision.ts);
 * - ended: 办结, its working days and whether in time, on the day the case was closed or its refusal
 *   approved;
 * - registered: 收到 and 重复投诉, on the day the case was registered (migration 0052). A letter
 *   received on 28 November and registered on 2 December was not on the register on 30 November.
 *
 * It is a ledger: a part that changes later (a case voided, reopened, its amount corrected, its
 * receipt date moved) is not rewritten on the day it first became known, but taken away and added
 * again on the day of the change. So a case voided in March 2026 still counts in 上年同期 read as it
 * stood in February 2026, as that month's own report counted it; before 0052 the void took it out of
 * every day, and a case registered late counted from its receipt day on.
 *
 * stats_known holds these sums by receipt day and day known (migrations 0050, 0052): one row per
 * pair, 81,836 for three years at a million cases before 0052; at 120,000 cases 54,244 (53,310
 * before 0052), a year's late parts read in 1.3 ms.
 */
export const KNOWN_PARTS = [
  { columns: ['accepted'] },
  { columns: ['resolved', 'recovered_fen', 'punitive_cases', 'punitive_fen', 'lawsuit'] },
  { columns: ['finished', 'handling_days', 'in_time'] },
  { columns: ['received', 'repeats'] },
] as const;

export type KnownColumn = (typeof KNOWN_PARTS)[number]['columns'][number];
export const knownColumns: readonly KnownColumn[] = KNOWN_PARTS.flatMap((p) => p.columns);

/** The day each part of a case's contribution became known, in KNOWN_PARTS's order (null: not yet). */
export type KnownDays = [accepted: string | null, outcome: string | null, ended: string | null, registered: string | null];
export const NOT_KNOWN: KnownDays = [null, null, null, null];

/** What of a period's parts became known after a day, in `columns`. */
const lateOf = (columns: readonly string[]) => `SELECT ${columns.map((c) => `COALESCE(SUM(${c}), 0) AS ${c}`).join(', ')} FROM stats_known WHERE day BETWEEN ? AND ? AND known_on > ?`;

/** The statement 统计 reads the late parts of a period with (the plan tests EXPLAIN this very string). */
export const KNOWN_SQL = {
  late: lateOf(knownColumns),
  /** Of the columns a register has: one opened read-only (not upgraded) from before 0052 has no registration days. */
  lateOf,
  /** stats_known's columns; none before 0050. */
  columns: "SELECT name FROM pragma_table_info('stats_known')",
} as const;

/** What one case adds: counted on its receipt day, each part on the day it became known (store/caseFacts.ts). */
export interface KnownContribution {
  day: string;
  known: KnownDays;
  /** In the order of the contribution's measures (store/caseFacts.ts `measureColumns`). */
  measures: readonly number[];
}

/**
 * Keeps stats_known in step with a case's contribution: each part added on its day, and each change
 * of it on the day of the change. `measureColumns` is the order of the contribution's measures.
 */
export function createKnownDays(db: Db, measureColumns: readonly string[]) {
  const index = (c: KnownColumn) => measureColumns.indexOf(c);
  const add = db.prepare(
    `INSERT INTO stats_known (day, known_on, ${knownColumns.join(', ')}) VALUES (?, ?, ${knownColumns.map(() => '?').join(', ')})
     ON CONFLICT(day, known_on) DO UPDATE SET ${knownColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
  );
  const dropEmpty = db.prepare(`DELETE FROM stats_known WHERE day = ? AND known_on = ? AND ${knownColumns.map((c) => `${c} = 0`).join(' AND ')}`);

  /** Adds each part of `c` times `sign` into `into`, by receipt day and the day it counts from: its own, or `on` if that is later. */
  function gather(into: Map<string, number[]>, c: KnownContribution, sign: 1 | -1, on: string | null): void {
    KNOWN_PARTS.forEach(({ columns }, i) => {
      const own = c.known[i];
      // A part with nothing in it (an outcome that recovered nothing and resolved nothing) is no row.
      if (own == null || columns.every((col) => !c.measures[index(col)])) return;
      const at = on !== null && on > own ? on : own;
      const key = `${c.day}\u0000${at}`;
      const sums = into.get(key) ?? knownColumns.map(() => 0);
      knownColumns.forEach((col, j) => {
        if ((columns as readonly string[]).includes(col)) sums[j]! += c.measures[index(col)]! * sign;
      });
      into.set(key, sums);
    });
  }

  return {
    /**
     * From what the case added (`before`, null if nothing) to what it adds now (`after`, null if
     * nothing: voided). `on` is the day of the change (the office's today): what it takes away and
     * what it adds count from that day, so what was known before it stays as it was; a part that did
     * not change takes away and adds the same, and writes nothing. Null only where a case is counted
     * for the first time with its history (a bulk load, migrations): each part on its own day.
     */
    move(before: KnownContribution | null, after: KnownContribution | null, on: string | null): void {
      const sums = new Map<string, number[]>();
      if (before) gather(sums, before, -1, on);
      if (after) gather(sums, after, 1, on);
      for (const [key, values] of sums) {
        if (values.every((v) => v === 0)) continue;
        const [day, at] = key.split('\u0000') as [string, string];
        add.run(day, at, ...values);
        dropEmpty.run(day, at);
      }
    },
  };
}
export type KnownDaysStore = ReturnType<typeof createKnownDays>;

/** A case's stored days (case_stats.known). */
export const parseKnown = (raw: string | null | undefined): KnownDays => (raw ? (JSON.parse(raw) as KnownDays) : NOT_KNOWN);
