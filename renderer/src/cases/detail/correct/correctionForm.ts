import type { CorrectCaseInput, CaseDetail } from '../../../../../shared/api/schemas/cases';
import { fenToYuan } from '../../../format';
import { normalisePhone } from '../../../../../shared/domain/validators';
import { registerFormPath, type RegisterFormOutput, type RegisterFormValues } from '../../../register/registerForm';

type Changes = CorrectCaseInput['changes'];

/** The registration form filled with the case as it stands, so the correction edits what was saved. */
export function formValuesOf(c: CaseDetail): RegisterFormValues {
  const r = c.respondent;
  return {
    complainant: { name: c.complainant.name, idType: c.complainant.idType, idNumber: c.complainant.idNumber ?? '', phone: c.complainant.phone, address: c.complainant.address ?? '' },
    // Typed, not linked: picking another business or editing the name names another respondent.
    respondent: { id: null, name: r.name, creditCode: r.creditCode ?? '', address: r.address ?? '', contactPerson: r.contactPerson ?? '', phone: r.phone ?? '' },
    subject: c.subject,
    purchasedOn: c.purchasedOn ?? '',
    amountPaid: c.amountPaidFen === null ? '' : fenToYuan(c.amountPaidFen),
    purchasePlace: { shop: c.purchasePlace.shop ?? '', platform: c.purchasePlace.platform ?? '', orderNo: c.purchasePlace.orderNo ?? '' },
    facts: c.facts,
    requestTypes: c.requestTypes.map((t) => t.code),
    request: c.request,
    amountClaimed: c.amountClaimedFen === null ? '' : fenToYuan(c.amountClaimedFen),
    category: c.category.code,
    natures: c.natures.map((n) => n.code),
    channel: c.channel.code,
    region: c.region?.code ?? '',
    // As the core wrote it, with the office's offset: its date is the office date, whatever the PC's zone.
    receivedAt: c.receivedAt,
    consentMediation: c.consentMediation,
    consentPublication: c.consentPublication ?? false,
    agent: c.agent
      ? { present: true, name: c.agent.name, phone: c.agent.phone, relation: c.agent.relation ?? '', authorizationReceived: c.agent.authorizationReceived }
      : { present: false, name: '', phone: '', relation: '', authorizationReceived: false },
    // Confirmed at registration: the warning still shows, ticked, while the dates stay as they are.
    oldPurchaseConfirmed: c.purchaseOverLimitation,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sorted = (v: readonly string[] | undefined) => [...(v ?? [])].sort();

/**
 * Only what the clerk changed, as `cases.correct` takes it, compared with the case as stored (its
 * texts trimmed, its phone normalised, as the form's output is); an emptied optional field is sent
 * as null (cleared). The core compares again and refuses a correction that changes nothing.
 */
export function changesBetween(c: CaseDetail, edited: RegisterFormOutput): Changes {
  const changes: Changes = {};
  if (edited.receivedAt && Date.parse(edited.receivedAt) !== Date.parse(c.receivedAt)) changes.receivedAt = edited.receivedAt;
  if (edited.channel !== c.channel.code) changes.channel = edited.channel;
  if (!same(edited.region, c.region?.code)) changes.region = edited.region ?? null;

  const person: NonNullable<Changes['complainant']> = {};
  const e = edited.complainant;
  if (e.name !== c.complainant.name) person.name = e.name;
  if (e.idType !== c.complainant.idType) person.idType = e.idType;
  if (!same(e.idNumber?.toUpperCase(), c.complainant.idNumber)) person.idNumber = e.idNumber ?? null;
  if (normalisePhone(e.phone) !== c.complainant.phone) person.phone = e.phone;
  if (!same(e.address, c.complainant.address)) person.address = e.address ?? null;
  if (Object.keys(person).length > 0) changes.complainant = person;

  const r = edited.respondent;
  if (!('name' in r)) {
    if (r.id !== c.respondent.id) changes.respondent = { id: r.id };
  } else {
    const was = c.respondent;
    const typed = [r.name, r.creditCode?.toUpperCase(), r.address, r.contactPerson, r.phone];
    if (!same(typed, [was.name, was.creditCode, was.address, was.contactPerson, was.phone])) changes.respondent = r;
  }

  if (edited.subject !== c.subject) changes.subject = edited.subject;
  if (!same(edited.purchasedOn, c.purchasedOn)) changes.purchasedOn = edited.purchasedOn ?? null;
  if (!same(edited.amountPaidFen, c.amountPaidFen)) changes.amountPaidFen = edited.amountPaidFen ?? null;
  const place: NonNullable<Changes['purchasePlace']> = {};
  const p = edited.purchasePlace;
  if (!same(p.shop, c.purchasePlace.shop)) place.shop = p.shop ?? null;
  if (!same(p.platform, c.purchasePlace.platform)) place.platform = p.platform ?? null;
  if (!same(p.orderNo, c.purchasePlace.orderNo)) place.orderNo = p.orderNo ?? null;
  if (Object.keys(place).length > 0) changes.purchasePlace = place;
  if (!same(sorted(edited.requestTypes), sorted(c.requestTypes.map((t) => t.code)))) changes.requestTypes = edited.requestTypes;
  const agentNow = edited.agent ? { ...edited.agent, phone: normalisePhone(edited.agent.phone), relation: edited.agent.relation ?? null } : null;
  if (!same(agentNow, c.agent)) changes.agent = edited.agent ?? null;
  if (edited.facts !== c.facts) changes.facts = edited.facts;
  if (edited.request !== c.request) changes.request = edited.request;
  if (!same(edited.amountClaimedFen, c.amountClaimedFen)) changes.amountClaimedFen = edited.amountClaimedFen ?? null;
  if (edited.category !== c.category.code) changes.category = edited.category;
  if (!same(sorted(edited.natures), sorted(c.natures.map((n) => n.code)))) changes.natures = edited.natures;
  if (edited.consentMediation !== c.consentMediation) changes.consentMediation = edited.consentMediation;
  if (edited.consentPublication !== (c.consentPublication ?? false)) changes.consentPublication = edited.consentPublication;
  return changes;
}

/** Where an error the core reports about a correction shows: "changes.complainant.phone" under 联系电话. */
export function correctionFormPath(apiPath: string): string {
  return registerFormPath(apiPath.startsWith('changes.') ? apiPath.slice('changes.'.length) : apiPath);
}
