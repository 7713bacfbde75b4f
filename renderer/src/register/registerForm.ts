import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { agentInput, casesRegister, complainantInput, newRespondentInput, purchasePlaceInput, requestTypesInput } from '../../../shared/api/schemas/cases';
import { fen } from '../../../shared/api/schemas/common';
import { OLD_PURCHASE_WARNING, purchaseAfterReceiptProblem, purchaseOverLimitation, receiptInFutureProblem, yuanProblem, yuanToFen } from '../../../shared/domain/intake';
import { INCOMPLETE_DATE } from '../common/PickerField';

/**
 * The register form's schema: the contract's own rules (casesRegister.input and its parts), plus
 * what only a form has — money typed in 元, a date picker's "not a date yet", and a respondent that
 * is either picked from the register or typed as new.
 */
const shape = casesRegister.input.shape;

/*
 * The dates are checked by the rules the core applies (shared/domain/intake.ts), against the office
 * date the core gave the page (useToday: clock.today), never the PC's clock; the core checks again
 * at save, to the minute, and its message appears under the field.
 */

const yuan = z
  .string()
  .superRefine((v, ctx) => {
    const problem = yuanProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((v) => yuanToFen(v) ?? undefined)
  .pipe(fen.optional());

const purchasedOn = z
  .string()
  .refine((v) => v !== INCOMPLETE_DATE, '购买日期不完整或不是有效日期，请按 年/月/日 填写，不清楚可留空')
  .transform((v) => (v === '' ? undefined : v))
  .pipe(shape.purchasedOn);

/** 收到时间: "" means now; otherwise an ISO date-time with the PC's offset, as the picker sends it. */
const receivedAt = z
  .string()
  .refine((v) => v !== INCOMPLETE_DATE, '收到时间不完整或不是有效时间，请按 年/月/日 时:分 填写，留空即为当前时间')
  .transform((v) => (v === '' ? undefined : v))
  .pipe(shape.receivedAt);

/**
 * The office date the complaint was received on, as the form knows it: the date typed with the time
 * (the picker's wall-clock date, not shifted through the PC's zone), or, left empty ("now"), the
 * core's today. Null while neither is known.
 */
export function receivedOnOf(receivedAt: string | undefined, today: string | null): string | null {
  if (receivedAt && receivedAt !== INCOMPLETE_DATE) return /^\d{4}-\d{2}-\d{2}/.test(receivedAt) ? receivedAt.slice(0, 10) : null;
  return today;
}

/** The three-year warning shows (shared/domain/intake.ts): the purchase is more than three years before receipt. */
export function oldPurchaseShown(purchasedOn: string | undefined, receivedAt: string | undefined, today: string | null): boolean {
  const on = receivedOnOf(receivedAt, today);
  return !!on && !!purchasedOn && purchasedOn !== INCOMPLETE_DATE && purchaseOverLimitation(purchasedOn, on);
}

/** Runs the cross-field check even when other fields are wrong, so all red marks show at once. */
const bothDatesParsed = (payload: z.core.ParsePayload) =>
  !payload.issues.some((i) => i.path?.[0] === 'receivedAt' || i.path?.[0] === 'purchasedOn');

const respondent = z
  .object({
    /** Set when the clerk picked an existing respondent; typing in the name clears it. */
    id: z.number().int().positive().nullable(),
    name: z.string(),
    creditCode: z.string(),
    address: z.string(),
    contactPerson: z.string(),
    phone: z.string(),
  })
  .transform((r, ctx) => {
    const { id, ...typed } = r;
    if (id !== null) return { id };
    const parsed = newRespondentInput.safeParse(typed);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.map(String) });
    }
    return z.NEVER;
  });

const chosen = (what: string) => z.string().min(1, `请选择${what}`);

/** 代理人: collapsed behind 有代理人 (a walk-in without one is not slowed); when ticked, the contract's own rules. */
const agent = z
  .object({ present: z.boolean(), name: z.string(), phone: z.string(), relation: z.string(), authorizationReceived: z.boolean() })
  .transform(({ present, ...typed }, ctx) => {
    if (!present) return undefined;
    const parsed = agentInput.safeParse(typed);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.map(String) });
    return z.NEVER;
  });

const fields = z
  .object({
    complainant: complainantInput,
    respondent,
    subject: shape.subject,
    purchasedOn,
    amountPaid: yuan,
    purchasePlace: purchasePlaceInput,
    facts: shape.facts,
    requestTypes: z.array(z.string()).pipe(requestTypesInput),
    request: shape.request,
    amountClaimed: yuan,
    category: chosen('投诉类别').pipe(shape.category),
    natures: shape.natures,
    channel: chosen('投诉渠道').pipe(shape.channel),
    /** 地区: optional, from the office's own list; '' is none. */
    region: z
      .string()
      .transform((v) => (v === '' ? undefined : v))
      .pipe(shape.region),
    receivedAt,
    agent,
    consentMediation: shape.consentMediation,
    consentPublication: z.boolean(),
    /** 已核实，仍予登记: the clerk saw the three-year warning. */
    oldPurchaseConfirmed: z.boolean(),
  });

/**
 * The form's schema with the office's "today" (from the core, read when asked: it may arrive after
 * the form was made): the receipt not in the future, the purchase not after the receipt, and the
 * three-year warning confirmed — each beside its field, all at once with the other red marks.
 */
