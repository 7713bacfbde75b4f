import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { fsyncDirSync } from '../fsync';
import { systemClock, type Clock } from '../ports';

/**
 * The office key: a secret that does not live in the data folder (DESIGN.md "Data"), so someone
 * holding the folder, or a copy of it, cannot edit the register and seal it again unseen. The
 * seal, the audit chain's checkpoint and every backup's manifest are keyed (HMAC-SHA-256) with it.
 *
 * Where it lives is the shell's business: the desktop app protects it with Electron's safeStorage
 * (DPAPI on Windows, the keychain on macOS), browser mode keeps it in a file of the user's own
 * profile readable only by them. Either way the file sits in the user's configuration folder,
 * never beside the register. What it cannot stop: someone signed in to the PC's account can run
 * the app, which holds the key (README "What the seal protects against").
 */
export interface SecretProtector {
  /** Written into the key file, so a program that cannot unprotect a key says why. */
  kind: 'safeStorage' | 'file';
  protect(plain: Buffer): Buffer;
  unprotect(sealed: Buffer): Buffer;
}

/** Browser mode and the tools: the file itself is the protection (mode 0600 in the user's profile). */
export const fileProtector: SecretProtector = { kind: 'file', protect: (b) => Buffer.from(b), unprotect: (b) => Buffer.from(b) };

/**
 * The folder of the office key and of the checkpoints the app keeps of each register: the user's
 * configuration folder, not the data folder (on Windows the data is in %APPDATA%, which roams; the
 * key stays on this PC in %LOCALAPPDATA%). COMPLAINTDESK_KEYS overrides it (tests, a second office).
 */
export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.COMPLAINTDESK_KEYS) return resolve(env.COMPLAINTDESK_KEYS);
  const base =
    platform === 'win32'
      ? (env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'))
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Preferences')
        : (env.XDG_CONFIG_HOME || join(homedir(), '.config'));
  return join(base, 'ComplaintDesk', 'keys');
}

export interface OfficeKey {
  /** Names the key in a seal or a manifest without revealing it. */
  id: string;
  secret: Buffer;
}

/** HMAC-SHA-256 of the parts (joined unambiguously), hex. */
export function mac(key: OfficeKey, ...parts: string[]): string {
  const h = createHmac('sha256', key.secret);
  for (const p of parts) h.update(`${Buffer.byteLength(p)}:`).update(p);
  return h.digest('hex');
}

export function macMatches(key: OfficeKey, expected: string, ...parts: string[]): boolean {
  const got = Buffer.from(mac(key, ...parts), 'hex');
  const want = Buffer.from(/^[0-9a-f]{64}$/.test(expected) ? expected : '', 'hex');
  return want.length === got.length && timingSafeEqual(got, want);
}

const keyId = (secret: Buffer) => createHmac('sha256', secret).update('complaintdesk-office-key-id').digest('hex').slice(0, 16);
export const officeKeyOf = (secret: Buffer): OfficeKey => ({ id: keyId(secret), secret: Buffer.from(secret) });

// The recovery code: the key in Crockford's base32 (no I, L, O, U), in groups of four, with a check group.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function recoveryCode(key: OfficeKey): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of key.secret) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  out += key.id.slice(0, 4).toUpperCase().replace(/[^0-9A-Z]/g, '0');
  return out.match(/.{1,4}/g)!.join('-');
}

/** The key a recovery code stands for, or null when it is not one (a typo shows in the check group). */
export function keyFromRecoveryCode(code: string): OfficeKey | null {
  const clean = code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{56}$/.test(clean)) return null;
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const ch of clean.slice(0, 52)) {
    value = ((value << 5) | ALPHABET.indexOf(ch)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  if (bytes.length !== 32) return null;
  const key = officeKeyOf(Buffer.from(bytes));
  return key.id.slice(0, 4).toUpperCase() === clean.slice(52) ? key : null;
}

const KEY_FILE = 'office-keys.json';
const keyFileSchema = z.object({
  format: z.literal('complaintdesk-office-keys'),
  version: z.literal(1),
  protection: z.enum(['safeStorage', 'file']),
  keys: z.array(z.object({ id: z.string(), createdAt: z.string(), secret: z.string(), shown: z.boolean().default(false) })),
});
type KeyFile = z.infer<typeof keyFileSchema>;

/** The key file cannot be used by this program: its message says why, in Chinese. */
export class KeyUnavailableError extends Error {}

/** A file only its owner may read or write: 0600 in a 0700 folder (Windows: the profile's own ACL). */
export function writePrivateFileSync(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600, flush: true });
  if (process.platform !== 'win32') chmodSync(tmp, 0o600);
  renameSync(tmp, path);
  fsyncDirSync(dirname(path));
}

