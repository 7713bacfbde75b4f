import type { HandlerTable } from '../../../shared/api/dispatch';
import { DomainError } from '../../../shared/api/errors';
import { keptCopiesView, removeKeptCopyRecorded } from '../backup/keptCopies';
import { roomForUpgrade } from '../db/diskSpace';
import { upgradeCopies } from '../db/migrate';
import type { OfficeClock } from '../officeClock';
import type { Ctx } from './coreState';
import { holdAuditEntry } from './heldAudit';
import { registerVersion } from './upgrading';

/** How often the disk is looked at again for room made outside the program. */
const ROOM_WATCH_MS = 5000;

/**
 * 磁盘空间不足 before an upgrade: the register is sound but older, and what most often fills the disk
 * is the copies the app itself keeps in the data folder and never deletes (backup/keptCopies.ts), as
 * large as the register each (12 GB at a million cases): one upgrade copy per version installed.
 * The read-only register refused their removal like any write, so the office was left with a file
 * manager. Here an administrator sees them and removes one (the contract's roles, the confirmation);
 * the removal goes to the file log at once, is held in the data folder (start/heldAudit.ts), and
 * reaches the audit chain once the register can be written, even after a close of the program. When
 * the disk then has the room (that removal, or files cleared outside the program, looked for every
 * few seconds), the upgrade starts, with the upgrade screen as at start: no restart of the program.
 * `stop` ends the looking when this state is closed.
 */
export function makingRoom(table: HandlerTable, o: { ctx: Ctx; file: string; clock: OfficeClock }): { handlers: HandlerTable; stop(): void } {
  const { ctx, file, clock } = o;
  // The room asked is the upgrade's own: with the copy only where a migration changes rows (db/migrate.ts).
  const copies = upgradeCopies(registerVersion(file) ?? 0);
  const room = () => roomForUpgrade(file, ctx.deps.freeBytes, copies);
  const status = table['setup.status'] as (input: unknown, c: unknown) => Record<string, unknown> | Promise<Record<string, unknown>>;
  let upgradeAsked = false;
  /** True once the upgrade is asked for: the disk has the room it needs. */
  const upgradeIfRoom = (now: { neededBytes: number; freeBytes: number }, why: string): boolean => {
    if (upgradeAsked || now.freeBytes < now.neededBytes) return upgradeAsked;
    upgradeAsked = true;
    ctx.log.info(`the disk now has room for the upgrade (${now.freeBytes} of ${now.neededBytes} bytes, ${why}): upgrading`);
    ctx.requestUpgrade();
    return true;
  };
  // Room is also made outside the program (other files on that disk, emptied from the file manager):
  // the disk is looked at again every few seconds (one statfs), and the upgrade starts once it has the room.
  const watch = setInterval(() => {
    try {
      upgradeIfRoom(room(), 'room made outside the program');
    } catch (error) {
      ctx.log.warn(`the disk's free space could not be read: ${(error as Error).message}`);
    }
  }, ctx.deps.roomWatchMs ?? ROOM_WATCH_MS);
  watch.unref();
  const out: Record<string, unknown> = {
    ...table,
    'setup.status': async (input: unknown, c: unknown) => ({ ...(await status(input, c)), room: room() }),
    'backup.keptCopies': () => keptCopiesView(ctx.deps.dataDir, clock),
    'backup.removeKeptCopy': async (input: { name: string }, c: { user: { id: number; username: string } | null }) => {
      if (upgradeAsked) throw new DomainError('CONFLICT', '磁盘空间已够，数据文件正在升级，请稍候');
      const user = c.user!;
      const removed = await removeKeptCopyRecorded({
        dataDir: ctx.deps.dataDir,
        name: input.name,
        timeZone: clock.zone(),
        by: user.username,
        log: ctx.log,
        record: (data) => {
          const entry = { at: clock.now(), userId: user.id, action: 'backup.removeKeptCopy', entity: 'keptCopy', entityId: null, data: { ...data, whileReadOnly: 'diskFull' } };
          if (!holdAuditEntry(ctx.deps.dataDir, entry, ctx.log, ctx.clock)) ctx.deferredAudit.push(entry);
        },
      });
      const now = room();
      const upgrading = upgradeIfRoom(now, 'a kept copy removed');
      return { removed: { ...removed, at: clock.iso(new Date(removed.at)) }, room: { ...now, upgrading } };
    },
  };
  return { handlers: out as HandlerTable, stop: () => clearInterval(watch) };
}
