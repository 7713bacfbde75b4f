import type { Db } from '../db/open';
import { createRespondentNames } from './respondentNames';

export interface RespondentRow {
  id: number;
  name: string;
  credit_code: string | null;
  address: string | null;
  contact_person: string | null;
  phone: string | null;
  created_at: string;
  merged_into: number | null;
  merged_at: string | null;
  version: number;
}

export interface RespondentCountsRow extends RespondentRow {
  cases: number;
  open_cases: number;
  repeats: number;
  last_received_on: string | null;
}

/** What one case adds to its business's counts (the same facts as its statistics, store/caseFacts.ts). */
export interface RespondentContribution {
  respondentId: number;
  day: string;
  /** 1 unless voided. */
  counted: number;
  /** Counted and not yet finished (closed, or refused by an approved decision). */
  open: number;
  repeat: number;
  /** 1 when the case counts and was 解决 (domain.md "Headline statistics"). */
  resolved: number;
}

export type RespondentSort = 'cases' | 'name' | 'recent';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * How the list is ordered, each by an index that ends in the row id, so a page is read from its
 * place: by cases from respondent_stats_cases, by latest complaint from respondent_stats_recent,
 * by name from respondents_name. Counts are the maintained ones: no call counts cases.
 */
const ORDER: Record<RespondentSort, string> = {
  cases: 's.cases DESC, s.respondent_id',
  recent: 's.last_received_on DESC, s.respondent_id',
  name: 'r.name, r.id',
};
const FROM: Record<RespondentSort, string> = {
  cases: 'respondent_stats s JOIN respondents r ON r.id = s.respondent_id',
  recent: 'respondent_stats s JOIN respondents r ON r.id = s.respondent_id',
  name: 'respondents r JOIN respondent_stats s ON s.respondent_id = r.id',
};
const COLUMNS = 'r.*, s.cases, s.open_cases, s.repeats, s.last_received_on';
/** A name fragment, or the exact credit code. Reads the respondents table (≈50,000 rows at a million cases), never the cases. */
const TEXT_FILTER = "(r.name LIKE @like ESCAPE '\\' OR r.credit_code = @code)";
/**
 * How a text is looked for: not at all, by the filter on every business in the list's order
 * (`scan`: its matches are common, a page of them is near), or among the businesses whose name holds
 * the fragment's rarest piece and the one with the code (`pieces`, store/respondentNames.ts).
 */
export type TextMode = 'none' | 'scan' | 'pieces';
const CANDIDATES = 'r.id IN (SELECT respondent_id FROM respondent_names WHERE piece = @piece UNION ALL SELECT id FROM respondents WHERE credit_code = @code)';
const textFilter = (mode: TextMode) => (mode === 'none' ? '' : mode === 'scan' ? ` AND ${TEXT_FILTER}` : ` AND ${CANDIDATES} AND ${TEXT_FILTER}`);

