import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './ports';

/** One file is kept beside the current one; together they stay under 2 × this size. */
const MAX_BYTES = 5 * 1024 * 1024;

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return error === undefined ? '' : String(error);
}

/** A token bucket: `burst` lines at once, then one more every `everyMs`. */
interface Bucket {
  tokens: number;
  at: number;
}

export interface LogLimits {
  /** Lines of one kind (level and message with its numbers blanked) written at once, and then one per `kindEveryMs`. */
  kindBurst: number;
  kindEveryMs: number;
  /** Lines of one level written at once, whatever their kind, and then one per `levelEveryMs`. */
  levelBurst: number;
  levelEveryMs: number;
}

/**
 * With these, a flood of one fault writes 20 lines and then one a minute, and a flood of varied
 * ones (an address in each message) at most one line every 5 s per level: at ~1 KB a line with its
 * stack, a day of flooding is under 20 MB of lines that are dropped, and the log's two 5 MB files
 * keep the earlier faults for hours, not seconds (before, 32 600 aborted requests rotated both away).
 */
export const DEFAULT_LOG_LIMITS: LogLimits = { kindBurst: 20, kindEveryMs: 60_000, levelBurst: 100, levelEveryMs: 5_000 };

/** The kind of a line: its level and message with numbers, quoted parts and addresses blanked, so repeats match. */
const kindOf = (level: string, message: string) =>
  `${level} ${message
    .replace(/\d+/g, '#')
    .replace(/"[^"]*"|“[^”]*”|'[^']*'/g, '…')
    .replace(/\/\S*/g, '/…')
    .slice(0, 120)}`;

/**
 * Keeps a flood of lines (an attacker's, or a fault repeating on every request) from rotating the
 * faults before it out of the log: each kind and each level has a token bucket, and what it drops
 * is counted and written as one "n similar lines suppressed" line when that kind may write again.
 */
export function createLogLimiter(limits: LogLimits = DEFAULT_LOG_LIMITS, now: () => number = Date.now) {
  const kinds = new Map<string, Bucket & { suppressed: number }>();
  const levels = new Map<string, Bucket>();
  const take = (b: Bucket, burst: number, everyMs: number, t: number) => {
    b.tokens = Math.min(burst, b.tokens + (t - b.at) / everyMs);
    b.at = t;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  };
  return {
    /** Whether this line may be written. */
    admit(level: string, message: string): boolean {
      const t = now();
      const key = kindOf(level, message);
      let kind = kinds.get(key);
      if (!kind) {
        // A bounded table: a flood of ever-new kinds forgets the oldest (the level bucket still holds them).
        if (kinds.size >= 1000) kinds.delete(kinds.keys().next().value!);
        kind = { tokens: limits.kindBurst, at: t, suppressed: 0 };
        kinds.set(key, kind);
      }
      let perLevel = levels.get(level);
      if (!perLevel) levels.set(level, (perLevel = { tokens: limits.levelBurst, at: t }));
      // Both must have room; the level's token is only spent when the kind had one.
      if (take(kind, limits.kindBurst, limits.kindEveryMs, t) && take(perLevel, limits.levelBurst, limits.levelEveryMs, t)) return true;
      kind.suppressed++;
      return false;
    },
    /** The kinds with lines dropped since the last call, and how many each; their counts start again. */
    drain(): { kind: string; count: number }[] {
      const out: { kind: string; count: number }[] = [];
      for (const [kind, k] of kinds) {
        if (k.suppressed > 0) out.push({ kind, count: k.suppressed });
        k.suppressed = 0;
      }
      return out;
    },
  };
}

/**
 * Writes the log to `<data>/logs/complaintdesk.log`, so that a fault at an office PC (where no one
 * watches a console) can be read afterwards. Stacks go here and never to the user (DESIGN.md).
 * Logging must never break the register: a failed write is dropped. A flood is rate-limited
 * (createLogLimiter), so it cannot push the faults before it out of the two files.
 */
export function createFileLogger(dataDir: string, echo?: Logger, { limits = DEFAULT_LOG_LIMITS, now = Date.now }: { limits?: LogLimits; now?: () => number } = {}): Logger {
  const dir = join(dataDir, 'logs');
  const file = join(dir, 'complaintdesk.log');
  const limiter = createLogLimiter(limits, now);
  const write = (level: string, message: string, error?: unknown): boolean => {
    if (!limiter.admit(level, message)) return false;
    try {
      mkdirSync(dir, { recursive: true });
      try {
        if (statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`);
      } catch {}
      const stamp = new Date(now()).toISOString();
      // What was dropped is said before the next line that is written, once per kind.
      const dropped = limiter.drain().map(({ kind, count }) => `${stamp} WARN ${count} similar lines suppressed: ${kind}\n`);
      const detail = describe(error);
      appendFileSync(file, `${dropped.join('')}${stamp} ${level} ${message}${detail ? `\n${detail}` : ''}\n`);
    } catch {}
    return true;
  };
  return {
    info(message) {
      if (write('INFO', message)) echo?.info(message);
    },
    warn(message) {
      if (write('WARN', message)) echo?.warn(message);
    },
    error(message, error) {
      if (write('ERROR', message, error)) echo?.error(message, error);
    },
  };
}
