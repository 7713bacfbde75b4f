import type { z } from 'zod';
import { DomainError } from '../../../../shared/api/errors';
import type { casesCorrect } from '../../../../shared/api/schemas/cases';
import type { UserView } from '../../../../shared/api/schemas/common';
import { idTypeLabel, type IdType } from '../../../../shared/domain/caseStatus';
import { correctionRefusal, receivedAtCorrectable, RECEIVED_AT_FIXED, type CorrectionChange, type CorrectionField } from '../../../../shared/domain/correction';
import { normalisePhone } from '../../../../shared/domain/validators';
import { cnDate, cnYuan } from '../../../../shared/notices/format';
import type { Db } from '../../db/open';
import type { OfficeClock } from '../../officeClock';
import type { CaseStore } from '../../store';
import type { CorrectedColumns } from '../../store/caseWrites';
import type { Audit } from '../audit';
import type { CatalogService } from '../catalog';
import type { Deadlines } from '../deadlines';
import type { Respondents } from '../respondents';
import type { RuleSets } from '../ruleSets';
import type { CaseRecords } from '../workflow/caseState';
import type { CaseChecklist } from '../checklist/caseChecklist';
import { checkCodes, checkIdNumber, checkOldPurchase, checkPurchasedOn, checkReceivedAt } from './intakeChecks';
import { orderedRequestTypes, requestTypeName } from '../../../../shared/domain/requestTypes';
import type { CaseAgent } from '../../store/caseWrites';

type CorrectInput = z.output<typeof casesCorrect.input>;

export interface CorrectDeps {
  db: Db;
  clock: OfficeClock;
  audit: Audit;
  catalog: CatalogService;
  respondents: Respondents;
  store: { read: Pick<CaseStore['read'], 'registered'>; write: Pick<CaseStore['write'], 'correct' | 'reindex' | 'event' | 'recountPeers'> };
  deadlines: Pick<Deadlines, 'restart'>;
  ruleSets: Pick<RuleSets, 'on'>;
  records: Pick<CaseRecords, 'load'>;
  checklist: Pick<CaseChecklist, 'recategorise'>;
}

/** 代理人 in words on the timeline: "李明（儿子），13800000000，授权委托书已收到". */
const agentText = (v: unknown): string => {
  if (v === null || v === undefined) return '（无代理人）';
  const a = v as CaseAgent;
  return `${a.name}${a.relation ? `（${a.relation}）` : ''}，${a.phone}，授权委托书${a.authorizationReceived ? '已收到' : '未收到'}`;
};

const NOTHING_CHANGED = '更正的内容与现有登记相同，未作任何更改；请修改要更正的项目';
const EMPTY = '（空）';

/** Values compared as stored: arrays by their members in order, everything else by identity. */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * `cases.correct` (API.md; issue [B] "Correct a registered case"): a typo at the counter put right
 * with a reason. The case's row, its search index, its statistics (and those of the complaints
 * that count it as a repeat), a receipt-dependent acceptance clock, one `corrected` event with
 * each field before → after and the reason, and an audit row, all in one immediate transaction,
 * through the store registration writes with. Checks in API.md's order: input (400), role (403),
 * version (409 CONFLICT), then what the change itself must satisfy (400, as at registration).
 * The case number is never corrected; issued notices stay as issued (the next one reads the row).
 */
