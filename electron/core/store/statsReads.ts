import type { BreakdownKind, BreakdownRow, Figures, RepeatRecountProgress, StatsSummary } from '../../../shared/api/schemas/stats';
import { yieldToLoop } from '../loop';
import { measureColumns, NONE } from './caseFacts';
import { ENQUIRY_SQL } from './enquiries';
import { KNOWN_SQL, knownColumns, type KnownColumn } from './knownDays';
import { monthsOf, periodSlices } from './periods';
import type { SnapshotConnection, Snapshots } from './snapshots';
import { topBusinesses } from './topRespondents';

/** The sums of stats_daily's measures, in its column order. */
type Sums = Record<(typeof measureColumns)[number], number>;

const SUMS = measureColumns.map((c) => `SUM(${c}) AS ${c}`).join(', ');
const ZERO: Sums = Object.fromEntries(measureColumns.map((c) => [c, 0])) as Sums;
const TOP_RESPONDENTS = 20;

/** The statements of 统计, as the store prepares them (the plan tests EXPLAIN these very strings). */
export const STATS_SQL = {
  months: `SELECT substr(day, 1, 7) AS month, ${SUMS} FROM stats_daily WHERE dim = 'all' AND day BETWEEN ? AND ? GROUP BY month ORDER BY month`,
  breakdown: `SELECT key, ${SUMS} FROM stats_daily WHERE dim = ? AND day BETWEEN ? AND ? GROUP BY key`,
  respondent: `SELECT r.id, r.name, r.credit_code FROM respondents r WHERE r.id = ?`,
  hasEnquiries: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'enquiries'",
  hasEnquiryDays: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'enquiry_days'",
} as const;

/**
 * How many calendar months a statement reads at a time. The daily totals (of cases and of enquiries)
 * hold a few thousand rows a year whatever the register's size (a year's breakdown ≈ 10 ms).
 */
const DAILY_MONTHS = 12;
/**
 * A breakdown's rows are one a key a day: the handlers' (≈ 100 a day at a million cases) made a
 * year 34,000 rows, one statement of 22 ms. Three months keep each under ≈ 6 ms.
 */
const BREAKDOWN_MONTHS = 3;
/** A register opened read-only from before the daily counts of enquiries (0026) counts the enquiries of a month at a time. */
const ENQUIRY_MONTHS = 1;

const ratio = (part: number, whole: number, digits = 4): number | null => (whole > 0 ? Math.round((part / whole) * 10 ** digits) / 10 ** digits : null);

/** The published figures from the sums (domain.md "Headline statistics"; API.md `stats.summary`). */
export function figuresOf(s: Sums): Figures {
  return {
    received: s.received,
    accepted: s.accepted,
    resolved: s.resolved,
    resolutionRate: ratio(s.resolved, s.accepted),
    recoveredFen: s.recovered_fen,
    punitiveCases: s.punitive_cases,
    punitiveFen: s.punitive_fen,
    lawsuitSupport: s.lawsuit,
    finished: s.finished,
    averageHandlingDays: ratio(s.handling_days, s.finished, 1),
    inTimeRate: ratio(s.in_time, s.finished),
    repeats: s.repeats,
    repeatRate: ratio(s.repeats, s.received),
  };
}

/** A year before, the same day of the month (29 February a year later is 28 February). */
export function yearBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const sumsOf = (row: Partial<Sums> | undefined): Sums => Object.fromEntries(measureColumns.map((c) => [c, row?.[c] ?? 0])) as Sums;

/** Adds one row's sums into a running total (sums of days add up to the sums of the period). */
function addInto(total: Sums, row: Partial<Sums>): void {
  for (const c of measureColumns) total[c] += row[c] ?? 0;
}

