import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { DomainError } from '../../../shared/api/errors';
import type { UserView } from '../../../shared/api/schemas/common';
import type { ExportState, exportsStart } from '../../../shared/api/schemas/exports';
import { SEARCH_COUNT_CAP } from '../../../shared/api/schemas/cases';
import type { OfficeClock } from '../officeClock';
import type { Logger } from '../ports';
import type { Audit, AuditEntry } from '../services/audit';
import type { Settings } from '../services/settings';
import type { CaseStoreRead } from '../store';
import { createCaseExportReader } from '../store/caseExport';
import type { Snapshots } from '../store/snapshots';
import type { WriteTurns } from '../writeTurns';

type StartInput = z.output<typeof exportsStart.input>;

interface Task {
  view: ExportState;
  owner: number;
  file: string;
  cancelled: boolean;
  /** When it ended (done, cancelled or failed), by the core's clock. */
  endedAt: number | null;
}

export interface ExportDeps {
  snapshots: Snapshots;
  /** Where finished files wait to be downloaded (inside the data folder; emptied at every start). */
  dir: string;
  store: Pick<CaseStoreRead, 'searchPlan' | 'stats'>;
  clock: OfficeClock;
  audit: Audit;
  /** Settles once the register may be written (start/openState.ts: the start check holds writes); null, it may be now. */
  writable: Promise<void> | null;
  /** The register's write turns (core/writeTurns.ts). */
  turns: WriteTurns;
  settings: Settings;
  log: Logger;
}

/** Files are kept this long after they are made, for the download and a second try. */
const KEEP_MS = 12 * 60 * 60 * 1000;

/**
 * Exports to Excel ([F]): the filtered register and the period report. A large export runs in the
 * background, a chunk at a time on a read-only connection of its own, and can be followed and
 * cancelled; the finished file is offered for download to the person who asked for it.
 */