export function createCorrect({ db, clock, audit, catalog, respondents, store, deadlines, ruleSets, records, checklist }: CorrectDeps) {
  const codeName = (kind: 'channel' | 'category' | 'region' | 'nature', code: unknown) =>
    typeof code === 'string' ? catalog.nameOf(kind, code) : EMPTY;
  const plain = (v: unknown) => (v === null || v === undefined || v === '' ? EMPTY : String(v));
  const yesNo = (v: unknown) => (v === true ? '是' : v === false ? '否' : EMPTY);
  const money = (v: unknown) => (typeof v === 'number' ? cnYuan(v) : EMPTY);
  const day = (v: unknown) => (typeof v === 'string' ? cnDate(v) : EMPTY);
  /** "2026年11月23日 09:30", in the office's time, whatever offset the instant was typed with. */
  const moment = (v: unknown) => {
    if (typeof v !== 'string') return EMPTY;
    const iso = clock.iso(new Date(v));
    return `${cnDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
  };

  return function correct(input: CorrectInput, user: UserView): { version: number } {
    const ch = input.changes;
    checkCodes({ channel: ch.channel, category: ch.category, region: ch.region }, catalog);

    return db
      .transaction(() => {
        const rec = records.load(input.id);
        const refusal = correctionRefusal(rec.status, user.role);
        if (refusal) throw new DomainError(refusal.code, refusal.message);
        if (rec.version !== input.version) {
          throw new DomainError('CONFLICT', `案件已被他人更新（您看到的是第 ${input.version} 版，现为第 ${rec.version} 版），请刷新后再更正；本次未作任何改动`);
        }
        const c = store.read.registered(input.id);
        if (!c) throw new DomainError('NOT_FOUND', `未找到编号为 ${input.id} 的案件`);
        checkCodes({ natures: ch.natures }, catalog, c.natures.map((n) => n.code));
        const instant = clock.instant();
        const now = clock.iso(instant);
        const today = clock.dateOf(instant);

        const changes: CorrectionChange[] = [];
        const columns: CorrectedColumns = {};
        /** Records a field whose value differs; returns whether it did. */
        const note = (field: CorrectionField, before: unknown, after: unknown, text: (v: unknown) => string = plain): boolean => {
          if (same(before, after)) return false;
          changes.push({ field, before: before ?? null, after: after ?? null, beforeText: text(before), afterText: text(after) });
          return true;
        };

        // 收到时间: only before the acceptance decision (shared/domain/correction.ts), in the case number's year.
        let receivedOn = c.receivedOn;
        let receivedMoved = false;
        if (ch.receivedAt !== undefined && Date.parse(ch.receivedAt) !== Date.parse(c.receivedAt)) {
          if (!receivedAtCorrectable(rec.status)) throw new DomainError('VALIDATION', RECEIVED_AT_FIXED, { receivedAt: RECEIVED_AT_FIXED });
          const received = new Date(ch.receivedAt);
          checkReceivedAt(received, instant);
          const on = clock.dateOf(received);
          // The case number carries the receipt year and never changes (cases.register: TS2026-00042).
          if (on.slice(0, 4) !== c.receivedOn.slice(0, 4)) {
            const problem = `收到时间的年份须与案件编号 ${c.caseNo} 的年份一致；确属另一年收到的，请作废本案后重新登记`;
            throw new DomainError('VALIDATION', problem, { receivedAt: problem });
          }
          const at = clock.iso(received);
          note('receivedAt', c.receivedAt, at, moment);
          columns.received_at = at;
          columns.received_on = on;
          receivedOn = on;
          receivedMoved = on !== c.receivedOn;
        }

        if (ch.channel !== undefined && note('channel', c.channel.code, ch.channel, (v) => codeName('channel', v))) columns.channel = ch.channel;
        if (ch.region !== undefined && note('region', c.region?.code ?? null, ch.region, (v) => codeName('region', v))) columns.region = ch.region;

        // 投诉人: field by field, then the ID number checked as the merged record has it.
        const person: NonNullable<typeof ch.complainant> = ch.complainant ?? { idNumber: undefined, address: undefined };
        if (person.name !== undefined && note('complainant.name', c.complainant.name, person.name)) columns.complainant_name = person.name;
        if (person.idType !== undefined && note('complainant.idType', c.complainant.idType, person.idType, (v) => idTypeLabel[v as IdType] ?? plain(v))) {
          columns.complainant_id_type = person.idType;
        }
        const idNumber = person.idNumber === undefined ? undefined : person.idNumber === null ? null : person.idNumber.toUpperCase();
        if (idNumber !== undefined && note('complainant.idNumber', c.complainant.idNumber, idNumber)) columns.complainant_id_number = idNumber;
        if (columns.complainant_id_type !== undefined || columns.complainant_id_number !== undefined) {
          checkIdNumber(columns.complainant_id_type ?? c.complainant.idType, idNumber === undefined ? c.complainant.idNumber : idNumber, today);
        }
        const phone = person.phone === undefined ? undefined : normalisePhone(person.phone);
        if (phone !== undefined && note('complainant.phone', c.complainant.phone, phone)) columns.complainant_phone = phone;
        if (person.address !== undefined && note('complainant.address', c.complainant.address, person.address)) columns.complainant_address = person.address;

        // 被投诉方: named again by id or by name, as at registration; the case links to that row.
        if (ch.respondent !== undefined) {
          const row = 'name' in ch.respondent ? respondents.resolve(ch.respondent, now).row : respondents.get(ch.respondent.id);
          const before = respondents.get(c.respondentId);
          if (row.id !== before.id) {
            note('respondent', { id: before.id, name: before.name }, { id: row.id, name: row.name }, (v) => (v as { name: string }).name);
            columns.respondent_id = row.id;
          }
        }

        if (ch.subject !== undefined && note('subject', c.subject, ch.subject)) columns.subject = ch.subject;
        if (ch.purchasedOn !== undefined && note('purchasedOn', c.purchasedOn, ch.purchasedOn, day)) columns.purchased_on = ch.purchasedOn;
        if (columns.purchased_on !== undefined || columns.received_on !== undefined) {
          const purchasedOn = ch.purchasedOn === undefined ? c.purchasedOn : ch.purchasedOn;
          checkPurchasedOn(purchasedOn, receivedOn);
          // A correction that makes the purchase more than three years old is warned of as a registration is.
          checkOldPurchase(purchasedOn, receivedOn, input.oldPurchaseConfirmed);
        }
        const place: NonNullable<typeof ch.purchasePlace> = ch.purchasePlace ?? { shop: undefined, platform: undefined, orderNo: undefined };
        if (place.shop !== undefined && note('purchasePlace.shop', c.purchasePlace.shop, place.shop)) columns.purchase_shop = place.shop;
        if (place.platform !== undefined && note('purchasePlace.platform', c.purchasePlace.platform, place.platform)) columns.purchase_platform = place.platform;
        if (place.orderNo !== undefined && note('purchasePlace.orderNo', c.purchasePlace.orderNo, place.orderNo)) columns.order_no = place.orderNo;
        if (ch.amountPaidFen !== undefined && note('amountPaidFen', c.amountPaidFen, ch.amountPaidFen, money)) columns.amount_paid_fen = ch.amountPaidFen;
        if (ch.facts !== undefined && note('facts', c.facts, ch.facts)) columns.facts = ch.facts;
        if (ch.request !== undefined && note('request', c.request, ch.request)) columns.request = ch.request;
        if (ch.amountClaimedFen !== undefined && note('amountClaimedFen', c.amountClaimedFen, ch.amountClaimedFen, money)) columns.amount_claimed_fen = ch.amountClaimedFen;
        if (ch.requestTypes !== undefined) {
          const next = orderedRequestTypes(ch.requestTypes);
          const kinds = (v: unknown) => ((v as string[]).length ? (v as string[]).map(requestTypeName).join('、') : EMPTY);
          if (note('requestTypes', c.requestTypes.map((t) => t.code), next, kinds)) columns.request_types = JSON.stringify(next);
        }
        // 代理人: named again as a whole (or removed), compared as stored.
        let agent: CaseAgent | null | undefined;
        if (ch.agent !== undefined) {
          const next: CaseAgent | null =
            ch.agent === null
              ? null
              : { name: ch.agent.name, phone: normalisePhone(ch.agent.phone), relation: ch.agent.relation ?? null, authorizationReceived: ch.agent.authorizationReceived };
          if (note('agent', c.agent, next, agentText)) agent = next;
        }
        if (ch.category !== undefined && note('category', c.category.code, ch.category, (v) => codeName('category', v))) columns.category = ch.category;
        let natures: string[] | undefined;
        if (ch.natures !== undefined) {
          const next = [...new Set(ch.natures)].sort();
          const names = (v: unknown) => ((v as string[]).length ? (v as string[]).map((n) => codeName('nature', n)).join('、') : EMPTY);
          if (note('natures', c.natures.map((n) => n.code).sort(), next, names)) natures = next;
        }
        if (ch.consentMediation !== undefined && note('consentMediation', c.consentMediation, ch.consentMediation, yesNo)) columns.consent_mediation = ch.consentMediation ? 1 : 0;
        if (ch.consentPublication !== undefined && note('consentPublication', c.consentPublication, ch.consentPublication, yesNo)) {
          columns.consent_publication = ch.consentPublication === null ? null : ch.consentPublication ? 1 : 0;
        }

        if (changes.length === 0) throw new DomainError('VALIDATION', NOTHING_CHANGED, { changes: NOTHING_CHANGED });

        // A new receipt date counts the acceptance clock again from it, under the rules in force on it
        // (domain.md "Laws and rules in force"; only before the decision, so only that clock depends on it).
        let moved: ReturnType<Deadlines['restart']> = null;
        if (receivedMoved) {
          const rules = ruleSets.on(receivedOn);
          const ruleChanged = rules.code !== rec.ruleSet;
          if (ruleChanged) columns.rule_set = rules.code;
          moved = deadlines.restart(c.id, 'acceptance', { startOn: receivedOn, ...(ruleChanged ? { limit: rules.limits.acceptance, ruleSet: rules.code } : {}) });
        }

        store.write.correct(c.id, columns, natures, agent);
        store.write.reindex(c.id);
        // The checklist follows a corrected category: the investigator works the list of what the case is.
        const list =
          columns.category === undefined
            ? null
            : checklist.recategorise(c.id, columns.category, {
                userId: user.id,
                at: now,
                note: `投诉类别由“${c.category.name}”更正为“${codeName('category', columns.category)}”，此项不再适用`,
              });
        store.write.event({
          caseId: c.id,
          at: now,
          userId: user.id,
          type: 'corrected',
          data: {
            reason: input.reason,
            changes,
            ...(moved && moved.before !== moved.after ? { deadlines: [moved] } : {}),
            ...(list && (list.added.length || list.setAside.length) ? { checklist: list } : {}),
          },
        });
        // Whether a later complaint by this person against this business is a repeat may hang on this one.
        if (columns.respondent_id !== undefined || columns.complainant_phone !== undefined || columns.complainant_id_number !== undefined || columns.received_on !== undefined) {
          const identity = (respondentId: number, phoneOf: string, id: string | null, on: string) => ({ respondentId, phone: phoneOf, idNumber: id, receivedOn: on });
          store.write.recountPeers(c.id, [
            identity(c.respondentId, c.complainant.phone, c.complainant.idNumber, c.receivedOn < receivedOn ? c.receivedOn : receivedOn),
            identity(columns.respondent_id ?? c.respondentId, phone ?? c.complainant.phone, idNumber === undefined ? c.complainant.idNumber : idNumber, c.receivedOn < receivedOn ? c.receivedOn : receivedOn),
          ]);
        }
        audit.append({
          at: now,
          userId: user.id,
          action: 'cases.correct',
          entity: 'case',
          entityId: c.id,
          data: { caseNo: c.caseNo, fields: changes.map((x) => x.field), reason: input.reason },
        });
        return { version: rec.version + 1 };
      })
      .immediate();
  };
}
export type Correct = ReturnType<typeof createCorrect>;
