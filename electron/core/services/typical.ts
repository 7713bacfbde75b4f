import { DomainError } from '../../../shared/api/errors';
import type { UserView } from '../../../shared/api/schemas/common';
import type { TypicalDraft, TypicalExportInput, TypicalSaveInput } from '../../../shared/api/schemas/typical';
import { personalDataLeft } from '../../../shared/domain/anonymise';
import { caseStatusLabel, type CaseStatus } from '../../../shared/domain/caseStatus';
import { partiesOf, pseudonymsOf, typicalDraftOf, typicalText, type TypicalSource } from '../../../shared/domain/typicalCase';
import { cnDate } from '../../../shared/notices/format';
import type { Db } from '../db/open';
import type { OfficeClock } from '../officeClock';
import type { TypicalStore } from '../store/typicalCases';
import type { Audit } from './audit';
import type { CaseEvents } from './cases/events';
import type { Settings } from './settings';

/** Who publishes typical cases: the office's 负责人, and an administrator. */
const PUBLISHERS: readonly UserView['role'][] = ['supervisor', 'admin'];

export interface TypicalDeps {
  db: Db;
  clock: OfficeClock;
  audit: Audit;
  events: CaseEvents;
  settings: Settings;
  store: TypicalStore;
  /** The whole case as the reader gives it (cases.get). */
  getCase: (id: number, user: UserView) => TypicalSource & { id: number; status: CaseStatus; consentPublication: boolean | null };
}

const EXPORT_FORMATS = { text: '文本', document: '文档' } as const;

/**
 * 典型案例 (issue [H]): a supervisor marks a closed case as typical (domain.md "A case …": 结案归档 is
 * the end of the path, so only a closed case has the whole story and its outcome to tell), edits the
 * write-up the core drafts from the record with the parties anonymised, and exports it as text or
 * as a printed document. The marking and each export are case events and audit rows; an export
 * holding a party's name, phone or ID number is refused, whoever typed it back in.
 */
