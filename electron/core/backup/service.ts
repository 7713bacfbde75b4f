import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { BackupRow } from '../../../shared/api/schemas/backup';
import type { UserView } from '../../../shared/api/schemas/common';
import type { Db } from '../db/open';
import { writeFileAtomic } from '../fsync';
import type { Logger } from '../ports';
import type { Audit } from '../services/audit';
import type { Settings } from '../services/settings';
import { fileStamp } from '../time';
import { createBackup } from './create';
import { keptCopiesView, removeKeptCopyRecorded } from './keptCopies';
import { backupFolder, backupTarget, fileErrorMessage } from './place';
import { prepareRestore } from './restore';
import type { TaskRunner } from './progress';
import { backupDue, nextSlot } from './schedule';
import { verifyBackup } from './verify';
import type { OfficeClock } from '../officeClock';
import { keyFromRecoveryCode, recoveryCode, type Keyring, type OfficeKey } from '../integrity/officeKey';

export interface BackupDeps {
  db: Db;
  dataDir: string;
  vaultRoot: string;
  clock: OfficeClock;
  settings: Settings;
  audit: Audit;
  runner: TaskRunner;
  log: Logger;
  readOnly: boolean;
  /** Closes the register after the current call, swaps the staged restore in, and opens it again. */
  requestRestart: () => void;
  /** The office keys: backups are signed with the current one, and checked against all. */
  keys: Keyring | null;
}

const STALE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The last good backup, also kept outside the database: when the register is damaged, this is
 * how the app still knows which backup to offer.
 */
export const LAST_GOOD_FILE = 'last-good-backup.json';
const lastGoodSchema = z.object({ path: z.string(), finishedAt: z.string(), cases: z.number().int(), files: z.number().int(), bytes: z.number().int() });

interface Row {
  id: number;
  kind: 'manual' | 'scheduled';
  started_at: string;
  finished_at: string;
  ok: number;
  path: string | null;
  cases: number | null;
  files: number | null;
  bytes: number | null;
  error: string | null;
  by_name: string | null;
}
const toView = (r: Row): BackupRow => ({
  id: r.id,
  kind: r.kind,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  ok: r.ok === 1,
  path: r.path,
  cases: r.cases,
  files: r.files,
  bytes: r.bytes,
  error: r.error,
  by: r.by_name,
});

const busy = () => new DomainError('CONFLICT', '正在进行另一项备份、检查或恢复，请等它完成后再试');

