import { z } from 'zod';
import { registrationFormDocument } from './registrationForm';
import { noticeTypes } from './types';

/**
 * What a notice prints, as data: built by the core from the case, the office settings and the
 * clerk's edits; rendered by the components of shared/notices; kept as the issued notice's
 * snapshot (DESIGN.md "Data": issued notices are immutable), parsed again on every read.
 */

const s = z.string();
const maybe = z.string().nullable();

export const noticeOffice = z.object({
  /** 发文机关标志: the office's full name, printed in red at the head. */
  name: s,
  /** 发文机关署名 over the date and seal. */
  issuer: s,
  address: s,
  phone: s,
});

const complainant = z.object({ name: s, idLine: maybe, phone: s, address: maybe });
const respondent = z.object({ name: s, creditCode: maybe, address: maybe, contactPerson: maybe, phone: maybe });
const approval = z.object({ by: s, on: s, comment: s });

const common = {
  caseNo: s,
  /** 发文字号: the head (e.g. 杭消协受〔2026〕) and the sequence, null in a preview. */
  number: z.object({ head: s, seq: z.number().int().positive().nullable() }),
  /** 成文日期, YYYY-MM-DD. */
  date: s,
  office: noticeOffice,
  complainant,
  respondent,
  subject: s,
  receivedOn: s,
  /** The free-text parts, by the keys of shared/notices/fields.ts. */
  text: z.record(s, s),
  /** SHA-256 of the seal image in the vault when issued; null leaves the space for a stamped seal. */
  seal: maybe,
  /** The integrity anchor printed small at the foot (the audit chain head); null prints nothing. */
  anchor: maybe,
  /** A correction: the number of the notice it replaces, printed on it (absent in notices issued before corrections said so). */
  supersedes: z.object({ number: s }).nullable().optional(),
};

const variant = <T extends (typeof noticeTypes)[number], S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...common, ...shape });

export const noticeDocument = z.discriminatedUnion('type', [
  variant('receipt', {
    /** The acceptance decision's due date while the decision is still to come; null once it is made. */
    acceptanceDueOn: maybe,
    /**
     * The core's word that the due date had already passed on the day of the receipt (a letter
     * registered late): the receipt then promises the decision at once, not by a past date.
     */
    acceptanceDuePassed: z.boolean().optional(),
  }),
  variant('acceptance', { acceptedOn: s }),
  variant('refusal', { article: s, grounds: z.array(z.object({ item: s, text: s })), approval }),
  variant('materials', { requestedOn: s, dueOn: s }),
  variant('referral', {
    to: s,
    referredOn: s,
    reportDueOn: s,
    request: s,
    /** 附件：投诉登记表, printed as the referral's following pages (absent in referrals issued before it was). */
    attachment: registrationFormDocument.nullable().optional(),
  }),
  variant('mediationNotice', {
    session: z.object({ id: z.number().int(), date: s, time: s, place: s, mode: s, mediator: s, mediatorPhone: maybe }),
  }),
  variant('mediationAgreement', { mediator: maybe }),
  variant('mediationEnded', { acceptedOn: maybe, ground: z.object({ article: s, item: s, text: s }) }),
  variant('outcome', { measures: z.array(s), recoveredFen: z.number().int(), punitiveFen: z.number().int(), approval }),
]);
export type NoticeDocument = z.infer<typeof noticeDocument>;
export type NoticeOf<T extends NoticeDocument['type']> = Extract<NoticeDocument, { type: T }>;
