import type { Db } from '../db/open';

/**
 * 上年同期 as the year earlier stood on the same day a year ago. 统计 counts the cases received in a
 * period (API.md `stats.summary`), each with what has become of it so far: a month just ended holds
 * cases still being handled, and the same month a year earlier had a year longer to be accepted,
 * resolved and closed. Compared as they stand today, November 2026 showed 解决率 18.7 % against 92.0 %
 * (同比 ↓80.7 %) on the day it ended: the comparison of a cohort at two ages. So each case's
 * contribution records the day each part of it became known, and the year earlier is read as it
 * stood a year before today: what became known later is taken away.
 *
 * The parts and the day each is known on (store/caseFacts.ts `factsOf`):
 * - accepted: 受理, on the day it was accepted;
 * - outcome: 解决, 挽回经济损失, 加倍赔偿, 支持起诉, on the day the outcome was approved (its measures
 *   are written then: services/workflow/steps/decision.ts);
 * - ended: 办结, its working days and whether in time, on the day the case was closed or its refusal
 *   approved.
 * 收到 and 重复投诉 are known on the day received, before any such day a year earlier.
 *
 * stats_known holds their sums by receipt day and the day known (migration 0050): one row per pair,
 * 81,836 for three years at a million cases (53,310 at 120,000: a year's 16,865 read in 2 ms).
 */
export const KNOWN_PARTS = [
  { columns: ['accepted'] },
  { columns: ['resolved', 'recovered_fen', 'punitive_cases', 'punitive_fen', 'lawsuit'] },
  { columns: ['finished', 'handling_days', 'in_time'] },
] as const;

export type KnownColumn = (typeof KNOWN_PARTS)[number]['columns'][number];
export const knownColumns: readonly KnownColumn[] = KNOWN_PARTS.flatMap((p) => p.columns);

/** The day each part of a case's contribution became known, in KNOWN_PARTS's order (null: not yet). */
export type KnownDays = [accepted: string | null, outcome: string | null, ended: string | null];
export const NOT_KNOWN: KnownDays = [null, null, null];

/** The statement 统计 reads the late parts of a period with (the plan tests EXPLAIN this very string). */
export const KNOWN_SQL = {
  late: `SELECT ${knownColumns.map((c) => `COALESCE(SUM(${c}), 0) AS ${c}`).join(', ')} FROM stats_known WHERE day BETWEEN ? AND ? AND known_on > ?`,
  hasTable: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stats_known'",
} as const;

/**
 * Keeps stats_known in step with a case's contribution: each part added (or taken away) on its day.
 * `measureColumns` is the order of the contribution's measures (store/caseFacts.ts).
 */
export function createKnownDays(db: Db, measureColumns: readonly string[]) {
  const index = (c: KnownColumn) => measureColumns.indexOf(c);
  const add = db.prepare(
    `INSERT INTO stats_known (day, known_on, ${knownColumns.join(', ')}) VALUES (?, ?, ${knownColumns.map(() => '?').join(', ')})
     ON CONFLICT(day, known_on) DO UPDATE SET ${knownColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
  );
  const dropEmpty = db.prepare(`DELETE FROM stats_known WHERE day = ? AND known_on = ? AND ${knownColumns.map((c) => `${c} = 0`).join(' AND ')}`);
  return {
    apply(day: string, known: KnownDays, measures: readonly number[], sign: 1 | -1): void {
      KNOWN_PARTS.forEach(({ columns }, i) => {
        const on = known[i];
        // A part with nothing in it (an outcome that recovered nothing and resolved nothing) is no row.
        if (on == null || columns.every((c) => !measures[index(c)])) return;
        const values = knownColumns.map((c) => ((columns as readonly string[]).includes(c) ? measures[index(c)]! * sign : 0));
        add.run(day, on, ...values);
        if (sign < 0) dropEmpty.run(day, on);
      });
    },
  };
}
export type KnownDaysStore = ReturnType<typeof createKnownDays>;

export const parseKnown = (raw: string | null | undefined): KnownDays => (raw ? (JSON.parse(raw) as KnownDays) : NOT_KNOWN);
