import type { Database } from 'better-sqlite3';
import calendar from '../../../../resources/calendar/cn-public-holidays.json';
import catalog from '../../../../resources/catalog/default-catalog.json';
import type { Migration } from './types';

/**
 * The register's first schema: users and sessions, the catalog (data, not enums — domain.md
 * "Categories"), the holiday calendar, respondents, cases with an append-only event log beside
 * the current state, and a hash-chained audit log (DESIGN.md "Data").
 */
const schema = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('clerk', 'investigator', 'supervisor', 'admin')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  disabled_at TEXT
) STRICT;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE catalog_items (
  kind TEXT NOT NULL CHECK (kind IN ('category', 'nature', 'channel', 'refusal_ground', 'termination_ground')),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  grp TEXT,
  sort INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  PRIMARY KEY (kind, code)
) STRICT;

CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY,
  source TEXT NOT NULL
) STRICT;

CREATE TABLE calendar_days (
  day TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name TEXT NOT NULL
) STRICT;

CREATE TABLE respondents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  credit_code TEXT,
  address TEXT,
  contact_person TEXT,
  phone TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX respondents_credit_code ON respondents(credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX respondents_name ON respondents(name);

CREATE TABLE case_numbers (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
) STRICT;

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  case_no TEXT NOT NULL UNIQUE,
  received_at TEXT NOT NULL,
  received_on TEXT NOT NULL,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  complainant_name TEXT NOT NULL,
  complainant_id_type TEXT NOT NULL,
  complainant_id_number TEXT,
  complainant_phone TEXT NOT NULL,
  complainant_address TEXT,
  respondent_id INTEGER NOT NULL REFERENCES respondents(id),
  subject TEXT NOT NULL,
  purchased_on TEXT,
  amount_paid_fen INTEGER CHECK (amount_paid_fen >= 0),
  facts TEXT NOT NULL,
  request TEXT NOT NULL,
  amount_claimed_fen INTEGER CHECK (amount_claimed_fen >= 0),
  consent_mediation INTEGER NOT NULL CHECK (consent_mediation IN (0, 1)),
  consent_publication INTEGER CHECK (consent_publication IN (0, 1)),
  acceptance_due_on TEXT NOT NULL,
  deadline_provisional INTEGER NOT NULL DEFAULT 0 CHECK (deadline_provisional IN (0, 1)),
  handler_id INTEGER REFERENCES users(id),
  registered_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX cases_received_at ON cases(received_at);
CREATE INDEX cases_received_on ON cases(received_on);
CREATE INDEX cases_status_due ON cases(status, acceptance_due_on);
CREATE INDEX cases_respondent ON cases(respondent_id);
CREATE INDEX cases_complainant_phone ON cases(complainant_phone);

CREATE TABLE case_natures (
  case_id INTEGER NOT NULL REFERENCES cases(id),
  nature TEXT NOT NULL,
  PRIMARY KEY (case_id, nature)
) STRICT, WITHOUT ROWID;

CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  type TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE TRIGGER case_events_append_only_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_append_only_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER,
  action TEXT NOT NULL,
  entity TEXT,
  entity_id INTEGER,
  data TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Chinese has no spaces: trigram tokens make any 3+ character substring searchable (DESIGN.md "Data").
-- rowid is the case id; the text is kept by the cases service.
CREATE VIRTUAL TABLE case_search USING fts5(body, tokenize = 'trigram');
`;

function seed(db: Database): void {
  const item = db.prepare('INSERT INTO catalog_items (kind, code, name, grp, sort) VALUES (?, ?, ?, ?, ?)');
  catalog.categories.forEach((c, i) => item.run('category', c.code, c.name, c.group, i));
  catalog.natures.forEach((n, i) => item.run('nature', n.code, n.name, null, i));
  catalog.channels.forEach((c, i) => item.run('channel', c.code, c.name, null, i));
  catalog.refusalGrounds.forEach((g, i) => item.run('refusal_ground', g.code, g.text, null, i));
  catalog.terminationGrounds.forEach((g, i) => item.run('termination_ground', g.code, g.text, null, i));

  const year = db.prepare('INSERT INTO calendar_years (year, source) VALUES (?, ?)');
  const day = db.prepare('INSERT INTO calendar_days (day, kind, name) VALUES (?, ?, ?)');
  for (const [y, spec] of Object.entries(calendar.years)) {
    year.run(Number(y), calendar.source);
    for (const [name, days] of Object.entries(spec.holidays)) for (const d of days) day.run(d, 'holiday', name);
    for (const d of spec.workdays) day.run(d, 'workday', '调休上班');
  }

  // Office settings with the defaults of domain.md; each [L]/[U] rule stays changeable here.
  const setting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  setting.run('caseNo.prefix', JSON.stringify('TS'));
  setting.run('limits.acceptanceWorkingDays', JSON.stringify(7)); // 消法第46条; order 20 第14条 [S]
  setting.run('office.timeZone', JSON.stringify('Asia/Shanghai'));
}

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(schema);
    seed(db);
  },
};
