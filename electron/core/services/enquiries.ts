import { DomainError } from '../../../shared/api/errors';
import type { UserView } from '../../../shared/api/schemas/common';
import type { EnquiriesListInput, EnquiryLogInput } from '../../../shared/api/schemas/enquiries';
import { normalisePhone } from '../../../shared/domain/validators';
import type { Db } from '../db/open';
import type { OfficeClock } from '../officeClock';
import type { EnquiryStore } from '../store/enquiries';
import type { Audit } from './audit';
import type { CatalogService } from './catalog';

/** A receipt time this far ahead of the core's clock is a typing slip, not clock skew (as cases.register). */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export interface EnquiryDeps {
  db: Db;
  clock: OfficeClock;
  audit: Audit;
  catalog: CatalogService;
  store: EnquiryStore;
}

/**
 * 咨询登记 (issue [B]; domain.md "Headline statistics": 接待来访和咨询（人次）): an enquiry answered at
 * the desk that is not a complaint, logged in one line by any signed-in user. It is counted in 统计
 * by its office date and may later be turned into a complaint (cases.register `fromEnquiryId`).
 */
export function createEnquiries({ db, clock, audit, catalog, store }: EnquiryDeps) {
  return {
    log(input: EnquiryLogInput, user: UserView): { id: number } {
      const fields: Record<string, string> = {};
      if (!catalog.find('channel', input.channel)) fields.channel = '请选择有效的咨询渠道';
      const nowInstant = clock.instant();
      const received = input.receivedAt ? new Date(input.receivedAt) : nowInstant;
      if (received.getTime() > nowInstant.getTime() + FUTURE_TOLERANCE_MS) fields.receivedAt = '咨询时间不能晚于现在，请核对';
      const first = Object.values(fields)[0];
      if (first) throw new DomainError('VALIDATION', `输入有误：${first}`, fields);
      const now = clock.iso(nowInstant);
      return db.transaction(() => {
        const id = store.write.insert({
          receivedAt: clock.iso(received),
          receivedOn: clock.dateOf(received),
          channel: input.channel,
          topic: input.topic,
          answer: input.answer,
          name: input.name ?? null,
          phone: input.phone ? normalisePhone(input.phone) : null,
          loggedBy: user.id,
          at: now,
        });
        // The audit row names the enquiry, not the caller's words: those stay in the log's own row.
        audit.append({ at: now, userId: user.id, action: 'enquiries.log', entity: 'enquiry', entityId: id, data: { channel: input.channel } });
        return { id };
      }).immediate();
    },

    list(input: EnquiriesListInput) {
      return store.read.page(input.from, input.to, input.page, input.pageSize);
    },

    /**
     * Inside the registering transaction: the enquiry the complaint comes from becomes its case's,
     * once. An enquiry that does not exist or already became a case refuses the registration whole.
     */
    /** Links the enquiry to the case made from it; what the case's timeline says it came from. */
    linkToCase(enquiryId: number, caseId: number): { id: number; receivedAt: string; topic: string } {
      const row = store.read.one(enquiryId);
      if (!row) throw new DomainError('VALIDATION', '所转的咨询记录不存在，请从咨询登记页重新选择', { fromEnquiryId: '咨询记录不存在' });
      if (row.caseId !== null || !store.write.link(enquiryId, caseId)) {
        throw new DomainError('CONFLICT', '这条咨询已经转为投诉，未重复登记；请在咨询登记页查看它对应的案件', { fromEnquiryId: '这条咨询已经转为投诉' });
      }
      return { id: row.id, receivedAt: row.receivedAt, topic: row.topic };
    },
  };
}
export type Enquiries = ReturnType<typeof createEnquiries>;
