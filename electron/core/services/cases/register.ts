import type { z } from 'zod';
import { DomainError } from '../../../../shared/api/errors';
import type { casesRegister } from '../../../../shared/api/schemas/cases';
import type { UserView } from '../../../../shared/api/schemas/common';
import { normalisePhone, residentIdProblem } from '../../../../shared/domain/validators';
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
import type { Enquiries } from '../enquiries';

type RegisterInput = z.output<typeof casesRegister.input>;

/** A receipt time this far ahead of the PC clock is a typing mistake, not a clock skew. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

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
  /** 咨询登记: a complaint turned from an enquiry links it (`fromEnquiryId`). */
  enquiries: Pick<Enquiries, 'linkToCase'>;
}

function checkCodes(input: RegisterInput, catalog: CatalogService): void {
  const fields: Record<string, string> = {};
  if (!catalog.find('channel', input.channel)) fields.channel = '请选择有效的投诉渠道';
  if (!catalog.find('category', input.category)) fields.category = '请选择有效的投诉类别';
  if (input.region !== undefined && !catalog.find('region', input.region)) fields.region = '请从本会的地区列表中选择所属地区';
  input.natures.forEach((n, i) => {
    if (!catalog.find('nature', n)) fields[`natures.${i}`] = '投诉性质不在目录中';
  });
  const first = Object.values(fields)[0];
  if (first) throw new DomainError('VALIDATION', `输入有误：${first}`, fields);
}

/** 登记 (domain.md "A case" step 1): a number at once, and the acceptance deadline with it. */
export function createRegister({ db, clock, audit, settings, catalog, respondents, store, deadlines, ruleSets, checklist, enquiries }: RegisterDeps) {
  return function register(input: RegisterInput, user: UserView) {
    checkCodes(input, catalog);
    const nowDate = clock.instant();
    const received = input.receivedAt ? new Date(input.receivedAt) : nowDate;
    if (received.getTime() > nowDate.getTime() + FUTURE_TOLERANCE_MS) {
      throw new DomainError('VALIDATION', '收到时间不能晚于现在，请核对', { receivedAt: '收到时间不能晚于现在' });
    }
    // A birth date after today is caught here, against the core's clock (the shared schema cannot know today).
    const { idType, idNumber } = input.complainant;
    const idProblem = idType === 'resident' && idNumber ? residentIdProblem(idNumber, clock.dateOf(nowDate)) : null;
    if (idProblem) throw new DomainError('VALIDATION', `输入有误：${idProblem}`, { 'complainant.idNumber': idProblem });
    if (input.purchasedOn && input.purchasedOn > clock.dateOf(received)) {
      throw new DomainError('VALIDATION', '购买日期不能晚于收到投诉的日期', { purchasedOn: '购买日期不能晚于收到投诉的日期' });
    }
    const receivedOn = clock.dateOf(received);
    const now = clock.iso(nowDate);
    // The rules in force on the receipt date govern the case for good (domain.md "Laws and rules in force").
    const rules = ruleSets.on(receivedOn);

    return db.transaction(() => {
      const respondent =
        'name' in input.respondent ? respondents.resolve(input.respondent, now) : { row: respondents.get(input.respondent.id), created: false };
      const caseNo = store.nextCaseNo(settings.get('caseNo.prefix', 'TS'), receivedOn);
      const c = input.complainant;
      const id = store.insert(caseNo, {
        receivedAt: clock.iso(received),
        receivedOn,
        channel: input.channel,
        category: input.category,
        region: input.region ?? null,
        natures: input.natures,
        complainant: { name: c.name, idType: c.idType, idNumber: c.idNumber ? c.idNumber.toUpperCase() : null, phone: normalisePhone(c.phone), address: c.address ?? null },
        respondentId: respondent.row.id,
        subject: input.subject,
        purchasedOn: input.purchasedOn ?? null,
        amountPaidFen: input.amountPaidFen ?? null,
        facts: input.facts,
        request: input.request,
        amountClaimedFen: input.amountClaimedFen ?? null,
        consentMediation: input.consentMediation,
        consentPublication: input.consentPublication ?? null,
        ruleSet: rules.code,
        registeredBy: user.id,
        at: now,
      });
      if (input.fromEnquiryId !== undefined) enquiries.linkToCase(input.fromEnquiryId, id);
      // 受理决定期限: N 工作日 from receipt, the day of receipt not counted (消法第46条; domain.md "Time limits").
      const due = deadlines.start(id, 'acceptance', { startOn: receivedOn, limit: rules.limits.acceptance, ruleSet: rules.code }, now);
      // The investigation checklist of its category, as the template stands today (domain.md step 4).
      checklist.instantiate(id, input.category, now);
      store.reindex(id);
      // The respondent as typed stays on the event even when an existing row was linked.
      const typedRespondent = 'name' in input.respondent ? input.respondent : null;
      store.event({ caseId: id, at: now, userId: user.id, type: 'registered', data: { caseNo, acceptanceDueOn: due.dueOn, respondentCreated: respondent.created, typedRespondent } });
      audit.append({ at: now, userId: user.id, action: 'cases.register', entity: 'case', entityId: id, data: { caseNo } });
      return { id, caseNo, acceptanceDueOn: due.dueOn, acceptanceOverdue: due.dueOn < clock.dateOf(nowDate) };
    }).immediate();
  };
}
