import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../electron/core/paths';
import { defaultKeyDir, keyFromRecoveryCode, openKeyring, recoveryCode } from '../../electron/core/integrity/officeKey';
import { tempDir } from '../core/harness';

describe('where the office key lives', () => {
  it('is never inside the default data folder, on any platform', () => {
    const env = { APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local', XDG_CONFIG_HOME: '/home/clerk/.config', XDG_DATA_HOME: '/home/clerk/.local/share' };
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const data = defaultDataDir(env, platform);
      const keys = defaultKeyDir(env, platform);
      expect(keys.startsWith(data), `${platform}: ${keys} in ${data}`).toBe(false);
    }
    expect(defaultKeyDir(env, 'win32')).toBe(join('C:\\Users\\clerk\\AppData\\Local', 'ComplaintDesk', 'keys'));
    expect(defaultKeyDir(env, 'linux')).toBe('/home/clerk/.config/ComplaintDesk/keys');
    expect(defaultKeyDir({ COMPLAINTDESK_KEYS: '/srv/keys' }, 'linux')).toBe('/srv/keys');
  });

  it.skipIf(process.platform === 'win32')('is a file only its owner can read, in a folder only its owner can enter', () => {
    const t = tempDir('complaintdesk-keys-');
    try {
      const keys = openKeyring(join(t.dir, 'keys'));
      expect(keys.createdNow).toBe(true);
      expect(statSync(join(t.dir, 'keys', 'office-keys.json')).mode & 0o777).toBe(0o600);
      expect(statSync(join(t.dir, 'keys')).mode & 0o777).toBe(0o700);
      // The same key the next time, and a recovery code that gives it back, refusing a typo.
      expect(openKeyring(join(t.dir, 'keys')).current.id).toBe(keys.current.id);
      const code = recoveryCode(keys.current);
      expect(keyFromRecoveryCode(code)?.secret.equals(keys.current.secret)).toBe(true);
      expect(keyFromRecoveryCode(code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).toBeNull();
    } finally {
      t.remove();
    }
  });
});
