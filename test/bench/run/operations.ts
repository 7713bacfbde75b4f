import type { SeedManifest } from '../seed/manifest';

/**
 * What the bench times through the host, chosen from what the seeded register holds (seed.json):
 * searches by text of one, two and three or more characters, frequent and rare; the register's
 * filters; deep pages; a case; the 今日 counts and lists; statistics; registration.
 */

export type Who = 'admin' | 'supervisor' | 'investigator';
/** The floor an operation is divided by (floors.ts), besides the host's bare round trip. */
export type Floor = 'rows' | 'case' | 'stats' | 'respondents' | 'roundTrip' | 'insert';

export interface Call {
  op: string;
  input: unknown;
  as: Who;
}

export interface Operation {
  label: string;
  group: 'search' | 'filter' | 'page' | 'case' | 'today' | 'stats' | 'write' | 'host';
  calls: (i: number) => Call[];
  floor: Floor;
  /** For `stats`: the period the floor reads. */
  period?: { from: string; to: string };
  /** Run once, untimed, before the first call (e.g. to find the cursor of a deep page). */
  prepare?: (ask: (call: Call) => Promise<unknown>) => Promise<void>;
}

/** A case number cut 1-4 digits after its dash, the call `i` of a run cycling through the four. */
export const typedCaseNo = (caseNo: string, i: number): string => caseNo.slice(0, caseNo.indexOf('-') + 2 + (i % 4));
/** A case number's year and the first 1-5 digits of its number, its prefix left off (TS2025-108234 → 2025-1 … 2025-10823). */
export const typedYearAndNumber = (caseNo: string, i: number): string => caseNo.slice(0, caseNo.indexOf('-') + 2 + (i % 5)).replace(/^\D+/, '');

/** The register's grid sorts a text search by registration, newest first (renderer/src/cases/useCaseListParams.ts). */
const TEXT_SORT = 'registeredAt:desc';
const fmt = (n: number) => n.toLocaleString('en-US');
const monthEnd = (ym: string) => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const addMonths = (ym: string, n: number) => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};

/** For each length of term, the most frequent and the rarest with at least one hit. */
export function pickTerms(terms: Record<string, number>): { label: string; term: string; count: number }[] {
  const out: { label: string; term: string; count: number }[] = [];
  for (const [label, fits] of [
    ['1 char', (t: string) => [...t].length === 1],
    ['2 chars', (t: string) => [...t].length === 2],
    ['3+ chars', (t: string) => [...t].length >= 3],
  ] as const) {
    const list = Object.entries(terms)
      .filter(([t]) => fits(t))
      .sort((a, b) => b[1] - a[1]);
    if (list.length === 0) continue;
    const [ft, fc] = list[0]!;
    out.push({ label: `${label}, frequent`, term: ft, count: fc });
    const rare = [...list].reverse().find(([, c]) => c > 0) ?? list[list.length - 1]!;
    if (rare[0] !== ft) out.push({ label: `${label}, rare`, term: rare[0], count: rare[1] });
  }
  return out;
}

