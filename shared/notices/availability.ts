import type { CaseDetail } from '../api/schemas/cases';
import type { CaseStatus } from '../domain/caseStatus';
import { noticeTitle, noticeTypes, type NoticeType } from './types';

/**
 * Which notice a case allows now — the one rule the 文书 tab's buttons and the core's check in
 * `notices.issue` both read (domain.md "Documents the office prints"; the workflow of
 * shared/domain/workflow.ts decides the states, this only reads them).
 */

/** What of a case decides its notices. */
export interface NoticeFacts {
  status: CaseStatus;
  accepted: boolean;
  /** A refusal approved by a supervisor (the case is refused). */
  refusalApproved: boolean;
  /** A proposal waiting for 主管领导批示. */
  pending: 'refusal' | 'outcome' | null;
  /** 限期补正 is or was asked. */
  materialsRequested: boolean;
  referred: boolean;
  /** Mediation sessions scheduled and not yet recorded. */
  openSessions: number;
  mediationResult: 'agreement' | 'terminated' | null;
  hasTerms: boolean;
  /** An outcome approved by a supervisor, and the case past approval (not reopened since). */
  outcomeApproved: boolean;
}

const AFTER_APPROVAL: readonly CaseStatus[] = ['approved', 'notified', 'follow_up', 'closed'];

/** The materials asked for: while the case waits for them, else the last request on the timeline. */
export function materialsRequestOf(c: Pick<CaseDetail, 'materials' | 'events'>): { items: string[]; dueOn: string; requestedOn: string } | null {
  if (c.materials) return c.materials;
  const last = [...c.events].reverse().find((e) => e.type === 'requestMaterials');
  if (!last) return null;
  const items = Array.isArray(last.data.items) ? last.data.items.filter((i): i is string => typeof i === 'string') : [];
  const dueOn = typeof last.data.dueOn === 'string' ? last.data.dueOn : '';
  return { items, dueOn, requestedOn: last.at.slice(0, 10) };
}

export function noticeFactsOf(c: CaseDetail): NoticeFacts {
  return {
    status: c.status,
    accepted: c.acceptedOn !== null,
    refusalApproved: c.status === 'refused' && c.refusal?.approval != null,
    pending: c.proposal?.kind ?? null,
    materialsRequested: materialsRequestOf(c) !== null,
    referred: c.referral !== null,
    openSessions: c.mediation?.sessions.filter((s) => s.held === null).length ?? 0,
    mediationResult: c.mediation?.result ?? null,
    hasTerms: (c.mediation?.terms ?? '').trim() !== '',
    outcomeApproved: c.outcome?.approval != null && AFTER_APPROVAL.includes(c.status),
  };
}

/** Per type: why the case does not allow it now (Chinese), or null when it does. */
const rules: Record<NoticeType, (f: NoticeFacts) => string | null> = {
  receipt: () => null,
  acceptance: (f) => (f.accepted ? null : '案件尚未受理，不能签发受理通知书'),
  refusal: (f) => {
    if (f.refusalApproved) return null;
    if (f.pending === 'refusal') return '不予受理尚待负责人批准，批准后才能签发不予受理告知书';
    return '案件没有经批准的不予受理决定，不能签发不予受理告知书';
  },
  materials: (f) => (f.materialsRequested ? null : '案件没有要求限期补正材料，不能签发限期提供材料通知书'),
  referral: (f) => (f.referred ? null : '案件没有转办，不能签发转办通知书'),
  mediationNotice: (f) => (f.openSessions > 0 ? null : '没有已安排且尚未进行的调解，请先安排调解'),
  mediationAgreement: (f) => {
    if (f.mediationResult === 'terminated') return '调解已终止、未达成协议，不能签发调解书';
    if (f.mediationResult !== 'agreement') return '调解尚未以达成协议结束，不能签发调解书';
    return f.hasTerms ? null : '调解协议内容为空，不能签发调解书';
  },
  mediationEnded: (f) => (f.mediationResult === 'terminated' ? null : '调解没有终止，不能签发终止调解告知书'),
  outcome: (f) => {
    if (f.outcomeApproved) return null;
    if (f.pending === 'outcome') return '处理意见尚待负责人批准，批准后才能签发处理结果告知书';
    return '案件没有经批准的处理结果，不能签发处理结果告知书';
  },
};

/** Why this notice cannot be issued for the case now, or null. A voided case gets no new notice. */
export function noticeRefusal(type: NoticeType, f: NoticeFacts): string | null {
  if (f.status === 'voided') return `案件已作废，不能再签发${noticeTitle[type]}`;
  return rules[type](f);
}

/** Every type with its refusal (null: may be issued now), in the order of the case's path. */
export function noticeAvailability(f: NoticeFacts): { type: NoticeType; refusal: string | null }[] {
  return noticeTypes.map((type) => ({ type, refusal: noticeRefusal(type, f) }));
}
