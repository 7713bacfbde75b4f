import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import type { Logger } from '../../electron/core/ports';

const silent: Logger = { info() {}, warn() {}, error() {} };

/**
 * A register as version 6 of the app left it (before the register store), holding `cases` cases,
 * so that opening it runs migration 7 over every one of them: the upgrade a new version makes.
 */
export async function olderRegister(dir: string, cases: number, { wal = false }: { wal?: boolean } = {}): Promise<void> {
  const file = join(dir, 'complaintdesk.sqlite');
  const db = new Database(file);
  // In WAL mode, as the app leaves every register, the check before the upgrade runs in the worker; without, the
  // file is checked whole before it is opened (the shorter path the upgrade's screen test takes).
  if (wal) db.pragma('journal_mode = WAL');
  await migrate(db, file, silent, migrations.slice(0, migrations.findIndex((m) => m.name === 'register-store')));
  db.exec(`
    INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (1, 'clerk', '陈登记', 'clerk', 'x', '2026-06-01T09:00:00+08:00');
    INSERT INTO respondents (id, name, credit_code, created_at) VALUES (1, '温州健身会所', NULL, '2026-06-01T09:00:00+08:00');
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${cases})
    INSERT INTO cases (id, case_no, received_at, received_on, channel, category, status, complainant_name, complainant_id_type, complainant_phone,
      respondent_id, subject, facts, request, consent_mediation, rule_set, registered_by, created_at, updated_at, version)
    SELECT i, printf('TS2026-%05d', i), '2026-06-02T10:00:00+08:00', '2026-06-02', 'visit', 'S04', 'registered', '赵敏' || i, 'resident', '137' || printf('%08d', i),
      1, '健身卡', '会所关门跑路，预付卡余额无法退还，第' || i || '位会员。', '退还余额', 1, 'order121', 1, '2026-06-02T10:00:00+08:00', '2026-06-02T10:00:00+08:00', 1
    FROM n;
  `);
  db.close();
}
