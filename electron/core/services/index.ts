import { createSessions } from '../auth/sessions';
import type { Db } from '../db/open';
import type { Clock } from '../ports';
import { createAudit } from './audit';
import { createCaseEvents } from './cases/events';
import { createCaseReader } from './cases/read';
import { createRegister } from './cases/register';
import { createCatalog } from './catalog';
import { createRequests } from './requests';
import { createRespondents } from './respondents';
import { createSettings } from './settings';
import { createUsers } from './users';

/** The services of the register, wired once over one database and one clock. */
export function createServices(db: Db, clock: Clock) {
  const settings = createSettings(db);
  const audit = createAudit(db);
  const sessions = createSessions(db, clock);
  const catalog = createCatalog(db);
  const respondents = createRespondents(db);
  const events = createCaseEvents(db);
  return {
    settings,
    audit,
    sessions,
    catalog,
    respondents,
    events,
    requests: createRequests(db, clock),
    users: createUsers(db, clock, audit, settings, sessions),
    register: createRegister({ db, clock, audit, settings, catalog, respondents, events }),
    cases: createCaseReader(db, clock, settings),
  };
}
export type Services = ReturnType<typeof createServices>;
