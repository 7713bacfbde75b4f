import type { z } from 'zod';
import { defaultSortFor, SEARCH_COUNT_CAP, type CaseRow, type casesSearch } from '../../../shared/api/schemas/cases';
import type { UserView } from '../../../shared/api/schemas/common';
import { addDays, type WorkingDayCalendar } from '../../../shared/domain/calendar';
import type { Db } from '../db/open';
import { yieldToLoop } from '../loop';
import type { OfficeClock } from '../officeClock';
import { decodeCursor, encodeCursor, ORDERS, type CursorValue } from './searchOrders';
import { matchExpression, shownRunsOf, textCount } from './searchTokens';
import { statementCache } from './statementCache';
import { FINAL, NATURE_IN, NATURE_JOIN, NATURE_LISTED, NATURE_WALKED, OPEN_LISTED, OPEN_WALKED, QUEUE_SQL, queueIndexed, statusKeyIndexed } from './statusConditions';
import { createCaseNumberWords, numberLengths } from './caseNumberWords';
import { createDayCounts, type DayWindow } from './dayCounts';
import { createSearchPageRows } from './searchPageRows';
import { createTextWalk, placeBelow, type ReadOffThread } from './textWalk';
import { createCountSlices, SLICE_CASES } from './countSlices';
import { boundedByCursor, hiddenFromPlanner, nextStep, numberWalkWithin, RECEIPT_RANGE, SORT_AT_MOST, walkableOrder, walkCheaper, walkStep } from './sortWalk';
import { createDayMerge, daySliceOf, listsMany, MERGE_CASES, mergeCheaper } from './dayMerge';
import type { Reading, SearchPlan } from './searchPlan';
import { CHUNK_ROWS, createWalkChunks, walkChunkOf } from './walkChunks';
import { createDeadlineStates } from './deadlineStates';
import { createStateNewest, FIRST_STEP } from './stateNewest';
import { addDeadlineFilters, addFigureFilters, PUNITIVE_CANDIDATES } from './searchFilters';
import { punitiveCandidates, punitiveReceipt } from './punitiveReceipt';
import { createKeptCounts } from './keptCounts';

export type SearchInput = z.output<typeof casesSearch.input>;

/** A page after the list's first: by cursor, or by a number past 1. */
const followsFirst = (input: SearchInput) => Boolean(input.after) || input.page > 1;

/**
 * The deepest a page-by-number skips in one statement: 3–6 ms of the sort's index (1.3–2.2 µs a
 * row). Short, because a call waiting meanwhile needs a few turns of the loop to be read and
 * answered, and each turn can wait for a step: at 10,000 rows a step (≈ 22 ms) a probe waited 98 ms
 * during page 1,000 at 100,000 cases; at 2,500, 12 ms, for a page 23 % slower (137 against 111 ms).
 */
export const SKIP_STEP = 2_500;

const APPROVERS = new Set(['supervisor', 'admin']);

type KeyRow = { id: number; k0: CursorValue } & Record<`k${number}`, CursorValue>;

/**
 * cases.search (API.md; DESIGN.md "案件"): the register filtered, sorted and paged on the core.
 * Every page is read from an index at its place, never by sorting or counting every match: a text
 * search walks the token index newest first and stops at the page, or, text alone, is walked once up
 * to the cap and cut into pages (textWalk.ts); counting stops at the cap.
 */
