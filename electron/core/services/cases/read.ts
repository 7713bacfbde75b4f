import { DomainError } from '../../../../shared/api/errors';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import type { NoticeListItem } from '../../../../shared/api/schemas/notices';
import type { UserView } from '../../../../shared/api/schemas/common';
import type { WorkflowView } from '../../../../shared/api/schemas/workflow';
import type { Db } from '../../db/open';
import type { CaseStoreRead } from '../../store';
import type { CaseChecklist } from '../checklist/caseChecklist';
import type { Evidence } from '../evidence';
import { toRespondentView, type RespondentRow } from '../respondents';
import { correctionRefusal, receivedAtCorrectable } from '../../../../shared/domain/correction';
import { investigationAccess } from './mayWork';
import { repeatLinksOf } from './repeats';

/** Whether this user may correct the registration now (cases.correct), as the core will decide it. */
function correctionView(status: CaseDetail['status'], user: UserView): CaseDetail['correction'] {
  const refusal = correctionRefusal(status, user.role);
  return { allowed: refusal === null, reason: refusal?.message ?? null, receivedAt: refusal === null && receivedAtCorrectable(status) };
}

/**
 * A case as `cases.get` gives it: as registered, its timeline, its investigation (checklist and
 * evidence), its notices, and what the workflow recorded (`workflowView`).
 */
export function createCaseReader(
  db: Db,
  store: Pick<CaseStoreRead, 'registered' | 'events'>,
  workflowView: (caseId: number, user: UserView) => WorkflowView,
  parts: { checklist: CaseChecklist; evidence: Evidence; noticesOf: (caseId: number) => NoticeListItem[]; respondent: (id: number) => RespondentRow },
) {
  function get(id: number, user: UserView): CaseDetail {
    const c = store.registered(id);
    if (!c) throw new DomainError('NOT_FOUND', `未找到编号为 ${id} 的案件`);
    const { respondentId, receivedOn: _receivedOn, ...registered } = c;
    const events = store.events(id);
    return {
      ...registered,
      respondent: toRespondentView(parts.respondent(respondentId)),
      events,
      investigation: investigationAccess(db, id, user),
      correction: correctionView(registered.status, user),
      checklist: parts.checklist.itemsOf(id),
      checklistOrigin: parts.checklist.origin(id),
      evidence: parts.evidence.list(id),
      notices: parts.noticesOf(id),
      repeatLinks: repeatLinksOf(events),
      ...workflowView(id, user),
    };
  }

  return { get };
}
