import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileLogger, DEFAULT_LOG_LIMITS } from '../../electron/core/fileLogger';
import { tempDir } from './harness';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('file logger', () => {
  it('writes lines and stacks to <data>/logs/complaintdesk.log', () => {
    const log = createFileLogger(tmp.dir);
    log.info('数据库已打开');
    log.error('operation cases.register failed', new Error('disk I/O error'));
    const text = readFileSync(join(tmp.dir, 'logs/complaintdesk.log'), 'utf8');
    expect(text).toMatch(/Z INFO 数据库已打开\n/);
    expect(text).toMatch(/ERROR operation cases\.register failed\nError: disk I\/O error\n\s+at /);
  });

  it('rolls the file over past 5 MB, keeping one older file', () => {
    const file = join(tmp.dir, 'logs/complaintdesk.log');
    writeFileSync(file, 'x'.repeat(5 * 1024 * 1024 + 1));
    createFileLogger(tmp.dir).warn('after rollover');
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/^\S+ WARN after rollover\n$/);
  });

  it('never throws when the folder cannot be written', () => {
    const log = createFileLogger(join(tmp.dir, 'logs/complaintdesk.log', 'not-a-dir'));
    expect(() => log.error('still fine', new Error('x'))).not.toThrow();
  });

  it('keeps a flood from rotating the faults before it away: a few lines of each kind, then "n similar lines suppressed"', () => {
    const dir = join(tmp.dir, 'flood');
    let t = Date.parse('2026-11-23T01:00:00Z');
    const log = createFileLogger(dir, undefined, { now: () => t });
    const file = join(dir, 'logs/complaintdesk.log');
    log.error('an earlier fault', new Error('SQLITE_IOERR'));
    // 100 000 lines of one fault in a minute, then 100 000 with a different address in each.
    for (let i = 0; i < 100_000; i++) {
      t += 0.6;
      log.error('operation cases.search failed', new Error('boom'));
    }
    for (let i = 0; i < 100_000; i++) {
      t += 0.6;
      log.error(`request POST /api/x${i} failed`, new Error('boom'));
    }
    t += 60_000;
    log.error('operation cases.search failed', new Error('boom'));
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^\S+ ERROR an earlier fault\nError: SQLITE_IOERR/);
    expect(existsSync(`${file}.1`)).toBe(false);
    const errors = text.match(/^\S+ ERROR /gm)!.length;
    // Before: 200 001 lines with their stacks (~60 MB: both files rotated away many times).
    expect(errors).toBeLessThan(DEFAULT_LOG_LIMITS.levelBurst + 50);
    expect(text).toMatch(/WARN \d+ similar lines suppressed: ERROR operation cases\.search failed/);
    expect(text).toMatch(/WARN \d+ similar lines suppressed: ERROR request POST \/… failed/);
    const counted = [...text.matchAll(/WARN (\d+) similar lines suppressed/g)].reduce((n, m) => n + Number(m[1]), 0);
    // Every line is either written or counted as suppressed.
    expect(counted + errors).toBe(200_002);
  });
});
