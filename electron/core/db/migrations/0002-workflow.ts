import type { Database } from 'better-sqlite3';
import catalog from '../../../../resources/catalog/default-catalog.json';
import presets from '../../../../resources/rules/rule-sets.json';
import { DEFAULT_OFFICE_ZONE } from '../../officeClock';
import { isoFromWallTime } from '../../time';
import type { Migration } from './types';

/**
 * The case workflow ([C]; DESIGN.md "The case and its clock"): a version per case for optimistic
 * concurrency, what each step records beside the status, deadlines as rows of any kind (the
 * acceptance deadline moves out of its two columns into them), rule sets with an effective date,
 * mediation sessions, follow-up visits, and the outcome measures as catalog data.
 */
const schema = `
-- The catalog gains kinds (outcome measures, evidence sources); the CHECK is rebuilt to allow them.
CREATE TABLE catalog_items_new (
  kind TEXT NOT NULL CHECK (kind IN ('category', 'nature', 'channel', 'refusal_ground', 'termination_ground', 'measure', 'evidence_source')),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  grp TEXT,
  sort INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  PRIMARY KEY (kind, code)
) STRICT;
INSERT INTO catalog_items_new SELECT kind, code, name, grp, sort, active FROM catalog_items;
DROP TABLE catalog_items;
ALTER TABLE catalog_items_new RENAME TO catalog_items;

CREATE TABLE rule_sets (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  effective_from TEXT NOT NULL UNIQUE,
  spec TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE cases ADD COLUMN rule_set TEXT;
ALTER TABLE cases ADD COLUMN accepted_on TEXT;
ALTER TABLE cases ADD COLUMN paused TEXT;
ALTER TABLE cases ADD COLUMN materials TEXT;
ALTER TABLE cases ADD COLUMN proposal TEXT;
ALTER TABLE cases ADD COLUMN refusal TEXT;
ALTER TABLE cases ADD COLUMN referral TEXT;
ALTER TABLE cases ADD COLUMN mediation TEXT;
ALTER TABLE cases ADD COLUMN outcome TEXT;
ALTER TABLE cases ADD COLUMN recovered_fen INTEGER CHECK (recovered_fen >= 0);
ALTER TABLE cases ADD COLUMN punitive_fen INTEGER CHECK (punitive_fen >= 0);
ALTER TABLE cases ADD COLUMN resolved INTEGER CHECK (resolved IN (0, 1));
ALTER TABLE cases ADD COLUMN notified_at TEXT;
ALTER TABLE cases ADD COLUMN closed_on TEXT;
ALTER TABLE cases ADD COLUMN voided TEXT;
-- The nearest due date of the case's running clocks, kept by the deadlines service, so the register
-- sorts by "due first" and finds overdue cases through an index rather than a subquery per case.
ALTER TABLE cases ADD COLUMN next_due_on TEXT;

CREATE TABLE case_deadlines (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL CHECK (kind IN ('acceptance', 'materials', 'referralReport', 'businessReply', 'mediation', 'terminationNotice', 'followUp')),
  start_on TEXT NOT NULL,
  limit_amount INTEGER CHECK (limit_amount > 0),
  limit_unit TEXT CHECK (limit_unit IN ('workingDays', 'calendarDays')),
  fixed_due_on TEXT,
  rule_set TEXT,
  due_on TEXT NOT NULL,
  provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
  paused_days INTEGER NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
  paused_working_days INTEGER NOT NULL DEFAULT 0 CHECK (paused_working_days >= 0),
  paused_since TEXT,
  state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'met', 'cancelled')),
  ended_on TEXT,
  created_at TEXT NOT NULL,
  CHECK ((limit_amount IS NULL) = (limit_unit IS NULL)),
  CHECK (limit_amount IS NOT NULL OR fixed_due_on IS NOT NULL),
  CHECK ((state = 'paused') = (paused_since IS NOT NULL))
) STRICT;
CREATE INDEX case_deadlines_case ON case_deadlines(case_id, kind);
-- 今日 and the overdue filter read open clocks by due date, across every case.
CREATE INDEX case_deadlines_open ON case_deadlines(due_on, case_id) WHERE state = 'running';

CREATE TABLE mediation_sessions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  at TEXT NOT NULL,
  place TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('onsite', 'phone', 'video')),
  mediator TEXT NOT NULL,
  mediator_phone TEXT,
  bring TEXT,
  scheduled_by INTEGER NOT NULL REFERENCES users(id),
  scheduled_at TEXT NOT NULL,
  held INTEGER CHECK (held IN (0, 1)),
  summary TEXT,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at TEXT
) STRICT;
CREATE INDEX mediation_sessions_case ON mediation_sessions(case_id, at);

CREATE TABLE follow_ups (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  at TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  note TEXT NOT NULL
) STRICT;
CREATE INDEX follow_ups_case ON follow_ups(case_id, id);

CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_handler ON cases(handler_id, status);
CREATE INDEX cases_created_at ON cases(created_at);
CREATE INDEX cases_next_due ON cases(next_due_on IS NULL, next_due_on, id);
`;