export function createCaseSearch(db: Db, clock: OfficeClock, calendar: () => WorkingDayCalendar, indexCurrent: () => boolean = () => true, { skipStep = SKIP_STEP, sortAtMost = SORT_AT_MOST, walkAtMost = SEARCH_COUNT_CAP, sliceCases = SLICE_CASES, mergeCases = MERGE_CASES, chunkRows = CHUNK_ROWS, newestStep = FIRST_STEP, offThread = null as ReadOffThread | null } = {}) {
  const prepare = statementCache(db, 200);
  const pageRows = createSearchPageRows(db);
  const { caseByNumber, numberBeginning, numberedCount, numberedPastCap } = createCaseNumberWords(db);
  const days = createDayCounts(db);
  const texts = createTextWalk(db, SEARCH_COUNT_CAP, walkAtMost, offThread);
  const countInSlices = createCountSlices(db, sliceCases);
  const merge = createDayMerge(db, mergeCases);
  const chunks = createWalkChunks(db, chunkRows);
  const deadlineState = createDeadlineStates(db, sortAtMost);
  const newestOfState = createStateNewest(db, newestStep);
  // A list's count, read again only on its first page or after a write (keptCounts.ts).
  const keptCount = createKeptCounts(db);
  const statusCases = db.prepare('SELECT COUNT(*) FROM (SELECT 1 FROM cases INDEXED BY cases_status_received WHERE status = ? LIMIT ?)').pluck();
  const statusCasesUpTo = (status: string, limit: number) => statusCases.get(status, limit) as number;
  function plan(input: SearchInput, user: UserView, window?: DayWindow, walk = false): SearchPlan {
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };

    const text = input.text ? matchExpression(input.text, indexCurrent()) : null;
    const words = text?.words ?? [];
    // A whole case number, or its beginning, is read by the numbers' index (caseNumberWords.ts).
    const byNumber = words.length === 1 ? caseByNumber(words[0]!) : null;
    const numbered = byNumber === null && words.length === 1 ? numberBeginning(words[0]!) : null;
    const match = byNumber === null && numbered === null ? (text?.expr ?? null) : null;
    const empty = byNumber === null && numbered === null && text !== null && text.words.length > 0 && match === null;
    if (byNumber !== null) filter('c.id = ?', byNumber);

    if (input.status) filter('c.status = ?', input.status);
    else if (!input.includeVoided) filter("c.status <> 'voided'");
    // The status condition the token index can also answer by the voided mark, if it is the only one.
    const voidedMark: boolean | 'any' | null = input.status ? (input.status === 'voided' ? true : null) : input.includeVoided ? 'any' : false;
    const statusFilters = where.length;
    if (input.open) filter(OPEN_WALKED);
    if (input.category) filter('c.category = ?', input.category);
    if (input.channel) filter('c.channel = ?', input.channel);
    if (input.region !== undefined) filter(input.region === null ? 'c.region IS NULL' : 'c.region = ?', ...(input.region === null ? [] : [input.region]));
    if (input.handlerId !== undefined) filter(input.handlerId === null ? 'c.handler_id IS NULL' : 'c.handler_id = ?', ...(input.handlerId === null ? [] : [input.handlerId]));
    if (input.respondentId) filter('c.respondent_id = ?', input.respondentId);
    // A nature of few cases is listed from its index where a walk would pass many cases for each of
    // its own: sorted otherwise, and always for its count (statusConditions.ts).
    const fewOfNature = input.nature !== undefined && days.casesOf('nature', input.nature) <= sortAtMost;
    if (input.nature) filter(fewOfNature && !(input.sort ?? defaultSortFor(input.text)).startsWith('receivedAt:') ? NATURE_IN : NATURE_WALKED, input.nature);
    // On the receipt time, not its date: the same cases (received_at carries the office's offset, so
    // its text orders as its office date does), and the index that filters them also orders them.
    if (input.from) filter(RECEIPT_RANGE[0]!, input.from);
    if (input.to) filter(RECEIPT_RANGE[1]!, addDays(input.to, 1));
    // created_at carries the office's offset, so its date part is the office date (DESIGN.md "Data").
    if (input.registeredOn) filter('c.created_at >= ? AND c.created_at < ?', input.registeredOn, addDays(input.registeredOn, 1));
    if (input.mine) {
      filter('c.handler_id = ?', user.id);
      if (!input.status) filter(`c.status NOT IN (${FINAL})`);
    }
    if (input.queue) filter(QUEUE_SQL[input.queue]);
    const awaitingApproval = input.awaitingMyApproval === true && APPROVERS.has(user.role);
    if (input.awaitingMyApproval) {
      // Nobody approves their own proposal; clerks and investigators approve nothing.
      if (!awaitingApproval) filter('0');
      else filter("c.status = 'awaiting_approval' AND json_extract(c.proposal, '$.by') <> ?", user.id);
    }

    const state = addDeadlineFilters(input, filter, clock.today(), calendar, deadlineState);
    addFigureFilters(input, filter);

    // Text: the token index, newest registered first. With the register's own order it drives the
    // page; sorted any other way, the newest matches up to the cap are sorted.
    const asked = input.sort ?? defaultSortFor(input.text);
    const sort = asked === 'acceptanceDueOn:asc' ? 'dueOn:asc' : asked;
    const byText = match !== null && sort === 'registeredAt:desc';
    if (match !== null && !byText) filter(`c.id IN (SELECT rowid FROM case_index WHERE case_index MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_COUNT_CAP})`, match);
    // By number in the numbers' order; sorted any other way, as a text search is: the newest up to the cap.
    const byNumberOrder = numbered !== null && (sort === 'registeredAt:desc' || sort === 'caseNo:desc' || sort === 'caseNo:asc');
    const numberRange = 'SELECT id FROM cases WHERE case_no >= ? AND case_no < ?';
    if (numbered && byNumberOrder) filter(...numberLengths(numbered));
    else if (numbered) filter(`c.id IN (${numberRange} ORDER BY case_no DESC LIMIT ${SEARCH_COUNT_CAP})`, numbered.from, numbered.to);
    if (byText) {
      where.unshift('t.case_index MATCH ?');
      params.unshift(match);
    }

    let keys: string[];
    let desc: boolean;
    let cursorWhere: { sql: string; params: unknown[] } | null = null;
    const byRunningClock = (input.overdue === true || input.dueWithinWorkingDays !== undefined) && !input.deadlineKind;
    if (sort === 'dueOn:asc' && byRunningClock) {
      // The filter fixes the index's leading expression, which SQLite then orders by only if the
      // ORDER BY leaves it out.
      keys = ['c.next_due_on', 'c.id'];
      desc = false;
      if (input.after) {
        const [due, id] = decodeCursor(input.after, 2);
        cursorWhere = { sql: '(c.next_due_on, c.id) > (?, ?)', params: [due, id] };
      }
    } else if (sort === 'dueOn:asc') {
      // Matches the index cases_next_due; cases without an open clock come last.
      keys = ['(c.next_due_on IS NULL)', 'c.next_due_on', 'c.id'];
      desc = false;
      if (input.after) {
        const [noneDue, due, id] = decodeCursor(input.after, 3);
        cursorWhere =
          noneDue === 1
            ? { sql: '(c.next_due_on IS NULL) = 1 AND c.id > ?', params: [id] }
            : { sql: '((c.next_due_on IS NULL), c.next_due_on, c.id) > (0, ?, ?)', params: [due, id] };
      }
    } else {
      const order = byText ? { keys: ['t.rowid'], desc: true } : byNumberOrder ? { keys: ['length(c.case_no)', 'c.case_no'], desc: sort !== 'caseNo:asc' } : ORDERS[sort];
      keys = order.keys;
      desc = order.desc;
      if (input.after) {
        const values = decodeCursor(input.after, keys.length);
        const cmp = desc ? '<' : '>';
        const hint = keys[0]!.startsWith('r.') ? ` AND r.name ${desc ? '<=' : '>='} ?` : '';
        cursorWhere = { sql: `(${keys.join(', ')}) ${cmp} (${keys.map(() => '?').join(', ')})${hint}`, params: [...values, ...(hint ? [values[0]] : [])] };
      }
    }

    // The business only where the sort reads its name: joined for nothing, it cost a lookup of every
    // case the page passed, and kept SQLite from answering from an index alone (500,000 cases: the
    // 4,224 overdue read case by case for their business, 30 ms a page, against 1 ms from cases_next_due).
    const withBusiness = keys.some((k) => k.startsWith('r.'));
    const business = withBusiness ? ' JOIN respondents r ON r.id = c.respondent_id' : '';
    // Walked by the businesses' names, SQLite must be told to read them first (CROSS JOIN): sorting
    // the largest category by business took 394 ms, walking the names 7.
    if (window) cursorWhere = window.bound;
    // 加倍赔偿 from its own index, unless a filter leads to fewer cases (punitiveReceipt.ts): in the
    // receipt order walked there; sorted otherwise and listed (not walked along the sort's index, nor
    // merged by day), its candidates listed there and sorted.
    const punitiveFirst = input.punitive === true && !byText && match === null && numbered === null && byNumber === null && !input.respondentId && !input.mine && !awaitingApproval && !input.queue;
    const punitiveDays = punitiveFirst && sort.startsWith('receivedAt:') ? punitiveReceipt(input.after && !window ? boundedByCursor(where, keys[0]!, desc) : where, cursorWhere, desc) : null;
    const punitiveListed = punitiveFirst && !punitiveDays && !walk && !window ? punitiveCandidates(where) : null;
    if (punitiveDays) cursorWhere = punitiveDays.bound;
    const within = walk ? numberWalkWithin(sort, input) : null;
    // A status and one key: counted, and listed in the receipt order, in the shorter range of the two (statusConditions.ts).
    const keyRange = input.status && where.length === statusFilters + 1 && !input.text ? statusKeyIndexed(input, days.casesOf, statusCasesUpTo) : null;
    const keyListed = keyRange !== null && keys[0] === 'c.received_at' && !walk ? keyRange : '';
    const from = (punitiveDays ?? punitiveListed)?.from ?? (within ? `cases c INDEXED BY ${within.index}` : byText ? `case_index t JOIN cases c ON c.id = t.rowid${business}` : walk && withBusiness ? 'respondents r CROSS JOIN cases c ON r.id = c.respondent_id' : `cases c${queueIndexed(input.queue, keys[0], walk) || keyListed}${business}`);
    const whereSql = (extra: { sql: string } | null, conditions = where) => {
      const all = extra ? [...conditions, extra.sql] : conditions;
      return all.length ? `WHERE ${all.join(' AND ')}` : '';
    };
    const dated = (input.from !== undefined || input.to !== undefined) && !window && match === null && numbered === null && byNumber === null;
    const dayMerged = dated && !byRunningClock ? daySliceOf(keys, desc, where, params, input.after ? decodeCursor(input.after, keys.length) : null, input.punitive === true ? PUNITIVE_CANDIDATES : null) : null;
    const orderSql = (punitiveDays?.order ?? keys).map((k) => `${k}${desc ? ' DESC' : ''}`).join(', ');
    const offset = window ? window.offset : input.after ? 0 : (input.page - 1) * input.pageSize;
    // The page reads ids and sort keys only: the row's details are read for the page's cases alone,
    // never carried through a sort of every match.
    const keyColumns = keys.map((k, i) => `${k} AS k${i}`).join(', ');
    const conditions = (punitiveDays ?? punitiveListed)?.conditions ?? (walk ? hiddenFromPlanner(where, within ? within.lead : keys[0]!, keys[1]) : input.after && !window ? boundedByCursor(where, keys[0]!, desc) : where);
    const select = (extra: { sql: string } | null) => `SELECT c.id, ${keyColumns} FROM ${from} ${whereSql(extra, conditions)} ORDER BY ${orderSql}`;
    const pageSql = `${select(cursorWhere)} LIMIT ? OFFSET ?`;
    // A walk of keys that are never NULL (not the next deadline's), every filter hidden but the
    // category or status its index leads with, is read in chunks of its index.
    const lead = within ? { from, sql: `${within.lead} = ?`, params: [within.value] } : null;
    const walkChunk = walk && !withBusiness && !window && sort !== 'dueOn:asc' && conditions.every((c) => c.startsWith('+(') || c === lead?.sql) ? walkChunkOf(keys, desc, cursorWhere, select, params, lead) : null;
    // The count needs the business only where a filter names it (none does today). Text, a number's
    // beginning or a deadline state alone (one filter besides the voided rule) is counted in indexes
    // alone (the voided have their own). Awaiting my approval alone (the supervisor's 今日 count) is
    // counted in the awaiting cases' own index (migration 0027), which holds the proposer: SQLite chose
    // the status index and read every awaiting case's row for it (2,678 at a million cases).
    const oneFilter = where.length === statusFilters + 1;
    const approvalAlone = awaitingApproval && oneFilter;
    const countFrom = `${byText ? 'case_index t JOIN cases c ON c.id = t.rowid' : approvalAlone ? 'cases c INDEXED BY cases_awaiting_approval' : `cases c${keyRange ?? ''}`}${where.includes(NATURE_WALKED) && !fewOfNature ? NATURE_JOIN : ''}`;
    const listed = (w: string) => (w === NATURE_WALKED && fewOfNature ? NATURE_IN : (LISTED[w] ?? w));
    const textAlone = byText && match !== null && voidedMark !== null && oneFilter ? { match, voided: voidedMark, word: words.length === 1 ? words[0]! : null } : null;
    const numberAlone = numbered !== null && byNumberOrder && voidedMark === false && oneFilter;
    const stateAlone = state && voidedMark !== null && oneFilter ? state.countAlone(voidedMark, SEARCH_COUNT_CAP) : null;
    const stateNewest = state?.byId && voidedMark !== null && oneFilter && sort === 'receivedAt:desc' && !window ? { cases: state.byId, voided: voidedMark, after: input.after ? decodeCursor(input.after, 2) : null } : null;
    const counted = days.countOf(input);
    // Counted case by case in the register, and every case of the list on a day the day counts know
    // (none voided); not a list led by a status, a running clock, one business, or a deadline state
    // few deadlines are in or alone, whose own index counts it at once (the unassigned queue's 2,550
    // in slices of the register: 330 ms, against 39 ms whole).
    const ledByOwnIndex = [input.status, input.queue, input.open, input.mine, input.awaitingMyApproval, input.overdue, input.dueWithinWorkingDays, input.registeredOn, input.respondentId, state?.listed || stateAlone !== null].some((v) => v !== undefined && v !== false);
    const sliced = counted === null && !ledByOwnIndex && !textAlone && !numberAlone && match === null && numbered === null && byNumber === null && voidedMark === false;
    const count = counted ?? (textAlone
      ? textCount(textAlone.match, textAlone.voided, SEARCH_COUNT_CAP)
      : numberAlone
        ? numberedCount(numbered, SEARCH_COUNT_CAP)
        : stateAlone ?? { sql: `SELECT COUNT(*) FROM (SELECT 1 FROM ${countFrom} ${whereSql(null, where.map(listed))} LIMIT ${SEARCH_COUNT_CAP + 1})`, params });
    return {
      page: { sql: pageSql, params: [...params, ...(cursorWhere?.params ?? []), input.pageSize + 1, offset] },
      count,
      // The list's own dates hidden from the planner: the slices lie within them, and SQLite read its
      // range of the index, not the slice's (按时办结 否 within 2025: every slice passed the year, 830 ms).
      countSliced: sliced ? { sql: `SELECT COUNT(*) FROM (SELECT 1 FROM ${countFrom} ${whereSql(null, [...where.map((w) => (RECEIPT_RANGE.includes(w) ? `+(${w})` : listed(w))), ...RECEIPT_RANGE])} LIMIT ?)`, params } : null,
      // Sorted other than by registration, only the newest matches up to the cap are sorted: when the
      // text matched more, the count is of those, and reads as "at least" (N+).
      textBeyondCap:
        match !== null && !byText
          ? { sql: `SELECT COUNT(*) FROM (SELECT 1 FROM case_index WHERE case_index MATCH ? LIMIT ${SEARCH_COUNT_CAP + 1})`, params: [match] }
          : numbered && !byNumberOrder
            ? { sql: `SELECT COUNT(*) FROM (${numberRange} LIMIT ${SEARCH_COUNT_CAP + 1})`, params: [numbered.from, numbered.to] }
            : null,
      textAlone,
      stateNewest,
      dayMerged,
      candidatesListed: punitiveListed !== null,
      walkChunk,
      walkable: match === null && numbered === null && byNumber === null && walkableOrder(sort, input, byRunningClock) && where.length > (input.status || input.includeVoided ? 0 : 1),
      statusAlone: input.status !== undefined && where.length === 1 && match === null && numbered === null && byNumber === null,
      cursorColumns: keys.length,
      // A number's beginning is marked whole, where it stands in the number.
      words: numbered ? [numbered.from] : shownRunsOf(words),
      empty,
    };
  }

  /** Whether the list walks its sort's index: its count decides, read first and kept for the page (sortWalk.ts). */
  function decide(input: SearchInput, p: SearchPlan, counted: number | null): Reading {
    if (p.empty || counted === null) return { walk: false, merge: false, counted, step: skipStep };
    if (p.dayMerged) {
      const period = days.casesOf('all', undefined, input.from, input.to);
      // Listed from the candidates' own index, the list passes about its own cases; merged, a page of
      // them and a statement a slice: merged once there are more than a listing passes quickly.
      const merge = p.candidatesListed ? listsMany(counted, sortAtMost) : mergeCheaper({ counted, passed: days.passedOf(input) ?? counted, period, pageSize: input.pageSize, sortAtMost });
      return { walk: false, merge, counted, step: skipStep, share: period > 0 ? counted / period : 1 };
    }
    if (!p.walkable) return { walk: false, merge: false, counted, step: skipStep };
    // A figure of 统计 is checked case by case wherever its list is read: listed by its dates, all the
    // cases received are passed; walked, the page over the figure's share of the register.
    const passed = days.passedOf(input);
    // The cases the walk's index holds: the register's, the category's (its day counts), or the
    // status's (numberWalkWithin). A status is not counted apart: where it is the one filter, the
    // list's count is its cases; with another filter they are taken as the register's, so a few
    // cases of one status and one region are read and sorted, not walked past the status's others.
    const within = numberWalkWithin(input.sort ?? defaultSortFor(input.text), input);
    const walked = within?.key === 'category' ? days.casesOf('category', within.value) : within?.key === 'status' && p.statusAlone ? counted : days.casesOf();
    const walk = walkCheaper(counted, walked, (input.after ? 1 : input.page) * input.pageSize, sortAtMost) || (passed !== null && passed > sortAtMost && input.pageSize * walked < counted * passed);
    return { walk, merge: false, counted, step: walk ? walkStep(counted, walked, input.pageSize, skipStep) : skipStep };
  }

  /** The list's count where it is read before the page: in slices when counted case by case, or where it decides the walk. */
  async function readingOf(input: SearchInput, user: UserView): Promise<Reading> {
    const p = plan(input, user);
    if (p.empty) return decide(input, p, null);
    const next = followsFirst(input);
    if (p.countSliced) return decide(input, p, await keptCount(p.countSliced, next, () => countInSlices(p.countSliced!, (before, size) => days.sliceBefore(input, before, size), SEARCH_COUNT_CAP)));
    return decide(input, p, p.walkable || p.dayMerged ? await keptCount(p.count, next, () => prepare(p.count.sql).pluck().get(...p.count.params) as number) : null);
  }

  /** `limit` key rows of the page's statement after `offset`: merged from its days where the reading says so. */
  async function pageKeys(p: SearchPlan, input: SearchInput, user: UserView, reading: Reading, limit: number, offset: number): Promise<KeyRow[]> {
    const m = reading.merge ? p.dayMerged : null;
    if (m) {
      const running = m.running ? (prepare(m.running.sql).all(...m.running.params, offset + limit) as KeyRow[]) : [];
      if (running.length === offset + limit) return running.slice(offset);
      const merged = await merge<KeyRow>(m, input, offset + limit - running.length, reading.share);
      return [...running, ...(m.noneDue ? merged.map((r): KeyRow => ({ id: r.id, k0: 1, k1: null, k2: r.id })) : merged)].slice(offset);
    }
    const newest = p.stateNewest ? newestOfState(p.stateNewest, limit, offset) : null;
    if (newest) return newest;
    if (reading.walk && p.walkChunk && offset === 0) return chunks<KeyRow>((after) => plan({ ...input, page: 1, after }, user, undefined, true).walkChunk!, input.after, limit);
    return prepare(p.page.sql).all(...p.page.params.slice(0, -2), limit, offset) as KeyRow[];
  }

  async function search(input: SearchInput, user: UserView, window: DayWindow | undefined, reading: Reading): Promise<{ rows: CaseRow[]; total: number; more: boolean; next: string | null; words: string[] }> {
    const p = plan(input, user, window, reading.walk);
    if (p.empty) return { rows: [], total: 0, more: false, next: null, words: p.words };
    const first = !followsFirst(input);
    // Text alone is walked and counted at once, then the page's calls go first; a walk that saw every match gives every page (textWalk.ts).
    // A case number's beginning without its prefix is past the cap by the numbers alone, often (caseNumberWords.ts).
    const alone = p.textAlone;
    const walked = alone ? await texts.walk(alone.match, alone.voided, !first, () => alone.voided !== true && alone.word !== null && numberedPastCap(alone.word, walkAtMost)) : null;
    if (walked) await yieldToLoop();
    const whole = walked?.newestFirst ?? null;
    const from = !whole ? 0 : input.after ? placeBelow(whole, decodeCursor(input.after, 1)[0]) : (input.page - 1) * input.pageSize;
    const found = whole ? whole.slice(from, from + input.pageSize + 1).map((id): KeyRow => ({ id, k0: id })) : await pageKeys(p, input, user, reading, input.pageSize + 1, p.page.params.at(-1) as number);
    const hasNext = found.length > input.pageSize;
    // A first page with room to spare holds every match: its rows are the count (a rare word's posting
    // lists read once). Else a turn of the loop after the page (the first 已取消 after a start: 43 ms whole).
    let counted = walked?.counted ?? reading.counted ?? (first && !hasNext ? found.length : null);
    if (counted === null) {
      await yieldToLoop();
      counted = await keptCount(p.count, !first, () => prepare(p.count.sql).pluck().get(...p.count.params) as number);
    }
    const keyRows = hasNext ? found.slice(0, input.pageSize) : found;
    const last = keyRows[keyRows.length - 1];
    const byId = new Map(pageRows.read(keyRows.map((k) => k.id), p.words.length > 0).map((r) => [r.id, r]));
    const rows = keyRows.map((k) => byId.get(k.id)!);
    const today = clock.today();
    const cal = calendar();
    const beyond = p.textBeyondCap;
    return {
      total: Math.min(counted, SEARCH_COUNT_CAP),
      more: counted > SEARCH_COUNT_CAP || (beyond !== null && (await keptCount(beyond, !first, () => prepare(beyond.sql).pluck().get(...beyond.params) as number)) > SEARCH_COUNT_CAP),
      next: hasNext && last ? encodeCursor(Array.from({ length: p.cursorColumns }, (_, i) => last[`k${i}`] ?? null)) : null,
      words: p.words,
      rows: rows.map((r) => pageRows.rowOf(r, today, cal, p.words)),
    };
  }

  /**
   * A page by its number: placed by the day counts where they count the list (dayCounts.ts), at any
   * depth (a key no case has, a region's, gives no page at once: the walk read the whole register for
   * none, 1.8 s at a million cases); else OFFSET down to a step's rows, and deeper a walk of the
   * sort's index a step at a time, answering the page's calls between steps, then the page after
   * that row as a cursor page. An OFFSET of 50,000 rows held the event loop 121 ms at 200,000 cases
   * (DESIGN.md "Quality bars": no call holds the loop for more than 50 ms). A step is `skipStep` rows
   * of the register, of a walked list its share of them (sortWalk.ts).
   */
  async function searchByPage(input: SearchInput, user: UserView): ReturnType<typeof search> {
    let skip = input.after ? 0 : (input.page - 1) * input.pageSize;
    const window = days.windowOf(input, input.sort ?? defaultSortFor(input.text), skip);
    const reading = await readingOf(input, user);
    if (window) return search(input, user, window, reading);
    let step = reading.step;
    // A merged list is read to its page in one merge, which turns the loop between its slices: in
    // steps, each step read again the days around its place (page 200 of 2025 by registration: 165
    // slices, 0.85 s, against 5 and 36 ms in one).
    if (skip <= step || reading.merge) return search(input, user, undefined, reading);
    let after: string | undefined;
    while (skip > 0) {
      const rows = Math.min(skip, step);
      const p = plan({ ...input, page: 1, ...(after ? { after } : {}) }, user, undefined, reading.walk);
      if (p.empty) return search(input, user, undefined, reading);
      const started = performance.now();
      const row = (await pageKeys(p, { ...input, page: 1, ...(after ? { after } : {}) }, user, reading, 1, rows - 1))[0];
      if (!row) {
        // Past the last match: no rows, and the count of them all as on any page.
        const end = await search({ ...input, page: 1, pageSize: 1, ...(after ? { after } : {}) }, user, undefined, reading);
        return { ...end, rows: [], next: null };
      }
      after = encodeCursor(Array.from({ length: p.cursorColumns }, (_, i) => row[`k${i}`] ?? null));
      skip -= rows;
      step = nextStep(step, performance.now() - started, input.pageSize, skipStep);
      await yieldToLoop();
    }
    return search({ ...input, after }, user, undefined, reading);
  }

  return {
    search: searchByPage,
    /** The statements a search runs: walking its sort's index where its count decides so, or as told. */
    plan: (input: SearchInput, user: UserView, window?: DayWindow, walk?: boolean) => {
      const p = plan(input, user);
      return plan(input, user, window, walk ?? decide(input, p, p.walkable && !p.empty ? (prepare(p.count.sql).pluck().get(...p.count.params) as number) : null).walk);
    },
    readingOf,
  };
}

/** Conditions a count reads another way than a page (statusConditions.ts). */
const LISTED: Record<string, string> = { [OPEN_WALKED]: OPEN_LISTED, [NATURE_WALKED]: NATURE_LISTED };

export type CaseSearch = ReturnType<typeof createCaseSearch>;
