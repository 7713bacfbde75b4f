import { z } from 'zod';
import { caseStatuses, idTypes } from '../../domain/caseStatus';
import { creditCodeProblem, phoneProblem, residentIdProblem } from '../../domain/validators';
import { code, fen, id, isoDate, optionalText, receivedAt, requestId, storableText, text } from './common';
export { EARLIEST_RECEIPT_DATE } from './common';
import { noticeListItem } from './notices';
import { workflowView } from './workflow';
import { checklistItemView, checklistOrigin, evidenceView } from './evidence';
import { repeatLink } from './repeats';
import { requestTypeCodes } from '../../domain/requestTypes';
import { respondentView } from './caseSearch';

const phone = z
  .string({ error: '请填写联系电话' })
  .trim()
  .min(1, '请填写联系电话')
  .max(30, '电话号码过长')
  .superRefine((v, ctx) => {
    const problem = phoneProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** 代理人联系电话: required when an agent is named (the office reaches the agent, not the complainant). */
const agentPhone = z
  .string({ error: '请填写代理人联系电话' })
  .trim()
  .min(1, '请填写代理人联系电话')
  .max(30, '电话号码过长')
  .superRefine((v, ctx) => {
    const problem = phoneProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const optionalPhone = z
  .string()
  .trim()
  .max(30, '电话号码过长')
  .optional()
  .superRefine((v, ctx) => {
    const problem = v ? phoneProblem(v) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((v) => (v === '' ? undefined : v));

export const complainantInput = z
  .object({
    name: text('投诉人姓名', 50),
    idType: z.enum(idTypes, { error: '请选择证件类型' }).default('resident'),
    idNumber: optionalText('证件号码', 40),
    phone,
    address: optionalText('投诉人地址', 200),
  })
  .superRefine((c, ctx) => {
    // GB 11643 applies to 居民身份证 only; other documents are kept as typed (domain.md "Validators").
    if (c.idType === 'resident' && c.idNumber) {
      const problem = residentIdProblem(c.idNumber);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['idNumber'] });
    }
  });

/**
 * 代理人 (domain.md step 1: "agent with 授权委托书 if any"): who speaks for the complainant, and
 * whether the signed power of attorney (授权委托书) is on file. Without it the agent is still noted:
 * the desk asks for it (限期补正) rather than turning the person away.
 */
export const agentInput = z.object({
  name: text('代理人姓名', 50),
  phone: agentPhone,
  relation: optionalText('与投诉人关系', 20),
  authorizationReceived: z.boolean({ error: '请说明是否已收到授权委托书' }).default(false),
});

/** Where the purchase was made (domain.md step 1 "when, where"): a shop, an online platform, its order number; each optional. */
export const purchasePlaceInput = z.object({
  shop: optionalText('购买店铺', 100),
  platform: optionalText('购买平台', 50),
  orderNo: optionalText('订单号', 64),
});

/** 请求类型: codes of shared/domain/requestTypes.ts, each once. */
export const requestTypesInput = z
  .array(z.enum(requestTypeCodes, { error: '请从列表中选择请求类型' }), { error: '请求类型应为列表' })
  .max(requestTypeCodes.length, '请求类型过多')
  .refine((v) => new Set(v).size === v.length, '请求类型有重复');

// An id with a name is ambiguous (link, or create?): refused rather than guessed, by either branch.
const AMBIGUOUS_RESPONDENT = '选择已登记的被投诉方时只需给出 id，不要同时填写名称等信息';

export const newRespondentInput = z
  .object({
    id: z.never({ error: AMBIGUOUS_RESPONDENT }).optional(),
    name: text('被投诉方名称', 100),
    creditCode: optionalText('统一社会信用代码', 18),
    address: optionalText('被投诉方地址', 200),
    contactPerson: optionalText('联系人', 50),
    phone: optionalPhone,
  })
  .superRefine((r, ctx) => {
    if (r.creditCode) {
      const problem = creditCodeProblem(r.creditCode);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['creditCode'] });
    }
  });

const existingRespondent = z.strictObject(
  { id },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? AMBIGUOUS_RESPONDENT : undefined) },
);

export const respondentRef = z.union([existingRespondent, newRespondentInput], { error: '请填写被投诉方' });


