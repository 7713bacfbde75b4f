import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';

export interface AuditEntry {
  at: string;
  userId: number | null;
  action: string;
  entity: string | null;
  entityId: number | null;
  data: unknown;
}

/** What the first row's hash is taken over in place of a row before it. */
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
 * A row's hash as the chain takes it: 64 hex digits. Stored as its 32 bytes since migration 30; a
 * register not yet upgraded (read at start before its migration, opened read-only, a backup of an
 * older version) still holds the text.
 */
export const hashHex = (stored: Buffer | string): string => (typeof stored === 'string' ? stored : stored.toString('hex'));

type Row = { id: number; at: string; user_id: number | null; action: string; entity: string | null; entity_id: number | null; data: string; hash: Buffer | string };
const COLUMNS = 'id, at, user_id, action, entity, entity_id, data, hash';
const hashOf = (prev: string, row: Row) => chainHash(prev, { at: row.at, userId: row.user_id, action: row.action, entity: row.entity, entityId: row.entity_id, data: row.data });

/**
 * The audit log is hash-chained (DESIGN.md "Data"): each row's hash covers the previous row's,
 * so a removed or edited row breaks the chain from that point on.
 */
export function createAudit(db: Db) {
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck();
  const count = db.prepare('SELECT COUNT(*) FROM audit_log').pluck();
  const lastRow = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const rowAt = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck();
  const all = db.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY id`);
  const after = db.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE id > ? ORDER BY id`);
  const tail = db.prepare('SELECT data FROM audit_log ORDER BY id DESC LIMIT ?').pluck();
  // Prepared at the first append: a connection to a register not yet upgraded only reads.
  let insert: Statement<[string, number | null, string, string | null, number | null, string, Buffer]> | null = null;
  const lastHash = () => {
    const h = last.get() as Buffer | string | undefined;
    return h === undefined ? GENESIS : hashHex(h);
  };
  /** Each row fits the one before, starting from `prev`. */
  const walk = (rows: Iterable<Row>, prev: string): AuditVerification => {
    let checked = 0;
    for (const row of rows) {
      const hash = hashHex(row.hash);
      if (hash !== hashOf(prev, row)) return { ok: false, checked, firstBroken: row.id, reason: 'broken' };
      prev = hash;
      checked++;
    }
    return { ok: true, checked };
  };

  return {
    /** Call inside the transaction that makes the change, so the record and the change land together. */
    append(entry: AuditEntry): void {
      insert ??= db.prepare('INSERT INTO audit_log (at, user_id, action, entity, entity_id, data, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const data = JSON.stringify(entry.data ?? {});
      const hash = chainHash(lastHash(), { ...entry, data });
      insert.run(entry.at, entry.userId, entry.action, entry.entity, entry.entityId, data, Buffer.from(hash, 'hex'));
    },
    /**
     * Re-hashes the whole chain from the first row. `firstBroken` is the id of the first row that
     * does not fit (edited, or following a removed row); every row from there on is suspect.
     */
    verify(): AuditVerification {
      const out = walk(all.iterate() as Iterable<Row>, GENESIS);
      return out.ok ? { ok: true, checked: out.checked } : { ok: false, checked: out.checked, firstBroken: out.firstBroken };
    },
    /**
     * The chain from a mark the app kept beside the office key: the marked row is there with the
     * hash it had, and every row after it fits. Costs the rows written since the mark, not the
     * chain (the whole chain is re-hashed in a worker after the app answers). Catches a chain cut
     * short and one re-hashed after an edit anywhere before the mark; an edit after the mark
     * without re-hashing breaks the rows after it.
     */
    verifyFrom(mark: AuditMark): AuditVerification {
      if (mark.id === 0) return walk(all.iterate() as Iterable<Row>, GENESIS);
      const stored = rowAt.get(mark.id) as Buffer | string | undefined;
      if (stored === undefined) return { ok: false, checked: 0, firstBroken: mark.id, reason: 'cut' };
      const hash = hashHex(stored);
      if (hash !== mark.hash) return { ok: false, checked: 0, firstBroken: mark.id, reason: 'rewritten' };
      return walk(after.iterate(mark.id) as Iterable<Row>, hash);
    },
    /** The data of the last `rows` rows, newest first (by the primary key: the rows read, not the chain). */
    tailData(rows: number): string[] {
      return tail.all(rows) as string[];
    },
    /** The last row's id and hash, in O(1). */
    mark(): AuditMark {
      const r = lastRow.get() as { id: number; hash: Buffer | string } | undefined;
      return r ? { id: r.id, hash: hashHex(r.hash) } : { id: 0, hash: GENESIS };
    },
    /**
     * The chain's head: the last row's hash and the number of rows. Kept outside the database (in
     * a backup's manifest, on a printed notice), it shows later whether history was rewritten or
     * cut short, which the chain alone cannot: anyone holding the file can recompute every hash.
     */
    head(): AuditHead {
      return { hash: lastHash(), rows: count.get() as number };
    },
  };
}
export type Audit = ReturnType<typeof createAudit>;
