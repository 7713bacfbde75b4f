import type { Db } from '../db/open';

/** Office settings are JSON values by key; every [L]/[U] rule of domain.md reads from here. */
export function createSettings(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const drop = db.prepare('DELETE FROM settings WHERE key = ?');
  return {
    get<T>(key: string, fallback: T): T {
      const raw = get.get(key) as string | undefined;
      return raw === undefined ? fallback : (JSON.parse(raw) as T);
    },
    set(key: string, value: unknown): void {
      put.run(key, JSON.stringify(value));
    },
    remove(key: string): void {
      drop.run(key);
    },
  };
}
export type Settings = ReturnType<typeof createSettings>;
