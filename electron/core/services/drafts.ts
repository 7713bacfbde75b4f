import type { DraftRow, DraftView } from '../../../shared/api/schemas/drafts';
import type { UserView } from '../../../shared/api/schemas/common';
import type { DraftForm } from '../../../shared/domain/drafts';
import type { Db } from '../db/open';
import type { OfficeClock } from '../officeClock';
import type { DraftRecord, DraftStore } from '../store/drafts';
import type { Audit } from './audit';

const SUMMARY_PART = 30;

const textAt = (value: unknown): string => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '');
const cut = (s: string) => (s.length > SUMMARY_PART ? `${s.slice(0, SUMMARY_PART)}…` : s);

/**
 * Who and what a draft is about, read from the form's values: for a registration the
 * complainant's name and what was bought ("张晓明 · 手机屏幕破裂"). The values are the page's,
 * half-typed and unchecked, so anything missing or of the wrong type reads as not yet typed.
 */
export function draftSummary(form: DraftForm, data: Record<string, unknown>): string {
  switch (form) {
    case 'register': {
      const complainant = data.complainant;
      const name = textAt(complainant !== null && typeof complainant === 'object' ? (complainant as Record<string, unknown>).name : undefined);
      const subject = textAt(data.subject) || textAt(data.facts);
      return [cut(name) || '（未填姓名）', cut(subject) || '（未填商品或服务）'].join(' · ');
    }
  }
}

const parsed = (record: DraftRecord): Record<string, unknown> => JSON.parse(record.data) as Record<string, unknown>;
const rowOf = (record: DraftRecord, data = parsed(record)): DraftRow => ({ form: record.form, key: record.key, savedAt: record.savedAt, summary: draftSummary(record.form, data) });

/**
 * 草稿: the half-typed form, kept in the register so a crash, a power cut or a closed window cannot
 * take it (issue [B]). Each call acts on the signed-in user's own drafts only.
 *
 * Saving writes no audit row: a draft is not the record (it becomes one only as a registered case,
 * which is audited then), and the form saves it about once a second while the clerk types, which
 * would bury the chain in keystrokes. Discarding is a deliberate act and is audited, without the
 * draft's content: the trace that a half-typed complaint was dropped and by whom, with no copy of
 * the personal data of someone who never filed it kept in the append-only chain.
 */
export function createDrafts({ db, clock, audit, store }: { db: Db; clock: OfficeClock; audit: Audit; store: DraftStore }) {
  return {
    save(input: { form: DraftForm; key: string; data: Record<string, unknown> }, user: UserView): { savedAt: string } {
      const savedAt = clock.now();
      store.write.save(user.id, input.form, input.key, JSON.stringify(input.data), savedAt);
      return { savedAt };
    },
    list(user: UserView): { drafts: DraftRow[] } {
      return { drafts: store.read.list(user.id).map((r) => rowOf(r)) };
    },
    get(input: { form: DraftForm; key: string }, user: UserView): { draft: DraftView | null } {
      const record = store.read.get(user.id, input.form, input.key);
      if (!record) return { draft: null };
      const data = parsed(record);
      return { draft: { ...rowOf(record, data), data } };
    },
    discard(input: { form: DraftForm; key: string }, user: UserView): { discarded: boolean } {
      return db.transaction(() => {
        const record = store.read.get(user.id, input.form, input.key);
        if (!record) return { discarded: false };
        store.write.remove(user.id, input.form, input.key);
        audit.append({ at: clock.now(), userId: user.id, action: 'drafts.discard', entity: 'draft', entityId: null, data: { form: input.form, key: input.key, savedAt: record.savedAt } });
        return { discarded: true };
      }).immediate();
    },
  };
}
export type Drafts = ReturnType<typeof createDrafts>;