export function createExports(d: ExportDeps) {
  const tasks = new Map<string, Task>();
  let writableNow = d.writable === null;
  void d.writable?.then(() => (writableNow = true));
  // What an earlier run left: nobody can download it any more. (A folder that cannot be written is
  // said so when someone exports.)
  try {
    for (const name of readdirSync(d.dir)) rmSync(join(d.dir, name), { force: true, recursive: true });
  } catch {
    // no folder yet, or one that cannot be written
  }

  function forget(): void {
    const now = d.clock.instant().getTime();
    for (const [id, t] of tasks) {
      if (t.endedAt !== null && now - t.endedAt > KEEP_MS) {
        rmSync(t.file, { force: true });
        tasks.delete(id);
      }
    }
  }

  function own(id: string, user: UserView): Task {
    const t = tasks.get(id);
    if (!t || t.owner !== user.id) throw new DomainError('NOT_FOUND', '没有这项导出（可能已过期或程序已重新启动），请重新导出');
    return t;
  }

  const stamp = () => d.clock.now().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

  /**
   * Who took which cases out of the register, on the audit chain (in read-only mode, the log) before
   * the file is offered. An export is not a call the core holds for the start check, so one finished
   * while the check still held writes failed at its record, and its file went with it (a million
   * cases' check holds writes 20 s and more from a cold disk): the record waits for the writes to be
   * let through, in a write turn of its own, and the export shows as running until then.
   */
  async function record(t: Task, entry: AuditEntry): Promise<void> {
    if (!writableNow) {
      t.view.awaitingCheck = true;
      await d.writable;
      t.view.awaitingCheck = false;
      // 取消导出 while it waited: nobody has the file, so there is nothing to record.
      if (t.cancelled) throw new Cancelled();
    }
    const turn = d.turns.write();
    const release = typeof turn === 'function' ? turn : await turn;
    try {
      d.audit.append(entry);
    } finally {
      release();
    }
  }

  async function runRegister(t: Task, input: Extract<StartInput, { kind: 'register' }>, user: UserView): Promise<void> {
    // A moment of the register of its own (store/snapshots.ts): the spreadsheet is one moment of
    // the register, however long it takes to write.
    const { rows, registerOrder } = await d.snapshots.read(async (conn) => {
      // An export reads each case once: this connection's page cache (SQLite's default, 16 MB here)
      // filled on a large one and was held to its end for nothing, the largest part of the host's
      // rise in memory at an export besides the spreadsheet's thread. The export's peak above the
      // quiet host, medians: 100,000 cases +56.0 MB and 14.9 s with 16 MB, +38.7 MB and 14.7 s with
      // 1 MB (n = 9); 20,000 cases +51.9 → +31.2 MB, 2.7 → 2.6 s (n = 11). 0.5 or 2 MB: the same.
      conn.pragma('cache_size = -1000');
      const reader = createCaseExportReader(conn, d.store.searchPlan);
      const { filters, registerOrder } = reader.order(input.filters, user);
      t.view.registerOrder = registerOrder;
      const counted = reader.count(filters, user);
      t.view.total = Math.min(counted, SEARCH_COUNT_CAP);
      t.view.more = counted > SEARCH_COUNT_CAP;
      // Loaded on the first export, not at every start of the app (the spreadsheet library itself is
      // loaded by the thread that writes the rows: sheetWorker.ts).
      const { writeRegisterWorkbook } = await import('./registerWorkbook');
      const began = performance.now();
      const result = await writeRegisterWorkbook(t.file, '案件登记簿', reader.chunks(filters, user), (done) => (t.view.done = done), () => t.cancelled);
      if (result === 'cancelled') throw new Cancelled();
      // For an administrator who asks why the app's memory rose: the writer's backlog is bounded (sheetWorker.ts).
      d.log.info(`export ${t.view.id}: ${result.rows} case(s) in ${result.sheets} sheet(s), ${Math.round(performance.now() - began)} ms; the spreadsheet's thread held at most ${(result.heldAtMost / 2 ** 20).toFixed(1)} MB`);
      return { rows: result.rows, registerOrder };
    });
    await record(t, { at: d.clock.now(), userId: user.id, action: 'exports.register', entity: 'export', entityId: null, data: { filters: input.filters, rows, ...(registerOrder ? { order: 'registeredAt:desc' } : {}) } });
  }

  async function runStats(t: Task, input: Extract<StartInput, { kind: 'stats' }>, user: UserView): Promise<void> {
    const summary = await d.store.stats(input.period.from, input.period.to, d.clock.today());
    t.view.total = 1;
    const { writeStatsWorkbook } = await import('./statsWorkbook');
    await writeStatsWorkbook(t.file, d.settings.get('office.name', ''), summary);
    t.view.done = 1;
    await record(t, { at: d.clock.now(), userId: user.id, action: 'exports.stats', entity: 'export', entityId: null, data: input.period });
  }

  return {
    start(input: StartInput, user: UserView): { id: string } {
      forget();
      if ([...tasks.values()].some((t) => t.owner === user.id && t.view.state === 'running')) {
        throw new DomainError('CONFLICT', '您有一项导出正在进行，请等它完成或取消后再导出');
      }
      try {
        mkdirSync(d.dir, { recursive: true });
      } catch {
        throw new DomainError('CONFLICT', `无法在数据文件夹中写入导出文件（${d.dir}），请管理员检查该文件夹能否写入`);
      }
      const id = randomUUID();
      const fileName = input.kind === 'register' ? `案件登记簿-${stamp()}.xlsx` : `投诉统计-${input.period.from}至${input.period.to}.xlsx`;
      const t: Task = {
        view: { id, kind: input.kind, state: 'running', done: 0, total: 0, more: false, registerOrder: false, fileName, size: null, error: null, awaitingCheck: false },
        owner: user.id,
        file: join(d.dir, `${id}.xlsx`),
        cancelled: false,
        endedAt: null,
      };
      tasks.set(id, t);
      const run = input.kind === 'register' ? runRegister(t, input, user) : runStats(t, input, user);
      run.then(
        () => {
          t.endedAt = d.clock.instant().getTime();
          t.view.state = 'done';
          t.view.size = statSync(t.file).size;
        },
        (error: unknown) => {
          t.endedAt = d.clock.instant().getTime();
          rmSync(t.file, { force: true });
          if (error instanceof Cancelled) {
            t.view.state = 'cancelled';
            return;
          }
          d.log.error(`export ${id} (${input.kind}) failed`, error);
          t.view.state = 'failed';
          t.view.error = (error as { code?: string }).code === 'ENOSPC' ? '磁盘空间不足，导出未完成，请清理磁盘后重试' : '导出未完成，请重试；如反复出现请联系管理员';
        },
      );
      return { id };
    },
    progress(id: string, user: UserView): ExportState {
      return { ...own(id, user).view };
    },
    cancel(id: string, user: UserView): { ok: true } {
      const t = own(id, user);
      if (t.view.state !== 'running') throw new DomainError('CONFLICT', t.view.state === 'done' ? '导出已完成，无需取消' : '这项导出已经结束');
      t.cancelled = true;
      return { ok: true };
    },
    file(id: string, user: UserView): { id: string; fileName: string; size: number; path: string } {
      const t = own(id, user);
      if (t.view.state !== 'done' || t.view.size === null) throw new DomainError('CONFLICT', '文件还没有导出完成');
      return { id, fileName: t.view.fileName, size: t.view.size, path: t.file };
    },
  };
}
export type Exports = ReturnType<typeof createExports>;

class Cancelled extends Error {}
