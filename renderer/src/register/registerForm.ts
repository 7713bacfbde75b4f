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
