import { dirname, join } from 'node:path';
import type { UserView } from '../../../shared/api/schemas/common';
import { settingKeys } from '../../../shared/api/schemas/officeSettings';
import type { ListItem } from '../../../shared/api/schemas/catalog';
import type { EditableKind } from '../../../shared/domain/catalogLists';
import { createExports } from '../exports/exportTasks';
import { createMemorySessions, createSessions } from '../auth/sessions';
import type { Db } from '../db/open';
import type { Clock, Logger, PdfPrinter } from '../ports';
import type { Vault } from '../vault/vault';
import { createAudit } from './audit';
import { createCalendarAdmin } from './calendarAdmin';
import type { CaseEvents } from './cases/events';
import { createCaseReader } from './cases/read';
import { createRegister } from './cases/register';
import { createRepeatRecount, repeatRecountProgress } from './repeatRecount';
import { createSearchReindex, indexCurrent } from './searchReindex';
import { createSearchUpkeep } from './searchUpkeep';
import { createMergeWorker, type MergeWorkerFault } from './mergeWorker';
import { createWalFold } from './walFold';
import { createWriteTurns, noWriteTurns } from '../writeTurns';
import { createRepeats } from './cases/repeats';
import { createCorrect } from './cases/correct';
import { createCatalog } from './catalog';
import { createDrafts } from './drafts';
import { createDraftStore } from '../store/drafts';
import { createDeadlines } from './deadlines';
import { createDossiers } from './dossier';
import { createNotices } from './notices';
import { createNoticeRecords } from './notices/records';
import { createOfficeProfile } from './officeProfile';
import { createOfficeSettings } from './officeSettings';
import { createCaseChecklist } from './checklist/caseChecklist';
import { createChecklistTemplates } from './checklist/templates';
import { createEnquiries } from './enquiries';
import { createEvidence } from './evidence';
import type { MediaTools } from './evidence/media';
import { createRequests } from './requests';
import { createRespondentRegister, createRespondents } from './respondents';
import { createRuleSets } from './ruleSets';
import { createSettings } from './settings';
import { createUsers } from './users';
import { createTypical } from './typical';
import { createTypicalStore } from '../store/typicalCases';
import { createWorkflow } from './workflow/act';
import { createCaseRecords } from './workflow/caseState';
import { createWorkflowView } from './workflow/view';
import { createOfficeClock, DEFAULT_OFFICE_ZONE } from '../officeClock';
import { createCaseStore } from '../store';
import { createSnapshots } from '../store/snapshots';
import { DEFAULT_REPEAT_WINDOW_DAYS } from '../store/caseFacts';
import { createTextReader, type TextReader } from './evidence/textWorker';
import { oneAtATime } from './evidence/oneAtATime';
import { createScreenshotReader } from './intake/readScreenshot';
import { loadCalendar } from './calendar';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  vault: Vault;
  media: MediaTools;
  log: Logger;
  /** Prints notices to PDF (Chromium in the host, printToPDF in the desktop app); absent, notices cannot be issued. */
  pdf?: PdfPrinter;
  /**
   * The register failed its check at start and was opened read-only: sessions live in memory and
   * what would go to the audit chain (sign-ins) goes to the file log, so reading never writes the file.
   */
  readOnly?: boolean;
  /** Reads pictures' text (OCR); a worker of its own when not given. */
  textReader?: TextReader;
  /** A bulk load: the search index and the statistics written once, at its end (start/coreState.ts `bulkLoad`). */
  bulkLoad?: boolean;
  /** Tests only: each merge step of the search index holds its transaction this long (mergeWorker.ts). */
  mergeStepHoldMs?: number;
  /** Tests only: the merge worker's thread dies at its first step or fold (mergeWorker.ts). */
  mergeWorkerFault?: MergeWorkerFault;
  /** Settles once the start check lets writes through (start/openState.ts); absent, they are through. */
  writable?: Promise<void> | null;
}

