import { deadlineFilterStates, type CaseSearchInput } from '../../../shared/api/schemas/cases';
import { caseStatuses, type CaseStatus } from '../../../shared/domain/caseStatus';
import { deadlineKinds, type DeadlineKind } from '../../../shared/domain/deadlines';
import { caseQueues, type CaseQueue } from '../../../shared/domain/workflow';

/**
 * The register's filters as they stand in the address (#/cases?due=overdue&mine=1 …), and the
 * cases.search input they mean. 今日's counts and the lists they open are built from the same
 * filters, so a count and its list can never disagree; so are 统计's figures and the cases behind them.
 */

/** The deadline views a desk watches (DESIGN.md "今日"), over every kind of clock unless one is chosen. */
export const dueFilters = {
  overdue: { label: '已逾期', input: { overdue: true } },
  today: { label: '今日到期', input: { dueWithinWorkingDays: 0 } },
  soon: { label: '3个工作日内到期', input: { dueWithinWorkingDays: 3 } },
} as const satisfies Record<string, { label: string; input: Partial<CaseSearchInput> }>;
export type DueFilter = keyof typeof dueFilters;
export const dueFilterKeys = Object.keys(dueFilters) as DueFilter[];

/** A deadline's state (of the chosen kind, or any): the core's deadlineState filter. */
export type DeadlineStateFilter = (typeof deadlineFilterStates)[number];
export const deadlineStateLabel: Record<DeadlineStateFilter, string> = {
  running: '计时中',
  paused: '暂停计时',
  met: '按时完成',
  metLate: '逾期完成',
  cancelled: '已取消',
};

/**
 * The figures of 统计 as filters (shared/api/schemas/cases.ts), each the rule the figure is counted by,
 * so a click on a figure lists exactly the cases it counts.
 */
export const figureFilters = {
  accepted: { label: '已受理', input: { accepted: true } },
  resolved: { label: '已解决', input: { resolved: true } },
  punitive: { label: '加倍赔偿', input: { punitive: true } },
  lawsuit: { label: '支持起诉', input: { lawsuitSupport: true } },
  finished: { label: '已办结', input: { finished: true } },
  repeat: { label: '重复投诉', input: { repeat: true } },
} as const satisfies Record<string, { label: string; input: Partial<CaseSearchInput> }>;
export type FigureFilter = keyof typeof figureFilters;
export const figureFilterKeys = Object.keys(figureFilters) as FigureFilter[];

/** Address value of "none recorded" for the region and the handler (unassigned). */
export const NONE = 'none';

export interface CaseFilters {
  status: CaseStatus | '';
  due: DueFilter | '';
  /** One kind of deadline for `due` and `state`. */
  kind: DeadlineKind | '';
  /** A deadline in this state. */
  state: DeadlineStateFilter | '';
  /** Cases the signed-in user handles. */
  mine: boolean;
  /** Proposals waiting for the signed-in user's approval. */
  approval: boolean;
  /** Registered on this office date (YYYY-MM-DD). */
  registered: string;
  category: string;
  nature: string;
  channel: string;
  /** A region's code, or NONE for cases without one. */
  region: string;
  /** A handler's user id, or NONE for cases not yet assigned; `handlerName` is only its label. */
  handler: string;
  handlerName: string;
  /** A respondent's id; `respondentName` is only its label. */
  respondent: string;
  respondentName: string;
  /** Received from / to (office dates, YYYY-MM-DD). */
  from: string;
  to: string;
  /** Voided cases too. */
  voided: boolean;
  /** Still in progress. */
  open: boolean;
  /** Finished in time ('1') or with a deadline met late ('0'). */
  inTime: '' | '1' | '0';
  accepted: boolean;
  resolved: boolean;
  punitive: boolean;
  lawsuit: boolean;
  finished: boolean;
  repeat: boolean;
  /** A work queue of 今日 (待受理, 待补正, 待指派, 转办已答复待结案, 被退回). */
  queue: CaseQueue | '';
}

export const noFilters: CaseFilters = {
  status: '',
  due: '',
  kind: '',
  state: '',
  mine: false,
  approval: false,
  registered: '',
  category: '',
  nature: '',
  channel: '',
  region: '',
  handler: '',
  handlerName: '',
  respondent: '',
  respondentName: '',
  from: '',
  to: '',
  voided: false,
  open: false,
  inTime: '',
  accepted: false,
  resolved: false,
  punitive: false,
  lawsuit: false,
  finished: false,
  repeat: false,
  queue: '',
};

