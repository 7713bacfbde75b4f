import { DomainError } from '../../../../shared/api/errors';
import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import type { NoticeListItem } from '../../../../shared/api/schemas/notices';
import type { UserView } from '../../../../shared/api/schemas/common';
import type { WorkflowView } from '../../../../shared/api/schemas/workflow';
import type { Db } from '../../db/open';
import type { CaseChecklist } from '../checklist/caseChecklist';
import type { Evidence } from '../evidence';
import { toRespondentView, type RespondentRow } from '../respondents';
import { investigationAccess } from './mayWork';

/**
 * A case as `cases.get` gives it: as registered, its timeline, its investigation (checklist and
 * evidence), its notices, and what the workflow recorded (`workflowView`).
 */
export function createCaseReader(
  db: Db,
  workflowView: (caseId: number, user: UserView) => WorkflowView,
  parts: { checklist: CaseChecklist; evidence: Evidence; noticesOf: (caseId: number) => NoticeListItem[] },
) {
  const caseRow = db.prepare(
    `SELECT c.*, ch.name AS channel_name, cat.name AS category_name, cat.grp AS category_group,
            u.display_name AS registered_by_name
       FROM cases c
       LEFT JOIN catalog_items ch ON ch.kind = 'channel' AND ch.code = c.channel
       LEFT JOIN catalog_items cat ON cat.kind = 'category' AND cat.code = c.category
       JOIN users u ON u.id = c.registered_by
      WHERE c.id = ?`,
  );
  const respondent = db.prepare('SELECT * FROM respondents WHERE id = ?');
  const natures = db.prepare(
    `SELECT n.nature AS code, COALESCE(k.name, n.nature) AS name FROM case_natures n
       LEFT JOIN catalog_items k ON k.kind = 'nature' AND k.code = n.nature
      WHERE n.case_id = ? ORDER BY k.sort`,
  );
  const events = db.prepare(
    `SELECT e.id, e.at, e.type, e.data, e.user_id, u.display_name FROM case_events e
       LEFT JOIN users u ON u.id = e.user_id WHERE e.case_id = ? ORDER BY e.id`,
  );

  function get(id: number, user: UserView): CaseDetail {
    const c = caseRow.get(id) as Record<string, any> | undefined;
    if (!c) throw new DomainError('NOT_FOUND', `未找到编号为 ${id} 的案件`);
    const r = respondent.get(c.respondent_id) as RespondentRow;
    return {
      id: c.id,
      caseNo: c.case_no,
      receivedAt: c.received_at,
      channel: { code: c.channel, name: c.channel_name ?? c.channel },
      status: c.status,
      category: { code: c.category, name: c.category_name ?? c.category, group: c.category_group ?? '' },
      natures: natures.all(id) as { code: string; name: string }[],
      complainant: {
        name: c.complainant_name,
        idType: c.complainant_id_type,
        idNumber: c.complainant_id_number,
        phone: c.complainant_phone,
        address: c.complainant_address,
      },
      respondent: toRespondentView(r),
      subject: c.subject,
      purchasedOn: c.purchased_on,
      amountPaidFen: c.amount_paid_fen,
      facts: c.facts,
      request: c.request,
      amountClaimedFen: c.amount_claimed_fen,
      consentMediation: c.consent_mediation === 1,
      consentPublication: c.consent_publication === null ? null : c.consent_publication === 1,
      registeredBy: { id: c.registered_by, displayName: c.registered_by_name },
      createdAt: c.created_at,
      events: (events.all(id) as { id: number; at: string; type: string; data: string; user_id: number | null; display_name: string | null }[]).map((e) => ({
        id: e.id,
        at: e.at,
        type: e.type,
        by: e.user_id === null ? null : { id: e.user_id, displayName: e.display_name ?? '' },
        data: JSON.parse(e.data) as Record<string, unknown>,
      })),
      investigation: investigationAccess(db, id, user),
      checklist: parts.checklist.itemsOf(id),
      checklistOrigin: parts.checklist.origin(id),
      evidence: parts.evidence.list(id),
      notices: parts.noticesOf(id),
      ...workflowView(id, user),
    };
  }

  return { get };
}