export const casesRegister = {
  input: z.object({
    receivedAt: receivedAt.optional(),
    channel: code,
    complainant: complainantInput,
    respondent: respondentRef,
    category: code,
    natures: z.array(code).max(11, '投诉性质过多').default([]),
    subject: text('商品或服务名称', 200),
    purchasedOn: isoDate.refine((v) => v >= '1900-01-01', '购买日期不能早于1900年1月1日，请核对年份').optional(),
    amountPaidFen: fen.optional(),
    /** Where the purchase was made: shop, platform, order number (all optional). */
    purchasePlace: purchasePlaceInput.optional(),
    facts: text('投诉事实', 5000),
    request: text('投诉请求', 2000),
    /** 请求类型 (修理、重作、更换、退货 …) beside the free-text request. */
    requestTypes: requestTypesInput.default([]),
    amountClaimedFen: fen.optional(),
    /** 代理人, when someone complains on the complainant's behalf. */
    agent: agentInput.optional(),
    /**
     * The clerk has seen that the purchase was more than three years before receipt (a possible
     * refusal ground, domain.md) and registers it all the same; without it such a registration is
     * answered 400 with the warning under `oldPurchaseConfirmed`, and nothing is saved.
     */
    oldPurchaseConfirmed: z.boolean({ error: '请确认购买日期' }).optional(),
    /** Where the complaint comes from: a code of the office's own list of districts or towns (catalog `regions`). */
    region: code.optional(),
    consentMediation: z.boolean({ error: '请选择是否同意调解' }),
    consentPublication: z.boolean().optional(),
    /** 关联为重复投诉: the id of the earlier complaint (same person, same business, within the window) this one repeats. */
    repeatOf: id.optional(),
    /** The enquiry (咨询登记) this complaint comes from: linked to the case in the same transaction. */
    fromEnquiryId: id.optional(),
    /** The signed-in user's 草稿 of the registration form (drafts.save key) to remove with the registration, in its transaction. */
    draftKey: z.string({ error: '草稿标识应为文字' }).max(100, '草稿标识不能超过100个字').optional(),
    requestId,
  }),
  output: z.object({
    id: z.number().int(),
    caseNo: z.string(),
    acceptanceDueOn: z.string(),
    /**
     * The acceptance decision was already overdue when the complaint was entered (a letter
     * registered late), by the office's clock; the clerk is warned at save. Absent in answers
     * stored for a retry before it existed.
     */
    acceptanceOverdue: z.boolean().optional(),
  }),
};
export type RegisterCaseInput = z.input<typeof casesRegister.input>;

/** Optional text a correction may also clear: an empty box or null means "none" (stored as null). */
const clearableText = (label: string, max: number) =>
  storableText(label, z.string({ error: `${label}应为文字` }).trim().max(max, `${label}不能超过${max}个字`))
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

const registerShape = casesRegister.input.shape;

/**
 * What a correction may change: any field of the registration (API.md `cases.correct`: "changes:
 * any fields of the cases.register input"), each optional; null clears an optional one. The
 * complainant's fields are corrected one by one (the rest stay); the respondent is named again, by
 * id or by name, as at registration. The case number is no field of the registration and never
 * changes; anything else unknown is refused rather than ignored.
 */
export const correctionChanges = z.strictObject(
  {
    caseNo: z.never({ error: '案件编号不能更正' }).optional(),
    receivedAt: receivedAt.optional(),
    channel: code.optional(),
    region: code.nullable().optional(),
    complainant: z
      .strictObject({
        name: text('投诉人姓名', 50).optional(),
        idType: z.enum(idTypes, { error: '请选择证件类型' }).optional(),
        idNumber: clearableText('证件号码', 40),
        phone: phone.optional(),
        address: clearableText('投诉人地址', 200),
      })
      .optional(),
    respondent: respondentRef.optional(),
    subject: registerShape.subject.optional(),
    purchasedOn: registerShape.purchasedOn.unwrap().nullable().optional(),
    amountPaidFen: fen.nullable().optional(),
    facts: registerShape.facts.optional(),
    request: registerShape.request.optional(),
    amountClaimedFen: fen.nullable().optional(),
    /** The agent as a whole, as at registration; null: no agent (any more). */
    agent: agentInput.nullable().optional(),
    purchasePlace: z
      .strictObject({
        shop: clearableText('购买店铺', 100),
        platform: clearableText('购买平台', 50),
        orderNo: clearableText('订单号', 64),
      })
      .optional(),
    requestTypes: requestTypesInput.optional(),
    category: code.optional(),
    natures: registerShape.natures.unwrap().optional(),
    consentMediation: z.boolean({ error: '请选择是否同意调解' }).optional(),
    consentPublication: z.boolean({ error: '请选择是否同意公开' }).nullable().optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `不能更正的项目：${issue.keys.join('、')}` : '请给出要更正的内容') },
);
export type CorrectionChanges = z.output<typeof correctionChanges>;

