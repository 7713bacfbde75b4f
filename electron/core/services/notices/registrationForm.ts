import type { CaseDetail } from '../../../../shared/api/schemas/cases';
import { idTypeLabel } from '../../../../shared/domain/caseStatus';
import type { RegistrationFormDocument } from '../../../../shared/notices/registrationForm';

/**
 * The 投诉登记表 filled from the case as it stands (domain.md step 1 登记: every field the desk
 * registers, the agent and the purchase place included); corrections made since registration are
 * in it, as the complainant must sign what the register says.
 */
export function registrationFormOf(c: CaseDetail, ctx: { office: string; today: string; anchor: string | null }): RegistrationFormDocument {
  return {
    caseNo: c.caseNo,
    office: ctx.office,
    receivedAt: `${c.receivedAt.slice(0, 10)} ${c.receivedAt.slice(11, 16)}`,
    channel: c.channel.name,
    region: c.region?.name ?? null,
    category: c.category.name,
    complainant: {
      name: c.complainant.name,
      idType: idTypeLabel[c.complainant.idType],
      idNumber: c.complainant.idNumber,
      phone: c.complainant.phone,
      address: c.complainant.address,
    },
    agent: c.agent && { name: c.agent.name, phone: c.agent.phone, relation: c.agent.relation, authorizationReceived: c.agent.authorizationReceived },
    respondent: { name: c.respondent.name, creditCode: c.respondent.creditCode, address: c.respondent.address, contactPerson: c.respondent.contactPerson, phone: c.respondent.phone },
    subject: c.subject,
    purchasedOn: c.purchasedOn,
    purchasePlace: { ...c.purchasePlace },
    amountPaidFen: c.amountPaidFen,
    facts: c.facts,
    requestTypes: c.requestTypes.map((t) => t.name),
    request: c.request,
    amountClaimedFen: c.amountClaimedFen,
    consentMediation: c.consentMediation,
    consentPublication: c.consentPublication,
    registeredBy: c.registeredBy.displayName,
    printedOn: ctx.today,
    anchor: ctx.anchor,
  };
}
