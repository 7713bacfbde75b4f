import { z } from 'zod';
import { caseStatuses } from '../../domain/caseStatus';
import { deadlineKinds, deadlineStates } from '../../domain/deadlines';
import { caseActions } from '../../domain/workflow';
import { code, fen, id, isoDate, isoDateTime, optionalText, requestId, text } from './common';

/**
 * `cases.act` (../shared/API.md): one operation for every step of the workflow, its fields by
 * action. The workflow table (shared/domain/workflow.ts) decides who may take which step when.
 */

const version = z.number({ error: '缺少案件版本号' }).int('版本号应为整数').min(1, '版本号应为正整数');
/** Every step takes a client request id: a retry after a lost answer gets the first answer, not a conflict. */
const step = <A extends string, S extends z.ZodRawShape>(action: A, shape: S) =>
  z.object({ id, version, action: z.literal(action), requestId, ...shape });

export const contactParties = ['respondent', 'complainant'] as const;
export const contactPartyLabel: Record<(typeof contactParties)[number], string> = { respondent: '被投诉方', complainant: '投诉人' };
export const contactMethods = ['phone', 'visit', 'onsite', 'letter', 'online', 'other'] as const;
export const contactMethodLabel: Record<(typeof contactMethods)[number], string> = {
  phone: '电话',
  visit: '来访面谈',
  onsite: '实地走访',
  letter: '信函',
  online: '网络/短信',
  other: '其他',
};
export const pauseReasons = ['appraisal', 'recusal', 'materials', 'other'] as const;
export const pauseReasonLabel: Record<(typeof pauseReasons)[number], string> = {
  appraisal: '检定、检验、检测、鉴定',
  recusal: '申请回避',
  materials: '等待补充材料',
  other: '其他',
};
export const sessionModes = ['onsite', 'phone', 'video'] as const;
export const sessionModeLabel: Record<(typeof sessionModes)[number], string> = { onsite: '现场调解', phone: '电话调解', video: '视频调解' };
export const mediationResults = ['agreement', 'terminated'] as const;
export const mediationResultLabel: Record<(typeof mediationResults)[number], string> = { agreement: '达成调解协议', terminated: '终止调解' };

const comment = (label: string) => text(label, 1000);

export const caseActInput = z.discriminatedUnion(
  'action',
  [
    step('accept', { note: optionalText('受理说明', 500) }),
    step('refuse', {
      grounds: z.array(code, { error: '请选择不予受理的理由' }).min(1, '请至少选择一项不予受理的理由').max(10, '理由过多'),
      reason: text('不予受理的具体说明', 2000),
    }),
    step('requestMaterials', {
      items: z.array(text('需补正的材料', 200), { error: '请列出需补正的材料' }).min(1, '请至少列出一项需补正的材料').max(20, '材料项目过多'),
      dueOn: isoDate,
    }),
    step('materialsReceived', { note: optionalText('说明', 500) }),
    step('refer', {
      to: text('转办单位', 100),
      reason: text('转办理由', 1000),
      reportDueOn: isoDate.optional(),
    }),
    step('recordReferralReply', { summary: text('承办单位答复', 2000) }),
    step('assign', { userId: id }),
    step('startInvestigation', {}),
    step('recordContact', {
      with: z.enum(contactParties, { error: '请选择联系对象' }),
      how: z.enum(contactMethods, { error: '请选择联系方式' }),
      summary: text('联系情况', 2000),
      /** The complaint was passed to the business for an answer (3 工作日 by default). */
      transfer: z.boolean().optional(),
      replyDueOn: isoDate.optional(),
      /** This contact is the business's answer to a transfer. */
      isReply: z.boolean().optional(),
    }),
    step('recordBusinessReply', {
      how: z.enum(contactMethods, { error: '请选择答复方式' }),
      summary: text('经营者答复', 2000),
    }),
    step('pause', { reason: z.enum(pauseReasons, { error: '请选择暂停原因' }), note: text('暂停说明', 500) }),
    step('resume', { note: optionalText('说明', 500) }),
    step('startMediation', { bothConsent: z.literal(true, { error: '调解须经双方同意，请确认双方均同意调解' }) }),
    step('scheduleSession', {
      at: isoDateTime,
      /** Needed for a session on site; a phone or video session has none. */
      place: optionalText('调解地点', 200),
      mode: z.enum(sessionModes, { error: '请选择调解方式' }),
      mediator: text('调解员', 50),
      mediatorPhone: optionalText('调解员电话', 30),
      bring: optionalText('需携带的材料', 500),
    }),
    step('recordSession', {
      sessionId: id,
      held: z.boolean({ error: '请选择调解是否如期进行' }),
      summary: text('调解情况', 3000),
    }),
    step('endMediation', {
      result: z.enum(mediationResults, { error: '请选择调解结果' }),
      terms: optionalText('调解协议内容', 5000),
      ground: code.optional(),
      /** Mediation ends with sessions still scheduled and unrecorded: say so, and they are recorded as not held. */
      cancelSessions: z.boolean().optional(),
    }),
    step('proposeOutcome', {
      measures: z.array(code, { error: '请选择处理结果' }).min(1, '请至少选择一项处理结果').max(12, '处理结果过多'),
      recoveredFen: fen,
      punitiveFen: fen.optional(),
      summary: text('处理意见', 3000),
    }),
    step('approve', { comment: comment('批示意见') }),
    step('sendBack', { comment: comment('退回意见') }),
    step('notify', { how: z.enum(contactMethods).optional(), note: optionalText('告知情况', 500) }),
    step('followUp', {
      satisfaction: z.number({ error: '请选择满意度' }).int('满意度为1到5的整数').min(1, '满意度为1到5').max(5, '满意度为1到5'),
      note: text('回访情况', 1000),
    }),
    step('reopen', { reason: text('重新调查的理由', 1000) }),
    step('close', { note: optionalText('结案说明', 1000) }),
    step('void', { reason: text('作废理由', 500) }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? `没有这个办理步骤；可用：${caseActions.join('、')}` : undefined) },
);
export type CaseActInput = z.input<typeof caseActInput>;
export type ParsedCaseAct = z.output<typeof caseActInput>;