export function registerFormSchemaOn(today: () => string | null) {
  return fields
    .superRefine((v, ctx) => {
      const on = receivedOnOf(v.receivedAt, today());
      if (!on) return;
      const future = v.receivedAt ? receiptInFutureProblem(on, today() ?? on) : null;
      if (future) ctx.addIssue({ code: 'custom', message: future, path: ['receivedAt'] });
      const after = purchaseAfterReceiptProblem(v.purchasedOn, on);
      if (after) ctx.addIssue({ code: 'custom', message: v.receivedAt ? '收到时间不能早于购买日期' : after, path: [v.receivedAt ? 'receivedAt' : 'purchasedOn'] });
      if (!after && purchaseOverLimitation(v.purchasedOn, on) && !v.oldPurchaseConfirmed) {
        ctx.addIssue({ code: 'custom', message: OLD_PURCHASE_WARNING, path: ['oldPurchaseConfirmed'] });
      }
    }, { when: bothDatesParsed })
    .transform(({ amountPaid, amountClaimed, oldPurchaseConfirmed, ...rest }) => ({
      ...rest,
      amountPaidFen: amountPaid,
      amountClaimedFen: amountClaimed,
      ...(oldPurchaseConfirmed ? { oldPurchaseConfirmed } : {}),
    }));
}

export type RegisterFormValues = z.input<ReturnType<typeof registerFormSchemaOn>>;
export type RegisterFormOutput = z.output<ReturnType<typeof registerFormSchemaOn>>;
export type RegisterForm = UseFormReturn<RegisterFormValues, unknown, RegisterFormOutput>;

export function emptyRegisterForm(channel: string): RegisterFormValues {
  return {
    complainant: { name: '', idType: 'resident', idNumber: '', phone: '', address: '' },
    respondent: { id: null, name: '', creditCode: '', address: '', contactPerson: '', phone: '' },
    subject: '',
    purchasedOn: '',
    amountPaid: '',
    purchasePlace: { shop: '', platform: '', orderNo: '' },
    facts: '',
    requestTypes: [],
    request: '',
    amountClaimed: '',
    category: '',
    natures: [],
    channel,
    region: '',
    receivedAt: '',
    agent: { present: false, name: '', phone: '', relation: '', authorizationReceived: false },
    consentMediation: true,
    consentPublication: false,
    oldPurchaseConfirmed: false,
  };
}

/** Form fields that can show an error, by their form path. */
export const registerFieldPaths: ReadonlySet<string> = new Set([
  'complainant.name',
  'complainant.phone',
  'complainant.idType',
  'complainant.idNumber',
  'complainant.address',
  'agent.present',
  'agent.name',
  'agent.phone',
  'agent.relation',
  'agent.authorizationReceived',
  'respondent.name',
  'respondent.creditCode',
  'respondent.address',
  'respondent.contactPerson',
  'respondent.phone',
  'subject',
  'purchasedOn',
  'amountPaid',
  'oldPurchaseConfirmed',
  'purchasePlace.shop',
  'purchasePlace.platform',
  'purchasePlace.orderNo',
  'facts',
  'requestTypes',
  'request',
  'amountClaimed',
  'category',
  'natures',
  'channel',
  'region',
  'receivedAt',
  'consentMediation',
  'consentPublication',
]);

/** Maps a path in the core's error answer to the form field that shows it. */
export function registerFormPath(apiPath: string): string {
  if (apiPath === 'amountPaidFen') return 'amountPaid';
  if (apiPath === 'amountClaimedFen') return 'amountClaimed';
  if (apiPath === 'complainant') return 'complainant.name';
  if (apiPath === 'respondent' || apiPath === 'respondent.id') return 'respondent.name';
  if (apiPath.startsWith('natures.')) return 'natures';
  if (apiPath.startsWith('requestTypes.')) return 'requestTypes';
  if (apiPath === 'agent') return 'agent.name';
  return apiPath;
}

/** What the registration form keeps in its 草稿: the values as typed, the repeat chosen, and where the clerk was. */
export interface RegisterDraft {
  values: RegisterFormValues;
  repeatOf: number | null;
  /** The field that had the focus (its form path), so restoring puts the clerk back where they were. */
  focus: string | null;
  /** When it was saved (a draft read back from the register); not part of what is saved. */
  savedAt?: string;
}

export function registerDraftData(draft: Omit<RegisterDraft, 'savedAt'>): Record<string, unknown> {
  return { ...draft.values, repeatOf: draft.repeatOf, focus: draft.focus };
}

/**
 * Takes from a value what fits the shape of `template`, key by key: a draft comes back from the
 * register as JSON written by an earlier page (or by anyone with the API), so a field of the wrong
 * type or a key the form does not have is left at its empty value rather than trusted.
 */
function fitTo(template: unknown, value: unknown): unknown {
  if (Array.isArray(template)) return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : template;
  if (template === null) return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
  if (typeof template === 'object') {
    const from = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(template).map(([k, t]) => [k, Object.hasOwn(from, k) ? fitTo(t, from[k]) : t]));
  }
  return typeof value === typeof template ? value : template;
}

/** A saved draft's data as the form's values, on top of an empty form (`empty`). */
export function registerDraftOf(data: Record<string, unknown>, empty: RegisterFormValues): RegisterDraft {
  const values = fitTo(empty, data) as RegisterFormValues;
  // A half-typed date cannot be given back as typed; it comes back empty rather than as a marker.
  if (values.purchasedOn === INCOMPLETE_DATE) values.purchasedOn = '';
  if (values.receivedAt === INCOMPLETE_DATE) values.receivedAt = '';
  const repeatOf = typeof data.repeatOf === 'number' && Number.isInteger(data.repeatOf) && data.repeatOf > 0 ? data.repeatOf : null;
  const focus = typeof data.focus === 'string' && registerFieldPaths.has(data.focus) ? data.focus : null;
  return { values, repeatOf, focus };
}

/** True when the form holds nothing beyond its empty values: no draft is worth keeping then. */
export function isEmptyRegisterForm(values: RegisterFormValues, empty: RegisterFormValues): boolean {
  return JSON.stringify(fitTo(empty, values)) === JSON.stringify(empty);
}
