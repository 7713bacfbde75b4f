import type { SafeStorage } from 'electron';
import { fileProtector, type SecretProtector } from '../core/integrity/officeKey';

/**
 * The office key in the desktop app, protected by Electron's safeStorage (DPAPI on Windows, the
 * keychain on macOS, the secret service on Linux): the key file is then useless to anyone but the
 * Windows account that wrote it. Where safeStorage has no backend (a bare Linux session), the key
 * stays a private file of the user's profile, as in browser mode.
 */
export function safeStorageProtector(safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>): SecretProtector {
  if (!safeStorage.isEncryptionAvailable()) return fileProtector;
  return {
    kind: 'safeStorage',
    protect: (plain) => safeStorage.encryptString(plain.toString('base64')),
    unprotect: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
