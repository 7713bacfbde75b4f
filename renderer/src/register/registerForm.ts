import dayjs from 'dayjs';
import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { casesRegister, complainantInput, newRespondentInput } from '../../../shared/api/schemas/cases';
import { fen } from '../../../shared/api/schemas/common';
import { INCOMPLETE_DATE } from '../common/PickerField';
import { yuanProblem, yuanToFen } from '../format';

/**
 * The register form's schema: the contract's own rules (casesRegister.input and its parts), plus
 * what only a form has — money typed in 元, a date picker's "not a date yet", and a respondent that
 * is either picked from the register or typed as new.
 */
const shape = casesRegister.input.shape;

/*
 * Neither date is checked against "today" here: the PC's clock is not the office's. The core checks
 * that the complaint was not received in the future nor the purchase made after it, and its
 * message appears under the field.
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

/** Nobody complains about a purchase before making it (the core checks the same, by the office's date). */
function receivedBeforePurchase(v: { receivedAt?: string; purchasedOn?: string }): boolean {
  return !!v.receivedAt && !!v.purchasedOn && dayjs(v.receivedAt).format('YYYY-MM-DD') < v.purchasedOn;
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

export const registerFormSchema = z
  .object({
    complainant: complainantInput,
    respondent,
    subject: shape.subject,
    purchasedOn,
    amountPaid: yuan,
    facts: shape.facts,
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
    consentMediation: shape.consentMediation,
    consentPublication: z.boolean(),
  })
  .refine((v) => !receivedBeforePurchase(v), {
    message: '收到时间不能早于购买日期',
    path: ['receivedAt'],
    when: bothDatesParsed,
  })
  .transform(({ amountPaid, amountClaimed, ...rest }) => ({
    ...rest,
    amountPaidFen: amountPaid,
    amountClaimedFen: amountClaimed,
  }));

export type RegisterFormValues = z.input<typeof registerFormSchema>;
export type RegisterFormOutput = z.output<typeof registerFormSchema>;
export type RegisterForm = UseFormReturn<RegisterFormValues, unknown, RegisterFormOutput>;

export function emptyRegisterForm(channel: string): RegisterFormValues {
  return {
    complainant: { name: '', idType: 'resident', idNumber: '', phone: '', address: '' },
    respondent: { id: null, name: '', creditCode: '', address: '', contactPerson: '', phone: '' },
    subject: '',
    purchasedOn: '',
    amountPaid: '',
    facts: '',
    request: '',
    amountClaimed: '',
    category: '',
    natures: [],
    channel,
    region: '',
    receivedAt: '',
    consentMediation: true,
    consentPublication: false,
  };
}

/** Form fields that can show an error, by their form path. */
export const registerFieldPaths: ReadonlySet<string> = new Set([
  'complainant.name',
  'complainant.phone',
  'complainant.idType',
  'complainant.idNumber',
  'complainant.address',
  'respondent.name',
  'respondent.creditCode',
  'respondent.address',
  'respondent.contactPerson',
  'respondent.phone',
  'subject',
  'purchasedOn',
  'amountPaid',
  'facts',
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
