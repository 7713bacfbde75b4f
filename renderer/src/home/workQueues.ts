import type { Role } from '../../../shared/api/schemas/common';
import { caseQueueLabel } from '../../../shared/domain/workflow';
import type { CaseFilters } from '../cases/caseFilters';

/** A card of 今日 for a queue a role works: its name, the register's filters behind it, and a line of what it holds. */
export interface WorkCard {
  key: string;
  label: string;
  filters: Partial<CaseFilters>;
  caption: string;
  colour: string;
}

const card = (key: string, label: string, filters: Partial<CaseFilters>, caption: string, colour = 'primary.main'): WorkCard => ({ key, label, filters, caption, colour });

/**
 * The queues each role works, besides the deadlines (DESIGN.md "今日"; the queues themselves are
 * shared/domain/workflow.ts `caseQueues`, counted by the core): the counter decides acceptance and
 * waits for materials; a 负责人 approves, assigns and closes what came back from a referral; a
 * handler works their cases and what was sent back to them.
 */
export function workCardsOf(role: Role): WorkCard[] {
  switch (role) {
    case 'clerk':
      return [
        card('toAccept', caseQueueLabel.toAccept, { queue: 'toAccept' }, '已登记，待决定是否受理'),
        card('awaitingMaterials', caseQueueLabel.awaitingMaterials, { queue: 'awaitingMaterials' }, '已限期补正，等待材料'),
        card('sentBack', caseQueueLabel.sentBack, { queue: 'sentBack', status: 'registered' }, '不予受理意见被退回', 'warning.dark'),
      ];
    case 'investigator':
      return [
        card('cases', '我的在办案件', { mine: true }, '我承办的'),
        card('sentBack', caseQueueLabel.sentBack, { queue: 'sentBack', mine: true }, '处理意见被退回，待重新提出', 'warning.dark'),
      ];
    case 'supervisor':
    case 'admin':
      return [
        card('approval', '待我审批', { approval: true }, '不予受理或处理意见', 'warning.dark'),
        card('unassigned', caseQueueLabel.unassigned, { queue: 'unassigned' }, '已受理，尚无承办人'),
        card('referralReplied', caseQueueLabel.referralReplied, { queue: 'referralReplied' }, '承办单位已答复，可结案'),
      ];
  }
}
