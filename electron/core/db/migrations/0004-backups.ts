import type { Migration } from './types';

/**
 * Backups ([G]): one row per attempt, by hand or on the schedule, kept as the history 设置 shows
 * (the last good one, and why one failed). The backup's own manifest, beside its copy, is what a
 * restore trusts; this table is the register's memory of what was done.
 */
export const backups: Migration = {
  version: 4,
  name: 'backups',
  up(db) {
    db.exec(`
      CREATE TABLE backups (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('manual', 'scheduled')),
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        path TEXT,
        cases INTEGER,
        files INTEGER,
        bytes INTEGER,
        error TEXT,
        user_id INTEGER REFERENCES users(id),
        CHECK (ok = 0 OR path IS NOT NULL)
      ) STRICT;
      CREATE INDEX backups_finished ON backups(finished_at);
    `);
  },
};