function seed(db: Database): void {
  const item = db.prepare('INSERT OR IGNORE INTO catalog_items (kind, code, name, grp, sort) VALUES (?, ?, ?, ?, ?)');
  catalog.measures.forEach((m, i) => item.run('measure', m.code, m.name, null, i));

  const ruleSet = db.prepare('INSERT INTO rule_sets (code, name, effective_from, spec, updated_at) VALUES (?, ?, ?, ?, ?)');
  for (const s of presets.ruleSets) {
    // A preset is as its rules were published: stamped with the day it took effect, not the PC's clock
    // (a migration has no clock; two registers made apart then hold the same rows).
    const published = isoFromWallTime(`${s.effectiveFrom}T00:00:00`, DEFAULT_OFFICE_ZONE);
    ruleSet.run(s.code, s.name, s.effectiveFrom, JSON.stringify({ limits: s.limits, refusal: s.refusal, termination: s.termination }), published);
  }
  const setting = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING');
  // 回访 (domain.md step 8): once, and at least twice for quality cases [L seeds].
  setting.run('followUp.required', JSON.stringify(1));
  setting.run('followUp.requiredForQuality', JSON.stringify(2));
  setting.run('session.idleLockMinutes', JSON.stringify(15));
}

/** Cases registered before this version: their acceptance deadline becomes a row, under the rules of their receipt date. */
function moveAcceptanceDeadlines(db: Database): void {
  const sets = db.prepare('SELECT code, effective_from FROM rule_sets ORDER BY effective_from DESC').all() as { code: string; effective_from: string }[];
  const setting = db.prepare("SELECT value FROM settings WHERE key = 'limits.acceptanceWorkingDays'").pluck().get() as string | undefined;
  const days = setting ? (JSON.parse(setting) as number) : 7;
  const insert = db.prepare(
    `INSERT INTO case_deadlines (case_id, kind, start_on, limit_amount, limit_unit, rule_set, due_on, provisional, state, ended_on, created_at)
     VALUES (?, 'acceptance', ?, ?, 'workingDays', ?, ?, ?, ?, ?, ?)`,
  );
  const setRule = db.prepare('UPDATE cases SET rule_set = ? WHERE id = ?');
  const cases = db.prepare('SELECT id, received_on, status, acceptance_due_on, deadline_provisional, updated_at FROM cases').all() as {
    id: number;
    received_on: string;
    status: string;
    acceptance_due_on: string;
    deadline_provisional: number;
    updated_at: string;
  }[];
  for (const c of cases) {
    const rule = sets.find((s) => s.effective_from <= c.received_on) ?? sets[sets.length - 1]!;
    setRule.run(rule.code, c.id);
    const open = c.status === 'registered';
    insert.run(c.id, c.received_on, days, rule.code, c.acceptance_due_on, c.deadline_provisional, open ? 'running' : 'met', open ? null : c.updated_at.slice(0, 10), c.updated_at);
  }
  db.exec(`
    UPDATE cases SET next_due_on = (SELECT MIN(d.due_on) FROM case_deadlines d WHERE d.case_id = cases.id AND d.state = 'running');
    DROP INDEX cases_status_due;
    ALTER TABLE cases DROP COLUMN acceptance_due_on;
    ALTER TABLE cases DROP COLUMN deadline_provisional;
    DELETE FROM settings WHERE key = 'limits.acceptanceWorkingDays';
  `);
}

export const workflow: Migration = {
  version: 2,
  name: 'workflow',
  up(db) {
    db.exec(schema);
    seed(db);
    // A case's acceptance deadline becomes a row as of the case's last change (a migration has no clock).
    moveAcceptanceDeadlines(db);
  },
};
