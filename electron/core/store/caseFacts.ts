import { z } from 'zod';
import type { WorkingDayCalendar } from '../../../shared/domain/calendar';
import { repeatWindowStart } from '../../../shared/domain/repeats';
import type { Db } from '../db/open';
import { DEADLINE_ROWS } from './deadlineStates';
import { createKnownDays, NOT_KNOWN, parseKnown, type KnownDays } from './knownDays';
import type { RespondentStore } from './respondents';

/**
 * What one case adds to the office's statistics (domain.md "Headline statistics"), counted on its
 * receipt date: the figures are those of the cases received in a period, voided ones left out
 * (API.md `stats.summary`). Kept per case so that a change of the case moves exactly its own
 * contribution, and the daily totals never have to be counted again from every case.
 */
export interface CaseFacts {
  day: string;
  /** The breakdowns it counts in; null for a voided case, which counts in none. */
  keys: BreakdownKeys | null;
  received: number;
  /** 受理: the acceptance decision was to accept. */
  accepted: number;
  /** 解决: an agreement or a measure in the consumer's favour (domain.md "Outcome measures"). */
  resolved: number;
  /** 挽回经济损失 in fen, the punitive part included. */
  recoveredFen: number;
  punitiveCases: number;
  punitiveFen: number;
  /** 支持起诉. */
  lawsuit: number;
  /** Closed, or refused by an approved decision: the case's handling is over. */
  finished: number;
  /** Working days from receipt to the end of handling, summed over finished cases. */
  handlingDays: number;
  /** Finished with no deadline met late. */
  inTime: number;
  /** The same complainant against the same business again within the office's window. */
  repeats: number;
  /** The day its acceptance, its outcome, its end and its registration became known (store/knownDays.ts), for 上年同期 as it stood. */
  known: KnownDays;
}

/** The key of "no value" in a breakdown (a case with no region or no handler yet). */
export const NONE = '';

export const dimensions = ['all', 'category', 'nature', 'channel', 'region', 'handler', 'ruleSet'] as const;
export type Dimension = (typeof dimensions)[number];

/** A case's keys in each breakdown, stored compactly per case (a case counts once per nature it has). */
export interface BreakdownKeys {
  category: string;
  natures: string[];
  channel: string;
  region: string;
  handler: string;
  /** The rule set the case is handled under (the settings screen counts cases per set from this). */
  ruleSet: string;
}

const pairsOf = (k: BreakdownKeys): [Dimension, string][] => [
  ['all', NONE],
  ['category', k.category],
  ...k.natures.map((n): [Dimension, string] => ['nature', n]),
  ['channel', k.channel],
  ['region', k.region],
  ['handler', k.handler],
  ['ruleSet', k.ruleSet],
];
const packKeys = (k: BreakdownKeys | null): string => (k ? JSON.stringify([k.category, k.natures, k.channel, k.region, k.handler, k.ruleSet]) : 'null');
const unpackKeys = (raw: string): BreakdownKeys | null => {
  const v = JSON.parse(raw) as [string, string[], string, string, string, string] | null;
  return v && { category: v[0], natures: v[1], channel: v[2], region: v[3], handler: v[4], ruleSet: v[5] };
};

export const measureColumns = ['received', 'accepted', 'resolved', 'recovered_fen', 'punitive_cases', 'punitive_fen', 'lawsuit', 'finished', 'handling_days', 'in_time', 'repeats'] as const;

/** A contribution's measures in `measureColumns`'s order. */
export const measuresOf = (f: CaseFacts): number[] => [f.received, f.accepted, f.resolved, f.recoveredFen, f.punitiveCases, f.punitiveFen, f.lawsuit, f.finished, f.handlingDays, f.inTime, f.repeats];

const outcomeMeasures = z.object({ measures: z.array(z.string()), approval: z.object({ at: z.string() }).optional() });
const refusalDecision = z.object({ approval: z.object({ at: z.string() }) });

/** What decides whether a case is a repeat: who complained, against whom, when. */
interface RepeatIdentity {
  id: number;
  received_on: string;
  complainant_phone: string;
  complainant_id_number: string | null;
  respondent_id: number;
}

/** A case as the repeat recount walks it: its identity and the repeat flag its stored contribution holds. */
export interface RepeatFlagRow extends RepeatIdentity {
  status: string;
  /** measures[repeats] of its case_stats row; null when it has none. */
  stored: number | null;
}

interface FactsRow {
  id: number;
  received_on: string;
  status: string;
  category: string;
  channel: string;
  region: string | null;
  handler_id: number | null;
  rule_set: string | null;
  accepted_on: string | null;
  resolved: number | null;
  recovered_fen: number | null;
  punitive_fen: number | null;
  outcome: string | null;
  refusal: string | null;
  closed_on: string | null;
  complainant_phone: string;
  complainant_id_number: string | null;
  respondent_id: number;
  created_at: string;
}

