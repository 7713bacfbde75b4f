import type { CaseSearchInput } from '../../../shared/api/schemas/cases';

/**
 * The deadline views a desk watches (DESIGN.md "今日"): acceptance decisions overdue, due today,
 * and due within 3 工作日. The core counts the working days on the office's calendar.
 */
export const deadlineFilters = {
  overdue: { label: '已逾期未受理', input: { overdue: true } },
  today: { label: '今日到期', input: { dueWithinWorkingDays: 0 } },
  soon: { label: '3个工作日内到期', input: { dueWithinWorkingDays: 3 } },
} as const satisfies Record<string, { label: string; input: Partial<CaseSearchInput> }>;

export type DeadlineFilter = keyof typeof deadlineFilters;

export const deadlineFilterKeys = Object.keys(deadlineFilters) as DeadlineFilter[];

export function isDeadlineFilter(s: string | null): s is DeadlineFilter {
  return (deadlineFilterKeys as string[]).includes(s ?? '');
}
