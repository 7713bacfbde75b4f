import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../electron/core/fileLogger';
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
});
