import type { Role } from '../api/schemas/common';
import { caseStatusLabel, type CaseStatus } from './caseStatus';

/**
 * The case workflow as data (DESIGN.md "The case and its clock"; ../shared/domain.md "A case, from
 * the counter to the archive"; ../shared/API.md `cases.act`): which actor takes which action in
 * which status, where it leads and what else it needs. The core enforces it in `cases.act`, the
 * renderer draws its buttons from `allowedActions`, and the tests are generated from it.
 */

export const caseActions = [
  'accept',
  'refuse',
  'requestMaterials',
  'materialsReceived',
  'refer',
  'recordReferralReply',
  'assign',
  'startInvestigation',
  'recordContact',
  'recordBusinessReply',
  'pause',
  'resume',
  'startMediation',
  'scheduleSession',
  'recordSession',
  'endMediation',
  'proposeOutcome',
  'approve',
  'sendBack',
  'notify',
  'followUp',
  'reopen',
  'close',
  'void',
] as const;
export type CaseAction = (typeof caseActions)[number];

/**
 * Who takes an action (API.md "Roles"):
 * - desk: the counter's steps — a clerk, and a supervisor or administrator, on any case;
 * - handler: the investigator assigned to the case, and a supervisor or administrator on any case;
 * - approver: a supervisor or administrator, never on a proposal of their own.
 */
export type Actor = 'desk' | 'handler' | 'approver';

const ACTOR_ROLES: Record<Actor, readonly Role[]> = {
  desk: ['clerk', 'supervisor', 'admin'],
  handler: ['investigator', 'supervisor', 'admin'],
  approver: ['supervisor', 'admin'],
};

/** What the workflow needs to know of a case to decide; the core reads it, the tests make it up. */
export interface WorkflowState {
  status: CaseStatus;
  handlerId: number | null;
  /** The case clock is stopped (appraisal, recusal, materials …). */
  paused: boolean;
  /** 限期补正 asked and not yet answered: the acceptance clock waits. */
  awaitingMaterials: boolean;
  /** A refusal or an outcome waiting for 主管领导批示, and who proposed it. */
  proposal: { kind: 'refusal' | 'outcome'; by: number } | null;
  /** The complaint was passed to the business and its reply is still awaited (a businessReply clock is open). */
  awaitingBusinessReply: boolean;
  /** Mediation sessions scheduled and not yet recorded. */
  unrecordedSessions: number;
  referralReported: boolean;
  followUps: number;
  followUpsRequired: number;
}

export interface ActingUser {
  id: number;
  role: Role;
}

type Target = CaseStatus | 'same' | ((s: WorkflowState) => CaseStatus);

interface ActionRule {
  label: string;
  actors: readonly Actor[];
  from: readonly CaseStatus[];
  to: Target;
  /** A Chinese reason the action cannot be taken now, beyond the status; null when it can. */
  blockedBy?: (s: WorkflowState) => string | null;
}

const OPEN: readonly CaseStatus[] = ['registered', 'accepted', 'referred', 'investigating', 'mediating', 'awaiting_approval', 'approved', 'notified', 'follow_up'];
/** After acceptance and before the archive: where a case has (or needs) a handler. */
const HANDLED: readonly CaseStatus[] = ['accepted', 'investigating', 'mediating', 'awaiting_approval', 'approved', 'notified', 'follow_up'];

const notPaused = (s: WorkflowState) => (s.paused ? '案件计时已暂停，请先恢复计时' : null);

