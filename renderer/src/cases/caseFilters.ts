import type { CaseSearchInput } from '../../../shared/api/schemas/cases';
import { caseStatuses, type CaseStatus } from '../../../shared/domain/caseStatus';
import { deadlineKinds, type DeadlineKind } from '../../../shared/domain/deadlines';
import { caseQueues, type CaseQueue } from '../../../shared/domain/workflow';

/**
 * The register's filters as they stand in the address (#/cases?due=overdue&mine=1 …), and the
 * cases.search input they mean. 今日's counts and the lists they open are built from the same
 * filters, so a count and its list can never disagree.
 */

/** The deadline views a desk watches (DESIGN.md "今日"), over every kind of clock unless one is chosen. */
export const dueFilters = {
  overdue: { label: '已逾期', input: { overdue: true } },
  today: { label: '今日到期', input: { dueWithinWorkingDays: 0 } },
  soon: { label: '3个工作日内到期', input: { dueWithinWorkingDays: 3 } },
} as const satisfies Record<string, { label: string; input: Partial<CaseSearchInput> }>;
export type DueFilter = keyof typeof dueFilters;
export const dueFilterKeys = Object.keys(dueFilters) as DueFilter[];

export interface CaseFilters {
  status: CaseStatus | '';
  due: DueFilter | '';
  /** One kind of deadline for `due`. */
  kind: DeadlineKind | '';
  /** Cases the signed-in user handles. */
  mine: boolean;
  /** Proposals waiting for the signed-in user's approval. */
  approval: boolean;
  /** Registered on this office date (YYYY-MM-DD). */
  registered: string;
  /** A work queue of 今日 (待受理, 待补正, 待指派, 转办已答复待结案, 被退回). */
  queue: CaseQueue | '';
}

export const noFilters: CaseFilters = { status: '', due: '', kind: '', mine: false, approval: false, registered: '', queue: '' };

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | '' => ((list as readonly string[]).includes(v ?? '') ? (v as T) : '');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFrom(search: URLSearchParams): CaseFilters {
  const registered = search.get('registered') ?? '';
  return {
    status: oneOf(caseStatuses, search.get('status')),
    due: oneOf(dueFilterKeys, search.get('due')),
    kind: oneOf(deadlineKinds, search.get('kind')),
    mine: search.get('mine') === '1',
    approval: search.get('approval') === '1',
    registered: DATE.test(registered) ? registered : '',
    queue: oneOf(caseQueues, search.get('queue')),
  };
}

/** Writes the filters into the address, leaving out those not set. */
export function putFilters(next: URLSearchParams, change: Partial<CaseFilters>): void {
  for (const [key, value] of Object.entries(change)) {
    const text = value === true ? '1' : value === false ? '' : String(value ?? '');
    if (text) next.set(key, text);
    else next.delete(key);
  }
}

export function searchInputOf(f: CaseFilters): Partial<CaseSearchInput> {
  return {
    status: f.status || undefined,
    ...(f.due ? dueFilters[f.due].input : {}),
    deadlineKind: f.due && f.kind ? f.kind : undefined,
    mine: f.mine || undefined,
    awaitingMyApproval: f.approval || undefined,
    registeredOn: f.registered || undefined,
    queue: f.queue || undefined,
  };
}

/** The register opened on these filters, e.g. from a count on 今日. */
export function listLinkOf(change: Partial<CaseFilters>): string {
  const search = new URLSearchParams();
  putFilters(search, change);
  const q = search.toString();
  return q ? `/cases?${q}` : '/cases';
}