/** Idle time after which the merge worker ends (its thread and connection); the next write's merges start it again. */
const MERGE_WORKER_IDLE_MS = 30_000;

/** The services of the register, wired once over one database, one clock and one vault. */
export function createServices({ db, clock: instants, vault, media, log, pdf, readOnly, textReader, bulkLoad, mergeStepHoldMs, mergeWorkerFault, writable = null }: ServiceDeps) {
  const settings = createSettings(db);
  // The register's one writer shared between the page's thread and the search index's merge worker.
  const writeTurns = readOnly ? noWriteTurns : createWriteTurns();
  // Every service reads time from this one office clock (DESIGN.md "The case and its clock").
  const clock = createOfficeClock(instants, () => settings.get(settingKeys.office.timeZone, DEFAULT_OFFICE_ZONE));
  const chain = createAudit(db);
  const audit: typeof chain = readOnly
    ? { ...chain, append: (e) => log.info(`read-only, not in the audit chain: ${e.action} by user ${e.userId ?? '-'} at ${e.at}`) }
    : chain;
  const sessions = readOnly ? createMemorySessions(db, instants) : createSessions(db, instants, writeTurns.workerWriting);
  const catalog = createCatalog(db);
  const repeatWindowDays = () => settings.get(settingKeys.intake.repeatWindowDays, DEFAULT_REPEAT_WINDOW_DAYS);
  // Long reads (统计, exports) each on a moment of the register of their own; the close ends them first.
  const snapshots = createSnapshots(db.name);
  // The search index's merges, on a thread of their own rather than inside the page's writes or
  // between its calls; a text walk FTS5 must merge a prefix for is read there too (store/textWalk.ts).
  const mergeWorker = readOnly || db.memory ? null : createMergeWorker({ file: db.name, idleMs: MERGE_WORKER_IDLE_MS, holdMs: mergeStepHoldMs, fault: mergeWorkerFault });
  const store = createCaseStore({
    db,
    snapshots,
    clock,
    calendar: () => loadCalendar(db),
    repeatWindowDays,
    repeatRecount: () => repeatRecountProgress(settings),
    indexCurrent: () => indexCurrent(settings),
    bulkLoad,
    offThread: mergeWorker ? (sql, params) => mergeWorker.read(sql, params) : null,
  });
  // 统计's repeat figures counted again when the window changes (started by the opened register, after its first seconds).
  const repeatRecount = createRepeatRecount({ db, settings, store, windowDays: repeatWindowDays, log, turns: writeTurns });
  // Its merge steps where the upkeep runs them: on the worker, not inside its chunks on the page's thread.
  const searchReindex = createSearchReindex({ db, settings, store, log, turns: writeTurns, mergeFirst: () => searchUpkeep.stepWhereMerging() });
  const searchUpkeep = createSearchUpkeep({ db, settings, log, worker: mergeWorker, turns: writeTurns });
  // The WAL's folds into the file on the same worker, in the writer's turns (the seal reads its frames first).
  const walFold = createWalFold({ db, worker: mergeWorker, turns: writeTurns, log });
  const respondents = createRespondents(store.respondents);
  const events: CaseEvents = { record: store.write.event };
  const draftStore = createDraftStore(db);
  const repeats = createRepeats({ clock, store, respondents, windowDays: repeatWindowDays });
  const deadlines = createDeadlines(db);
  const ruleSets = createRuleSets(db, clock, audit, store.read.ruleSetUsed);
  const records = createCaseRecords(db, settings);
  const workflowView = createWorkflowView({ db, clock, deadlines, ruleSets, catalog, records });
  const checklistTemplates = createChecklistTemplates(db, clock, audit, settings, catalog);
  const checklist = createCaseChecklist({ db, clock, audit, events, templates: checklistTemplates, deadlines });
  const ocr = oneAtATime(textReader ?? createTextReader());
  const evidence = createEvidence({ db, clock, audit, settings, events, vault, media, log, caseHead: store.read.head, reindex: store.write.reindex, textReader: ocr });
  const noticeRecords = createNoticeRecords(db);
  // The office profile shows its seal in 办公设置, and its older operation saves through 办公设置.
  const officeSettings = createOfficeSettings({ db, clock, settings, audit, seal: () => office.sealView(), repeatRecount });
  const office = createOfficeProfile(db, settings, vault, () => officeSettings);
  const enquiries = createEnquiries({ db, clock, audit, catalog, store: store.enquiries });
  const cases = {
    ...createCaseReader(db, store.read, workflowView, { checklist, evidence, noticesOf: noticeRecords.list, respondent: respondents.get }),
    // A text searched while older cases are indexed afresh says how far that is: the page tells the
    // clerk why a search is slower for those minutes (20 at a million cases), not that anything is missing.
    async search(...[input, user]: Parameters<typeof store.read.search>) {
      const page = await store.read.search(input, user);
      const indexing = input.text ? searchReindex.progress() : null;
      return indexing ? { ...page, indexing } : page;
    },
  };
  return {
    clock,
    store,
    snapshots,
    settings,
    audit,
    sessions,
    catalog,
    respondents,
    respondentRegister: createRespondentRegister({ db, clock, audit, store }),
    events,
    deadlines,
    ruleSets,
    records,
    requests: createRequests(db, instants),
    users: createUsers(db, clock, audit, settings, sessions, store.read.openCasesOf, readOnly),
    register: createRegister({ db, clock, audit, settings, catalog, respondents, store: store.write, deadlines, ruleSets, checklist, repeats, enquiries, drafts: draftStore.write }),
    repeats,
    screenshots: createScreenshotReader(ocr),
    drafts: createDrafts({ db, clock, audit, store: draftStore }),
    correct: createCorrect({ db, clock, audit, catalog, respondents, store, deadlines, ruleSets, records, checklist }),
    cases,
    enquiries,
    act: createWorkflow({ db, clock, settings, audit, events, deadlines, ruleSets, catalog, records }),
    calendar: createCalendarAdmin({ db, clock, settings, audit, events, deadlines, provisionalSpans: store.read.provisionalSpans }),
    officeSettings,
    repeatRecount,
    searchReindex,
    searchUpkeep,
    writeTurns,
    walFold,
    /** The office's regions, on the audit log with the list as saved. */
    saveRegions(regions: { code?: string; name: string }[], by: UserView): { regions: { code: string; name: string }[] } {
      return db.transaction(() => {
        const saved = catalog.saveRegions(regions);
        audit.append({ at: clock.now(), userId: by.id, action: 'catalog.saveRegions', entity: 'catalog', entityId: null, data: { regions: saved } });
        return { regions: saved };
      }).immediate();
    },
    /** One administrator-edited list (category, nature, channel, measure), on the audit log with the list as saved. */
    saveList(kind: EditableKind, items: ListItem[], by: UserView): { kind: EditableKind; items: ListItem[] } {
      return db.transaction(() => {
        const saved = catalog.saveList(kind, items);
        audit.append({ at: clock.now(), userId: by.id, action: 'catalog.saveList', entity: 'catalog', entityId: null, data: { kind, items: saved } });
        return { kind, items: saved };
      }).immediate();
    },
    checklistTemplates,
    checklist,
    exports: createExports({ snapshots, dir: join(dirname(db.name), 'exports'), store: store.read, clock, audit, writable, turns: writeTurns, settings, log }),
    evidence,
    office,
    typical: createTypical({ db, clock, audit, events, settings, store: createTypicalStore(db), getCase: cases.get }),
    dossiers: createDossiers({ db, clock, audit, events, settings, vault, office, catalog, evidence, caseHead: store.read.head, getCase: cases.get, pdf }),
    notices: createNotices({ db, clock, settings, audit, events, deadlines, ruleSets, records: noticeRecords, office, vault, getCase: cases.get, caseHead: store.read.head, pdf }),
  };
}
export type Services = ReturnType<typeof createServices>;
