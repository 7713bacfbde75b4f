import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the register lives when no folder is named. Computed here, not by Electron's
 * app.getPath, so the desktop app and `npm run web` open the same register.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.COMPLAINTDESK_DATA) return resolve(env.COMPLAINTDESK_DATA);
  // An empty variable counts as unset (XDG Base Directory spec), never as a relative folder.
  const base =
    platform === 'win32'
      ? (env.APPDATA || join(homedir(), 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_DATA_HOME || join(homedir(), '.local', 'share'));
  return join(base, 'ComplaintDesk');
}

export const databaseFile = (dataDir: string) => join(dataDir, 'complaintdesk.sqlite');

/** The evidence vault sits beside the database (DESIGN.md "Data"). */
export const vaultDir = (dataDir: string) => join(dataDir, 'vault');
