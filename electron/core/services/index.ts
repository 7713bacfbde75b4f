import { createSessions } from '../auth/sessions';
import type { Db } from '../db/open';
import type { Clock, PdfPrinter } from '../ports';
import type { Vault } from '../vault/vault';
import { createAudit } from './audit';
import { createCalendarAdmin } from './calendarAdmin';
import { createCaseEvents } from './cases/events';
import { createCaseReader } from './cases/read';
import { createRegister } from './cases/register';
import { createCaseSearch } from './cases/search';
import { createCatalog } from './catalog';
import { createDeadlines } from './deadlines';
import { createNotices } from './notices';
import { createNoticeRecords } from './notices/records';
import { createOfficeProfile } from './officeProfile';
import { createOfficeSettings } from './officeSettings';
import { createRespondents } from './respondents';
import { createRuleSets } from './ruleSets';
import { createSettings } from './settings';
import { createUsers } from './users';
import { createWorkflow } from './workflow/act';
import { createCaseRecords } from './workflow/caseState';
import { createWorkflowView } from './workflow/view';

/** The services of the register, wired once over one database, one clock and one vault. */
export function createServices(db: Db, clock: Clock, { vault, pdf }: { vault: Vault; pdf?: PdfPrinter }) {
  const settings = createSettings(db);
  const audit = createAudit(db);
  const sessions = createSessions(db, clock);
  const catalog = createCatalog(db);
  const respondents = createRespondents(db);
  const events = createCaseEvents(db);
  const deadlines = createDeadlines(db);
  const ruleSets = createRuleSets(db, clock, audit);
  const records = createCaseRecords(db, settings);
  const workflowView = createWorkflowView({ db, clock, settings, deadlines, ruleSets, catalog, records });
  const noticeRecords = createNoticeRecords(db);
  const office = createOfficeProfile(db, clock, settings, audit, vault);
  const cases = { ...createCaseReader(db, workflowView, noticeRecords.list), search: createCaseSearch(db, clock, settings) };
  return {
    settings,
    audit,
    sessions,
    catalog,
    respondents,
    events,
    deadlines,
    ruleSets,
    records,
    users: createUsers(db, clock, audit, settings, sessions),
    register: createRegister({ db, clock, audit, settings, catalog, respondents, events, deadlines, ruleSets }),
    cases,
    act: createWorkflow({ db, clock, settings, audit, events, deadlines, ruleSets, catalog, records }),
    calendar: createCalendarAdmin({ db, clock, settings, audit, events, deadlines }),
    officeSettings: createOfficeSettings(db, clock, settings, audit),
    office,
    notices: createNotices({ db, clock, settings, audit, events, deadlines, ruleSets, records: noticeRecords, office, vault, getCase: cases.get, pdf }),
  };
}
export type Services = ReturnType<typeof createServices>;
