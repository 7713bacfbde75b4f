import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFile, defaultDataDir } from '../../electron/core/paths';
import { parseHostArgs } from '../../electron/host/cli';

const CHINESE = /[\u4e00-\u9fff]/;
// An environment that fixes the default folder, so the tests do not depend on the machine.
const env = { COMPLAINTDESK_DATA: '/srv/complaintdesk-default' };
const absolute = resolve('/srv/complaintdesk');

describe('parseHostArgs', () => {
  it('defaults to the default data folder and port 0 (a free port)', () => {
    expect(parseHostArgs([], env)).toEqual({ dataDir: '/srv/complaintdesk-default', port: 0 });
  });

  it('reads --data and --port as separate words', () => {
    expect(parseHostArgs(['--data', absolute, '--port', '8080'], env)).toEqual({ dataDir: absolute, port: 8080 });
  });

  it('reads --data=… and --port=…', () => {
    expect(parseHostArgs([`--data=${absolute}`, '--port=8080'], env)).toEqual({ dataDir: absolute, port: 8080 });
  });

  it('accepts the port range ends 0 and 65535', () => {
    expect(parseHostArgs(['--port', '0'], env).port).toBe(0);
    expect(parseHostArgs(['--port=65535'], env).port).toBe(65535);
  });

  it('resolves a relative --data folder against the working directory', () => {
    expect(parseHostArgs(['--data', 'register'], env).dataDir).toBe(resolve(process.cwd(), 'register'));
  });

  it.each(['--port abc', '--port -1', '--port 65536', '--port 80.5', '--port=1e3'])(
    'refuses an invalid port (%s) with a Chinese message',
    (line) => {
      expect(() => parseHostArgs(line.split(' '), env)).toThrow(/端口应为 0–65535 的整数/);
    },
  );

  it.each(['--verbose', '--data /tmp/x extra', '-p 8080', '--Port=8080'])(
    'refuses an unknown argument (%s) with a Chinese message',
    (line) => {
      expect(() => parseHostArgs(line.split(' '), env)).toThrow(/不认识的参数/);
    },
  );

  it('refuses a flag with no value, in Chinese', () => {
    for (const argv of [['--port'], ['--data'], ['--data='], ['--port=']]) {
      expect(() => parseHostArgs(argv, env), argv.join(' ')).toThrow(/需要一个值/);
      try {
        parseHostArgs(argv, env);
      } catch (error) {
        expect((error as Error).message).toMatch(CHINESE);
      }
    }
  });

  it('reads --now as the instant the clock starts at', () => {
    expect(parseHostArgs(['--now', '2026-09-24T09:00:00+08:00'], env).now?.toISOString()).toBe('2026-09-24T01:00:00.000Z');
    expect(parseHostArgs(['--now=2027-01-04T08:30Z'], env).now?.toISOString()).toBe('2027-01-04T08:30:00.000Z');
    expect(parseHostArgs([], env).now).toBeUndefined();
  });

  it.each(['2026-09-24', '2026-09-24T09:00:00', 'tomorrow', '2026-02-30T09:00:00+08:00x'])('refuses --now %s without a zone or not a time', (v) => {
    expect(() => parseHostArgs(['--now', v], env)).toThrow(/--now 应为带时区的 ISO 8601 时间/);
  });

  // `--data` followed directly by another flag has no value; the flag must not become the folder.
  it('does not take the next flag as the value of --data', () => {
    expect(() => parseHostArgs(['--data', '--port=8080'], env)).toThrow(/需要一个值/);
  });
});

describe('defaultDataDir', () => {
  it('honours COMPLAINTDESK_DATA on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(defaultDataDir({ COMPLAINTDESK_DATA: '/srv/register', APPDATA: 'X', XDG_DATA_HOME: 'Y' }, platform)).toBe('/srv/register');
    }
  });

  it('uses APPDATA on win32, or the roaming folder under home', () => {
    const appData = 'C:\\Users\\clerk\\AppData\\Roaming';
    expect(defaultDataDir({ APPDATA: appData }, 'win32')).toBe(join(appData, 'ComplaintDesk'));
    expect(defaultDataDir({}, 'win32')).toBe(join(homedir(), 'AppData', 'Roaming', 'ComplaintDesk'));
  });

  it('uses XDG_DATA_HOME on linux, or ~/.local/share', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/home/clerk/data' }, 'linux')).toBe(join('/home/clerk/data', 'ComplaintDesk'));
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.local', 'share', 'ComplaintDesk'));
  });

  it('ignores APPDATA and XDG_DATA_HOME on macOS', () => {
    expect(defaultDataDir({ APPDATA: 'X', XDG_DATA_HOME: '/home/clerk/data' }, 'darwin')).toBe(
      join(homedir(), 'Library', 'Application Support', 'ComplaintDesk'),
    );
  });

  // XDG Base Directory spec: "If $XDG_DATA_HOME is either not set or empty, a default equal to
  // $HOME/.local/share should be used." An empty variable must not give a relative folder.
  it('treats an empty XDG_DATA_HOME as unset', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '' }, 'linux')).toBe(join(homedir(), '.local', 'share', 'ComplaintDesk'));
  });

  it('keeps the register file inside the data folder', () => {
    expect(databaseFile('/srv/register')).toBe(join('/srv/register', 'complaintdesk.sqlite'));
  });
});
