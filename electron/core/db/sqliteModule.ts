let resolved: string | null | undefined;

/** Where better-sqlite3 is, for a worker thread to load it (null when it cannot be found). */
export function sqliteModulePath(): string | null {
  if (resolved === undefined) {
    try {
      resolved = require.resolve('better-sqlite3');
    } catch {
      resolved = null;
    }
  }
  return resolved;
}