export function operations(m: SeedManifest, today: string, has: (op: string) => boolean): Operation[] {
  const search = (input: Record<string, unknown>, as: Who = 'admin'): Call[] => [{ op: 'cases.search', input: { pageSize: 50, ...input }, as }];
  const count = (input: Record<string, unknown>, as: Who = 'admin'): Call => ({ op: 'cases.search', input: { page: 1, pageSize: 1, ...input }, as });
  const samples = m.samples.length ? m.samples : [];
  const sample = (i: number) => samples[((i % samples.length) + samples.length) % samples.length]!;
  const month = addMonths(today.slice(0, 7), -5);
  const monthRange = { from: `${month}-01`, to: monthEnd(month) };
  const lastMonth = addMonths(today.slice(0, 7), -1);
  const year = String(Number(today.slice(0, 4)) - 1);
  const pages = Math.floor(m.cases / 50);
  const deep = pages > 1000 ? 1000 : Math.max(2, Math.floor(pages * 0.8));

  /** The page the register's grid reaches by 下一页: its cursor found once by page number, then read by it. */
  const deepByCursor = (label: string, filter: Record<string, unknown>, page: number): Operation => {
    let after = '';
    return {
      label,
      group: 'page',
      calls: () => search({ ...filter, after }),
      floor: 'rows',
      prepare: async (ask) => {
        const before = (await ask({ op: 'cases.search', input: { pageSize: 50, ...filter, page: page - 1 }, as: 'admin' })) as { next: string | null };
        if (!before.next) throw new Error(`${label}: the register has no page ${page}`);
        after = before.next;
      },
    };
  };

  const ops: Operation[] = [{ label: 'setup.status (bare round trip)', group: 'host', calls: () => [{ op: 'setup.status', input: {}, as: 'admin' }], floor: 'roundTrip' }];
  const terms = pickTerms(m.terms);
  for (const t of terms) {
    ops.push({ label: `search text ${t.label}: "${t.term}" (${fmt(t.count)} cases)`, group: 'search', calls: () => search({ text: t.term, sort: TEXT_SORT }), floor: 'rows' });
  }
  // The grid's 下一页 of a word: cut from the walk its first page made (store/textWalk.ts).
  const frequent = terms.find((t) => t.label === '3+ chars, frequent');
  if (frequent) ops.push(deepByCursor(`search text "${frequent.term}", page 2 by cursor (the grid's 下一页)`, { text: frequent.term, sort: TEXT_SORT }, 2));
  // While a phone number is typed the search runs on its first digits too: one and two digits are in
  // every register's short fields, whatever the seed counted.
  for (const digits of ['8', '13']) {
    ops.push({ label: `search ${digits.length === 1 ? 'one digit' : 'two digits'}: "${digits}"`, group: 'search', calls: () => search({ text: digits, sort: TEXT_SORT }), floor: 'rows' });
  }
  if (samples.length) {
    ops.push(
      { label: 'search a full name', group: 'search', calls: (i) => search({ text: sample(i).name, sort: TEXT_SORT }), floor: 'rows' },
      { label: 'search a phone fragment (7 digits)', group: 'search', calls: (i) => search({ text: sample(i).phone.replace(/\D/g, '').slice(-7), sort: TEXT_SORT }), floor: 'rows' },
      { label: 'search a case number', group: 'search', calls: (i) => search({ text: sample(i).caseNo, sort: TEXT_SORT }), floor: 'rows' },
      // As the search box sends it while a number is typed: TS2025-1, TS2025-10, TS2025-108, TS2025-1082
      // (a word of two runs, its last shorter than a token: migration 0031).
      { label: 'search a case number as it is typed (1-4 digits after the dash)', group: 'search', calls: (i) => search({ text: typedCaseNo(sample(i).caseNo, i), sort: TEXT_SORT }), floor: 'rows' },
      // Without its prefix, as a clerk types the year and the number: a word of two runs, read in the
      // token index (store/textWalk.ts), 2025-1 in a third of a year's cases, 2025-12345 in a few.
      { label: 'search a case number without its prefix (1-5 digits after the dash)', group: 'search', calls: (i) => search({ text: typedYearAndNumber(sample(i).caseNo, i), sort: TEXT_SORT }), floor: 'rows' },
      // Its worst case found so far: a last run of three digits was a prefix of the token index, and
      // tokens beginning 301 are in most ID numbers of 杭州 (330106…), so FTS5 merged their doclists
      // first; since migration 0049 it ends on the boundary's token of the run's first three.
      { label: `search a case number without its prefix, three digits common in ID numbers: "${year}-301"`, group: 'search', calls: () => search({ text: `${year}-301`, sort: TEXT_SORT }), floor: 'rows' },
      { label: 'search a business name fragment', group: 'search', calls: (i) => search({ text: sample(i).respondent.replace(/^(杭州市|杭州|浙江)/, '').slice(0, 4), sort: TEXT_SORT }), floor: 'rows' },
    );
  }
  ops.push(
    { label: 'newest 50 (no filter)', group: 'page', calls: () => search({}), floor: 'rows' },
    { label: `status closed + ${month}`, group: 'filter', calls: () => search({ status: 'closed', ...monthRange }), floor: 'rows' },
    { label: `category S04 + ${month}`, group: 'filter', calls: () => search({ category: 'S04', ...monthRange }), floor: 'rows' },
    // One breakdown's key alone, as 更多筛选 or a figure of 统计 opens it: counted from the day counts.
    { label: 'category S04 alone', group: 'filter', calls: () => search({ category: 'S04' }), floor: 'rows' },
    { label: 'channel 电话 alone', group: 'filter', calls: () => search({ channel: 'phone' }), floor: 'rows' },
    { label: `region R001 + ${month} (regions have no index of their own)`, group: 'filter', calls: () => search({ region: 'R001', ...monthRange }), floor: 'rows' },
    { label: 'category S04 sorted by case number', group: 'filter', calls: () => search({ category: 'S04', sort: 'caseNo:desc' }), floor: 'rows' },
    // Long lists SQLite listed and sorted whole (store/sortWalk.ts): 已结案 by case number, a year by name.
    { label: 'status closed sorted by case number', group: 'filter', calls: () => search({ status: 'closed', sort: 'caseNo:asc' }), floor: 'rows' },
    // A status's cases stand together in the order of numbers (the newest open, the oldest closed): read
    // from the status's own order of numbers (migration 0051), not walked past the other statuses'.
    { label: 'status closed + region R001, newest case number first', group: 'filter', calls: () => search({ status: 'closed', region: 'R001', sort: 'caseNo:desc' }), floor: 'rows' },
    // A status and one key are read in the shorter range of the two (store/statusConditions.ts
    // statusKeyIndexed): the status's passed every closed case of other regions (count 6.9 ms at 120,000 cases),
    // and read each closed case's row for a handler with none (198 ms).
    { label: 'status closed + region R012, newest received first', group: 'filter', calls: () => search({ status: 'closed', region: 'R012' }), floor: 'rows' },
    { label: 'status closed + a handler with no closed case (user 2, a clerk)', group: 'filter', calls: () => search({ status: 'closed', handlerId: 2 }), floor: 'rows' },
    { label: 'status 不予受理 (refused), newest case number first', group: 'filter', calls: () => search({ status: 'refused', sort: 'caseNo:desc' }), floor: 'rows' },
    { label: `${year} sorted by complainant`, group: 'filter', calls: () => search({ from: `${year}-01-01`, to: `${year}-12-31`, sort: 'complainantName:asc' }), floor: 'rows' },
    // Dated lists in the calendar's orders, read in slices of their receipt days (store/dayMerge.ts).
    { label: `${year} sorted by case number`, group: 'filter', calls: () => search({ from: `${year}-01-01`, to: `${year}-12-31`, sort: 'caseNo:asc' }), floor: 'rows' },
    // 加倍赔偿's cases by day from their own index (migration 0047): as 统计 opens them, and sorted by case number.
    { label: `${year}'s 加倍赔偿 as 统计 opens it (newest received first)`, group: 'filter', calls: () => search({ from: `${year}-01-01`, to: `${year}-12-31`, punitive: true }), floor: 'rows' },
    { label: `${year}'s 加倍赔偿 sorted by case number, newest first`, group: 'filter', calls: () => search({ from: `${year}-01-01`, to: `${year}-12-31`, punitive: true, sort: 'caseNo:desc' }), floor: 'rows' },
    { label: 'no region (无地区) sorted by complainant', group: 'filter', calls: () => search({ region: null, sort: 'complainantName:asc' }), floor: 'rows' },
    { label: `page 20 of category S10 sorted by case number, by page number (a walk in steps)`, group: 'page', calls: () => search({ category: 'S10', sort: 'caseNo:asc', page: 20 }), floor: 'rows' },
    { label: 'overdue, any deadline', group: 'filter', calls: () => search({ overdue: true }), floor: 'rows' },
    { label: 'due within 3 working days', group: 'filter', calls: () => search({ dueWithinWorkingDays: 3 }), floor: 'rows' },
    // 期限状态: a state few deadlines are in (a paused clock), one of many (cancelled), and 逾期完成 (met late).
    { label: 'deadline state 暂停计时 (paused)', group: 'filter', calls: () => search({ deadlineState: 'paused' }), floor: 'rows' },
    { label: 'deadline state 已取消 (cancelled)', group: 'filter', calls: () => search({ deadlineState: 'cancelled' }), floor: 'rows' },
    { label: 'deadline state 逾期完成 (met late)', group: 'filter', calls: () => search({ deadlineState: 'metLate' }), floor: 'rows' },
    // Their next pages by cursor (the grid's 下一页): read from the state's index by case id (store/stateNewest.ts).
    deepByCursor('deadline state 已取消, page 2 by cursor', { deadlineState: 'cancelled' }, 2),
    { label: 'open, nearest deadline first', group: 'filter', calls: () => search({ open: true, sort: 'dueOn:asc' }), floor: 'rows' },
    { label: 'mine (an investigator)', group: 'filter', calls: () => search({ mine: true }, 'investigator'), floor: 'rows' },
    { label: 'awaiting my approval (a supervisor)', group: 'filter', calls: () => search({ awaitingMyApproval: true }, 'supervisor'), floor: 'rows' },
    { label: `page ${Math.min(100, deep)}, newest first`, group: 'page', calls: () => search({ page: Math.min(100, deep) }), floor: 'rows' },
    { label: `page ${fmt(deep)}, newest first, by page number (OFFSET)`, group: 'page', calls: () => search({ page: deep }), floor: 'rows' },
    deepByCursor(`page ${fmt(deep)}, newest first, by cursor (the grid's 下一页)`, {}, deep),
    { label: `page ${fmt(deep)} of category S04, by page number`, group: 'page', calls: () => search({ category: 'S04', page: deep }), floor: 'rows' },
    { label: `page 200 of status closed, by page number (OFFSET)`, group: 'page', calls: () => search({ status: 'closed', page: 200 }), floor: 'rows' },
    deepByCursor('page 200 of status closed, by cursor', { status: 'closed' }, 200),
  );
  if (samples.length) ops.push({ label: 'cases.get', group: 'case', calls: (i) => [{ op: 'cases.get', input: { id: sample(i).id }, as: 'admin' }], floor: 'case' });
  if (samples.length && has('respondents.search')) {
    ops.push({ label: 'respondents.search while typing', group: 'search', calls: (i) => [{ op: 'respondents.search', input: { text: sample(i).respondent.replace(/^(杭州市|杭州|浙江)/, '').slice(0, 2) }, as: 'admin' }], floor: 'respondents' });
  }

  // 今日 (renderer/src/home): each count is cases.search with pageSize 1; the page asks for all at once.
  const due = { overdue: { overdue: true }, today: { dueWithinWorkingDays: 0 }, soon: { dueWithinWorkingDays: 3 } };
  ops.push(
    { label: '今日 clock.today', group: 'today', calls: () => [{ op: 'clock.today', input: {}, as: 'admin' }], floor: 'roundTrip' },
    { label: '今日 count: overdue (office)', group: 'today', calls: () => [count(due.overdue)], floor: 'rows' },
    { label: '今日 count: due today (office)', group: 'today', calls: () => [count(due.today)], floor: 'rows' },
    { label: '今日 count: due soon (office)', group: 'today', calls: () => [count(due.soon)], floor: 'rows' },
    { label: '今日 count: registered today', group: 'today', calls: () => [count({ registeredOn: today })], floor: 'rows' },
    { label: '今日 count: awaiting my approval', group: 'today', calls: () => [count({ awaitingMyApproval: true }, 'supervisor')], floor: 'rows' },
    { label: '今日 count: my open cases', group: 'today', calls: () => [count({ mine: true }, 'investigator')], floor: 'rows' },
    { label: '今日 newest 10', group: 'today', calls: () => [{ op: 'cases.search', input: { page: 1, pageSize: 10, sort: 'receivedAt:desc' }, as: 'admin' }], floor: 'rows' },
    {
      label: '今日 whole page, supervisor (7 calls at once)',
      group: 'today',
      calls: () => [
        { op: 'clock.today', input: {}, as: 'supervisor' },
        count({ awaitingMyApproval: true }, 'supervisor'),
        count(due.overdue, 'supervisor'),
        count(due.today, 'supervisor'),
        count(due.soon, 'supervisor'),
        count({ registeredOn: today }, 'supervisor'),
        { op: 'cases.search', input: { page: 1, pageSize: 10, sort: 'receivedAt:desc' }, as: 'supervisor' },
      ],
      floor: 'rows',
    },
    {
      label: '今日 whole page, investigator (10 calls at once)',
      group: 'today',
      calls: () => [
        { op: 'clock.today', input: {}, as: 'investigator' },
        count({ mine: true }, 'investigator'),
        ...Object.values(due).map((d) => count({ ...d, mine: true }, 'investigator')),
        ...Object.values(due).map((d) => count(d, 'investigator')),
        count({ registeredOn: today }, 'investigator'),
        { op: 'cases.search', input: { page: 1, pageSize: 10, sort: 'receivedAt:desc' }, as: 'investigator' },
      ],
      floor: 'rows',
    },
  );
  if (has('enquiries.list') && m.enquiries) {
    ops.push({
      label: `enquiries.list a day (${fmt(m.enquiries)} enquiries in the register)`,
      group: 'today',
      calls: () => [{ op: 'enquiries.list', input: { from: today, to: today, page: 1, pageSize: 50 }, as: 'investigator' }],
      floor: 'roundTrip',
    });
  }
  if (has('stats.summary')) {
    const lm = { from: `${lastMonth}-01`, to: monthEnd(lastMonth) };
    const y = { from: `${year}-01-01`, to: `${year}-12-31` };
    // Parts of months at both ends: the businesses complained about most count those days from the cases (store/topRespondents.ts).
    const custom = { from: `${year}-01-15`, to: `${year}-12-20` };
    ops.push(
      { label: `stats.summary ${lastMonth}`, group: 'stats', calls: () => [{ op: 'stats.summary', input: lm, as: 'supervisor' }], floor: 'stats', period: lm },
      { label: `stats.summary year ${year}`, group: 'stats', calls: () => [{ op: 'stats.summary', input: y, as: 'supervisor' }], floor: 'stats', period: y },
      { label: `stats.summary ${custom.from} – ${custom.to}`, group: 'stats', calls: () => [{ op: 'stats.summary', input: custom, as: 'supervisor' }], floor: 'stats', period: custom },
    );
  }
  return ops;
}
