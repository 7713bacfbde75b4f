import Database from 'better-sqlite3';
import { createAudit } from '../../electron/core/services/audit';
import type { Db } from '../../electron/core/db/open';

/**
 * Grows a register made by the real write path (generatedRegister) to `cases` cases by copying
 * its rows with SQL: cases, their natures, deadlines, events and search rows, and one audit row
 * per copied case appended through the real chain (so the chain verifies). Made for measuring
 * what costs in proportion to the file (the start check, the seal); not a realistic register for
 * search figures (the text repeats).
 */
export function growRegister(file: string, cases: number, log: (line: string) => void = () => {}): void {
  const db: Db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const base = db.prepare('SELECT COUNT(*) FROM cases').pluck().get() as number;
    const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    const caseCols = columns('cases').filter((c) => c !== 'id' && c !== 'case_no');
    const eventCols = columns('case_events').filter((c) => c !== 'id' && c !== 'case_id');
    const deadlineCols = columns('case_deadlines').filter((c) => c !== 'id' && c !== 'case_id');
    const natureCols = columns('case_natures').filter((c) => c !== 'case_id');
    const audit = createAudit(db);
    const copyCase = db.prepare(`INSERT INTO cases (case_no, ${caseCols.join(', ')}) SELECT printf('B%09d', ?), ${caseCols.join(', ')} FROM cases WHERE id = ?`);
    const copyEvents = db.prepare(`INSERT INTO case_events (case_id, ${eventCols.join(', ')}) SELECT ?, ${eventCols.join(', ')} FROM case_events WHERE case_id = ?`);
    const copyDeadlines = db.prepare(`INSERT INTO case_deadlines (case_id, ${deadlineCols.join(', ')}) SELECT ?, ${deadlineCols.join(', ')} FROM case_deadlines WHERE case_id = ?`);
    const copyNatures = db.prepare(`INSERT INTO case_natures (case_id, ${natureCols.join(', ')}) SELECT ?, ${natureCols.join(', ')} FROM case_natures WHERE case_id = ?`);
    const copySearch = db.prepare('INSERT INTO case_search (rowid, body) SELECT ?, body FROM case_search WHERE rowid = ?');
    const at = db.prepare('SELECT created_at FROM cases WHERE id = ?').pluck();
    let made = base;
    const batch = 5000;
    while (made < cases) {
      db.transaction(() => {
        for (let i = 0; i < batch && made < cases; i++) {
          const from = 1 + (made % base);
          const id = Number(copyCase.run(made + 1, from).lastInsertRowid);
          copyEvents.run(id, from);
          copyDeadlines.run(id, from);
          copyNatures.run(id, from);
          copySearch.run(id, from);
          audit.append({ at: at.get(from) as string, userId: 1, action: 'cases.register', entity: 'case', entityId: id, data: { copiedFrom: from } });
          made++;
        }
      })();
      if (made % 50_000 < batch) log(`${made} cases`);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
