import { z } from 'zod';
import { caseStatuses } from '../../domain/caseStatus';
import { deadlineKinds, deadlineStates } from '../../domain/deadlines';
import { caseQueues } from '../../domain/workflow';
import { code, isoDate } from './common';
import { timeLeftView } from './workflow';

/** The register as a searched, filtered, sorted list (API.md `cases.search`), and the respondents' look-up. */
const status = z.enum(caseStatuses);

/** A business as the register shows it (cases.get's respondent, respondents.search's rows). */
export const respondentView = z.object({
  id: z.number().int(),
  name: z.string(),
  creditCode: z.string().nullable(),
  address: z.string().nullable(),
  contactPerson: z.string().nullable(),
  phone: z.string().nullable(),
});

export const caseSorts = [
  'receivedAt:desc',
  'receivedAt:asc',
  'registeredAt:desc',
  'acceptanceDueOn:asc',
  'dueOn:asc',
  'caseNo:asc',
  'caseNo:desc',
  'complainantName:asc',
  'complainantName:desc',
  'respondentName:asc',
  'respondentName:desc',
  'status:asc',
  'status:desc',
  'category:asc',
  'category:desc',
] as const;
export type CaseSort = (typeof caseSorts)[number];

/**
 * The order when none is asked for: by receipt date for a plain list; for a text search, newest
 * registered first, the order the core reads matches off its word index and stops at the page (any
 * other order sorts the newest SEARCH_COUNT_CAP matches: ≈25 ms against 0.1 ms at 50,000 cases).
 */
export const defaultSortFor = (text: string | undefined): CaseSort => (text ? 'registeredAt:desc' : 'receivedAt:desc');

/** How many matches a search counts before it says "10000+" instead of counting a million rows. */
export const SEARCH_COUNT_CAP = 10_000;

/** Deadline states a filter can ask for, over one kind of deadline or every kind. */
export const deadlineFilterStates = ['running', 'paused', 'met', 'metLate', 'cancelled'] as const;

/** Where a searched word was found, when it is not in a column the register shows. */
const matchSnippet = z.object({ field: z.string(), text: z.string() });

export const caseRow = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  receivedAt: z.string(),
  /** When it was entered into the register (a letter may be registered days after it arrived). */
  registeredAt: z.string(),
  status,
  complainantName: z.string(),
  complainantPhone: z.string(),
  respondentName: z.string(),
  categoryName: z.string(),
  channelName: z.string(),
  regionName: z.string().nullable(),
  subject: z.string(),
  acceptanceDueOn: z.string(),
  handlerName: z.string().nullable(),
  /** The open clock due first (a running one before a paused one), as the core counts it today. */
  nextDeadline: z
    .object({ kind: z.enum(deadlineKinds), dueOn: z.string(), state: z.enum(deadlineStates), workingDaysLeft: z.number().int().nullable(), left: timeLeftView.nullable() })
    .nullable(),
  /** For a text search: where the words were found, if not in the name, phone, business, subject or number shown. */
  match: matchSnippet.nullable(),
});
export type CaseRow = z.infer<typeof caseRow>;

const optionalId = z.number().int().positive();

export const casesSearch = {
  input: z.object({
    text: z.string().trim().max(100, '搜索词不能超过100个字').optional(),
    status: status.optional(),
    /** Voided cases are left out unless asked for (or `status: 'voided'`). */
    includeVoided: z.boolean().optional(),
    category: code.optional(),
    nature: code.optional(),
    channel: code.optional(),
    /** A code of the office's regions; null: cases with no region recorded. */
    region: code.nullable().optional(),
    /** The handler (an investigator); null: cases not yet assigned. */
    handlerId: optionalId.nullable().optional(),
    respondentId: optionalId.optional(),
    /** Received on or after / on or before (office dates). */
    from: isoDate.optional(),
    to: isoDate.optional(),
    /** A running deadline of any kind is past its due date (or, false, none is). */
    overdue: z.boolean().optional(),
    /**
     * The case's next running deadline (the one its row shows) falls due within N 工作日 after today
     * (0: due today itself); with `deadlineKind`, a running deadline of that kind. A case late on one
     * clock is overdue, not also due soon on another.
     */
    dueWithinWorkingDays: z.number().int().min(0, '天数不能为负').max(30, '最多查30个工作日内到期').optional(),
    /** A deadline (of `deadlineKind`, or any kind) is in this state: running, paused, met, met late, cancelled. */
    deadlineState: z.enum(deadlineFilterStates).optional(),
    /** Limit `overdue`, `dueWithinWorkingDays` and `deadlineState` to one kind of deadline. */
    deadlineKind: z.enum(deadlineKinds).optional(),
    /** Cases handled by the signed-in user (open ones, unless a status is given). */
    mine: z.boolean().optional(),
    /** A proposal waiting for the signed-in user's approval (someone else's; supervisors and administrators). */
    awaitingMyApproval: z.boolean().optional(),
    /** Registered (entered into the register) on this office date, whatever date the complaint was received. */
    registeredOn: isoDate.optional(),
    /** Only cases still in progress (not refused, closed or voided). */
    open: z.boolean().optional(),
    /** The figures of 统计, as filters, so each figure opens the cases behind it (domain.md "Headline statistics"). */
    accepted: z.boolean().optional(),
    resolved: z.boolean().optional(),
    punitive: z.boolean().optional(),
    lawsuitSupport: z.boolean().optional(),
    /** Closed, or refused by an approved decision. */
    finished: z.boolean().optional(),
    /** Finished with every deadline met in time (false: some deadline met late). */
    inTime: z.boolean().optional(),
    /** Counted as a repeat complaint (the same complainant against the same business within the office's window). */
    repeat: z.boolean().optional(),
    /** A work queue of 今日 (shared/domain/workflow.ts `caseQueues`): 待受理, 待补正, 待指派, 转办已答复待结案, 被退回. */
    queue: z.enum(caseQueues, { error: `工作队列应为 ${caseQueues.join('、')} 之一` }).optional(),
    page: z.number().int().min(1, '页码从1开始').default(1),
    pageSize: z.number().int().min(1).max(200, '每页最多200条').default(50),
    /** The `next` of the page before: the page that follows it, read from its place in the index (any depth, same speed). */
    after: z.string().max(1000).optional(),
    /** Absent: `defaultSortFor(text)`. */
    sort: z.enum(caseSorts).optional(),
  }),
  output: z.object({
    rows: z.array(caseRow),
    /** Matches counted, up to SEARCH_COUNT_CAP. */
    total: z.number().int(),
    /** More than `total` matched (the register shows "10000+"). */
    more: z.boolean(),
    /** Pass as `after` for the following page; null on the last page. */
    next: z.string().nullable(),
    /** The words searched for, as the core read them (the page highlights them). */
    words: z.array(z.string()),
    /**
     * A text searched while the search index is rewritten after an upgrade (services/searchReindex.ts):
     * how far it is, in cases. The matches are all there; a word of several runs is slower meanwhile.
     */
    indexing: z.object({ done: z.number().int().min(0), total: z.number().int().min(1) }).optional(),
  }),
};
export type CaseSearchInput = z.input<typeof casesSearch.input>;

export const respondentsSearch = {
  input: z.object({ text: z.string().trim().max(100), limit: z.number().int().min(1).max(50).default(10) }),
  output: z.object({ rows: z.array(respondentView.extend({ caseCount: z.number().int() })) }),
};