export const casesAct = {
  input: caseActInput,
  output: z.object({ status: z.enum(caseStatuses), version: z.number().int() }),
};

const person = z.object({ id: z.number().int(), displayName: z.string() });
/** A ground as the rules in force number it: its catalog text and its item in the article. */
const groundView = z.object({ code: z.string(), text: z.string(), item: z.string() });

export const timeLeftView = z.object({ amount: z.number().int(), unit: z.enum(['workingDays', 'calendarDays']) });

export const deadlineView = z.object({
  id: z.number().int(),
  kind: z.enum(deadlineKinds),
  startOn: z.string(),
  dueOn: z.string(),
  /** Calendar days the clock stood still. */
  pausedDays: z.number().int(),
  provisional: z.boolean(),
  state: z.enum(deadlineStates),
  /** Working days to the due date on the office calendar (negative: overdue), null when not running. */
  workingDaysLeft: z.number().int().nullable(),
  /** Time to the due date in the unit the clock is counted in (calendar days for a 日 limit or a date set by hand), null when not running. */
  left: timeLeftView.nullable(),
  /** The limit it was counted by, e.g. "7 个工作日"; null for a date set by hand. */
  limit: z.string().nullable(),
  ruleSet: z.string().nullable(),
  endedOn: z.string().nullable(),
});
export type DeadlineView = z.infer<typeof deadlineView>;

/** What the workflow has recorded on a case, for the case page and the notices. */
export const workflowView = z.object({
  version: z.number().int(),
  handler: person.nullable(),
  allowedActions: z.array(z.enum(caseActions)),
  deadlines: z.array(deadlineView),
  /** The office date today, from the core's clock. */
  today: z.string(),
  ruleSet: z.object({ code: z.string(), name: z.string() }),
  paused: z.object({ reason: z.string(), note: z.string(), since: z.string() }).nullable(),
  materials: z.object({ items: z.array(z.string()), dueOn: z.string(), requestedOn: z.string() }).nullable(),
  /** A refusal or an outcome waiting for 主管领导批示: who proposed it, when, and what it says (for the approver to read). */
  proposal: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('refusal'), by: person, at: z.string(), grounds: z.array(groundView), article: z.string(), reason: z.string() }),
      z.object({
        kind: z.literal('outcome'),
        by: person,
        at: z.string(),
        measures: z.array(z.object({ code: z.string(), name: z.string() })),
        recoveredFen: z.number().int(),
        punitiveFen: z.number().int(),
        summary: z.string(),
      }),
    ])
    .nullable(),
  /**
   * The last proposal a 负责人 sent back (退回), while nobody has answered it with a new proposal:
   * who sent it back, when and why, and what had been proposed (the dialog starts from it).
   */
  sentBack: z
    .object({
      kind: z.enum(['refusal', 'outcome']),
      by: person,
      at: z.string(),
      comment: z.string(),
      proposedBy: person,
      /** As proposed: a refusal's ground codes and reason, or an outcome's measure codes, amounts and summary. */
      proposal: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('refusal'), grounds: z.array(z.string()), reason: z.string() }),
          z.object({ kind: z.literal('outcome'), measures: z.array(z.string()), recoveredFen: z.number().int(), punitiveFen: z.number().int(), summary: z.string() }),
        ])
        .nullable(),
    })
    .nullable(),
  acceptedOn: z.string().nullable(),
  refusal: z
    .object({
      grounds: z.array(groundView),
      article: z.string(),
      reason: z.string(),
      proposedBy: person,
      approval: z.object({ by: person, at: z.string(), comment: z.string() }).nullable(),
    })
    .nullable(),
  referral: z
    .object({ to: z.string(), reason: z.string(), on: z.string(), reportDueOn: z.string(), reply: z.string().nullable(), repliedOn: z.string().nullable() })
    .nullable(),
  mediation: z
    .object({
      startedOn: z.string(),
      sessions: z.array(
        z.object({
          id: z.number().int(),
          at: z.string(),
          place: z.string(),
          mode: z.enum(sessionModes),
          mediator: z.string(),
          mediatorPhone: z.string().nullable(),
          bring: z.string().nullable(),
          held: z.boolean().nullable(),
          summary: z.string().nullable(),
        }),
      ),
      result: z.enum(mediationResults).nullable(),
      terms: z.string().nullable(),
      ground: z.object({ code: z.string(), text: z.string(), item: z.string(), article: z.string() }).nullable(),
      endedOn: z.string().nullable(),
    })
    .nullable(),
  outcome: z
    .object({
      measures: z.array(z.object({ code: z.string(), name: z.string() })),
      recoveredFen: z.number().int(),
      punitiveFen: z.number().int(),
      summary: z.string(),
      resolved: z.boolean(),
      proposedBy: person,
      proposedAt: z.string(),
      approval: z.object({ by: person, at: z.string(), comment: z.string() }).nullable(),
    })
    .nullable(),
  followUps: z.array(z.object({ at: z.string(), by: person, satisfaction: z.number().int(), note: z.string() })),
  followUpsRequired: z.number().int(),
  notifiedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  voided: z.object({ reason: z.string(), by: person, at: z.string() }).nullable(),
});
export type WorkflowView = z.infer<typeof workflowView>;
