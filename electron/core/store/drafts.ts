import type { DraftForm } from '../../../shared/domain/drafts';
import type { Db } from '../db/open';

export interface DraftRecord {
  form: DraftForm;
  key: string;
  /** The form's values as JSON text, as saved. */
  data: string;
  savedAt: string;
}

interface Row {
  form: DraftForm;
  key: string;
  data: string;
  saved_at: string;
}

const toRecord = (r: Row): DraftRecord => ({ form: r.form, key: r.key, data: r.data, savedAt: r.saved_at });

/**
 * The SQL of drafts (草稿). Every statement names the user: a draft is only ever read, replaced or
 * removed by its own user, so one clerk's half-typed complaint is never shown to another.
 */
export function createDraftStore(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO drafts (user_id, form, key, data, saved_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, form, key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
  );
  const one = db.prepare('SELECT form, key, data, saved_at FROM drafts WHERE user_id = ? AND form = ? AND key = ?');
  const all = db.prepare('SELECT form, key, data, saved_at FROM drafts WHERE user_id = ? ORDER BY saved_at DESC, form, key');
  const remove = db.prepare('DELETE FROM drafts WHERE user_id = ? AND form = ? AND key = ?');
  return {
    read: {
      get(userId: number, form: DraftForm, key: string): DraftRecord | null {
        const row = one.get(userId, form, key) as Row | undefined;
        return row ? toRecord(row) : null;
      },
      /** A user's drafts, newest first (a clerk has a handful at most: one per form and instance). */
      list(userId: number): DraftRecord[] {
        return (all.all(userId) as Row[]).map(toRecord);
      },
    },
    write: {
      /** Last write wins: a draft is the form as it stood at the latest save. */
      save(userId: number, form: DraftForm, key: string, data: string, savedAt: string): void {
        upsert.run(userId, form, key, data, savedAt);
      },
      /** True when there was a draft to remove. */
      remove(userId: number, form: DraftForm, key: string): boolean {
        return remove.run(userId, form, key).changes > 0;
      },
    },
  };
}
export type DraftStore = ReturnType<typeof createDraftStore>;