/** API.md `cases.repeats`: "a number of days set by the office (default 90)". */
export const DEFAULT_REPEAT_WINDOW_DAYS = 90;

/**
 * The office's repeat window as saved, read straight from the settings row: for migrations, which
 * run before the settings service exists (services/index.ts reads it through that).
 */
export function savedRepeatWindowDays(db: Db): number {
  const saved = db.prepare("SELECT value FROM settings WHERE key = 'intake.repeatWindowDays'").pluck().get() as string | undefined;
  return saved === undefined ? DEFAULT_REPEAT_WINDOW_DAYS : Number(JSON.parse(saved));
}

export interface FactsDeps {
  calendar: () => WorkingDayCalendar;
  /** Days back a complaint counts as a repeat (an office setting, default 90; API.md `cases.repeats`). */
  repeatWindowDays: () => number;
  /**
   * The per-business counts (store/respondents.ts), moved with each case's contribution. Absent only
   * in migrations that run before those counts exist (0007).
   */
  respondents?: Pick<RespondentStore, 'follow'>;
  /** A bulk load counts every case once, at its end (start/coreState.ts `bulkLoad`, store/bulkLoad.ts). */
  bulkLoad?: boolean;
  /**
   * Whether the days each part became known are kept (store/knownDays.ts); false only in migrations
   * that run before their table exists (0007): migration 0050 fills them for every case.
   */
  knownDays?: boolean;
  /**
   * The office's today: a change of a case is written into the days known on it (store/knownDays.ts
   * `move`). Absent where cases are counted with their history (a bulk load's end, migrations).
   */
  today?: () => string;
}

const RECEIVED = measureColumns.indexOf('received');
const FINISHED = measureColumns.indexOf('finished');
const REPEATS = measureColumns.indexOf('repeats');
const RESOLVED = measureColumns.indexOf('resolved');
/** What a case's stored measures gave its business: counted, open (counted and not finished), repeat, resolved. */
const towardsRespondent = (day: string, m: number[]) => ({ day, counted: m[RECEIVED]!, open: m[RECEIVED]! - m[FINISHED]!, repeat: m[REPEATS]!, resolved: m[RESOLVED]! });