export function createTypical({ db, clock, audit, events, settings, store, getCase }: TypicalDeps) {
  const statusOf = db.prepare('SELECT status, consent_publication FROM cases WHERE id = ?');

  function caseState(caseId: number): { status: CaseStatus; consent: boolean | null } {
    const row = statusOf.get(caseId) as { status: CaseStatus; consent_publication: number | null } | undefined;
    if (!row) throw new DomainError('NOT_FOUND', '案件不存在');
    return { status: row.status, consent: row.consent_publication === null ? null : row.consent_publication === 1 };
  }

  /** Why this case may not be marked now, or null. */
  function markRefusal(caseId: number, user: UserView): { code: 'FORBIDDEN' | 'INVALID_TRANSITION' | 'CONFLICT'; message: string } | null {
    const { status, consent } = caseState(caseId);
    if (!PUBLISHERS.includes(user.role)) return { code: 'FORBIDDEN', message: '只有负责人或管理员可以标记典型案例' };
    if (store.get(caseId)) return { code: 'CONFLICT', message: '本案已标记为典型案例' };
    if (status !== 'closed') return { code: 'INVALID_TRANSITION', message: `只有已结案的案件才能标记为典型案例（本案现为“${caseStatusLabel[status]}”）` };
    // domain.md "A case …" 1: the complainant is asked at registration whether they agree to publication.
    if (consent === false) return { code: 'CONFLICT', message: '投诉人登记时不同意公开，本案不能作为典型案例发布' };
    return null;
  }

  function marked(caseId: number) {
    caseState(caseId);
    const record = store.get(caseId);
    if (!record) throw new DomainError('INVALID_TRANSITION', '本案尚未标记为典型案例，请先在案件页标记');
    return record;
  }

  function exportsOf(caseId: number, user: UserView): TypicalDraft['exports'] {
    const c = getCase(caseId, user);
    return c.events
      .filter((e) => e.type === 'typical_exported' && e.by)
      .map((e) => ({ at: e.at, by: e.by!, format: e.data.format === 'document' ? ('document' as const) : ('text' as const), title: String(e.data.title ?? '') }));
  }

  return {
    status(caseId: number, user: UserView) {
      caseState(caseId);
      const record = store.get(caseId);
      const refusal = record ? null : markRefusal(caseId, user);
      return { marked: record ? { at: record.markedAt, by: record.markedBy } : null, canMark: !record && !refusal, reason: refusal?.message ?? null };
    },

    mark(caseId: number, user: UserView): { markedAt: string } {
      return db
        .transaction(() => {
          const refusal = markRefusal(caseId, user);
          if (refusal) throw new DomainError(refusal.code, refusal.message);
          const at = clock.now();
          store.mark(caseId, at, user.id);
          events.record({ caseId, at, userId: user.id, type: 'typical_marked', data: {} });
          audit.append({ at, userId: user.id, action: 'typical.mark', entity: 'case', entityId: caseId, data: {} });
          return { markedAt: at };
        })
        .immediate();
    },

    /** Undoes a marking: nothing is lost, the saved write-up and the reason go on the timeline (exports are there already). */
    unmark(caseId: number, reason: string, user: UserView): { ok: true } {
      return db
        .transaction(() => {
          const record = marked(caseId);
          const at = clock.now();
          events.record({
            caseId,
            at,
            userId: user.id,
            type: 'typical_unmarked',
            data: { reason, markedAt: record.markedAt, markedBy: record.markedBy.displayName, title: record.title, body: record.body, exports: record.exports },
          });
          store.remove(caseId);
          audit.append({ at, userId: user.id, action: 'typical.unmark', entity: 'case', entityId: caseId, data: { reason } });
          return { ok: true as const };
        })
        .immediate();
    },

    list(page: number, pageSize: number) {
      return store.list(page, pageSize);
    },

    draft(input: { caseId: number; nameBusiness?: boolean; fresh?: boolean }, user: UserView): TypicalDraft {
      const record = marked(input.caseId);
      const c = getCase(input.caseId, user);
      const nameBusiness = input.nameBusiness ?? record.nameBusiness;
      // The supervisor's saved words win over a new draft, unless asked for the record's draft again
      // or for the other choice of naming the business (the saved text named it the old way).
      const useSaved = !input.fresh && record.title !== null && record.body !== null && nameBusiness === record.nameBusiness;
      const { title, body } = useSaved ? { title: record.title!, body: record.body! } : typicalDraftOf(c, nameBusiness);
      return {
        caseId: c.id,
        caseNo: c.caseNo,
        nameBusiness,
        title,
        body,
        saved: useSaved && record.savedAt && record.savedBy ? { at: record.savedAt, by: record.savedBy } : null,
        consentPublication: c.consentPublication,
        pseudonyms: pseudonymsOf(c, nameBusiness),
        exports: exportsOf(input.caseId, user),
      };
    },

    save(input: TypicalSaveInput, user: UserView): { savedAt: string } {
      return db
        .transaction(() => {
          marked(input.caseId);
          refuseLeaks(input, user);
          const at = clock.now();
          store.save(input.caseId, input, at, user.id);
          audit.append({ at, userId: user.id, action: 'typical.save', entity: 'case', entityId: input.caseId, data: { title: input.title, nameBusiness: input.nameBusiness } });
          return { savedAt: at };
        })
        .immediate();
    },

    export(input: TypicalExportInput, user: UserView) {
      return db
        .transaction(() => {
          const record = marked(input.caseId);
          refuseLeaks(input, user);
          const instant = clock.instant();
          const at = clock.iso(instant);
          const office = settings.get('office.name', '');
          const dateCn = cnDate(clock.dateOf(instant));
          const text = typicalText(input.title, input.body, office, dateCn);
          const { caseNo } = getCase(input.caseId, user);
          // What was exported is kept word for word on the case's timeline (append-only), the
          // saved write-up follows it, and the audit row names it.
          store.save(input.caseId, input, at, user.id);
          store.exported(input.caseId, at);
          events.record({
            caseId: input.caseId,
            at,
            userId: user.id,
            type: 'typical_exported',
            data: { format: input.format, formatName: EXPORT_FORMATS[input.format], nameBusiness: input.nameBusiness, title: input.title, exported: text },
          });
          audit.append({ at, userId: user.id, action: 'typical.export', entity: 'case', entityId: input.caseId, data: { format: input.format, title: input.title, exports: record.exports + 1 } });
          return { exportedAt: at, fileName: `典型案例-${caseNo}.txt`, text, office, dateCn };
        })
        .immediate();
    },
  };

  /** A write-up that still names a party (typed back in, or left in a name the anonymiser could not know) is not kept or exported. */
  function refuseLeaks(input: { caseId: number; title: string; body: string; nameBusiness: boolean }, user: UserView): void {
    const c = getCase(input.caseId, user);
    const left = personalDataLeft(`${input.title}\n${input.body}`, partiesOf(c), { nameBusiness: input.nameBusiness });
    if (left.length) {
      throw new DomainError('VALIDATION', `文稿中仍有当事人的个人信息：${left.join('、')}。请改为匿名写法（如“张某”“138****5678”）后再保存或导出`, { body: `仍有${left.join('、')}` });
    }
  }
}
export type Typical = ReturnType<typeof createTypical>;
