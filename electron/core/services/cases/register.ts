import { DEFAULT_CASE_NO_PREFIX, settingKeys } from '../../../../shared/api/schemas/officeSettings';
import type { z } from 'zod';
import type { casesRegister } from '../../../../shared/api/schemas/cases';
import type { UserView } from '../../../../shared/api/schemas/common';
import { normalisePhone } from '../../../../shared/domain/validators';
import type { Db } from '../../db/open';
import type { Audit } from '../audit';
import type { CatalogService } from '../catalog';
import type { Deadlines } from '../deadlines';
import type { RuleSets } from '../ruleSets';
import type { CaseChecklist } from '../checklist/caseChecklist';
import type { Respondents } from '../respondents';
import type { Settings } from '../settings';
import type { CaseStoreWrite } from '../../store';
import type { OfficeClock } from '../../officeClock';
import type { Repeats } from './repeats';
import type { DraftStore } from '../../store/drafts';
import { checkCodes, checkIdNumber, checkOldPurchase, checkPurchasedOn, checkReceivedAt } from './intakeChecks';
import { orderedRequestTypes } from '../../../../shared/domain/requestTypes';
import { purchaseOverLimitation } from '../../../../shared/domain/intake';
import type { Enquiries } from '../enquiries';

type RegisterInput = z.output<typeof casesRegister.input>;

export interface RegisterDeps {
  db: Db;
  clock: OfficeClock;
  audit: Audit;
  settings: Settings;
  catalog: CatalogService;
  respondents: Respondents;
  store: Pick<CaseStoreWrite, 'nextCaseNo' | 'insert' | 'reindex' | 'event'>;
  deadlines: Deadlines;
  ruleSets: RuleSets;
  checklist: Pick<CaseChecklist, 'instantiate'>;
  /** `repeatOf`: the earlier complaint this one repeats, checked and linked on both cases. */
  repeats: Pick<Repeats, 'checkRepeatOf' | 'link'>;
  /** 咨询登记: a complaint turned from an enquiry links it (`fromEnquiryId`). */
  enquiries: Pick<Enquiries, 'linkToCase'>;
  /** `draftKey`: the registration form's draft (草稿) this case was typed in, removed with the registration. */
  drafts: Pick<DraftStore['write'], 'remove'>;
}

/** 登记 (domain.md "A case" step 1): a number at once, and the acceptance deadline with it. */
export function createRegister({ db, clock, audit, settings, catalog, respondents, store, deadlines, ruleSets, checklist, repeats, enquiries, drafts }: RegisterDeps) {
  return function register(input: RegisterInput, user: UserView) {
    checkCodes(input, catalog);
    const nowDate = clock.instant();
    const received = input.receivedAt ? new Date(input.receivedAt) : nowDate;
    checkReceivedAt(received, nowDate);
    // A birth date after today is caught here, against the core's clock (the shared schema cannot know today).
    checkIdNumber(input.complainant.idType, input.complainant.idNumber, clock.dateOf(nowDate));
    const receivedOn = clock.dateOf(received);
    checkPurchasedOn(input.purchasedOn, receivedOn);
    checkOldPurchase(input.purchasedOn, receivedOn, input.oldPurchaseConfirmed);
    const now = clock.iso(nowDate);
    // The rules in force on the receipt date govern the case for good (domain.md "Laws and rules in force").
    const rules = ruleSets.on(receivedOn);

    return db.transaction(() => {
      const respondent =
        'name' in input.respondent ? respondents.resolve(input.respondent, now) : { row: respondents.get(input.respondent.id), created: false };
      const c = input.complainant;
      const idNumber = c.idNumber ? c.idNumber.toUpperCase() : null;
      // A new business has no earlier complaints, so a link to one is refused before anything is kept.
      const earlier =
        input.repeatOf === undefined
          ? null
          : repeats.checkRepeatOf(input.repeatOf, { phone: c.phone, idNumber, respondentId: respondent.created ? null : respondent.row.id, receivedOn });
      const caseNo = store.nextCaseNo(settings.get(settingKeys.numbering.caseNoPrefix, DEFAULT_CASE_NO_PREFIX), receivedOn);
      const id = store.insert(caseNo, {
        receivedAt: clock.iso(received),
        receivedOn,
        channel: input.channel,
        category: input.category,
        region: input.region ?? null,
        natures: input.natures,
        complainant: { name: c.name, idType: c.idType, idNumber, phone: normalisePhone(c.phone), address: c.address ?? null },
        respondentId: respondent.row.id,
        subject: input.subject,
        purchasedOn: input.purchasedOn ?? null,
        amountPaidFen: input.amountPaidFen ?? null,
        facts: input.facts,
        request: input.request,
        amountClaimedFen: input.amountClaimedFen ?? null,
        requestTypes: orderedRequestTypes(input.requestTypes),
        agent: input.agent
          ? { name: input.agent.name, phone: normalisePhone(input.agent.phone), relation: input.agent.relation ?? null, authorizationReceived: input.agent.authorizationReceived }
          : null,
        purchasePlace: { shop: input.purchasePlace?.shop ?? null, platform: input.purchasePlace?.platform ?? null, orderNo: input.purchasePlace?.orderNo ?? null },
        consentMediation: input.consentMediation,
        consentPublication: input.consentPublication ?? null,
        ruleSet: rules.code,
        registeredBy: user.id,
        at: now,
      });
      const fromEnquiry = input.fromEnquiryId !== undefined ? enquiries.linkToCase(input.fromEnquiryId, id) : null;
      // 受理决定期限: N 工作日 from receipt, the day of receipt not counted (消法第46条; domain.md "Time limits").
      const due = deadlines.start(id, 'acceptance', { startOn: receivedOn, limit: rules.limits.acceptance, ruleSet: rules.code }, now);
      // The investigation checklist of its category, as the template stands today (domain.md step 4).
      checklist.instantiate(id, input.category, now);
      store.reindex(id);
      // The respondent as typed stays on the event even when an existing row was linked.
      const typedRespondent = 'name' in input.respondent ? input.respondent : null;
      store.event({ caseId: id, at: now, userId: user.id, type: 'registered', data: {
          caseNo,
          acceptanceDueOn: due.dueOn,
          respondentCreated: respondent.created,
          typedRespondent,
          // 由咨询转来: the enquiry this complaint was turned from, on the case's own timeline.
          ...(fromEnquiry ? { fromEnquiry } : {}),
          // The clerk saw the three-year warning and registered it all the same (shown on the timeline).
          ...(input.oldPurchaseConfirmed && purchaseOverLimitation(input.purchasedOn, receivedOn) ? { oldPurchaseConfirmed: true } : {}),
        },
      });
      if (earlier) repeats.link({ id, caseNo }, earlier, now, user.id);
      // In the same transaction: a failed registration keeps the draft, a saved one never leaves it behind.
      if (input.draftKey !== undefined) drafts.remove(user.id, 'register', input.draftKey);
      audit.append({ at: now, userId: user.id, action: 'cases.register', entity: 'case', entityId: id, data: earlier ? { caseNo, repeatOf: earlier.caseNo } : { caseNo } });
      return { id, caseNo, acceptanceDueOn: due.dueOn, acceptanceOverdue: due.dueOn < clock.dateOf(nowDate) };
    }).immediate();
  };
}