export interface Keyring {
  dir: string;
  /** The key new seals and backups are made with. */
  current: OfficeKey;
  byId(id: string): OfficeKey | null;
  /** True when this start made the first key: nothing before it was keyed (trust on first use). */
  createdNow: boolean;
  /** Adds a key given by its recovery code (a register or backup brought from another PC); it becomes current. */
  adopt(key: OfficeKey): void;
  /** Whether the current key's recovery code was already shown to an administrator. */
  shown(): boolean;
  markShown(): void;
}

/**
 * The keyring in `dir`, made on first use (one random 256-bit key). A file written by another
 * protection (the desktop app's safeStorage, read by browser mode) is refused with a reason, not
 * replaced: replacing it would orphan every seal and backup made with it.
 */
export function openKeyring(dir: string, protector: SecretProtector = fileProtector, clock: Clock = systemClock): Keyring {
  const file = join(dir, KEY_FILE);
  let data: KeyFile;
  let createdNow = false;
  if (existsSync(file)) {
    try {
      data = keyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      throw new KeyUnavailableError(`办公室密钥文件“${file}”已损坏，无法核对数据文件的封签和备份。请用恢复码恢复密钥（设置 → 备份与恢复），或联系管理员。`);
    }
    if (data.protection !== protector.kind) {
      throw new KeyUnavailableError(
        data.protection === 'safeStorage'
          ? `办公室密钥由桌面版程序加密保管（${file}），浏览器模式无法读取。请用桌面版打开本数据文件夹。`
          : `办公室密钥文件“${file}”未加密保管，桌面版不予使用；请删除后用恢复码恢复密钥。`,
      );
    }
  } else {
    data = { format: 'complaintdesk-office-keys', version: 1, protection: protector.kind, keys: [] };
  }
  const keys: { key: OfficeKey; entry: KeyFile['keys'][number] }[] = [];
  for (const entry of data.keys) {
    let secret: Buffer;
    try {
      secret = protector.unprotect(Buffer.from(entry.secret, 'base64'));
    } catch {
      throw new KeyUnavailableError(`无法解开办公室密钥（${file}）：它由另一个 Windows 账户或另一台电脑加密。请用恢复码恢复密钥。`);
    }
    const key = officeKeyOf(secret);
    if (key.id === entry.id) keys.push({ key, entry });
  }
  const save = () => writePrivateFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  const add = (key: OfficeKey, shown: boolean) => {
    const existing = keys.findIndex((k) => k.key.id === key.id);
    if (existing >= 0) keys.push(...keys.splice(existing, 1));
    else {
      const entry = { id: key.id, createdAt: clock.now().toISOString(), secret: protector.protect(key.secret).toString('base64'), shown };
      keys.push({ key, entry });
    }
    data.keys = keys.map((k) => k.entry);
    save();
  };
  if (keys.length === 0) {
    add(officeKeyOf(randomBytes(32)), false);
    createdNow = true;
  }
  return {
    dir,
    get current() {
      return keys[keys.length - 1]!.key;
    },
    byId: (id) => keys.find((k) => k.key.id === id)?.key ?? null,
    createdNow,
    adopt: (key) => add(key, true),
    shown: () => keys[keys.length - 1]!.entry.shown,
    markShown() {
      keys[keys.length - 1]!.entry.shown = true;
      data.keys = keys.map((k) => k.entry);
      save();
    },
  };
}
