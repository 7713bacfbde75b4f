import { createHash } from 'node:crypto';
import type { Db } from '../db/open';

export interface AuditEntry {
  at: string;
  userId: number | null;
  action: string;
  entity: string | null;
  entityId: number | null;
  data: unknown;
}

/** The prev_hash of the first row (migration 0002 checks new rows against it too). */
export const GENESIS = '0'.repeat(64);

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken?: number;
  /** broken: a row does not fit the one before; cut: the chain ends before the row the app last wrote; rewritten: that row's hash changed (the chain was re-hashed). */
  reason?: 'broken' | 'cut' | 'rewritten';
}
/** The last row's id and hash: what the app keeps beside the office key (integrity/checkpoint.ts). */
export interface AuditMark { id: number; hash: string }
export interface AuditHead { hash: string; rows: number }

export function chainHash(prev: string, e: { at: string; userId: number | null; action: string; entity: string | null; entityId: number | null; data: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, e.at, e.userId, e.action, e.entity, e.entityId, e.data]))
    .digest('hex');
}

/**
 * The audit log is hash-chained (DESIGN.md "Data"): each row's hash covers the previous row's,
 * so a removed or edited row breaks the chain from that point on.
 */
export function createAudit(db: Db) {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck();
  const insert = db.prepare(
    'INSERT INTO audit_log (at, user_id, action, entity, entity_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const count = db.prepare('SELECT COUNT(*) FROM audit_log').pluck();
  const all = db.prepare('SELECT id, at, user_id, action, entity, entity_id, data, prev_hash, hash FROM audit_log ORDER BY id');
  const lastRow = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const rowAt = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck();
  const after = db.prepare('SELECT id, at, user_id, action, entity, entity_id, data, prev_hash, hash FROM audit_log WHERE id > ? ORDER BY id');
  type Row = { id: number; at: string; user_id: number | null; action: string; entity: string | null; entity_id: number | null; data: string; prev_hash: string; hash: string };
  const fits = (prev: string, row: Row) =>
    row.prev_hash === prev && row.hash === chainHash(prev, { at: row.at, userId: row.user_id, action: row.action, entity: row.entity, entityId: row.entity_id, data: row.data });

  return {
    /** Call inside the transaction that makes the change, so the record and the change land together. */
    append(entry: AuditEntry): void {
      const prev = (last.get() as string | undefined) ?? GENESIS;
      const data = JSON.stringify(entry.data ?? {});
      const hash = chainHash(prev, { ...entry, data });
      insert.run(entry.at, entry.userId, entry.action, entry.entity, entry.entityId, data, prev, hash);
    },
    /**
     * Re-hashes the whole chain from the first row. `firstBroken` is the id of the first row that
     * does not fit (edited, or following a removed row); every row from there on is suspect.
     */
    verify(): AuditVerification {
      let prev = GENESIS;
      let checked = 0;
      for (const row of all.iterate() as Iterable<{ id: number; at: string; user_id: number | null; action: string; entity: string | null; entity_id: number | null; data: string; prev_hash: string; hash: string }>) {
        const expected = chainHash(prev, { at: row.at, userId: row.user_id, action: row.action, entity: row.entity, entityId: row.entity_id, data: row.data });
        if (row.prev_hash !== prev || row.hash !== expected) return { ok: false, checked, firstBroken: row.id };
        prev = row.hash;
        checked++;
      }
      return { ok: true, checked };
    },
    /**
     * The chain from a mark the app kept beside the office key: the marked row is there with the
     * hash it had, and every row after it fits. Costs the rows written since the mark, not the
     * chain (the whole chain is re-hashed in a worker after the app answers). Catches a chain cut
     * short and one re-hashed after an edit anywhere before the mark; an edit after the mark
     * without re-hashing breaks the rows after it.
     */
    verifyFrom(mark: AuditMark): AuditVerification {
      if (mark.id === 0) {
        let prev = GENESIS;
        let checked = 0;
        for (const row of after.iterate(0) as Iterable<Row>) {
          if (!fits(prev, row)) return { ok: false, checked, firstBroken: row.id, reason: 'broken' };
          prev = row.hash;
          checked++;
        }
        return { ok: true, checked };
      }
      const hash = rowAt.get(mark.id) as string | undefined;
      if (hash === undefined) return { ok: false, checked: 0, firstBroken: mark.id, reason: 'cut' };
      if (hash !== mark.hash) return { ok: false, checked: 0, firstBroken: mark.id, reason: 'rewritten' };
      let prev = hash;
      let checked = 0;
      for (const row of after.iterate(mark.id) as Iterable<Row>) {
        if (!fits(prev, row)) return { ok: false, checked, firstBroken: row.id, reason: 'broken' };
        prev = row.hash;
        checked++;
      }
      return { ok: true, checked };
    },
    /** The last row's id and hash, in O(1). */
    mark(): AuditMark {
      const r = lastRow.get() as AuditMark | undefined;
      return r ?? { id: 0, hash: GENESIS };
    },
    /**
     * The chain's head: the last row's hash and the number of rows. Kept outside the database (in
     * a backup's manifest, on a printed notice), it shows later whether history was rewritten or
     * cut short, which the chain alone cannot: anyone holding the file can recompute every hash.
     */
    head(): AuditHead {
      return { hash: (last.get() as string | undefined) ?? GENESIS, rows: count.get() as number };
    },
  };
}
export type Audit = ReturnType<typeof createAudit>;