export function createBackupService(d: BackupDeps) {
  const zone = () => d.clock.zone();
  const SELECT = 'SELECT b.*, u.display_name AS by_name FROM backups b LEFT JOIN users u ON u.id = b.user_id';
  /** History needs the table; a damaged or older register may not give it, and then the file does. */
  const history = (sql: string, ...args: unknown[]): Row[] => {
    try {
      return d.db.prepare(`${SELECT} ${sql}`).all(...args) as Row[];
    } catch {
      return [];
    }
  };
  const insert = () =>
    d.db.prepare('INSERT INTO backups (kind, started_at, finished_at, ok, path, cases, files, bytes, error, user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');

  function lastGoodFromFile(): BackupRow | null {
    try {
      const f = lastGoodSchema.parse(JSON.parse(readFileSync(join(d.dataDir, LAST_GOOD_FILE), 'utf8')));
      return { id: 0, kind: 'manual', startedAt: f.finishedAt, finishedAt: f.finishedAt, ok: true, path: f.path, cases: f.cases, files: f.files, bytes: f.bytes, error: null, by: null };
    } catch {
      return null;
    }
  }

  /** The newer of the table's and the file's: the file is written last, and is all a damaged register has. */
  function lastGood(): BackupRow | null {
    const row = history('WHERE b.ok = 1 ORDER BY julianday(b.finished_at) DESC, b.id DESC LIMIT 1')[0];
    const file = lastGoodFromFile();
    if (!row) return file;
    return file && Date.parse(file.finishedAt) > Date.parse(row.finished_at) && file.path !== row.path ? file : toView(row);
  }

  function record(kind: 'manual' | 'scheduled', startedAt: string, user: UserView | null, outcome: { path: string; cases: number; files: number; bytes: number } | { error: string }): void {
    const finishedAt = d.clock.now();
    d.db.transaction(() => {
      const ok = 'path' in outcome;
      const id = Number(
        insert().run(kind, startedAt, finishedAt, ok ? 1 : 0, ok ? outcome.path : null, ok ? outcome.cases : null, ok ? outcome.files : null, ok ? outcome.bytes : null, ok ? null : outcome.error, user?.id ?? null).lastInsertRowid,
      );
      d.audit.append({ at: finishedAt, userId: user?.id ?? null, action: ok ? 'backup.create' : 'backup.failed', entity: 'backup', entityId: id, data: { kind, ...outcome } });
    }).immediate();
  }

  async function create(dir: string, kind: 'manual' | 'scheduled', user: UserView | null) {
    if (d.readOnly) throw new DomainError('CONFLICT', '数据文件已损坏，不能备份损坏的数据；请从最近一次完好的备份恢复');
    const target = backupTarget(dir, d.dataDir);
    return d.runner.run(
      'backup',
      async (progress) => {
        const now = d.clock.instant();
        const startedAt = d.clock.iso(now);
        try {
          if (!d.keys) throw new DomainError('CONFLICT', '本机的办公室密钥无法读取，不能为备份签名；请先解决密钥问题');
          const r = await createBackup({ db: d.db, vaultRoot: d.vaultRoot, target, stamp: fileStamp(now, zone()), createdAt: startedAt, progress, key: d.keys.current });
          if (r.skipped.length) d.log.error(`backup ${r.path}: ${r.skipped.length} evidence file(s) no longer match their hash and were left out: ${r.skipped.join(', ')}`);
          const outcome = { path: r.path, cases: r.cases, files: r.files, bytes: r.bytes };
          record(kind, startedAt, user, outcome);
          await writeFileAtomic(join(d.dataDir, LAST_GOOD_FILE), JSON.stringify({ ...outcome, finishedAt: d.clock.now() }));
          return { path: r.path, cases: r.cases, files: r.files, bytes: r.bytes, copiedFiles: r.copiedFiles };
        } catch (error) {
          d.log.error(`backup to ${target} failed`, error);
          const message = fileErrorMessage(error);
          try {
            record(kind, startedAt, user, { error: message });
          } catch (recordError) {
            d.log.error('could not record the failed backup', recordError);
          }
          throw new DomainError('INTERNAL', message);
        }
      },
      busy,
    );
  }

  /** A recovery code typed by the administrator, as a key, or a clear refusal. */
  function recovery(code: string | undefined): OfficeKey | null {
    if (!code) return null;
    const key = keyFromRecoveryCode(code);
    if (!key) throw new DomainError('VALIDATION', '恢复码不对（共 56 个字母和数字，每 4 个一组），请核对后重新输入', { recoveryCode: '恢复码不对' });
    return key;
  }

  return {
    create,

    /** The office key as a recovery code, for an administrator moving the register to another PC; the showing is audited. */
    recoveryCode(user: UserView): { code: string; keyId: string } {
      if (!d.keys) throw new DomainError('CONFLICT', '本机的办公室密钥无法读取');
      const key = d.keys.current;
      const at = d.clock.now();
      d.db.transaction(() => d.audit.append({ at, userId: user.id, action: 'officeKey.recoveryCodeShown', entity: 'officeKey', entityId: null, data: { keyId: key.id } })).immediate();
      d.keys.markShown();
      return { code: recoveryCode(key), keyId: key.id };
    },

    /** Times in office time with its offset, so the page shows them the same on any PC. */
    status() {
      const now = d.clock.instant();
      const local = (iso: string) => d.clock.iso(new Date(iso));
      const localRow = (r: BackupRow): BackupRow => ({ ...r, startedAt: local(r.startedAt), finishedAt: local(r.finishedAt) });
      const good = lastGood();
      const ageDays = good ? Math.max(0, Math.floor((now.getTime() - Date.parse(good.finishedAt)) / DAY_MS)) : null;
      const dailyAt = d.settings.get<string | null>('backup.dailyAt', null);
      return {
        settings: { dir: d.settings.get<string | null>('backup.dir', null), dailyAt },
        lastGood: good && localRow(good),
        stale: ageDays === null || ageDays >= STALE_DAYS,
        ageDays,
        nextScheduledAt: dailyAt && !d.readOnly ? d.clock.iso(nextSlot(now, dailyAt, zone())) : null,
        history: history('ORDER BY b.id DESC LIMIT 30').map((r) => localRow(toView(r))),
        progress: d.runner.view(),
      };
    },

    /** The copies the app set aside in the data folder (keptCopies.ts), with their times in office time. */
    keptCopies: () => keptCopiesView(d.dataDir, d.clock),

    /**
     * Removes one copy the list names, and audits it. Removed first, audited after: on a full disk
     * (when a copy is most likely removed) the audit row needs the room the removal gives back.
     */
    async removeKeptCopy(name: string, user: UserView) {
      // Refused while read-only (integrity/readOnly.ts), but where the disk is full: start/makingRoom.ts removes it then.
      const record = (data: Record<string, unknown>) =>
        d.db.transaction(() => d.audit.append({ at: d.clock.now(), userId: user.id, action: 'backup.removeKeptCopy', entity: 'keptCopy', entityId: null, data })).immediate();
      const removed = await removeKeptCopyRecorded({ dataDir: d.dataDir, name, timeZone: zone(), by: user.username, log: d.log, record });
      return { removed: { ...removed, at: d.clock.iso(new Date(removed.at)) } };
    },

    async verify(path: string, recoveryCode?: string) {
      const folder = backupFolder(path);
      const recoveryKey = recovery(recoveryCode);
      const v = await d.runner.run('verify', (p) => verifyBackup(folder, p.total, p.add, { keys: d.keys, recoveryKey }), busy);
      const { manifest: _m, ...out } = v;
      return out;
    },

    async restore(path: string, user: UserView, recoveryCode?: string) {
      const folder = backupFolder(path);
      const recoveryKey = recovery(recoveryCode);
      return d.runner.run(
        'restore',
        async (progress) => {
          progress.step('检查备份');
          const v = await verifyBackup(folder, progress.total, progress.add, { keys: d.keys, recoveryKey });
          if (!v.ok || !v.manifest) {
            throw new DomainError('VALIDATION', `这份备份未通过检查，未作任何改动：${v.problems.slice(0, 3).map((p) => `${p.file}：${p.message}`).join('；')}`, { path: '备份未通过检查' });
          }
          progress.total(v.bytes * 2);
          progress.add(v.bytes);
          let aside: string;
          try {
            aside = await prepareRestore(folder, v.manifest, d.dataDir, fileStamp(d.clock.instant(), zone()), progress);
          } catch (error) {
            d.log.error(`restore from ${folder} failed while staging`, error);
            throw new DomainError('INTERNAL', `恢复未完成，当前数据未作任何改动：${fileErrorMessage(error).replace(/^备份位置/, '数据文件夹')}`);
          }
          // A backup brought from another PC: its office key becomes this PC's, so its seals and later backups verify here.
          if (recoveryKey && v.keyId === recoveryKey.id) d.keys?.adopt(recoveryKey);
          d.log.warn(`${user.username} restores ${folder}; the current data goes to ${aside}`);
          d.requestRestart();
          return { setAside: aside, cases: v.cases, files: v.files };
        },
        busy,
      );
    },

    /**
     * One look of the daily schedule; `atStart` the first after the app started. Whether it wrote (a
     * backup tried, its row kept): only then does the app's upkeep after a write follow.
     */
    async tick(atStart: boolean): Promise<boolean> {
      if (d.readOnly || d.runner.busy()) return false;
      const dailyAt = d.settings.get<string | null>('backup.dailyAt', null);
      const dir = d.settings.get<string | null>('backup.dir', null);
      if (!dailyAt || !dir) return false;
      const lastScheduled = history("WHERE b.kind = 'scheduled' ORDER BY julianday(b.started_at) DESC, b.id DESC LIMIT 1")[0];
      const due = backupDue({
        now: d.clock.instant(),
        dailyAt,
        zone: zone(),
        since: d.settings.get<string | null>('backup.scheduleSince', null),
        lastGoodAt: lastGood()?.finishedAt ?? null,
        lastScheduledAttemptAt: lastScheduled?.started_at ?? null,
        atStart,
      });
      if (!due) return false;
      d.log.info(`scheduled backup to ${dir}`);
      await create(dir, 'scheduled', null).catch((error: unknown) => d.log.warn(`scheduled backup failed: ${(error as Error).message}`));
      return true;
    },
  };
}
export type BackupService = ReturnType<typeof createBackupService>;
