import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core';
import type { TextReader } from '../../electron/core/services/evidence/textWorker';
import type { MergeWorkerFault } from '../../electron/core/services/mergeWorker';
import type { Clock, Logger, PdfPrinter } from '../../electron/core/ports';

/** A clock the test moves by hand, so deadlines are computed against a known day. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

export const quietLog: Logger & { errors: unknown[] } = {
  errors: [],
  info() {},
  warn() {},
  error(_m, e) {
    quietLog.errors.push(e);
  },
};

export function tempDir(prefix = 'complaintdesk-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The instant a test register's clock starts at unless a test sets its own: a Monday in late 2026. */
export const TEST_NOW = '2026-11-23T09:00:00+08:00';

/** A real register in a temp folder, set up with an admin and signed in; `pdf` prints notices. */
export async function openRegister(clock = fixedClock(TEST_NOW), { pdf, textReader, bulkLoad, log = quietLog }: { pdf?: PdfPrinter; textReader?: TextReader; bulkLoad?: boolean; log?: Logger } = {}) {
  const tmp = tempDir();
  const core = await createCore({ dataDir: tmp.dir, clock, log, pdf, textReader, bulkLoad });
  const r = await core.call('setup.init', { officeName: '杭州市消费者协会', admin: { username: 'admin', displayName: '王管理', password: 'correct horse' } }, null);
  if (!r.ok) throw new Error(`setup.init: ${r.error.message}`);
  const login = await core.call('session.login', { username: 'admin', password: 'correct horse' }, null);
  if (!login.ok) throw new Error(`session.login: ${login.error.message}`);
  return attach(core, tmp, clock, (login.value as { token: string }).token, pdf);
}

/**
 * A copy of a register folder, opened afresh: a test that needs many users starts from a copy of
 * one set up once, instead of hashing every password again (scrypt is slow on purpose).
 */
export async function copyRegister(
  from: Register,
  clock = fixedClock(TEST_NOW),
  {
    pdf,
    backgroundDelayMs,
    mergeStepHoldMs,
    mergeWorkerFault,
    log = quietLog,
  }: { pdf?: PdfPrinter; backgroundDelayMs?: number; mergeStepHoldMs?: number; mergeWorkerFault?: MergeWorkerFault; log?: Logger } = {},
): Promise<Register> {
  from.core.db.pragma('wal_checkpoint(TRUNCATE)');
  const tmp = tempDir();
  cpSync(from.dir, tmp.dir, { recursive: true });
  const core = await createCore({ dataDir: tmp.dir, clock, log, pdf, backgroundDelayMs, mergeStepHoldMs, mergeWorkerFault });
  return attach(core, tmp, clock, from.token, pdf);
}

function attach(core: Core, tmp: { dir: string; remove(): void }, clock: ReturnType<typeof fixedClock>, token: string, pdf?: PdfPrinter) {
  const must = async <T>(name: string, input: unknown, t: string | null = null): Promise<T> => {
    const r = await core.call(name, input, t);
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value as T;
  };
  return {
    core,
    clock,
    dir: tmp.dir,
    token,
    must: <T>(name: string, input: unknown, t: string | null = token) => must<T>(name, input, t),
    call: (name: string, input: unknown, t: string | null = token) => core.call(name, input, t),
    async reopen(): Promise<Core> {
      core.close();
      return createCore({ dataDir: tmp.dir, clock, log: quietLog, pdf });
    },
    close() {
      try {
        core.close();
      } catch {}
      tmp.remove();
    },
  };
}
export type Register = ReturnType<typeof attach>;

/** The smallest complaint a clerk may register. */
export const minimalComplaint = (over: Record<string, unknown> = {}) => ({
  channel: 'visit',
  complainant: { name: '张三', phone: '13812345678' },
  respondent: { name: '杭州某某电器有限公司' },
  category: 'G01',
  natures: ['quality'],
  subject: '55英寸液晶电视机',
  facts: '购买后第三天屏幕出现竖线，商家拒绝退货。',
  request: '退货并退还货款',
  consentMediation: true,
  ...over,
});

/**
 * The event loop's longest gap from now until `stop()`, seen by a timer every 5 ms: how long the
 * page's thread was held while something ran elsewhere (a merge step, a fold on the worker).
 */
export function watchLoopGaps(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  return {
    stop() {
      clearInterval(probe);
      return longest;
    },
  };
}
