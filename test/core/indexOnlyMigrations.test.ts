import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { NotEnoughSpaceError, spaceForUpgrade } from '../../electron/core/db/diskSpace';
import { migrate, upgradeCopies } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import type { Migration } from '../../electron/core/db/migrations/types';
import { openDatabase } from '../../electron/core/db/open';
import { asVersion } from '../support/asVersion';
import { minimalComplaint, openRegister, quietLog, tempDir } from './harness';

const tmp = tempDir();
afterAll(() => tmp.remove());

const latest = migrations.length;
/** 0049: it only plans the search index's re-index (its list ends there in the tests below; 0050 changes rows). */
const REINDEXING = migrations.findIndex((m) => m.name === 'run-three-starts') + 1;
const upToReindexing = migrations.slice(0, REINDEXING);
const respondentIndex: Migration = {
  version: latest + 1,
  name: 'respondent-created',
  indexOnly: true,
  up: (d) => void d.exec('CREATE INDEX respondents_created ON respondents(created_at)'),
};
const respondentNote: Migration = {
  version: latest + 1,
  name: 'respondent-note',
  up: (d) => void d.exec('ALTER TABLE respondents ADD COLUMN note TEXT'),
};

/** A register at this version holding one business, its file and connection. */
async function registerWithData(name: string): Promise<{ file: string; db: Database.Database }> {
  const file = join(tmp.dir, `${name}.sqlite`);
  const db = new Database(file);
  await migrate(db, file, quietLog);
  db.prepare("INSERT INTO respondents (name, created_at) VALUES ('某某公司', '2026-11-23T09:00:00+08:00')").run();
  return { file, db };
}

const copiesBeside = (name: string) => readdirSync(tmp.dir).filter((n) => n.startsWith(`${name}.sqlite.v`));

describe('an upgrade whose migrations only make indexes', () => {
  it('takes no copy of the register before it, and asks the disk only for the WAL’s room', async () => {
    const { file, db } = await registerWithData('indexes');
    const size = statSync(file).size;
    // Room for the WAL and growth, not for a copy of the file beside it.
    const free = spaceForUpgrade(size, false);
    expect(free).toBeLessThan(spaceForUpgrade(size));
    const result = await migrate(db, file, quietLog, [...migrations, respondentIndex], undefined, undefined, () => free);
    expect(result).toEqual({ from: latest, to: latest + 1, backup: null });
    expect(copiesBeside('indexes')).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'respondents_created'").pluck().get()).toBe('respondents_created');
    expect(db.prepare('SELECT name FROM respondents').pluck().all()).toEqual(['某某公司']);
    db.close();
  });

  it('still copies, and asks room for the copy, when one migration to run changes rows', async () => {
    const { file, db } = await registerWithData('rows');
    const free = spaceForUpgrade(statSync(file).size, false);
    const withRows = [...migrations, respondentNote];
    await expect(migrate(db, file, quietLog, withRows, undefined, undefined, () => free)).rejects.toBeInstanceOf(NotEnoughSpaceError);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    const result = await migrate(db, file, quietLog, withRows);
    expect(result.backup).toMatch(/-before-migration-\d+\.bak$/);
    expect(copiesBeside('rows')).toHaveLength(1);
    db.close();
  });

  it('refuses, rolled back whole, a migration marked index-only that changes a row or a table', async () => {
    const { file, db } = await registerWithData('liar');
    const changesRow: Migration = { ...respondentIndex, name: 'renames', up: (d) => void d.exec("UPDATE respondents SET name = '别的公司'") };
    const changesTable: Migration = { ...respondentIndex, name: 'adds-column', up: (d) => void d.exec('CREATE INDEX respondents_name2 ON respondents(name); ALTER TABLE respondents ADD COLUMN note TEXT') };
    for (const liar of [changesRow, changesTable]) {
      await expect(migrate(db, file, quietLog, [...migrations, liar])).rejects.toThrow(`migration ${liar.name} is marked index-only but changed rows or tables`);
      expect(db.pragma('user_version', { simple: true })).toBe(latest);
      expect(db.prepare('SELECT * FROM respondents').all()).toEqual([expect.objectContaining({ name: '某某公司' })]);
      expect((db.prepare('PRAGMA table_info(respondents)').all() as { name: string }[]).map((c) => c.name)).not.toContain('note');
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'respondents_name2'").get()).toBeUndefined();
    }
    expect(copiesBeside('liar')).toEqual([]);
    db.close();
  });

  it('plans the search index’s re-index after one that changes how cases are indexed (0049), without a copy', async () => {
    const reg = await openRegister();
    const { id } = await reg.must<{ id: number }>('cases.register', minimalComplaint());
    const file = reg.core.db.name;
    reg.core.close();
    const made = new Database(file);
    await asVersion(made, REINDEXING - 1);
    made.close();
    const db = await openDatabase(file, quietLog, { migrations: upToReindexing });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(REINDEXING);
      expect(readdirSync(dirname(file)).filter((n) => n.includes('-before-migration-'))).toEqual([]);
      expect(JSON.parse(db.prepare("SELECT value FROM settings WHERE key = 'search.reindex'").pluck().get() as string)).toEqual({ lastId: 0, through: id, why: upToReindexing.at(-1)!.reindex });
    } finally {
      db.close();
      reg.close();
    }
  });

  it('tells the check before it that no row is changed, so only the guard a day’s writes pass runs (not quick_check)', async () => {
    const asked: boolean[] = [];
    // Back to before 0049 (it only plans the search index's re-index), or to before 0042 (it rewrites the checklists).
    for (const [name, version, list] of [['index-upgrade', REINDEXING - 1, upToReindexing], ['row-upgrade', 41, migrations]] as const) {
      const file = join(tmp.dir, `${name}.sqlite`);
      const made = await openDatabase(file, quietLog);
      made.prepare("INSERT INTO respondents (name, created_at) VALUES ('某某公司', '2026-11-23T09:00:00+08:00')").run();
      await asVersion(made, version);
      made.close();
      const db = await openDatabase(file, quietLog, { migrations: list, beforeMigrate: async ({ rowsChanged }) => void asked.push(rowsChanged) });
      expect(db.pragma('user_version', { simple: true })).toBe(list.length);
      db.close();
    }
    expect(asked).toEqual([false, true]);
    expect(upgradeCopies(REINDEXING - 1, upToReindexing)).toBe(false);
    expect(upgradeCopies(41)).toBe(true);
    // 0050 writes each case's known days (store/knownDays.ts): a copy first.
    expect(upgradeCopies(REINDEXING)).toBe(true);
    expect(copiesBeside('index-upgrade')).toEqual([]);
  });
});
