import type { HandlerTable } from '../../../shared/api/dispatch';
import { DomainError } from '../../../shared/api/errors';
import { keptCopiesView, removeKeptCopyRecorded } from '../backup/keptCopies';
import { roomForUpgrade } from '../db/diskSpace';
import type { OfficeClock } from '../officeClock';
import type { Ctx } from './coreState';

/**
 * 磁盘空间不足 before an upgrade: the register is sound but older, and what most often fills the disk
 * is the copies the app itself keeps in the data folder and never deletes (backup/keptCopies.ts), as
 * large as the register each (12 GB at a million cases): one upgrade copy per version installed.
 * The read-only register refused their removal like any write, so the office was left with a file
 * manager. Here an administrator sees them and removes one (the contract's roles, the confirmation);
 * the removal goes to the file log at once and to the audit chain once the register can be written
 * (Ctx.deferredAudit). When the disk then has the room, the upgrade starts after the answer, with the
 * upgrade screen as at start: no restart of the program.
 */
export function makingRoom(table: HandlerTable, o: { ctx: Ctx; file: string; clock: OfficeClock }): HandlerTable {
  const { ctx, file, clock } = o;
  const room = () => roomForUpgrade(file, ctx.deps.freeBytes);
  const status = table['setup.status'] as (input: unknown, c: unknown) => Record<string, unknown> | Promise<Record<string, unknown>>;
  let upgradeAsked = false;
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
        record: (data) => ctx.deferredAudit.push({ at: clock.now(), userId: user.id, action: 'backup.removeKeptCopy', entity: 'keptCopy', entityId: null, data: { ...data, whileReadOnly: 'diskFull' } }),
      });
      const now = room();
      const upgrading = now.freeBytes >= now.neededBytes;
      if (upgrading) {
        upgradeAsked = true;
        ctx.log.info(`the disk now has room for the upgrade (${now.freeBytes} of ${now.neededBytes} bytes): upgrading`);
        ctx.requestUpgrade();
      }
      return { removed: { ...removed, at: clock.iso(new Date(removed.at)) }, room: { ...now, upgrading } };
    },
  };
  return out as HandlerTable;
}
