import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './ports';

/** One file is kept beside the current one; together they stay under 2 × this size. */
const MAX_BYTES = 5 * 1024 * 1024;

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return error === undefined ? '' : String(error);
}

/**
 * Writes the log to `<data>/logs/complaintdesk.log`, so that a fault at an office PC (where no one
 * watches a console) can be read afterwards. Stacks go here and never to the user (DESIGN.md).
 * Logging must never break the register: a failed write is dropped.
 */
export function createFileLogger(dataDir: string, echo?: Logger): Logger {
  const dir = join(dataDir, 'logs');
  const file = join(dir, 'complaintdesk.log');
  const write = (level: string, message: string, error?: unknown) => {
    try {
      mkdirSync(dir, { recursive: true });
      try {
        if (statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`);
      } catch {}
      const detail = describe(error);
      appendFileSync(file, `${new Date().toISOString()} ${level} ${message}${detail ? `\n${detail}` : ''}\n`);
    } catch {}
  };
  return {
    info(message) {
      write('INFO', message);
      echo?.info(message);
    },
    warn(message) {
      write('WARN', message);
      echo?.warn(message);
    },
    error(message, error) {
      write('ERROR', message, error);
      echo?.error(message, error);
    },
  };
}