export const workflow: Record<CaseAction, ActionRule> = {
  accept: { label: '受理', actors: ['desk'], from: ['registered'], to: 'accepted' },
  refuse: { label: '不予受理', actors: ['desk'], from: ['registered'], to: 'awaiting_approval' },
  requestMaterials: {
    label: '限期补正',
    actors: ['desk'],
    from: ['registered'],
    to: 'same',
    blockedBy: (s) => (s.awaitingMaterials ? '已在等待投诉人补正材料' : null),
  },
  materialsReceived: {
    label: '材料已补齐',
    actors: ['desk'],
    from: ['registered'],
    to: 'same',
    blockedBy: (s) => (s.awaitingMaterials ? null : '没有待补正的材料'),
  },
  refer: { label: '分流转办', actors: ['desk'], from: ['registered', 'accepted'], to: 'referred' },
  recordReferralReply: {
    label: '记录转办答复',
    actors: ['desk'],
    from: ['referred'],
    to: 'same',
    blockedBy: (s) => (s.referralReported ? '已记录过承办单位的答复' : null),
  },
  assign: { label: '指派承办人', actors: ['approver'], from: HANDLED, to: 'same' },
  startInvestigation: {
    label: '开始调查',
    actors: ['handler'],
    from: ['accepted'],
    to: 'investigating',
    blockedBy: (s) => (s.handlerId === null ? '请先由负责人指派承办人' : null),
  },
  recordContact: { label: '记录联系', actors: ['desk', 'handler'], from: OPEN, to: 'same' },
  // The business's answer to a complaint passed to it, wherever it arrives (the counter, the handler).
  recordBusinessReply: {
    label: '记录经营者答复',
    actors: ['desk', 'handler'],
    from: OPEN,
    to: 'same',
    blockedBy: (s) => (s.awaitingBusinessReply ? null : '本案没有等待中的经营者答复：尚未将投诉转交经营者，或答复已记录。转交请在“记录联系”中勾选“已将投诉转交经营者”'),
  },
  pause: {
    label: '暂停计时',
    actors: ['handler'],
    from: ['investigating', 'mediating'],
    to: 'same',
    blockedBy: (s) => (s.paused ? '计时已处于暂停状态' : null),
  },
  resume: {
    label: '恢复计时',
    actors: ['handler'],
    from: ['investigating', 'mediating'],
    to: 'same',
    blockedBy: (s) => (s.paused ? null : '计时没有暂停'),
  },
  startMediation: { label: '开始调解', actors: ['handler'], from: ['investigating'], to: 'mediating', blockedBy: notPaused },
  scheduleSession: { label: '安排调解', actors: ['handler'], from: ['mediating'], to: 'same' },
  recordSession: {
    label: '记录调解',
    actors: ['handler'],
    from: ['mediating'],
    to: 'same',
    blockedBy: (s) => (s.unrecordedSessions > 0 ? null : '没有待记录的调解安排，请先安排调解'),
  },
  endMediation: { label: '结束调解', actors: ['handler'], from: ['mediating'], to: 'investigating', blockedBy: notPaused },
  proposeOutcome: { label: '提出处理意见', actors: ['handler'], from: ['investigating'], to: 'awaiting_approval', blockedBy: notPaused },
  approve: {
    label: '批准',
    actors: ['approver'],
    from: ['awaiting_approval'],
    to: (s) => (s.proposal?.kind === 'refusal' ? 'refused' : 'approved'),
  },
  sendBack: {
    label: '退回',
    actors: ['approver'],
    from: ['awaiting_approval'],
    to: (s) => (s.proposal?.kind === 'refusal' ? 'registered' : 'investigating'),
  },
  notify: { label: '已告知投诉人', actors: ['desk', 'handler'], from: ['approved'], to: 'notified' },
  followUp: { label: '回访', actors: ['handler'], from: ['notified', 'follow_up'], to: 'follow_up' },
  reopen: { label: '重新调查', actors: ['handler'], from: ['notified', 'follow_up'], to: 'investigating' },
  close: {
    label: '结案归档',
    actors: ['handler'],
    from: ['follow_up', 'referred'],
    to: 'closed',
    blockedBy: (s) => {
      if (s.status === 'referred') return s.referralReported ? null : '承办单位尚未答复，请先记录转办答复';
      return s.followUps >= s.followUpsRequired ? null : `还需回访 ${s.followUpsRequired - s.followUps} 次后才能结案`;
    },
  },
  void: { label: '作废', actors: ['approver'], from: OPEN, to: 'voided' },
};

