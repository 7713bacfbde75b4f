import { loadCalendar } from '../../services/calendar';
import { createCaseFacts, savedRepeatWindowDays } from '../../store/caseFacts';
import { createCaseText } from '../../store/caseText';
import { sentBackAnsweredBy } from '../../../../shared/domain/workflow';
import type { Migration } from './types';

/**
 * The register at any size ([F]; DESIGN.md "Data"):
 * - search: the trigram table kept a second copy of every text (≈0.9 GB a million cases) and could
 *   not look up one or two characters. It becomes a contentless FTS5 index of tokens
 *   (store/searchTokens.ts) that finds fragments of every length, newest first, without the copy;
 * - statistics: each case's contribution (case_stats) and the totals per receipt day and breakdown
 *   (stats_daily), kept in step by the store on every change, so a year's figures read a few
 *   thousand rows instead of every case;
 * - the region a complaint comes from (the office's own list, a catalog kind), for the breakdowns;
 * - indexes for the register's filters and sorts, each ending in the receipt time so a page is read
 *   from its place in the index at any depth.
 */
const schema = `
DROP TABLE case_search;
CREATE VIRTUAL TABLE case_index USING fts5(short, long, tokenize = 'unicode61', content = '', contentless_delete = 1);

ALTER TABLE cases ADD COLUMN region TEXT;
-- Set by a sendBack event, cleared by the step that answers it (store/caseEvents.ts): the 被退回 queue.
ALTER TABLE cases ADD COLUMN sent_back_at TEXT;

CREATE TABLE catalog_items_new (
  kind TEXT NOT NULL CHECK (kind IN ('category', 'nature', 'channel', 'refusal_ground', 'termination_ground', 'measure', 'evidence_source', 'region')),
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

CREATE TABLE case_stats (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id),
  day TEXT NOT NULL,
  -- [category, [natures], channel, region, handler], or null for a voided case
  keys TEXT NOT NULL,
  -- the measures of stats_daily, in its column order
  measures TEXT NOT NULL
) STRICT;

CREATE TABLE stats_daily (
  dim TEXT NOT NULL CHECK (dim IN ('all', 'category', 'nature', 'channel', 'region', 'handler', 'ruleSet')),
  day TEXT NOT NULL,
  key TEXT NOT NULL,
  received INTEGER NOT NULL DEFAULT 0,
  accepted INTEGER NOT NULL DEFAULT 0,
  resolved INTEGER NOT NULL DEFAULT 0,
  recovered_fen INTEGER NOT NULL DEFAULT 0,
  punitive_cases INTEGER NOT NULL DEFAULT 0,
  punitive_fen INTEGER NOT NULL DEFAULT 0,
  lawsuit INTEGER NOT NULL DEFAULT 0,
  finished INTEGER NOT NULL DEFAULT 0,
  handling_days INTEGER NOT NULL DEFAULT 0,
  in_time INTEGER NOT NULL DEFAULT 0,
  repeats INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (dim, day, key)
) STRICT, WITHOUT ROWID;

DROP INDEX cases_status;
CREATE INDEX cases_status_received ON cases(status, received_at);
CREATE INDEX cases_category_received ON cases(category, received_at);
DROP INDEX cases_respondent;
CREATE INDEX cases_respondent_received ON cases(respondent_id, received_at);
CREATE INDEX cases_handler_received ON cases(handler_id, received_at);
CREATE INDEX cases_complainant_name ON cases(complainant_name);
CREATE INDEX cases_id_number ON cases(complainant_id_number) WHERE complainant_id_number IS NOT NULL;
DROP INDEX cases_received_on;
-- Covers a period's businesses complained about most, read from the index alone.
CREATE INDEX cases_received_on ON cases(received_on, respondent_id, status);
CREATE INDEX case_natures_nature ON case_natures(nature, case_id);
CREATE INDEX case_deadlines_kind_state ON case_deadlines(kind, state, due_on);
CREATE INDEX cases_rule_set ON cases(rule_set);
CREATE INDEX cases_sent_back ON cases(sent_back_at) WHERE sent_back_at IS NOT NULL;
`;

export const registerStore: Migration = {
  version: 7,
  name: 'register-store',
  *up(db) {
    db.exec(schema);
    // Proposals sent back before this version and not yet answered.
    const answered = ['sendBack', ...sentBackAnsweredBy].map((t) => `'${t}'`).join(', ');
    db.exec(`UPDATE cases SET sent_back_at = (
               SELECT e.at FROM case_events e WHERE e.case_id = cases.id AND e.type IN (${answered}) ORDER BY e.id DESC LIMIT 1)
             WHERE (SELECT e.type FROM case_events e WHERE e.case_id = cases.id AND e.type IN (${answered}) ORDER BY e.id DESC LIMIT 1) = 'sendBack'`);
    const windowDays = savedRepeatWindowDays(db);
    const text = createCaseText(db);
    const facts = createCaseFacts(db, { calendar: () => loadCalendar(db), repeatWindowDays: () => windowDays, knownDays: false });
    const ids = db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[];
    // Every case's search tokens and statistics: minutes at 100,000s of cases, so it says how far it is.
    for (let i = 0; i < ids.length; i++) {
      text.index(ids[i]!);
      facts.refresh(ids[i]!);
      // Often enough that the start's answers (several turns of the event loop each) wait well under a second.
      if (i % 10 === 9) yield { done: i + 1, total: ids.length };
    }
  },
};
