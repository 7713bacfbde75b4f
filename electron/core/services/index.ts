import { createMemorySessions, createSessions } from '../auth/sessions';
import type { Db } from '../db/open';
import type { Clock, Logger } from '../ports';
import { createAudit } from './audit';
import { createCalendarAdmin } from './calendarAdmin';
import { createCaseEvents } from './cases/events';
import { createCaseReader } from './cases/read';
import { createRegister } from './cases/register';
import { createCaseSearch } from './cases/search';
import { createCatalog } from './catalog';
import { createDeadlines } from './deadlines';
import { createOfficeSettings } from './officeSettings';
import { createRespondents } from './respondents';
import { createRuleSets } from './ruleSets';
import { createSettings } from './settings';
import { createUsers } from './users';
import { createWorkflow } from './workflow/act';
import { createCaseRecords } from './workflow/caseState';
import { createWorkflowView } from './workflow/view';

/**
 * The services of the register, wired once over one database and one clock. `readOnly`: the
 * register failed its check at start and was opened read-only; sessions live in memory and what
 * would go to the audit chain (sign-ins) goes to the file log, so reading never writes the file.
 */
export function createServices(db: Db, clock: Clock, readOnly?: { log: Logger }) {
  const settings = createSettings(db);
  const chain = createAudit(db);
  const audit: typeof chain = readOnly
    ? { ...chain, append: (e) => readOnly.log.info(`read-only, not in the audit chain: ${e.action} by user ${e.userId ?? '-'} at ${e.at}`) }
    : chain;
  const sessions = readOnly ? createMemorySessions(db, clock) : createSessions(db, clock);
  const catalog = createCatalog(db);
  const respondents = createRespondents(db);
  const events = createCaseEvents(db);
  const deadlines = createDeadlines(db);
  const ruleSets = createRuleSets(db, clock, audit);
  const records = createCaseRecords(db, settings);
  const workflowView = createWorkflowView({ db, clock, settings, deadlines, ruleSets, catalog, records });
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
    cases: { ...createCaseReader(db, workflowView), search: createCaseSearch(db, clock, settings) },
    act: createWorkflow({ db, clock, settings, audit, events, deadlines, ruleSets, catalog, records }),
    calendar: createCalendarAdmin({ db, clock, settings, audit, events, deadlines }),
    officeSettings: createOfficeSettings(db, clock, settings, audit),
  };
}
export type Services = ReturnType<typeof createServices>;
