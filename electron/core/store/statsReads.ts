import type { BreakdownKind, BreakdownRow, Figures, RepeatRecountProgress, StatsSummary } from '../../../shared/api/schemas/stats';
import type { Db } from '../db/open';
import { measureColumns, NONE } from './caseFacts';

/** The sums of stats_daily's measures, in its column order. */
type Sums = Record<(typeof measureColumns)[number], number>;

const SUMS = measureColumns.map((c) => `SUM(${c}) AS ${c}`).join(', ');
const ZERO: Sums = Object.fromEntries(measureColumns.map((c) => [c, 0])) as Sums;
const TOP_RESPONDENTS = 20;

/** The statements of 统计, as the store prepares them (the plan tests EXPLAIN these very strings). */
export const STATS_SQL = {
  total: `SELECT ${SUMS} FROM stats_daily WHERE dim = 'all' AND day BETWEEN ? AND ?`,
  breakdown: `SELECT key, ${SUMS} FROM stats_daily WHERE dim = ? AND day BETWEEN ? AND ? GROUP BY key HAVING SUM(received) > 0`,
  months: `SELECT substr(day, 1, 7) AS month, ${SUMS} FROM stats_daily WHERE dim = 'all' AND day BETWEEN ? AND ? GROUP BY month ORDER BY month`,
  // One pass over the period's slice of cases_received_on, which holds every column it reads.
  top: `SELECT respondent_id AS id, COUNT(*) AS received, COALESCE(SUM(resolved = 1), 0) AS resolved FROM cases
         WHERE received_on BETWEEN ? AND ? AND status <> 'voided'
         GROUP BY respondent_id ORDER BY received DESC, respondent_id LIMIT ${TOP_RESPONDENTS}`,
  respondent: `SELECT r.id, r.name, r.credit_code FROM respondents r WHERE r.id = ?`,
} as const;

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

/**
 * 统计 (DESIGN.md "统计"): the figures of a period from the daily totals the store keeps
 * (store/caseFacts.ts), so a year reads a few thousand rows whatever the register's size; the
 * businesses complained about most from the receipt-date index alone; 接待来访和咨询 from the enquiry
 * log's (store/enquiries.ts).
 */
export function createStatsReads(db: Db, enquiries: (from: string, to: string) => number, repeatRecount: () => RepeatRecountProgress | null = () => null) {
  const total = db.prepare(STATS_SQL.total);
  const breakdown = db.prepare(STATS_SQL.breakdown);
  const months = db.prepare(STATS_SQL.months);
  const catalogNames = db.prepare('SELECT code, name, sort FROM catalog_items WHERE kind = ?');
  const userNames = db.prepare('SELECT id, display_name FROM users');
  const top = db.prepare(STATS_SQL.top);
  const respondent = db.prepare(STATS_SQL.respondent);
  const sumsOf = (row: Partial<Sums> | undefined): Sums => Object.fromEntries(measureColumns.map((c) => [c, row?.[c] ?? 0])) as Sums;

  function namesOf(kind: BreakdownKind): (key: string) => { name: string; sort: number } {
    if (kind === 'handler') {
      const names = new Map((userNames.all() as { id: number; display_name: string }[]).map((u) => [String(u.id), u.display_name]));
      return (key) => ({ name: key === NONE ? '未指派' : (names.get(key) ?? `用户${key}`), sort: key === NONE ? Number.MAX_SAFE_INTEGER : 0 });
    }
    const names = new Map((catalogNames.all(kind) as { code: string; name: string; sort: number }[]).map((c) => [c.code, c]));
    return (key) => (key === NONE ? { name: '未填写', sort: Number.MAX_SAFE_INTEGER } : { name: names.get(key)?.name ?? key, sort: names.get(key)?.sort ?? Number.MAX_SAFE_INTEGER - 1 });
  }

  function breakdownOf(kind: BreakdownKind, from: string, to: string): BreakdownRow[] {
    const name = namesOf(kind);
    return (breakdown.all(kind, from, to) as ({ key: string } & Sums)[])
      .map((r) => ({ row: { key: r.key, ...name(r.key), ...figuresOf(sumsOf(r)) }, sort: name(r.key).sort }))
      .sort((a, b) => {
        // "None recorded" last; people and places by how many they had, lists in their own order.
        const none = Number(a.row.key === NONE) - Number(b.row.key === NONE);
        const order = kind === 'handler' || kind === 'region' ? b.row.received - a.row.received : a.sort - b.sort;
        return none || order || a.row.key.localeCompare(b.row.key);
      })
      .map(({ row }) => {
        const { sort: _sort, ...rest } = row;
        return rest;
      });
  }

  function headline(from: string, to: string): Figures & { from: string; to: string; enquiries: number } {
    return { from, to, ...figuresOf(sumsOf(total.get(from, to) as Partial<Sums>)), enquiries: enquiries(from, to) };
  }

  return {
    summary(from: string, to: string): StatsSummary {
      const monthRows = months.all(from, to) as ({ month: string } & Sums)[];
      const byMonth = monthsOf(from, to).map((month) => ({ month, ...figuresOf(sumsOf(monthRows.find((m) => m.month === month) ?? ZERO)) }));
      const topRespondents = (top.all(from, to) as { id: number; received: number; resolved: number }[]).map((t) => {
        const r = respondent.get(t.id) as { id: number; name: string; credit_code: string | null };
        return { id: r.id, name: r.name, creditCode: r.credit_code, received: t.received, resolved: t.resolved };
      });
      return {
        ...headline(from, to),
        byCategory: breakdownOf('category', from, to),
        byNature: breakdownOf('nature', from, to),
        byChannel: breakdownOf('channel', from, to),
        byRegion: breakdownOf('region', from, to),
        byHandler: breakdownOf('handler', from, to),
        byMonth,
        topRespondents,
        yearEarlier: headline(yearBefore(from), yearBefore(to)),
        repeatRecount: repeatRecount(),
      };
    },
  };
}
export type StatsReads = ReturnType<typeof createStatsReads>;

/** Every month from the one of `from` to the one of `to`, as YYYY-MM. */
export function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (month > end) return out;
    out.push(month);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}