/** Reads a case's contribution from the register, and keeps the daily totals in step with it. */
export function createCaseFacts(db: Db, deps: FactsDeps) {
  const row = db.prepare(
    `SELECT id, received_on, status, category, channel, region, handler_id, rule_set, accepted_on, resolved, recovered_fen, punitive_fen,
            outcome, refusal, closed_on, complainant_phone, complainant_id_number, respondent_id, created_at
       FROM cases WHERE id = ?`,
  );
  const natures = db.prepare('SELECT nature FROM case_natures WHERE case_id = ?').pluck();
  // Not named by its index: migrations older than it count cases too.
  const lateDeadline = db.prepare(`SELECT 1 FROM case_deadlines d WHERE d.case_id = ? AND ${DEADLINE_ROWS.metLate} LIMIT 1`).pluck();
  // An earlier complaint by the same person (phone or ID number) against the same business.
  const earlier = db.prepare(
    `SELECT 1 FROM cases
      WHERE respondent_id = @respondent AND status <> 'voided' AND id <> @id
        AND (complainant_phone = @phone OR (@idNumber IS NOT NULL AND complainant_id_number = @idNumber))
        AND received_on >= @since AND (received_on < @on OR (received_on = @on AND id < @id))
      LIMIT 1`,
  );
  // The cases whose repeat status may hang on this one: the same person against the same business, received since.
  const peers = db.prepare(
    `SELECT id FROM cases
      WHERE respondent_id = @respondent AND id <> @id AND received_on >= @since
        AND (complainant_phone = @phone OR (@idNumber IS NOT NULL AND complainant_id_number = @idNumber))`,
  ).pluck();
  const identity = db.prepare('SELECT respondent_id AS respondentId, complainant_phone AS phone, complainant_id_number AS idNumber, received_on AS receivedOn FROM cases WHERE id = ?');
  const keepsKnown = deps.knownDays !== false;
  const stored = db.prepare(`SELECT day, keys, measures, ${keepsKnown ? 'known' : 'NULL AS known'} FROM case_stats WHERE case_id = ?`);
  const save = keepsKnown
    ? db.prepare(
        'INSERT INTO case_stats (case_id, day, keys, measures, known) VALUES (?, ?, ?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET day = excluded.day, keys = excluded.keys, measures = excluded.measures, known = excluded.known',
      )
    : db.prepare('INSERT INTO case_stats (case_id, day, keys, measures) VALUES (?, ?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET day = excluded.day, keys = excluded.keys, measures = excluded.measures');
  const knownDays = keepsKnown ? createKnownDays(db, measureColumns) : null;
  const add = db.prepare(
    `INSERT INTO stats_daily (dim, day, key, ${measureColumns.join(', ')}) VALUES (?, ?, ?, ${measureColumns.map(() => '?').join(', ')})
     ON CONFLICT(dim, day, key) DO UPDATE SET ${measureColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
  );
  const respondentOf = db.prepare('SELECT respondent_id FROM cases WHERE id = ?').pluck();
  // The register in id order with each case's stored repeat flag, for the recount after the window changed.
  const flagsAfter = db.prepare(
    `SELECT c.id, c.status, c.received_on, c.complainant_phone, c.complainant_id_number, c.respondent_id,
            json_extract(s.measures, '$[${REPEATS}]') AS stored
       FROM cases c LEFT JOIN case_stats s ON s.case_id = c.id
      WHERE c.id > @after AND c.id <= @through ORDER BY c.id LIMIT @limit`,
  );
  const lastId = db.prepare('SELECT MAX(id) FROM cases').pluck();
  const dropEmpty = db.prepare('DELETE FROM stats_daily WHERE dim = ? AND day = ? AND key = ? AND received = 0');
  const voidedOn = db.prepare("SELECT substr(json_extract(voided, '$.at'), 1, 10) FROM cases WHERE id = ? AND status = 'voided'").pluck();

  /** 重复投诉 under a window of days (shared/domain/repeats.ts), for a case that is not voided. */
  function isRepeat(c: RepeatIdentity, windowDays: number): boolean {
    const since = repeatWindowStart(c.received_on, windowDays);
    return earlier.get({ respondent: c.respondent_id, id: c.id, phone: c.complainant_phone, idNumber: c.complainant_id_number, since, on: c.received_on }) !== undefined;
  }

  /**
   * What the case adds to the statistics now; with `beforeVoid`, what a voided case added before it
   * was voided (its status then was an open one: shared/domain/workflow.ts `void`).
   */
  function factsOf(caseId: number, { beforeVoid = false } = {}): CaseFacts {
    const c = row.get(caseId) as FactsRow | undefined;
    if (!c) throw new Error(`no case ${caseId} to count`);
    const none: CaseFacts = { day: c.received_on, keys: null, received: 0, accepted: 0, resolved: 0, recoveredFen: 0, punitiveCases: 0, punitiveFen: 0, lawsuit: 0, finished: 0, handlingDays: 0, inTime: 0, repeats: 0, known: NOT_KNOWN };
    if (c.status === 'voided' && !beforeVoid) return none;
    const endedOn = c.status === 'closed' ? c.closed_on : c.status === 'refused' && c.refusal ? refusalDecision.parse(JSON.parse(c.refusal)).approval.at.slice(0, 10) : null;
    const outcome = c.outcome ? outcomeMeasures.parse(JSON.parse(c.outcome)) : null;
    const measures = outcome?.measures ?? [];
    const punitiveFen = c.punitive_fen ?? 0;
    const repeat = isRepeat(c, deps.repeatWindowDays());
    return {
      day: c.received_on,
      keys: {
        category: c.category,
        natures: (natures.all(caseId) as string[]).sort(),
        channel: c.channel,
        region: c.region ?? NONE,
        handler: c.handler_id === null ? NONE : String(c.handler_id),
        ruleSet: c.rule_set ?? NONE,
      },
      received: 1,
      accepted: c.accepted_on ? 1 : 0,
      resolved: c.resolved === 1 ? 1 : 0,
      recoveredFen: c.recovered_fen ?? 0,
      punitiveCases: punitiveFen > 0 || measures.includes('punitive') ? 1 : 0,
      punitiveFen,
      lawsuit: measures.includes('lawsuitSupport') ? 1 : 0,
      finished: endedOn ? 1 : 0,
      handlingDays: endedOn ? Math.max(0, deps.calendar().workingDaysBetween(c.received_on, endedOn)) : 0,
      inTime: endedOn && lateDeadline.get(caseId) === undefined ? 1 : 0,
      repeats: repeat ? 1 : 0,
      // Office dates: the stamps carry the office's offset (time.ts isoLocal), so their first ten characters are its date.
      known: [c.accepted_on, outcome?.approval?.at.slice(0, 10) ?? null, endedOn, c.created_at.slice(0, 10)],
    };
  }

  function apply(day: string, keys: BreakdownKeys | null, measures: number[], sign: 1 | -1): void {
    if (!keys) return;
    const signed = measures.map((m) => m * sign);
    for (const [dim, key] of pairsOf(keys)) {
      add.run(dim, day, key, ...signed);
      if (sign < 0) dropEmpty.run(dim, day, key);
    }
  }

  function refresh(caseId: number): void {
    if (deps.bulkLoad) return;
    const next = factsOf(caseId);
    const nextKeys = packKeys(next.keys);
    const nextMeasures = measuresOf(next);
    const nextKnown = JSON.stringify(next.known);
    const old = stored.get(caseId) as { day: string; keys: string; measures: string; known: string | null } | undefined;
    const follow = () =>
      deps.respondents?.follow(caseId, old ? towardsRespondent(old.day, JSON.parse(old.measures) as number[]) : null, {
        respondentId: respondentOf.get(caseId) as number,
        ...towardsRespondent(next.day, nextMeasures),
      });
    // The business may have changed (a merge, a correction) while nothing counted did.
    if (old && old.day === next.day && old.keys === nextKeys && old.measures === JSON.stringify(nextMeasures) && (!keepsKnown || old.known === nextKnown)) return follow();
    const oldKeys = old ? unpackKeys(old.keys) : null;
    if (old) apply(old.day, oldKeys, JSON.parse(old.measures) as number[], -1);
    apply(next.day, next.keys, nextMeasures, 1);
    knownDays?.move(
      old && oldKeys ? { day: old.day, known: parseKnown(old.known), measures: JSON.parse(old.measures) as number[] } : null,
      next.keys ? { day: next.day, known: next.known, measures: nextMeasures } : null,
      old ? (deps.today?.() ?? null) : null,
    );
    // A voided case counted for the first time is counted with its history (a bulk load's end).
    if (!old && !next.keys) voidedHistory(caseId);
    if (keepsKnown) save.run(caseId, next.day, nextKeys, JSON.stringify(nextMeasures), nextKnown);
    else save.run(caseId, next.day, nextKeys, JSON.stringify(nextMeasures));
    follow();
  }

  /**
   * What a voided case added until its void, on the days each part became known, taken away on the
   * day it was voided (store/knownDays.ts): 上年同期 read as a day before the void counts it, as that
   * day's report did. For a case counted with its history: a bulk load's end, migration 0052.
   */
  function voidedHistory(caseId: number): void {
    const on = voidedOn.get(caseId) as string | null | undefined;
    if (!knownDays || !on) return;
    const f = factsOf(caseId, { beforeVoid: true });
    const was = { day: f.day, known: f.known, measures: measuresOf(f) };
    knownDays.move(null, was, null);
    knownDays.move(was, null, on);
  }

  function refreshPeers(caseId: number, identities: readonly { respondentId: number; phone: string; idNumber: string | null; receivedOn: string }[]): void {
    if (deps.bulkLoad) return;
    const ids = new Set<number>();
    for (const p of identities) {
      for (const id of peers.all({ respondent: p.respondentId, id: caseId, since: p.receivedOn, phone: p.phone, idNumber: p.idNumber }) as number[]) ids.add(id);
    }
    for (const id of ids) refresh(id);
  }

  return {
    factsOf,
    /**
     * Moves the case's contribution to what it is now: its old one taken away, the new one added,
     * in the caller's transaction. Cheap when nothing counted changed.
     */
    refresh,
    /**
     * After a case's person, business or receipt date changed (a correction): the later complaints
     * that counted it as the earlier one, or may now, are counted again — by both the old and the
     * new identity. Only that person's complaints against those businesses are read.
     */
    refreshPeers,
    voidedHistory,
    /** The statements of the repeat recount (for EXPLAIN QUERY PLAN in the tests). */
    repeatSql: { flags: flagsAfter.source, earlier: earlier.source },
    /** Up to `limit` cases with `after` < id ≤ `through`, in id order, with their stored repeat flag. */
    repeatFlags: (after: number, through: number, limit: number) => flagsAfter.all({ after, through, limit }) as RepeatFlagRow[],
    /**
     * Whether the case counts as a repeat under `windowDays` (a voided case never does), by the same
     * statement its contribution is counted with.
     */
    repeatUnder: (c: RepeatFlagRow, windowDays: number): boolean => c.status !== 'voided' && isRepeat(c, windowDays),
    /** The highest case id on the register (0 when none). */
    lastCaseId: () => (lastId.get() as number | null) ?? 0,
    /** The later complaints that counted this case as the earlier one (it was voided, and no longer counts). */
    refreshPeersOf(caseId: number): void {
      const p = identity.get(caseId) as { respondentId: number; phone: string; idNumber: string | null; receivedOn: string } | undefined;
      if (p) refreshPeers(caseId, [p]);
    },
  };
}
export type CaseFactsStore = ReturnType<typeof createCaseFacts>;
