import { z } from 'zod';

/**
 * 投诉登记表 (domain.md step 1 登记; issue [B]): the registration as a form the complainant reads
 * and signs, and the 附件 a 转办通知书 sends with the case. It is the record, not a decision: no
 * 文号, no seal; the case number identifies it. Built by the core from the case
 * (electron/core/services/notices/registrationForm.ts), rendered by
 * ./components/RegistrationFormView.tsx, kept as the snapshot of what was printed.
 */
const s = z.string();
const maybe = z.string().nullable();

export const registrationFormDocument = z.object({
  caseNo: s,
  /** The office's full name over the title. */
  office: s,
  /** 收到投诉的日期和时间, as the office's clock wrote it: "2026-11-02 09:30". */
  receivedAt: s,
  channel: s,
  region: maybe,
  category: s,
  complainant: z.object({ name: s, idType: s, idNumber: maybe, phone: s, address: maybe }),
  agent: z.object({ name: s, phone: s, relation: maybe, authorizationReceived: z.boolean() }).nullable(),
  respondent: z.object({ name: s, creditCode: maybe, address: maybe, contactPerson: maybe, phone: maybe }),
  subject: s,
  purchasedOn: maybe,
  purchasePlace: z.object({ shop: maybe, platform: maybe, orderNo: maybe }),
  amountPaidFen: z.number().int().nullable(),
  facts: s,
  requestTypes: z.array(s),
  request: s,
  amountClaimedFen: z.number().int().nullable(),
  consentMediation: z.boolean(),
  consentPublication: z.boolean().nullable(),
  /** 登记人: the clerk who registered the case. */
  registeredBy: s,
  /** The office date it was printed, YYYY-MM-DD. */
  printedOn: s,
  /** The integrity anchor printed small at the foot (as on notices); null prints nothing. */
  anchor: maybe,
});
export type RegistrationFormDocument = z.infer<typeof registrationFormDocument>;

export const REGISTRATION_FORM_TITLE = '投诉登记表';