export type Refusal = { code: 'FORBIDDEN' | 'INVALID_TRANSITION'; message: string };

/** Could this role ever take the action, on some case? (API.md: a role that may not → 403.) */
export function roleMayTake(role: Role, action: CaseAction): boolean {
  return workflow[action].actors.some((a) => ACTOR_ROLES[a].includes(role));
}

/**
 * May this user take the action on this case, whatever its status? Checked before the version and
 * the status (API.md's order): the role, the assigned handler, and nobody approving their own proposal.
 */
export function mayAct(s: WorkflowState, user: ActingUser, action: CaseAction): Refusal | null {
  const rule = workflow[action];
  if (!roleMayTake(user.role, action)) {
    return { code: 'FORBIDDEN', message: `您的角色不能进行“${rule.label}”` };
  }
  const asHandlerOnly = user.role === 'investigator';
  if (asHandlerOnly && s.handlerId !== user.id) {
    return { code: 'FORBIDDEN', message: `该案件未指派给您，不能进行“${rule.label}”` };
  }
  if (rule.actors.includes('approver') && action !== 'void' && action !== 'assign' && s.proposal?.by === user.id) {
    return { code: 'FORBIDDEN', message: '不能审批自己提出的意见，请由其他负责人审批' };
  }
  return null;
}

/** Does the case's status (and state) allow the action now? Checked after the version. */
export function transitionOf(s: WorkflowState, action: CaseAction): { to: CaseStatus } | Refusal {
  const rule = workflow[action];
  if (!rule.from.includes(s.status)) {
    return { code: 'INVALID_TRANSITION', message: `案件当前状态为“${caseStatusLabel[s.status]}”，不能进行“${rule.label}”` };
  }
  const blocked = rule.blockedBy?.(s);
  if (blocked) return { code: 'INVALID_TRANSITION', message: blocked };
  const to = rule.to === 'same' ? s.status : typeof rule.to === 'function' ? rule.to(s) : rule.to;
  return { to };
}

/** The actions this user may take on this case now, in the table's order (the case page's buttons). */
export function allowedActions(s: WorkflowState, user: ActingUser): CaseAction[] {
  return caseActions.filter((a) => mayAct(s, user, a) === null && 'to' in transitionOf(s, a));
}

export const actionLabel = (action: CaseAction): string => workflow[action].label;

/**
 * Steps that put a proposal to the approver: once taken, the step is proposed, not done — it
 * takes effect when a 负责人 approves it (domain.md step 6).
 */
export const proposingActions: readonly CaseAction[] = ['refuse', 'proposeOutcome'];

/**
 * A proposal sent back (退回) waits on its proposer until one of these steps answers it: a new
 * proposal, or — for a refusal sent back to the counter — accepting or referring the case instead.
 */
export const sentBackAnsweredBy: readonly CaseAction[] = ['refuse', 'proposeOutcome', 'accept', 'refer'];

/**
 * The work queues of 今日 beyond the deadlines, each a filter of the register (cases.search
 * `queue`), and the roles that work them:
 * - toAccept 待受理: registered, no materials awaited (the counter decides acceptance);
 * - awaitingMaterials 待补正: registered, 限期补正 asked and not yet answered;
 * - unassigned 待指派: accepted and still without a handler (a 负责人 assigns);
 * - referralReplied 转办已答复待结案: referred, the receiving office has answered, ready to close;
 * - sentBack 被退回: a proposal the 负责人 sent back, not yet proposed again.
 */
export const caseQueues = ['toAccept', 'awaitingMaterials', 'unassigned', 'referralReplied', 'sentBack'] as const;
export type CaseQueue = (typeof caseQueues)[number];

export const caseQueueLabel: Record<CaseQueue, string> = {
  toAccept: '待受理',
  awaitingMaterials: '待补正',
  unassigned: '待指派',
  referralReplied: '转办已答复待结案',
  sentBack: '被退回',
};