/** The SQL of the respondents register (DESIGN.md "Data": features call the store, not SQL). */
export function createRespondentStore(db: Db, names = createRespondentNames(db)) {
  const byId = db.prepare('SELECT * FROM respondents WHERE id = ?');
  const withCounts = db.prepare(`SELECT ${COLUMNS} FROM respondents r LEFT JOIN respondent_stats s ON s.respondent_id = r.id WHERE r.id = ?`);
  const byCode = db.prepare('SELECT * FROM respondents WHERE credit_code = ?');
  const byName = db.prepare('SELECT * FROM respondents WHERE name = ? ORDER BY merged_into IS NOT NULL, id LIMIT 1');
  const insert = db.prepare('INSERT INTO respondents (name, credit_code, address, contact_person, phone, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertStats = db.prepare('INSERT OR IGNORE INTO respondent_stats (respondent_id) VALUES (?)');
  // The registration's look-up: the busiest matching businesses first, by the maintained count.
  const lookupSql = (mode: Exclude<TextMode, 'none'>) =>
    `SELECT ${COLUMNS} FROM ${FROM.cases} WHERE r.merged_into IS NULL${textFilter(mode)} ORDER BY ${ORDER.cases} LIMIT @limit`;
  const listSql = (sort: RespondentSort, mode: TextMode) =>
    `SELECT ${COLUMNS} FROM ${FROM[sort]} WHERE r.merged_into IS NULL${textFilter(mode)} ORDER BY ${ORDER[sort]} LIMIT @limit OFFSET @offset`;
  const countSql = (mode: TextMode, cap: number) =>
    `SELECT COUNT(*) FROM (SELECT 1 FROM respondents r WHERE r.merged_into IS NULL${textFilter(mode)} LIMIT ${cap + 1})`;
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };

  // Counters (respondent_stats), moved by a case's contribution as its statistics move.
  const previous = db.prepare('SELECT respondent_id FROM case_stats WHERE case_id = ?').pluck();
  const linkStats = db.prepare('UPDATE case_stats SET respondent_id = ? WHERE case_id = ?');
  const bump = db.prepare(
    `INSERT INTO respondent_stats (respondent_id, cases, open_cases, repeats, last_received_on) VALUES (@id, @cases, @open, @repeats, @last)
     ON CONFLICT(respondent_id) DO UPDATE SET cases = cases + excluded.cases, open_cases = open_cases + excluded.open_cases, repeats = repeats + excluded.repeats,
       last_received_on = CASE WHEN excluded.last_received_on IS NOT NULL AND (last_received_on IS NULL OR excluded.last_received_on > last_received_on)
                               THEN excluded.last_received_on ELSE last_received_on END`,
  );
  const lastOf = db.prepare('SELECT last_received_on FROM respondent_stats WHERE respondent_id = ?').pluck();
  // The latest receipt still counted, read backwards along cases_respondent_received (stops at the first not voided).
  const latest = db.prepare("SELECT received_on FROM cases WHERE respondent_id = ? AND status <> 'voided' ORDER BY received_at DESC LIMIT 1").pluck();
  const setLast = db.prepare('UPDATE respondent_stats SET last_received_on = ? WHERE respondent_id = ?');
  // Each business's cases and 解决 per month of receipt (统计's businesses complained about most, store/topRespondents.ts).
  const bumpMonth = db.prepare(
    `INSERT INTO respondent_months (respondent_id, month, received, resolved) VALUES (@id, @month, @received, @resolved)
     ON CONFLICT(respondent_id, month) DO UPDATE SET received = received + excluded.received, resolved = resolved + excluded.resolved`,
  );
  const dropMonth = db.prepare('DELETE FROM respondent_months WHERE respondent_id = ? AND month = ? AND received = 0 AND resolved = 0');

  const caseIds = db.prepare('SELECT id FROM cases WHERE respondent_id = ? ORDER BY received_at, id LIMIT ?').pluck();
  const allCases = db.prepare('SELECT COUNT(*) FROM (SELECT 1 FROM cases WHERE respondent_id = ? LIMIT ?)').pluck();
  const moveCase = db.prepare('UPDATE cases SET respondent_id = ? WHERE id = ?');
  const nameOf = db.prepare('SELECT name FROM respondents WHERE id = ?').pluck();
  const update = db.prepare(
    'UPDATE respondents SET name = @name, credit_code = @creditCode, address = @address, contact_person = @contactPerson, phone = @phone, version = version + 1 WHERE id = @id',
  );
  const markMerged = db.prepare('UPDATE respondents SET merged_into = ?, merged_at = ?, version = version + 1 WHERE id = ?');
  const repoint = db.prepare('UPDATE respondents SET merged_into = ? WHERE merged_into = ?');
  const mergedInto = db.prepare('SELECT * FROM respondents WHERE merged_into = ? ORDER BY merged_at, id');
  const identity = db.prepare('SELECT id, complainant_phone AS phone, complainant_id_number AS idNumber, received_on AS receivedOn FROM cases WHERE id = ?');

  /** The text's filter and its parameters: the pieces when the fragment has a rare one. */
  function textQuery(text: string | undefined): { mode: TextMode; params: Record<string, string> } {
    if (!text) return { mode: 'none', params: {} };
    const params = { like: `%${escapeLike(text)}%`, code: text.toUpperCase() };
    const piece = names.narrowest(text);
    return piece === null ? { mode: 'scan', params } : { mode: 'pieces', params: { ...params, piece } };
  }

  function apply(c: RespondentContribution, sign: 1 | -1): void {
    if (!c.counted && !c.open && !c.repeat) return;
    bump.run({ id: c.respondentId, cases: sign * c.counted, open: sign * c.open, repeats: sign * c.repeat, last: sign > 0 && c.counted ? c.day : null });
    // Taken away: the latest date may have been this case's, so it is read again (one step along the index).
    if (sign < 0 && c.counted && lastOf.get(c.respondentId) === c.day) setLast.run((latest.get(c.respondentId) as string | undefined) ?? null, c.respondentId);
  }

  /** A month's row holds only counted cases; the last one taken away takes the row with it, so a month lists only its businesses. */
  function applyMonth(c: RespondentContribution, sign: 1 | -1): void {
    if (!c.counted && !c.resolved) return;
    const month = c.day.slice(0, 7);
    bumpMonth.run({ id: c.respondentId, month, received: sign * c.counted, resolved: sign * c.resolved });
    if (sign < 0) dropMonth.run(c.respondentId, month);
  }

  return {
    byId: (id: number) => byId.get(id) as RespondentRow | undefined,
    withCounts: (id: number) => withCounts.get(id) as RespondentCountsRow | undefined,
    byCode: (code: string) => byCode.get(code) as RespondentRow | undefined,
    byName: (name: string) => byName.get(name) as RespondentRow | undefined,
    insert(r: { name: string; creditCode: string | null; address: string | null; contactPerson: string | null; phone: string | null }, at: string): number {
      const id = Number(insert.run(r.name, r.creditCode, r.address, r.contactPerson, r.phone, at).lastInsertRowid);
      insertStats.run(id);
      names.add(id, r.name);
      return id;
    },
    lookup(text: string, limit: number): RespondentCountsRow[] {
      const { mode, params } = textQuery(text);
      return prepared(lookupSql(mode === 'none' ? 'scan' : mode)).all({ like: '%%', code: '', ...params, limit }) as RespondentCountsRow[];
    },
    list(q: { text?: string | undefined; sort: RespondentSort; limit: number; offset: number; cap: number }): { rows: RespondentCountsRow[]; counted: number } {
      const { mode, params } = textQuery(q.text);
      const rows = prepared(listSql(q.sort, mode)).all({ ...params, limit: q.limit, offset: q.offset }) as RespondentCountsRow[];
      // A short page is the last: its end is the count, without reading the matches a second time.
      if (rows.length < q.limit && (rows.length > 0 || q.offset === 0)) return { rows, counted: q.offset + rows.length };
      const counted = prepared(countSql(mode, q.cap)).pluck().get(params) as number;
      return { rows, counted };
    },
    /** The statements of the list and the look-up (for EXPLAIN QUERY PLAN in the tests). */
    sql: { list: listSql, count: countSql, lookup: lookupSql, withCounts: withCounts.source, latest: latest.source, caseIds: caseIds.source },
    /** Up to `limit` of the business's cases (voided ones too: a merge moves them all). */
    caseIds: (respondentId: number, limit: number) => caseIds.all(respondentId, limit) as number[],
    /** All its cases, voided ones too, counted up to `cap + 1` (to refuse what is too big for one request). */
    caseCount: (respondentId: number, cap: number) => allCases.get(respondentId, cap + 1) as number,
    /** Rows merged into this one (kept, hidden from the list). */
    mergedInto: (id: number) => mergedInto.all(id) as RespondentRow[],
    /** Who complained when, per case (to count repeats again after the cases moved). */
    identities: (ids: readonly number[]) => ids.map((id) => identity.get(id) as { id: number; phone: string; idNumber: string | null; receivedOn: string }),
    moveCase: (caseId: number, into: number) => moveCase.run(into, caseId),
    update(id: number, r: { name: string; creditCode: string | null; address: string | null; contactPerson: string | null; phone: string | null }): void {
      const before = nameOf.get(id) as string | undefined;
      update.run({ id, ...r });
      if (before !== undefined && before !== r.name) names.rename(id, before, r.name);
    },
    /** `from` merged into `into`; rows merged into `from` earlier now point at `into` (one hop, always). */
    markMerged(from: number, into: number, at: string): void {
      markMerged.run(into, at, from);
      repoint.run(into, from);
    },
    /**
     * Moves a case's counts from the business it counted for to the one it counts for now; called by
     * the statistics' refresh of the case (store/caseFacts.ts), so every write path keeps them in step.
     */
    follow(caseId: number, before: Omit<RespondentContribution, 'respondentId'> | null, next: RespondentContribution): void {
      const was = previous.get(caseId) as number | null | undefined;
      const old = before && was != null ? { ...before, respondentId: was } : null;
      const sameBusiness = old !== null && old.respondentId === next.respondentId;
      const sameMonthCounts = sameBusiness && old.day.slice(0, 7) === next.day.slice(0, 7) && old.counted === next.counted && old.resolved === next.resolved;
      if (sameMonthCounts && old.day === next.day && old.open === next.open && old.repeat === next.repeat) return;
      if (old) apply(old, -1);
      apply(next, 1);
      if (!sameMonthCounts) {
        if (old) applyMonth(old, -1);
        applyMonth(next, 1);
      }
      linkStats.run(next.respondentId, caseId);
    },
  };
}
export type RespondentStore = ReturnType<typeof createRespondentStore>;
