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

const GENESIS = '0'.repeat(64);

function chainHash(prev: string, e: { at: string; userId: number | null; action: string; entity: string | null; entityId: number | null; data: string }): string {
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
  const all = db.prepare('SELECT id, at, user_id, action, entity, entity_id, data, prev_hash, hash FROM audit_log ORDER BY id');

  return {
    /** Call inside the transaction that makes the change, so the record and the change land together. */
    append(entry: AuditEntry): void {
      const prev = (last.get() as string | undefined) ?? GENESIS;
      const data = JSON.stringify(entry.data ?? {});
      const hash = chainHash(prev, { ...entry, data });
      insert.run(entry.at, entry.userId, entry.action, entry.entity, entry.entityId, data, prev, hash);
    },
    /** The id of the first row that does not fit the chain, or null when the chain is whole. */
    verify(): { checked: number; brokenAt: number | null } {
      let prev = GENESIS;
      let checked = 0;
      for (const row of all.iterate() as Iterable<{ id: number; at: string; user_id: number | null; action: string; entity: string | null; entity_id: number | null; data: string; prev_hash: string; hash: string }>) {
        const expected = chainHash(prev, { at: row.at, userId: row.user_id, action: row.action, entity: row.entity, entityId: row.entity_id, data: row.data });
        if (row.prev_hash !== prev || row.hash !== expected) return { checked, brokenAt: row.id };
        prev = row.hash;
        checked++;
      }
      return { checked, brokenAt: null };
    },
  };
}
export type Audit = ReturnType<typeof createAudit>;
