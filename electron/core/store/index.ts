import type { RepeatRecountProgress } from '../../../shared/api/schemas/stats';
import type { WorkingDayCalendar } from '../../../shared/domain/calendar';
import type { Db } from '../db/open';
import type { OfficeClock } from '../officeClock';
import { createCaseEvents } from './caseEvents';
import { finishBulkLoad } from './bulkLoad';
import { createCaseFacts } from './caseFacts';
import { createCaseHeads } from './caseHeads';
import { createCaseReads } from './caseReads';
import { createCaseSearch } from './caseSearch';
import type { ReadOffThread } from './textWalk';
import { createCaseText } from './caseText';
import { createCaseWrites } from './caseWrites';
import { createComplainantReads } from './complainants';
import { createEnquiryStore } from './enquiries';
import { createRespondentStore } from './respondents';
import type { Snapshots } from './snapshots';
import { createStatsReads } from './statsReads';

export interface CaseStoreDeps {
  db: Db;
  /** Read-only moments of the register for the long reads (统计), which answer the page's calls between their pieces. */
  snapshots: Snapshots;
  clock: OfficeClock;
  calendar: () => WorkingDayCalendar;
  repeatWindowDays: () => number;
  /** How far the repeat flags' recount after a change of the window has come (services/repeatRecount.ts); null when none runs. */
  repeatRecount?: () => RepeatRecountProgress | null;
  /** Whether every case is indexed by today's search rules (no background re-index pending: services/searchReindex.ts). */
  indexCurrent?: () => boolean;
  /** A bulk load writes the search index and the statistics once, at its end (coreState.ts `bulkLoad`). */
  bulkLoad?: boolean;
  /** Reads that would hold the page's thread, on the search index's worker (services/mergeWorker.ts), where there is one. */
  offThread?: ReadOffThread | null;
}

export { refreshPlannerStatistics } from './plannerStatistics';

/**
 * The case register's store (DESIGN.md "Data"): the one module that holds the SQL of cases, their
 * events, search and statistics, with typed rows. Features read through `read` and change through
 * `write`; a read path has no way to write.
 */
export function createCaseStore({ db, snapshots, clock, calendar, repeatWindowDays, repeatRecount, indexCurrent = () => true, bulkLoad = false, offThread = null }: CaseStoreDeps) {
  const text = createCaseText(db, { bulkLoad });
  const respondents = createRespondentStore(db);
  const facts = createCaseFacts(db, { calendar, repeatWindowDays, respondents, bulkLoad, today: clock.today });
  const events = createCaseEvents(db, { text, facts });
  const reads = createCaseReads(db);
  const search = createCaseSearch(db, clock, calendar, indexCurrent, { offThread });
  const enquiries = createEnquiryStore(db);
  const stats = createStatsReads(snapshots, repeatRecount);
  const writes = createCaseWrites(db);
  const complainants = createComplainantReads(db);
  const heads = createCaseHeads(db);
  return {
    /** The respondents register (its counts follow every case's statistics through `facts`). */
    respondents,
    read: {
      registered: reads.registered,
      caseIdsAfter: reads.idsAfter,
      /** Where a case stands and who handles it, for a service's check before it acts. */
      head: heads.head,
      ruleSetUsed: heads.ruleSetUsed,
      provisionalSpans: heads.provisionalSpans,
      openCasesOf: heads.openCasesOf,
      /** The statements of the heads (for EXPLAIN QUERY PLAN in the tests). */
      headSql: heads.sql,
      events: events.list,
      search: search.search,
      /** The statements a search would run (for EXPLAIN QUERY PLAN in the tests). */
      searchPlan: search.plan,
      stats: stats.summary,
      facts: facts.factsOf,
      /** The register in id order with each case's stored repeat flag, and the flag under a given window (the recount after the window changed). */
      repeatFlags: facts.repeatFlags,
      repeatUnder: facts.repeatUnder,
      lastCaseId: facts.lastCaseId,
      repeatSql: facts.repeatSql,
      /** Earlier complaints of the same person against the same business within the window (重复投诉). */
      repeats: complainants.repeats,
      isRepeatOf: complainants.isRepeatOf,
      /** People on the register under a phone or ID number (回头投诉人). */
      complainants: complainants.lookup,
      /** The statements of those two (for EXPLAIN QUERY PLAN in the tests). */
      complainantSql: complainants.sql,
    },
    write: {
      nextCaseNo: writes.nextCaseNo,
      insert: writes.insert,
      /** Writes an event; moves the version, the statistics and (for words) the search index with it. */
      event: events.record,
      /** The case's words changed (registration, a correction): index them afresh. */
      reindex: text.index,
      /** Something counted changed without an event of its own (the repeat window, a merge). */
      recount: facts.refresh,
      /** A correction of the registration's columns (cases.correct); its event and index follow. */
      correct: writes.correct,
      /** The later complaints by the same person against the same business, counted again (a correction moved who, whom or when). */
      recountPeers: facts.refreshPeers,
    },
    /** 咨询登记: the enquiry log, its day lists and the count 统计 reports. */
    enquiries,
    /** Writes what a bulk load left out, for every case (store/bulkLoad.ts); returns the cases done. */
    finishBulkLoad: (onChunk?: (done: number, total: number) => void, chunk?: number): number =>
      finishBulkLoad(db, { text: createCaseText(db), facts: createCaseFacts(db, { calendar, repeatWindowDays, respondents }) }, onChunk, chunk),
  };
}
export type CaseStore = ReturnType<typeof createCaseStore>;
export type CaseStoreRead = CaseStore['read'];
export type CaseStoreWrite = CaseStore['write'];