/**
 * 统计 (DESIGN.md "统计"): the figures of a period from the daily totals the store keeps
 * (store/caseFacts.ts), so a year reads a few thousand rows whatever the register's size; the
 * businesses complained about most from their counts per month (store/topRespondents.ts);
 * 接待来访和咨询 from the enquiry log's (store/enquiries.ts).
 *
 * A period is read a slice at a time on a snapshot of its own (store/snapshots.ts), with a turn of
 * the event loop between the slices, so no statement holds the page's calls long (a year's
 * businesses, read from every case in one statement, held them 86 ms at 200,000 cases). The slices'
 * sums add up to the period's, and all of them see the same moment.
 */
export function createStatsReads(snapshots: Snapshots, repeatRecount: () => RepeatRecountProgress | null = () => null) {
  async function read(conn: SnapshotConnection, from: string, to: string, asOf: string | null): Promise<Omit<StatsSummary, 'through'>> {
    const months = conn.prepare(STATS_SQL.months);
    const breakdown = conn.prepare(STATS_SQL.breakdown);
    const respondent = conn.prepare(STATS_SQL.respondent);
    const byDay = conn.prepare(STATS_SQL.hasEnquiryDays).pluck().get() !== undefined;
    const enquiryCount = conn.prepare(STATS_SQL.hasEnquiries).pluck().get() === undefined ? null : conn.prepare(byDay ? ENQUIRY_SQL.count : ENQUIRY_SQL.countRows).pluck();
    // A register opened read-only from before 0050 has no days known: its year earlier is read as it
    // stands. One from before 0052 has no registration days: its cases count from their receipt.
    const kept = new Set(conn.prepare(KNOWN_SQL.columns).pluck().all() as string[]);
    const late = asOf !== null && kept.size > 0 ? conn.prepare(KNOWN_SQL.lateOf(knownColumns.filter((c) => kept.has(c)))) : null;

    /** Runs `each` over the period's slices of `months` calendar months, answering the page's calls between them. */
    async function sliced(a: string, b: string, size: number, each: (from: string, to: string) => void): Promise<void> {
      for (const s of periodSlices(a, b, size)) {
        each(s.from, s.to);
        await yieldToLoop();
      }
    }

    async function enquiriesIn(a: string, b: string): Promise<number> {
      let n = 0;
      if (enquiryCount) await sliced(a, b, byDay ? DAILY_MONTHS : ENQUIRY_MONTHS, (f, t) => (n += enquiryCount.get(f, t) as number));
      return n;
    }

    async function monthSums(a: string, b: string): Promise<Map<string, Sums>> {
      const byMonth = new Map<string, Sums>();
      await sliced(a, b, DAILY_MONTHS, (f, t) => {
        for (const r of months.all(f, t) as ({ month: string } & Sums)[]) byMonth.set(r.month, sumsOf(r));
      });
      return byMonth;
    }

    async function headline(a: string, b: string, byMonth: Map<string, Sums>, known?: Sums): Promise<Figures & { from: string; to: string; enquiries: number }> {
      const total = sumsOf(undefined);
      for (const m of byMonth.values()) addInto(total, m);
      if (known) for (const c of measureColumns) total[c] -= known[c];
      return { from: a, to: b, ...figuresOf(total), enquiries: await enquiriesIn(a, b) };
    }

    /** What of the cases received from `a` to `b` became known after `on` (store/knownDays.ts). */
    async function knownAfter(statement: NonNullable<typeof late>, a: string, b: string, on: string): Promise<Sums> {
      const total = sumsOf(undefined);
      await sliced(a, b, BREAKDOWN_MONTHS, (f, t) => {
        const row = statement.get(f, t, on) as Partial<Record<KnownColumn, number>>;
        for (const c of knownColumns) total[c] += row[c] ?? 0;
      });
      return total;
    }

    async function breakdownOf(kind: BreakdownKind): Promise<BreakdownRow[]> {
      const byKey = new Map<string, Sums>();
      await sliced(from, to, BREAKDOWN_MONTHS, (f, t) => {
        for (const r of breakdown.all(kind, f, t) as ({ key: string } & Sums)[]) {
          const sums = byKey.get(r.key);
          if (sums) addInto(sums, r);
          else byKey.set(r.key, sumsOf(r));
        }
      });
      const name = namesOf(conn, kind);
      return [...byKey]
        .filter(([, s]) => s.received > 0)
        .map(([key, s]) => ({ key, ...name(key), ...figuresOf(s) }))
        .sort((a, b) => {
          // "None recorded" last; people and places by how many they had, lists in their own order.
          const none = Number(a.key === NONE) - Number(b.key === NONE);
          const order = kind === 'handler' || kind === 'region' ? b.received - a.received : a.sort - b.sort;
          return none || order || a.key.localeCompare(b.key);
        })
        .map(({ sort: _sort, ...row }) => row);
    }

    async function topRespondents(): Promise<StatsSummary['topRespondents']> {
      return (await topBusinesses(conn, from, to, TOP_RESPONDENTS)).map(([id, c]) => {
        const r = respondent.get(id) as { id: number; name: string; credit_code: string | null };
        return { id: r.id, name: r.name, creditCode: r.credit_code, received: c.received, resolved: c.resolved };
      });
    }

    const monthly = await monthSums(from, to);
    const earlier = yearBefore(from);
    const earlierTo = yearBefore(to);
    return {
      ...(await headline(from, to, monthly)),
      byCategory: await breakdownOf('category'),
      byNature: await breakdownOf('nature'),
      byChannel: await breakdownOf('channel'),
      byRegion: await breakdownOf('region'),
      byHandler: await breakdownOf('handler'),
      byMonth: monthsOf(from, to).map((month) => ({ month, ...figuresOf(monthly.get(month) ?? ZERO) })),
      topRespondents: await topRespondents(),
      yearEarlier: {
        ...(await headline(earlier, earlierTo, await monthSums(earlier, earlierTo), late && asOf ? await knownAfter(late, earlier, earlierTo, asOf) : undefined)),
        asOf: late ? asOf : null,
      },
      repeatRecount: repeatRecount(),
    };
  }

  return {
    /**
     * The period from `from` to `to`, counted through `today` while it runs: its days after today
     * hold no complaints yet, and 上年同期 is the same days a year earlier (1–11月 against 1–11月),
     * not the whole of last year's period, which made a year in progress read as a fall
     * (2026 to 30 November: 6,423 received against 6,645 for all of 2025, ↓3.3 %, where the same
     * eleven months of 2025 had fewer).
     */
    summary: async (from: string, to: string, today: string): Promise<StatsSummary> => {
      const through = from <= today && today < to ? today : to;
      // 上年同期 as it stood a year before today (store/knownDays.ts); a period not yet begun has nothing to compare.
      const asOf = from <= today ? yearBefore(today) : null;
      return { ...(await snapshots.read((conn) => read(conn, from, through, asOf))), from, to, through };
    },
  };
}
export type StatsReads = ReturnType<typeof createStatsReads>;

/** How a breakdown's keys are named and ordered (the lists' own order; none recorded last). */
function namesOf(conn: SnapshotConnection, kind: BreakdownKind): (key: string) => { name: string; sort: number } {
  if (kind === 'handler') {
    const names = new Map((conn.prepare('SELECT id, display_name FROM users').all() as { id: number; display_name: string }[]).map((u) => [String(u.id), u.display_name]));
    return (key) => ({ name: key === NONE ? '未指派' : (names.get(key) ?? `用户${key}`), sort: key === NONE ? Number.MAX_SAFE_INTEGER : 0 });
  }
  const names = new Map((conn.prepare('SELECT code, name, sort FROM catalog_items WHERE kind = ?').all(kind) as { code: string; name: string; sort: number }[]).map((c) => [c.code, c]));
  return (key) => (key === NONE ? { name: '未填写', sort: Number.MAX_SAFE_INTEGER } : { name: names.get(key)?.name ?? key, sort: names.get(key)?.sort ?? Number.MAX_SAFE_INTEGER - 1 });
}
