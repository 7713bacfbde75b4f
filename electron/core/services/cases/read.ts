import type { z } from 'zod';
import { DomainError } from '../../../../shared/api/errors';
import type { CaseDetail, CaseRow, casesSearch } from '../../../../shared/api/schemas/cases';
import type { UserView } from '../../../../shared/api/schemas/common';
import type { Db } from '../../db/open';
import type { Clock } from '../../ports';
import { localDate } from '../../time';
import { loadCalendar } from '../calendar';
import type { CaseChecklist } from '../checklist/caseChecklist';
import type { Evidence } from '../evidence';
import type { Settings } from '../settings';
import { toRespondentView, type RespondentRow } from '../respondents';
import { investigationAccess } from './mayWork';
import { textConditions } from './searchText';

type SearchInput = z.output<typeof casesSearch.input>;

const SORT_SQL: Record<SearchInput['sort'], string> = {
  'receivedAt:desc': 'c.received_at DESC, c.id DESC',
  'receivedAt:asc': 'c.received_at ASC, c.id ASC',
  'acceptanceDueOn:asc': 'c.acceptance_due_on ASC, c.id ASC',
  'caseNo:asc': 'c.case_no ASC',
  'caseNo:desc': 'c.case_no DESC',
};

/** Statuses in which the acceptance decision is still owed; past its date such a case is overdue. */
const AWAITING_ACCEPTANCE = "c.status = 'registered'";

export function createCaseReader(db: Db, clock: Clock, settings: Settings, parts: { checklist: CaseChecklist; evidence: Evidence }) {
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
      acceptanceDueOn: c.acceptance_due_on,
      deadlineProvisional: c.deadline_provisional === 1,
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
      notices: [],
    };
  }

  function search(input: SearchInput): { rows: CaseRow[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.text) {
      const t = textConditions(input.text);
      where.push(...t.sql);
      params.push(...t.params);
    }
    const filter = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (input.status) filter('c.status = ?', input.status);
    if (input.category) filter('c.category = ?', input.category);
    if (input.from) filter('c.received_on >= ?', input.from);
    if (input.to) filter('c.received_on <= ?', input.to);
    const today = localDate(clock.now(), settings.get('office.timeZone', 'Asia/Shanghai'));
    if (input.dueWithinWorkingDays !== undefined) {
      const last = loadCalendar(db).addWorkingDays(today, input.dueWithinWorkingDays).date;
      filter(`(${AWAITING_ACCEPTANCE} AND c.acceptance_due_on BETWEEN ? AND ?)`, today, last);
    }
    if (input.overdue !== undefined) {
      filter(input.overdue ? `(${AWAITING_ACCEPTANCE} AND c.acceptance_due_on < ?)` : `NOT (${AWAITING_ACCEPTANCE} AND c.acceptance_due_on < ?)`, today);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = db.prepare(`SELECT COUNT(*) FROM cases c ${whereSql}`).pluck().get(...params) as number;
    const rows = db
      .prepare(
        `SELECT c.id, c.case_no, c.received_at, c.status, c.complainant_name, c.complainant_phone, c.subject,
                c.acceptance_due_on, r.name AS respondent_name, COALESCE(k.name, c.category) AS category_name
           FROM cases c
           JOIN respondents r ON r.id = c.respondent_id
           LEFT JOIN catalog_items k ON k.kind = 'category' AND k.code = c.category
           ${whereSql}
          ORDER BY ${SORT_SQL[input.sort]}
          LIMIT ? OFFSET ?`,
      )
      .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as Record<string, any>[];
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        caseNo: r.case_no,
        receivedAt: r.received_at,
        status: r.status,
        complainantName: r.complainant_name,
        complainantPhone: r.complainant_phone,
        respondentName: r.respondent_name,
        categoryName: r.category_name,
        subject: r.subject,
        acceptanceDueOn: r.acceptance_due_on,
      })),
    };
  }

  return { get, search };
}