export const casesCorrect = {
  input: z.object({
    id,
    /** The version the corrector saw (cases.get `version`); another is 409 CONFLICT. */
    version: z.number({ error: '版本号应为整数' }).int('版本号应为整数').min(0, '版本号不能为负'),
    changes: correctionChanges,
    reason: text('更正原因', 500),
    /** As at registration: a purchase date that ends up more than three years before receipt needs the clerk's confirmation. */
    oldPurchaseConfirmed: z.boolean({ error: '请确认购买日期' }).optional(),
    requestId,
  }),
  output: z.object({ version: z.number().int() }),
};
export type CorrectCaseInput = z.input<typeof casesCorrect.input>;

const status = z.enum(caseStatuses);


const caseEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  type: z.string(),
  by: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
  data: z.record(z.string(), z.unknown()),
});

const caseRecord = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  receivedAt: z.string(),
  channel: z.object({ code: z.string(), name: z.string() }),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  status,
  category: z.object({ code: z.string(), name: z.string(), group: z.string() }),
  natures: z.array(z.object({ code: z.string(), name: z.string() })),
  complainant: z.object({
    name: z.string(),
    idType: z.enum(idTypes),
    idNumber: z.string().nullable(),
    phone: z.string(),
    address: z.string().nullable(),
  }),
  respondent: respondentView,
  subject: z.string(),
  purchasedOn: z.string().nullable(),
  amountPaidFen: z.number().int().nullable(),
  facts: z.string(),
  request: z.string(),
  amountClaimedFen: z.number().int().nullable(),
  /** 请求类型, in the list's order. */
  requestTypes: z.array(z.object({ code: z.string(), name: z.string() })),
  /** 代理人, or null: old cases and walk-ins without one. */
  agent: z.object({ name: z.string(), phone: z.string(), relation: z.string().nullable(), authorizationReceived: z.boolean() }).nullable(),
  /** Where the purchase was made; each null when not recorded (and for cases registered before it was asked). */
  purchasePlace: z.object({ shop: z.string().nullable(), platform: z.string().nullable(), orderNo: z.string().nullable() }),
  /** The purchase was more than three years before receipt: a possible refusal ground (domain.md), shown as a flag. */
  purchaseOverLimitation: z.boolean(),
  consentMediation: z.boolean(),
  consentPublication: z.boolean().nullable(),
  registeredBy: z.object({ id: z.number().int(), displayName: z.string() }),
  createdAt: z.string(),
  events: z.array(caseEvent),
  /** Whether the signed-in user may add evidence and mark the checklist now, and if not, why (the core's words). */
  investigation: z.object({ writable: z.boolean(), reason: z.string().nullable() }),
  /**
   * Whether the signed-in user may correct the registration now (`cases.correct`), and if not, why
   * (the core's words); `receivedAt`: whether the receipt time is still correctable (before acceptance).
   */
  correction: z.object({ allowed: z.boolean(), reason: z.string().nullable(), receivedAt: z.boolean() }),
  /** The investigation checklist (调查), in the template version the case started with. */
  checklist: z.array(checklistItemView),
  checklistOrigin,
  /** Every evidence item, voided ones included (they stay on the record). */
  evidence: z.array(evidenceView),
  /** The notices issued for the case, oldest first; a correction lists what it supersedes. */
  notices: z.array(noticeListItem),
  /** 重复投诉: the earlier complaint this one was linked to at registration, and the later ones linked to it. */
  repeatLinks: z.array(repeatLink),
});

/** The whole case (API.md `cases.get`): as registered, and what the workflow has recorded since. */
export const caseDetail = caseRecord.extend(workflowView.shape);
export type CaseDetail = z.infer<typeof caseDetail>;

export const casesGet = { input: z.object({ id }), output: caseDetail };

// The register's search and its rows (cases.search, respondents.search): caseSearch.ts.
export * from './caseSearch';
