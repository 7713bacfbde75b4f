import { z } from 'zod';
import { caseStatuses, idTypes } from '../../domain/caseStatus';
import { phoneProblem } from '../../domain/validators';
import { id, optionalText, receivedAt, text } from './common';

/** A phone as looked up: the register's own phone rule, so junk is a Chinese error and never reaches SQL. */
const lookupPhone = z
  .string({ error: '联系电话应为文字' })
  .trim()
  .max(30, '电话号码过长')
  .superRefine((v, ctx) => {
    const problem = v ? phoneProblem(v) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const idNumber = optionalText('证件号码', 40);

/** The earlier complaint a repeat warning lists, and a returning complainant's earlier cases. */
export const earlierCaseRow = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  receivedAt: z.string(),
  status: z.enum(caseStatuses),
  subject: z.string(),
  complainantName: z.string(),
  respondentName: z.string(),
});
export type EarlierCaseRow = z.infer<typeof earlierCaseRow>;

const respondentQuery = z.union(
  [z.strictObject({ id }), z.strictObject({ name: text('被投诉方名称', 100), creditCode: optionalText('统一社会信用代码', 18) })],
  { error: '请给出被投诉方：已登记的 id，或名称（可加统一社会信用代码）' },
);

/**
 * API.md `cases.repeats`: the complaints by the same complainant (ID number or phone) against the
 * same business received within the office's window before the new one's receipt date (default
 * today). `windowDays` says which window that was, so the page says "90 天内" from the core's setting.
 */
export const casesRepeats = {
  input: z.object({
    complainant: z.object({ idNumber, phone: lookupPhone.refine((v) => v !== '', '请填写联系电话') }),
    respondent: respondentQuery,
    /** The new complaint's receipt time (default now): the window ends on its office date. */
    receivedAt: receivedAt.optional(),
  }),
  output: z.object({ windowDays: z.number().int(), rows: z.array(earlierCaseRow) }),
};

/** A person on the register as their latest complaint gave them, with their earlier cases, newest first. */
export const returningComplainant = z.object({
  name: z.string(),
  idType: z.enum(idTypes),
  idNumber: z.string().nullable(),
  phone: z.string(),
  address: z.string().nullable(),
  /** How many complaints (not voided) of theirs the look-up found; `cases` holds the newest few. */
  caseCount: z.number().int(),
  cases: z.array(earlierCaseRow),
});
export type ReturningComplainant = z.infer<typeof returningComplainant>;

/** 回头投诉人: who is already on the register under this phone or ID number (exact match, a few people at most). */
export const complainantsLookup = {
  input: z
    .object({ phone: lookupPhone.optional().transform((v) => v || undefined), idNumber })
    .refine((v) => !!v.phone || !!v.idNumber, { message: '请给出联系电话或证件号码', path: ['phone'] }),
  output: z.object({ people: z.array(returningComplainant) }),
};

/** A link between a case and the earlier complaint it repeats, as `cases.get` gives it (both sides). */
export const repeatLink = z.object({
  /** 'repeatOf': this case repeats the other; 'repeatedBy': the other, registered later, repeats this one. */
  role: z.enum(['repeatOf', 'repeatedBy']),
  caseId: z.number().int(),
  caseNo: z.string(),
});
export type RepeatLink = z.infer<typeof repeatLink>;