/** Address keys that differ from the field's name (short, readable links). */
const KEY: Partial<Record<keyof CaseFilters, string>> = { handlerName: 'hname', respondentName: 'rname', inTime: 'intime' };
export const addressKeyOf = (field: keyof CaseFilters) => KEY[field] ?? field;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | '' => ((list as readonly string[]).includes(v ?? '') ? (v as T) : '');
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9_.-]{1,40}$/;
const ID = /^[1-9]\d{0,14}$/;
const matching = (pattern: RegExp, v: string | null) => (v !== null && pattern.test(v) ? v : '');
const label = (v: string | null) => (v ?? '').slice(0, 100);

export function filtersFrom(search: URLSearchParams): CaseFilters {
  const get = (field: keyof CaseFilters) => search.get(addressKeyOf(field));
  const flag = (field: keyof CaseFilters) => get(field) === '1';
  const handler = get('handler') === NONE ? NONE : matching(ID, get('handler'));
  const respondent = matching(ID, get('respondent'));
  return {
    status: oneOf(caseStatuses, get('status')),
    due: oneOf(dueFilterKeys, get('due')),
    kind: oneOf(deadlineKinds, get('kind')),
    state: oneOf(deadlineFilterStates, get('state')),
    mine: flag('mine'),
    approval: flag('approval'),
    registered: matching(DATE, get('registered')),
    category: matching(CODE, get('category')),
    nature: matching(CODE, get('nature')),
    channel: matching(CODE, get('channel')),
    region: matching(CODE, get('region')),
    handler,
    handlerName: handler && handler !== NONE ? label(get('handlerName')) : '',
    respondent,
    respondentName: respondent ? label(get('respondentName')) : '',
    from: matching(DATE, get('from')),
    to: matching(DATE, get('to')),
    voided: flag('voided'),
    open: flag('open'),
    inTime: oneOf(['1', '0'] as const, get('inTime')),
    accepted: flag('accepted'),
    resolved: flag('resolved'),
    punitive: flag('punitive'),
    lawsuit: flag('lawsuit'),
    finished: flag('finished'),
    repeat: flag('repeat'),
    queue: oneOf(caseQueues, get('queue')),
  };
}

/** Writes the filters into the address, leaving out those not set. */
export function putFilters(next: URLSearchParams, change: Partial<CaseFilters>): void {
  for (const [field, value] of Object.entries(change) as [keyof CaseFilters, unknown][]) {
    const key = addressKeyOf(field);
    const text = value === true ? '1' : value === false ? '' : String(value ?? '');
    if (text) next.set(key, text);
    else next.delete(key);
  }
}

export function searchInputOf(f: CaseFilters): Partial<CaseSearchInput> {
  const kindApplies = f.due !== '' || f.state !== '';
  return {
    status: f.status || undefined,
    ...(f.due ? dueFilters[f.due].input : {}),
    deadlineState: f.state || undefined,
    deadlineKind: kindApplies && f.kind ? f.kind : undefined,
    mine: f.mine || undefined,
    awaitingMyApproval: f.approval || undefined,
    registeredOn: f.registered || undefined,
    category: f.category || undefined,
    nature: f.nature || undefined,
    channel: f.channel || undefined,
    region: f.region === NONE ? null : f.region || undefined,
    handlerId: f.handler === NONE ? null : f.handler ? Number(f.handler) : undefined,
    respondentId: f.respondent ? Number(f.respondent) : undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    includeVoided: f.voided || undefined,
    open: f.open || undefined,
    inTime: f.inTime === '' ? undefined : f.inTime === '1',
    queue: f.queue || undefined,
    ...Object.assign({}, ...figureFilterKeys.filter((k) => f[k]).map((k) => figureFilters[k].input)),
  };
}

/** The register opened on these filters, e.g. from a count on 今日 or a figure of 统计. */
export function listLinkOf(change: Partial<CaseFilters>, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  putFilters(search, change);
  for (const [k, v] of Object.entries(extra)) search.set(k, v);
  const q = search.toString();
  return q ? `/cases?${q}` : '/cases';
}

/** How many filters are set besides the ones given (the "更多筛选" badge). */
export function countSet(f: CaseFilters, fields: readonly (keyof CaseFilters)[]): number {
  return fields.filter((k) => f[k] !== noFilters[k] && !k.endsWith('Name')).length;
}
